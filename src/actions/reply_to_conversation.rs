//! An editor answers a conversation from Pressroom. The reply is checked against the channel's
//! rules before anything is stored, then goes out through the job engine under one idempotency
//! key, as publications do: a Mastodon reply (`in_reply_to_id`) to the latest message, or a
//! signed `inbox.reply` event to a webhook channel's receiver. Once it is out, the
//! conversation is answered and its clock stops.

use std::sync::Arc;

use chrono::NaiveDateTime;

use super::ActionError;
use crate::channels::{mastodon, webhook, Env, Outcome};
use crate::db::Conn;
use crate::domain::channels::Kind;
use crate::domain::inbox::reply_text;
use crate::domain::validate::FieldErrors;
use crate::domain::variants::{self, VariantText};
use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::inbox::{Ours, IN, OUT};
use crate::store::jobs::Job;
use crate::store::users::User;

pub const JOB_KIND: &str = "send_reply";

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    message_id: i64,
}

/// Queues the reply; answers the id of the message that will go out.
pub fn reply_to_conversation(
    c: &mut Conn,
    actor: &User,
    conversation_id: i64,
    text: &str,
    now: NaiveDateTime,
) -> Result<i64, ActionError> {
    crate::db::write_tx(c, |c| {
        let conv = store::inbox::find(c, conversation_id)?.ok_or(ActionError::NotFound)?;
        let ch = store::channels::find(c, conv.channel_id)?.ok_or(ActionError::NotFound)?;
        let kind = Kind::parse(&ch.kind);
        if !matches!(kind, Some(Kind::Mastodon | Kind::Webhook)) {
            return Err(ActionError::Refused("error-inbox-cannot-reply"));
        }
        let messages = store::inbox::messages(c, &[conv.id])?;
        let Some(last) = messages.iter().rev().find(|m| m.kind == IN) else {
            return Err(ActionError::Refused("error-inbox-cannot-reply"));
        };
        let mut errors = FieldErrors::new();
        crate::domain::validate::lines(&mut errors, "text", text, 5000);
        if text.trim().is_empty() {
            errors.insert("text", "error-required");
        }
        if !errors.is_empty() {
            return Err(ActionError::Invalid(errors));
        }
        let text = if kind == Some(Kind::Mastodon) {
            reply_text(text, &last.author)
        } else {
            text.trim().to_string()
        };
        let config: crate::domain::channels::Settings =
            serde_json::from_str(&ch.config).unwrap_or_default();
        let limit = config.get("max_characters").and_then(|m| m.parse().ok());
        let problems = variants::check(
            kind.unwrap_or(Kind::Webhook),
            limit,
            &VariantText {
                text: &text,
                ..Default::default()
            },
        );
        if let Some(p) = problems.first() {
            return Err(ActionError::ChannelRule(*p));
        }
        let key = format!("msg_{}", crate::security::random_token());
        let id = store::inbox::add_ours(
            c,
            &Ours {
                conversation_id: conv.id,
                channel_id: ch.id,
                kind: OUT,
                user_id: actor.id,
                author_name: &actor.name,
                text: &text,
                in_reply_to: last.external_id.as_deref(),
                visibility: last.visibility.as_deref(),
                idempotency_key: Some(&key),
            },
            now,
        )?;
        store::jobs::enqueue(
            c,
            store::jobs::NewJob {
                kind: JOB_KIND,
                payload: serde_json::to_string(&Payload { message_id: id }).unwrap_or_default(),
                unique_key: Some(format!("reply:{id}")),
                run_at: now,
                max_attempts: 8,
            },
            now,
        )?;
        Ok(id)
    })
}

/// A job's message and its channel; `Err` is how the job ends without them (gone: done;
/// the database away: retry).
pub(super) async fn load(
    ctx: &Arc<JobContext>,
    id: i64,
) -> Result<(store::inbox::Message, store::channels::Channel), JobResult> {
    let found = ctx
        .db(move |c| store::inbox::message_on_channel(c, id).map_err(|e| e.to_string()))
        .await;
    match found {
        Ok(Some(both)) => Ok(both),
        Ok(None) => Err(JobResult::Done),
        Err(error) => Err(JobResult::Retry {
            error,
            retry_after: None,
        }),
    }
}

/// The job: sends the reply and records what came of it.
pub async fn run(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let Payload { message_id: id } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let keys = ctx.keys.clone();
    let (m, ch) = match load(ctx, id).await {
        Ok(both) => both,
        Err(end) => return end,
    };
    if m.send_state.as_deref() != Some("pending") {
        return JobResult::Done;
    }
    let (config, secrets) = match super::publish::channel_settings(&keys, &ch) {
        Ok(both) => both,
        Err(error) => {
            return settle(
                ctx,
                id,
                Outcome::Failed {
                    error,
                    http_status: None,
                },
            )
            .await
        }
    };
    let env = Env {
        http: &ctx.http,
        allow: &ctx.allow,
        jobs: ctx,
    };
    let key = m.idempotency_key.clone().unwrap_or_default();
    let outcome = match Kind::parse(&ch.kind) {
        Some(Kind::Mastodon) => {
            mastodon::reply(
                &env,
                &config,
                &secrets,
                &m.text,
                m.in_reply_to.as_deref().unwrap_or(""),
                m.visibility.as_deref().unwrap_or("public"),
                &key,
            )
            .await
        }
        Some(Kind::Webhook) => {
            let body = serde_json::json!({
                "event": "inbox.reply",
                "conversation_id": m.conversation_id,
                "message_id": m.id,
                "in_reply_to": m.in_reply_to,
                "text": m.text,
            });
            webhook::deliver(&env, &config, &secrets, &key, body.to_string()).await
        }
        _ => Outcome::Failed {
            error: "this channel cannot send replies".into(),
            http_status: None,
        },
    };
    tracing::info!(message = id, channel = %ch.name, outcome = outcome.name(), error = outcome.error().unwrap_or(""), "reply attempt");
    settle(ctx, id, outcome).await
}

async fn settle(ctx: &Arc<JobContext>, id: i64, outcome: Outcome) -> JobResult {
    if let Outcome::Retry {
        error, retry_after, ..
    } = outcome
    {
        return JobResult::Retry { error, retry_after };
    }
    let now = ctx.clock.naive();
    let written = ctx
        .write(move |c| {
            match outcome {
                Outcome::Published {
                    external_id, url, ..
                } => store::inbox::reply_sent(c, id, external_id.as_deref(), url.as_deref(), now),
                // It may be out: sending it again could answer twice. An editor looks.
                Outcome::Unconfirmed { error } => {
                    store::inbox::reply_not_sent(c, id, "unconfirmed", &error)
                }
                Outcome::Failed { error, .. } | Outcome::Retry { error, .. } => {
                    store::inbox::reply_not_sent(c, id, "failed", &error)
                }
            }
            .map_err(|e| e.to_string())
        })
        .await;
    match written {
        Ok(()) => JobResult::Done,
        Err(error) => JobResult::Retry {
            error,
            retry_after: None,
        },
    }
}
