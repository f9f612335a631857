//! A real SMTP listener on loopback that keeps what it receives, for the mail tests.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    /// The message as sent, with quoted-printable soft breaks and escapes undone.
    pub text: String,
}

#[derive(Clone, Default)]
pub struct Inbox(Arc<Mutex<Vec<Received>>>);

impl Inbox {
    pub fn all(&self) -> Vec<Received> {
        self.0.lock().unwrap().clone()
    }

    /// Waits until `n` messages arrived (the app sends from a background task on this test's
    /// runtime, so the wait must yield to it).
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            let all = self.all();
            if all.len() >= n {
                return all;
            }
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {n} mails, got {:#?}", self.all());
    }

    pub fn to(&self, email: &str) -> Vec<Received> {
        self.all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == email))
            .collect()
    }
}

/// A port with nothing listening on it yet.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts the listener on `port` in its own thread; it runs until the test process ends.
pub fn listen(port: u16) -> Inbox {
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("SMTP port free");
    let inbox = Inbox::default();
    let keep = inbox.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let keep = keep.clone();
            std::thread::spawn(move || {
                let _ = session(stream, &keep);
            });
        }
    });
    inbox
}

fn session(stream: TcpStream, inbox: &Inbox) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    out.write_all(b"220 test SMTP ready\r\n")?;
    let mut to = vec![];
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            out.write_all(b"250-test\r\n250 8BITMIME\r\n")?;
        } else if upper.starts_with("MAIL FROM") {
            to.clear();
            out.write_all(b"250 OK\r\n")?;
        } else if upper.starts_with("RCPT TO") {
            let addr = line.split(['<', '>']).nth(1).unwrap_or("").to_string();
            to.push(addr);
            out.write_all(b"250 OK\r\n")?;
        } else if upper.starts_with("DATA") {
            out.write_all(b"354 go on\r\n")?;
            let mut data = String::new();
            loop {
                line.clear();
                lines.read_line(&mut line)?;
                if line == ".\r\n" || line == ".\n" || line.is_empty() {
                    break;
                }
                data.push_str(&line);
            }
            // Unfold long header lines (RFC 5322 §2.2.3) before reading the subject.
            let text = unquote(&data).replace("\r\n ", " ").replace("\r\n\t", " ");
            let subject = text
                .lines()
                .find_map(|l| l.strip_prefix("Subject: "))
                .unwrap_or("")
                .to_string();
            inbox.0.lock().unwrap().push(Received {
                to: to.clone(),
                subject,
                text,
            });
            out.write_all(b"250 queued\r\n")?;
        } else if upper.starts_with("QUIT") {
            out.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            out.write_all(b"250 OK\r\n")?;
        }
    }
}

/// Undoes quoted-printable: soft line breaks and `=XX` escapes.
fn unquote(data: &str) -> String {
    let joined = data.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
