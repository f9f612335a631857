//! Mail: what notifications say (in the recipient's language), and the job that sends each
//! outbox row through SMTP or, without `PRESSROOM_SMTP_URL`, into files in the data directory.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox};
use lettre::{FileTransport, Message, SmtpTransport, Transport};

use crate::db::Conn;
use crate::i18n::I18n;
use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::jobs::Job;
use crate::store::users::User;

/// Kinds of mail a user can turn off one by one.
pub const KINDS: [&str; 6] = [
    "state",
    "comment",
    "assigned",
    "mention",
    "publishing",
    "inbox",
];

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
        self.notify_at(conn, to, kind, key, &format!("/ideas/{idea_id}"), args)
    }

    /// Like `notify`, for mail about what is at `path` (an inbox conversation).
    pub fn notify_at(
        &self,
        conn: &mut Conn,
        to: &User,
        kind: &str,
        key: &str,
        path: &str,
        args: &[(&str, String)],
    ) -> diesel::QueryResult<()> {
        if to.disabled_at.is_some() || to.mail_off.split(',').any(|k| k == kind) {
            return Ok(());
        }
        let link = format!("{}{path}", self.base_url);
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

/// SMTP or files, built once per instance and shared by the mail jobs.
pub enum Sender {
    Smtp(SmtpTransport),
    Files(FileTransport),
}

impl Sender {
    pub fn from_config(
        smtp_url: Option<&str>,
        data_dir: &std::path::Path,
    ) -> Result<Sender, String> {
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

pub const JOB_KIND: &str = "mail";

/// Sends one queued mail (the job behind every outbox row). A failure is written on the row
/// and the job runs again after the back-off; mail is never dropped.
pub async fn run_job(ctx: &std::sync::Arc<JobContext>, job: &Job) -> JobResult {
    let Some(id) = serde_json::from_str::<serde_json::Value>(&job.payload)
        .ok()
        .and_then(|v| v["mail_id"].as_i64())
    else {
        return JobResult::Dead {
            error: format!("unreadable payload {:?}", job.payload),
        };
    };
    let Ok(Some(mail)) = ctx
        .db(move |c| store::outbox::find(c, id).map_err(|e| e.to_string()))
        .await
    else {
        return JobResult::Done;
    };
    if mail.sent_at.is_some() {
        return JobResult::Done;
    }
    // SMTP is slow and blocking: sent without holding a database connection.
    let (sender, from) = (ctx.mail_sender.clone(), ctx.mail_settings.from.clone());
    let m = mail.clone();
    let result =
        tokio::task::spawn_blocking(move || build(&from, &m).and_then(|m| sender.send(&m)))
            .await
            .unwrap_or_else(|e| Err(format!("the mail task failed: {e}")));
    let base = ctx.mail_settings.retry_secs;
    let now = ctx.clock.naive();
    let sent = ctx
        .db(move |c| match result {
            Ok(()) => {
                store::outbox::mark_sent(c, id).map_err(|e| e.to_string())?;
                Ok(None)
            }
            Err(e) => {
                tracing::warn!(mail = id, to = %mail.to_email, error = %e, "sending mail failed; will retry");
                let wait = crate::domain::retry::mail(base).delay(
                    mail.attempts + 1,
                    rand::random::<f64>(),
                    None,
                );
                let at = now + chrono::Duration::from_std(wait).unwrap_or_default();
                store::outbox::mark_failed(c, &mail, &e, at).map_err(|e| e.to_string())?;
                Ok(Some((e, at)))
            }
        })
        .await;
    match sent {
        Ok(None) => JobResult::Done,
        Ok(Some((error, at))) => JobResult::RetryAt { error, at },
        Err(error) => JobResult::Retry {
            error,
            retry_after: None,
        },
    }
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
            "mail-publication-failed",
            "mail-publication-unconfirmed",
            "mail-inbox-due",
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
