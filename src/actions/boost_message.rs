//! One click boosts a mention on the channel (a Mastodon reblog), through the job engine.

use std::sync::Arc;

use chrono::NaiveDateTime;

use super::ActionError;
use crate::channels::{mastodon, Env, Outcome};
use crate::db::Conn;
use crate::domain::channels::Kind;
use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::inbox::IN;
use crate::store::jobs::Job;
use crate::store::users::User;

pub const JOB_KIND: &str = "boost";

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    message_id: i64,
}

pub fn boost_message(
    c: &mut Conn,
    actor: &User,
    conversation_id: i64,
    message_id: i64,
    now: NaiveDateTime,
) -> Result<(), ActionError> {
    crate::db::write_tx(c, |c| {
        let m = store::inbox::message(c, message_id)?
            .filter(|m| m.conversation_id == conversation_id && m.kind == IN)
            .ok_or(ActionError::NotFound)?;
        let ch = store::channels::find(c, m.channel_id)?.ok_or(ActionError::NotFound)?;
        if Kind::parse(&ch.kind) != Some(Kind::Mastodon) || m.external_id.is_none() {
            return Err(ActionError::Refused("error-inbox-cannot-boost"));
        }
        store::jobs::enqueue(
            c,
            store::jobs::NewJob {
                kind: JOB_KIND,
                payload: serde_json::to_string(&Payload { message_id }).unwrap_or_default(),
                // Boosting twice is the same boost: one job per message.
                unique_key: Some(format!("boost:{message_id}")),
                run_at: now,
                max_attempts: 8,
            },
            now,
        )?;
        store::audit::record(
            c,
            Some(actor.id),
            "conversation.boosted",
            &format!("conversation {conversation_id}"),
            &format!("message {message_id}"),
        )?;
        Ok(())
    })
}

pub async fn run(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let Payload { message_id: id } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let (m, ch) = match super::reply_to_conversation::load(ctx, id).await {
        Ok(both) => both,
        Err(end) => return end,
    };
    let (config, secrets) = match super::publish::channel_settings(&ctx.keys, &ch) {
        Ok(both) => both,
        Err(error) => return JobResult::Dead { error },
    };
    let env = Env {
        http: &ctx.http,
        allow: &ctx.allow,
        jobs: ctx,
    };
    let status = m.external_id.clone().unwrap_or_default();
    match mastodon::reblog(&env, &config, &secrets, &status).await {
        Outcome::Published { .. } => {
            let now = ctx.clock.naive();
            match ctx
                .write(move |c| store::inbox::mark_boosted(c, id, now).map_err(|e| e.to_string()))
                .await
            {
                Ok(()) => JobResult::Done,
                Err(error) => JobResult::Retry {
                    error,
                    retry_after: None,
                },
            }
        }
        Outcome::Failed { error, .. } => JobResult::Dead { error },
        Outcome::Retry {
            error, retry_after, ..
        } => JobResult::Retry { error, retry_after },
        // A boost is safe to repeat.
        Outcome::Unconfirmed { error } => JobResult::Retry {
            error,
            retry_after: None,
        },
    }
}
