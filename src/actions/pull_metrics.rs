//! Pull a publication's own counts from its channel (Mastodon's favourites, boosts and
//! replies) into its time series. One job per publication, queued when it is published; after
//! each read it puts itself back in the queue for the next one (hourly on the first day, then
//! daily for 30 days), so the reads are durable, claimed once across instances and retried.

use std::sync::Arc;

use chrono::NaiveDateTime;

use crate::channels::{mastodon, Env, Outcome};
use crate::db::Conn;
use crate::domain::channels::Kind;
use crate::domain::metrics::{first_pull, next_pull, NAMES};
use crate::domain::publications::PubState;
use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::jobs::Job;

pub const JOB_KIND: &str = "pull_metrics";

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    publication_id: i64,
}

/// Queues the first read of a publication that went out on a channel that reports counts
/// (in the transaction that records it as published).
pub fn plan(
    conn: &mut Conn,
    publication_id: i64,
    kind: Kind,
    published_at: NaiveDateTime,
    now: NaiveDateTime,
) -> diesel::QueryResult<()> {
    if kind != Kind::Mastodon {
        return Ok(());
    }
    let payload = serde_json::to_string(&Payload { publication_id }).unwrap_or_default();
    store::jobs::enqueue(
        conn,
        store::jobs::NewJob {
            kind: JOB_KIND,
            payload,
            unique_key: Some(format!("metrics:{publication_id}")),
            run_at: first_pull(published_at),
            max_attempts: 8,
        },
        now,
    )?;
    Ok(())
}

pub async fn run(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let Payload { publication_id: id } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let keys = ctx.keys.clone();
    let found = ctx
        .db(move |c| {
            let Some(p) = store::publications::find(c, id).map_err(|e| e.to_string())? else {
                return Ok(None);
            };
            let ch = store::channels::find(c, p.channel_id).map_err(|e| e.to_string())?;
            Ok(ch.map(|ch| (p, ch)))
        })
        .await;
    let (p, ch) = match found {
        Ok(Some(both)) => both,
        // Deleted since: nothing left to read.
        Ok(None) => return JobResult::Done,
        Err(error) => {
            return JobResult::Retry {
                error,
                retry_after: None,
            }
        }
    };
    let (Some(status_id), Some(published_at)) = (p.external_id.clone(), p.published_at) else {
        return JobResult::Done;
    };
    if p.state != PubState::Published || Kind::parse(&ch.kind) != Some(Kind::Mastodon) {
        return JobResult::Done;
    }
    let (config, secrets) = match super::publish::channel_settings(&keys, &ch) {
        Ok(both) => both,
        Err(error) => return JobResult::Dead { error },
    };
    let env = Env {
        http: &ctx.http,
        allow: &ctx.allow,
        jobs: ctx,
    };
    let counts = match mastodon::counts(&env, &config, &secrets, &status_id).await {
        Ok(c) => c,
        // The status was deleted: there is nothing more to count.
        Err(Outcome::Failed {
            http_status: Some(404 | 410),
            ..
        }) => return JobResult::Done,
        Err(Outcome::Failed { error, .. }) => return JobResult::Dead { error },
        Err(Outcome::Retry {
            error, retry_after, ..
        }) => return JobResult::Retry { error, retry_after },
        // A read is safe to repeat.
        Err(o) => {
            return JobResult::Retry {
                error: o.error().unwrap_or("no answer").to_string(),
                retry_after: None,
            }
        }
    };
    let now = ctx.clock.naive();
    let values = [
        counts.favourites_count,
        counts.reblogs_count,
        counts.replies_count,
    ];
    let saved = ctx
        .write(move |c| {
            let readings: Vec<(&str, i64)> = NAMES.iter().copied().zip(values).collect();
            store::metrics::record(c, id, now, &readings)
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
        .await;
    if let Err(error) = saved {
        return JobResult::Retry {
            error,
            retry_after: None,
        };
    }
    match next_pull(published_at, now) {
        Some(at) => JobResult::Defer((at - now).to_std().unwrap_or_default()),
        None => JobResult::Done,
    }
}
