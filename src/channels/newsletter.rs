//! Newsletter: one mail per confirmed subscriber of the variant's language, sent through the
//! channel's own SMTP server with a pool, throttled. Each recipient is recorded before their
//! mail is handed over, so a send resumed after a crash mails nobody twice. Every mail has a
//! one-click unsubscribe (RFC 8058) and a link to the unsubscribe page.

use std::time::Duration;

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};

use super::{Adapter, Delivery, Env, Outcome};
use crate::domain::html::escape;
use crate::store::subscribers::{self, Subscriber};

pub struct Newsletter;

const BATCH: i64 = 100;
/// Mails per second unless the channel says otherwise (`max_per_minute`).
const DEFAULT_PER_MINUTE: u64 = 600;

fn failed(error: String) -> Outcome {
    Outcome::Failed {
        error,
        http_status: None,
    }
}

/// The SMTP server is a user-given address too: it must be public or allow-listed.
async fn check_server(env: &Env<'_>, smtp_url: &str) -> Result<(), String> {
    let url = url::Url::parse(smtp_url).map_err(|e| format!("bad SMTP URL: {e}"))?;
    let host = url
        .host_str()
        .ok_or("the SMTP URL names no host")?
        .trim_matches(['[', ']'])
        .to_string();
    let port = url.port().unwrap_or(587);
    let as_http = url::Url::parse(&format!("https://{}:{port}/", url.host_str().unwrap_or("")))
        .map_err(|e| e.to_string())?;
    if env.allow.allows_url(&as_http) {
        return Ok(());
    }
    let addrs: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
        .await
        .map_err(|e| format!("cannot resolve {host}: {e}"))?
        .collect();
    match addrs.iter().find(|a| !super::http::is_public(a.ip())) {
        Some(a) => Err(format!(
            "{} is not a public address (allow it in PRESSROOM_ALLOWED_HOSTS if it is yours)",
            a.ip()
        )),
        None => Ok(()),
    }
}

struct Letter {
    from: Mailbox,
    reply_to: Option<Mailbox>,
    subject: String,
    plain: String,
    html: String,
}

/// `pixel`: the address of this recipient's open-counting image, where the channel counts
/// opens.
fn message(
    letter: &Letter,
    to: &Subscriber,
    unsubscribe: &str,
    footer: &str,
    pixel: Option<&str>,
) -> Result<Message, String> {
    let to: Mailbox = to.email.parse().map_err(|e| format!("bad address: {e}"))?;
    let mut b = Message::builder()
        .from(letter.from.clone())
        .to(to)
        .subject(letter.subject.clone())
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii("List-Unsubscribe".into()).map_err(|e| e.to_string())?,
            format!("<{unsubscribe}>"),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii("List-Unsubscribe-Post".into())
                .map_err(|e| e.to_string())?,
            "List-Unsubscribe=One-Click".into(),
        ));
    if let Some(r) = &letter.reply_to {
        b = b.reply_to(r.clone());
    }
    let plain = format!("{}\n\n-- \n{footer}\n{unsubscribe}\n", letter.plain);
    let pixel = pixel
        .map(|src| {
            format!(
                "<img src=\"{}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">",
                escape(src)
            )
        })
        .unwrap_or_default();
    let html = format!(
        "{}<hr><p style=\"font-size:small\">{} <a href=\"{unsubscribe}\">{unsubscribe}</a></p>{pixel}",
        letter.html,
        escape(footer)
    );
    b.multipart(MultiPart::alternative_plain_html(plain, html))
        .map_err(|e| e.to_string())
}

/// The image whose loading counts an open of this subscriber's mail: `/o/{publication}/{token}.gif`,
/// the token signed for this publication and subscriber, so opens cannot be made up.
pub fn open_pixel(base_url: &str, key: &[u8; 32], publication: i64, subscriber: i64) -> String {
    format!(
        "{base_url}/o/{publication}/{}.gif",
        crate::security::subscriber_token(key, &open_purpose(publication), subscriber)
    )
}

/// What an open token is signed for.
pub fn open_purpose(publication: i64) -> String {
    format!("open:{publication}")
}

/// A refusal of this one recipient (5xx for the address) rather than of the whole send.
fn recipient_refused(e: &lettre::transport::smtp::Error) -> bool {
    e.is_permanent()
}

impl Adapter for Newsletter {
    async fn publish(&self, env: &Env<'_>, d: &Delivery) -> Outcome {
        let Some(smtp_url) = d.secrets.get("smtp_url").cloned() else {
            return failed("the channel has no SMTP server".into());
        };
        if let Err(e) = check_server(env, &smtp_url).await {
            return failed(e);
        }
        let from: Mailbox = match d.config.get("from_address").map(|a| a.parse()) {
            Some(Ok(m)) => m,
            _ => return failed("the channel has no valid sender address".into()),
        };
        let reply_to = d.config.get("reply_to").and_then(|a| a.parse().ok());
        let per_minute = d
            .config
            .get("max_per_minute")
            .and_then(|v| v.parse::<u64>().ok())
            .filter(|n| *n > 0)
            .unwrap_or(DEFAULT_PER_MINUTE);
        let pause = Duration::from_millis(60_000 / per_minute);
        let transport = match SmtpTransport::from_url(&smtp_url) {
            Ok(b) => b.timeout(Some(Duration::from_secs(30))).build(),
            Err(e) => return failed(format!("bad SMTP URL: {e}")),
        };
        let preheader = if d.variant.preheader.is_empty() {
            String::new()
        } else {
            format!(
                "<div style=\"display:none;max-height:0;overflow:hidden\">{}</div>",
                escape(&d.variant.preheader)
            )
        };
        let link = if d.variant.link.is_empty() {
            String::new()
        } else {
            format!("\n\n{}", d.variant.link)
        };
        let letter = Letter {
            from,
            reply_to,
            subject: d.variant.subject.clone(),
            plain: format!("{}{link}", d.variant.text),
            html: format!(
                "{preheader}{}{}",
                crate::web::markdown::to_safe_html(&d.variant.text),
                if d.variant.link.is_empty() {
                    String::new()
                } else {
                    format!("<p><a href=\"{0}\">{0}</a></p>", escape(&d.variant.link))
                }
            ),
        };
        let footer = env
            .jobs
            .mail
            .i18n
            .t(&d.variant.language, "newsletter-mail-footer");
        let (channel, language, publication) =
            (d.channel_id, d.variant.language.clone(), d.publication_id);
        let count_opens =
            crate::domain::channels::switched_on(&d.config, crate::domain::channels::TRACK_OPENS);
        loop {
            let lang = language.clone();
            let batch = match env
                .jobs
                .db(move |c| {
                    subscribers::next_recipients(c, channel, &lang, publication, BATCH)
                        .map_err(|e| e.to_string())
                })
                .await
            {
                Ok(b) => b,
                Err(error) => {
                    return Outcome::Retry {
                        error,
                        http_status: None,
                        retry_after: None,
                    }
                }
            };
            if batch.is_empty() {
                break;
            }
            for s in batch {
                let sid = s.id;
                let mine = env
                    .jobs
                    .write(move |c| {
                        subscribers::begin_delivery(c, publication, sid).map_err(|e| e.to_string())
                    })
                    .await;
                match mine {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(error) => {
                        return Outcome::Retry {
                            error,
                            http_status: None,
                            retry_after: None,
                        }
                    }
                }
                let unsubscribe = format!(
                    "{}/newsletters/unsubscribe/{}",
                    d.base_url,
                    crate::security::subscriber_token(&env.jobs.keys[0], "unsubscribe", s.id)
                );
                let pixel = count_opens
                    .then(|| open_pixel(&d.base_url, &env.jobs.keys[0], publication, s.id));
                let sent = match message(&letter, &s, &unsubscribe, &footer, pixel.as_deref()) {
                    Ok(m) => {
                        let t = transport.clone();
                        tokio::task::spawn_blocking(move || t.send(&m).map(|_| ()))
                            .await
                            .map_err(|e| format!("mail task failed: {e}"))
                            .and_then(|r| {
                                r.map_err(|e| {
                                    if recipient_refused(&e) {
                                        format!("refused: {e}")
                                    } else {
                                        format!("server: {e}")
                                    }
                                })
                            })
                    }
                    Err(e) => Err(format!("refused: {e}")),
                };
                let now = env.jobs.clock.naive();
                let error = sent.as_ref().err().cloned();
                // The server did not take it (away, or "try later"): this recipient is tried
                // again with the rest on the next attempt.
                let again = error.as_deref().is_some_and(|e| !e.starts_with("refused"));
                let _ = env
                    .jobs
                    .write(move |c| {
                        if again {
                            subscribers::cancel_delivery(c, publication, sid)
                        } else {
                            subscribers::end_delivery(c, publication, sid, error.as_deref(), now)
                        }
                        .map_err(|e| e.to_string())
                    })
                    .await;
                if let Err(e) = sent {
                    if again {
                        return Outcome::Retry {
                            error: format!("the mail server failed: {e}"),
                            http_status: None,
                            retry_after: None,
                        };
                    }
                    tracing::warn!(subscriber = sid, error = %e, "newsletter recipient refused");
                }
                tokio::time::sleep(pause).await;
            }
        }
        Outcome::Published {
            external_id: None,
            url: None,
            http_status: None,
        }
    }
}
