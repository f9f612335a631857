//! Pulls a Mastodon channel's new mentions (replies to our statuses are mentions too) into the
//! inbox. One job per channel, which puts itself back in the queue after each round (every
//! minute unless the channel says otherwise). It pages on from the newest notification taken
//! (`min_id`), page by page, and moves its cursor in the transaction that stores the page: a
//! round that fails midway keeps what it stored and goes on from there next time, so nothing
//! is skipped; a message seen twice (a repeated item, two instances) is stored once.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;

use crate::channels::{mastodon, Env, Outcome};
use crate::domain::channels::Kind;
use crate::domain::inbox::text_of_html;
use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::inbox::{newer, Incoming};
use crate::store::jobs::Job;

pub use store::inbox::PULL_JOB as JOB_KIND;

/// Most pages one round reads; the rest waits for the next round.
const MAX_PAGES: usize = 25;

#[derive(Deserialize)]
struct Payload {
    channel_id: i64,
}

/// How long a channel waits between rounds (`inbox_minutes`, one by default).
fn every(config: &crate::domain::channels::Settings) -> Duration {
    let minutes = config
        .get("inbox_minutes")
        .and_then(|m| m.parse::<u64>().ok())
        .filter(|m| *m > 0)
        .unwrap_or(1);
    Duration::from_secs(60 * minutes)
}

fn incoming(n: mastodon::Notification) -> Option<Incoming> {
    let s = n.status?;
    let at = chrono::DateTime::parse_from_rfc3339(&s.created_at)
        .ok()?
        .naive_utc();
    Some(Incoming {
        external_id: s.id,
        in_reply_to: s.in_reply_to_id,
        author: n.account.acct,
        author_name: n.account.display_name,
        author_url: n.account.url,
        text: text_of_html(&s.content),
        url: s.url,
        visibility: s.visibility,
        at,
    })
}

pub async fn run(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let Payload { channel_id } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let found = ctx
        .db(move |c| {
            let e = |e: diesel::result::Error| e.to_string();
            let ch = store::channels::find(c, channel_id).map_err(e)?;
            let cursor = store::inbox::cursor(c, channel_id).map_err(e)?;
            let tz = super::receive_message::team_tz(c).map_err(e)?;
            Ok((ch, cursor, tz))
        })
        .await;
    let (ch, mut cursor, tz) = match found {
        Ok((Some(ch), cursor, tz)) => (ch, cursor, tz),
        // The channel is gone: nothing left to pull.
        Ok((None, ..)) => return JobResult::Done,
        Err(error) => {
            return JobResult::Retry {
                error,
                retry_after: None,
            }
        }
    };
    if Kind::parse(&ch.kind) != Some(Kind::Mastodon) {
        return JobResult::Done;
    }
    let (config, secrets) = match super::publish::channel_settings(&ctx.keys, &ch) {
        Ok(both) => both,
        Err(error) => {
            return JobResult::RetryAt {
                error,
                at: ctx.clock.naive() + chrono::Duration::minutes(10),
            }
        }
    };
    let round = every(&config);
    let env = Env {
        http: &ctx.http,
        allow: &ctx.allow,
        jobs: ctx,
    };
    for _ in 0..MAX_PAGES {
        let page = match mastodon::mentions(&env, &config, &secrets, cursor.as_deref()).await {
            Ok(p) => p,
            Err(o) => {
                // Tried again next round, from the cursor as stored.
                let error = o.error().unwrap_or("no answer").to_string();
                let wait = match o {
                    Outcome::Retry {
                        retry_after: Some(d),
                        ..
                    } => d.max(round),
                    // Refused (a token without the notifications scope): that does not mend
                    // itself within a minute.
                    Outcome::Failed { .. } => round.max(Duration::from_secs(15 * 60)),
                    _ => round,
                };
                return JobResult::RetryAt {
                    error,
                    at: ctx.clock.naive() + chrono::Duration::from_std(wait).unwrap_or_default(),
                };
            }
        };
        let full = page.len() >= mastodon::PAGE;
        let mut items: Vec<(String, Option<Incoming>)> = page
            .into_iter()
            .map(|n| {
                let id = n.id.clone();
                (id, incoming(n))
            })
            .collect();
        // Oldest first, so a conversation's messages come in the order they were written.
        items.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
        let Some(newest) = items.last().map(|i| i.0.clone()) else {
            break;
        };
        if cursor.as_deref().is_some_and(|c| !newer(&newest, c)) {
            // A server that ignores min_id: nothing newer here.
            break;
        }
        let (ch2, now) = (ch.clone(), ctx.clock.naive());
        let last = newest.clone();
        let stored = ctx
            .write(move |c| {
                for (_, m) in items.iter() {
                    if let Some(m) = m {
                        super::receive_message::receive_message(c, &ch2, m, tz, now)
                            .map_err(|e| e.to_string())?;
                    }
                }
                store::inbox::advance_cursor(c, ch2.id, &last, now).map_err(|e| e.to_string())
            })
            .await;
        if let Err(error) = stored {
            return JobResult::Retry {
                error,
                retry_after: None,
            };
        }
        cursor = Some(newest);
        if !full {
            break;
        }
    }
    JobResult::Defer(round)
}
