//! Mail: what notifications say (in the recipient's language), and the task that sends the
//! outbox through SMTP or, without `PRESSROOM_SMTP_URL`, into files in the data directory.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox};
use lettre::{FileTransport, Message, SmtpTransport, Transport};

use crate::db::{Conn, Pool};
use crate::i18n::I18n;
use crate::store;
use crate::store::users::User;

/// Kinds of mail a user can turn off one by one.
pub const KINDS: [&str; 4] = ["state", "comment", "assigned", "mention"];

/// Writes notifications into the outbox; used inside the transaction of the change.
#[derive(Clone)]
pub struct Composer {
    pub i18n: Arc<I18n>,
    pub base_url: String,
}

impl Composer {
    /// Queues `key`'s subject and body for `to`, unless they turned that kind off.
    pub fn notify(
        &self,
        conn: &mut Conn,
        to: &User,
        kind: &str,
        key: &str,
        idea_id: i64,
        args: &[(&str, String)],
    ) -> diesel::QueryResult<()> {
        if to.disabled_at.is_some() || to.mail_off.split(',').any(|k| k == kind) {
            return Ok(());
        }
        let link = format!("{}/ideas/{idea_id}", self.base_url);
        let mut all: Vec<(&str, String)> = args.to_vec();
        all.push(("link", link.clone()));
        all.push(("name", to.name.clone()));
        let subject = self.i18n.text(&to.locale, &format!("{key}-subject"), &all);
        let mut body = self.i18n.text(&to.locale, &format!("{key}-body"), &all);
        body.push_str(&format!("\n\n{link}\n\n-- \n"));
        body.push_str(&self.i18n.t(&to.locale, "mail-footer"));
        store::outbox::enqueue(conn, &to.email, &subject, &body)
    }
}

enum Sender {
    Smtp(SmtpTransport),
    Files(FileTransport),
}

impl Sender {
    fn from_config(smtp_url: Option<&str>, data_dir: &std::path::Path) -> Result<Sender, String> {
        match smtp_url {
            Some(url) => SmtpTransport::from_url(url)
                .map(|b| Sender::Smtp(b.timeout(Some(Duration::from_secs(10))).build()))
                .map_err(|e| format!("bad PRESSROOM_SMTP_URL: {e}")),
            None => {
                let dir = data_dir.join("mail");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                Ok(Sender::Files(FileTransport::new(dir)))
            }
        }
    }

    fn send(&self, message: &Message) -> Result<(), String> {
        match self {
            Sender::Smtp(t) => t.send(message).map(|_| ()).map_err(|e| e.to_string()),
            Sender::Files(t) => t.send(message).map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// Checks the mail settings at start, so a bad SMTP URL stops the server with a clear line.
pub fn check_config(smtp_url: Option<&str>, data_dir: &std::path::Path) -> Result<(), String> {
    Sender::from_config(smtp_url, data_dir).map(|_| ())
}

fn build(from: &Mailbox, mail: &store::outbox::Mail) -> Result<Message, String> {
    let to: Mailbox = mail
        .to_email
        .parse()
        .map_err(|e| format!("bad recipient: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| e.to_string())
}

/// What the mail task needs from the configuration.
#[derive(Clone)]
pub struct Settings {
    pub smtp_url: Option<String>,
    pub data_dir: std::path::PathBuf,
    pub from: Mailbox,
    pub retry_secs: i64,
}

impl Settings {
    pub fn of(config: &crate::config::Config) -> Settings {
        Settings {
            smtp_url: config.smtp_url.clone(),
            data_dir: config.data_dir.clone(),
            from: config.mail_from.clone(),
            retry_secs: config.mail_retry_secs,
        }
    }
}

/// Sends what is due; a failure is recorded on the row and retried later with back-off.
pub fn send_due(pool: &Pool, settings: &Settings) -> Result<usize, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let due = store::outbox::due(&mut conn, 50).map_err(|e| e.to_string())?;
    if due.is_empty() {
        return Ok(0);
    }
    let sender = Sender::from_config(settings.smtp_url.as_deref(), &settings.data_dir)?;
    let from = &settings.from;
    let mut sent = 0;
    for mail in due {
        match build(from, &mail).and_then(|m| sender.send(&m)) {
            Ok(()) => {
                store::outbox::mark_sent(&mut conn, mail.id).map_err(|e| e.to_string())?;
                sent += 1;
            }
            Err(e) => {
                tracing::warn!(mail = mail.id, to = %mail.to_email, error = %e, "sending mail failed; will retry");
                store::outbox::mark_failed(&mut conn, &mail, &e, settings.retry_secs)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(sent)
}

/// The background task: looks for due mail every few seconds.
pub fn spawn_sender(pool: Pool, settings: Settings, every: Duration) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(every);
        loop {
            tick.tick().await;
            let (pool, settings) = (pool.clone(), settings.clone());
            let result =
                actix_web::rt::task::spawn_blocking(move || send_due(&pool, &settings)).await;
            match result {
                Ok(Ok(n)) if n > 0 => tracing::info!(sent = n, "mail sent"),
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "mail task"),
                Err(e) => tracing::warn!(error = %e, "mail task panicked"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notification_has_a_subject_and_a_body() {
        let i18n = I18n::load().unwrap();
        for key in [
            "mail-state",
            "mail-comment",
            "mail-mention",
            "mail-assigned",
        ] {
            for part in ["subject", "body"] {
                let k = format!("{key}-{part}");
                assert_ne!(i18n.t("en", &k), k, "{k} is missing");
            }
        }
        for kind in KINDS {
            let k = format!("mail-kind-{kind}");
            assert_ne!(i18n.t("en", &k), k, "{k} is missing");
        }
    }
}
