//! Publish one variant: the job behind every publication. Loads what the post needs, marks
//! the publication as being sent, hands it to its channel's adapter, and records what came of
//! it — published (and the idea with it, once all its variants are out), retried later, failed,
//! or unconfirmed — telling the editors when a person is needed.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::channels::{
    self, Delivery, DeliveryContent, DeliveryIdea, DeliveryVariant, Env, Outcome,
};
use crate::db::Conn;
use crate::domain::channels::{Kind, Settings};
use crate::domain::links::{self, Utm};
use crate::domain::publications::PubState;
use crate::domain::retry::PUBLISH;
use crate::domain::workflow::State;
use crate::mail::Composer;
use crate::scheduler::{JobContext, JobResult};
use crate::store;
use crate::store::jobs::Job;
use crate::store::publications::{AttemptRecord, Publication};

/// While a channel is paused its due posts wait; resuming makes them due at once.
const PAUSED_RECHECK: Duration = Duration::from_secs(300);

#[derive(serde::Deserialize)]
struct Payload {
    publication_id: i64,
}

/// What the job found when it looked.
enum Ready {
    Send(Box<Delivery>, NaiveDateTime),
    /// Nothing to do (already settled, or taken off the plan).
    Nothing,
    Wait(Duration),
    /// It cannot go out, for a reason retrying will not change.
    Broken(String),
}

pub async fn run(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let Payload { publication_id: id } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let (keys, base_url, now) = (ctx.keys.clone(), ctx.base_url.clone(), ctx.clock.naive());
    // Losing the "publishing" mark in a crash changes nothing: the job runs again and sends
    // with the same idempotency key either way.
    let ready = ctx
        .write_relaxed(move |c| prepare(c, id, &keys, &base_url, now).map_err(|e| e.to_string()))
        .await;
    let (delivery, scheduled_at) = match ready {
        Ok(Ready::Send(d, at)) => (d, at),
        Ok(Ready::Nothing) => return JobResult::Done,
        Ok(Ready::Wait(d)) => return JobResult::Defer(d),
        Ok(Ready::Broken(error)) => {
            let outcome = Outcome::Failed {
                error,
                http_status: None,
            };
            return record(ctx, id, job, &outcome, None, Duration::ZERO).await;
        }
        Err(error) => {
            return JobResult::Retry {
                error,
                retry_after: None,
            }
        }
    };
    let started = std::time::Instant::now();
    let env = Env {
        http: &ctx.http,
        allow: &ctx.allow,
        jobs: ctx,
    };
    let outcome = channels::publish(&env, &delivery).await;
    ctx.metrics
        .publish_attempt(delivery.kind.as_str(), outcome.name());
    if matches!(outcome, Outcome::Published { .. }) {
        let late = (ctx.clock.naive() - scheduled_at).num_milliseconds() as f64 / 1000.0;
        ctx.metrics.published_late_by(late);
    }
    tracing::info!(
        publication = id,
        channel = %delivery.channel_name,
        attempt = job.attempts,
        outcome = outcome.name(),
        error = outcome.error().unwrap_or(""),
        "publish attempt"
    );
    record(ctx, id, job, &outcome, Some(&delivery), started.elapsed()).await
}

/// Loads the publication and everything its post needs, and marks it as being sent.
fn prepare(
    c: &mut Conn,
    id: i64,
    keys: &[[u8; 32]],
    base_url: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<Ready> {
    let Some((p, v, content, idea, department, ch)) = store::publications::post(c, id)? else {
        return Ok(Ready::Nothing);
    };
    if !matches!(p.state, PubState::Pending | PubState::Publishing) {
        return Ok(Ready::Nothing);
    }
    let Some(at) = v.scheduled_at else {
        return Ok(Ready::Nothing);
    };
    if at > now {
        // Moved later since the job was queued: wait for the new time.
        return Ok(Ready::Wait((at - now).to_std().unwrap_or_default()));
    }
    if ch.paused_at.is_some() {
        return Ok(Ready::Wait(PAUSED_RECHECK));
    }
    let Some(kind) = Kind::parse(&ch.kind) else {
        return Ok(Ready::Broken(format!("unknown channel kind {:?}", ch.kind)));
    };
    let (config, secrets) = match channel_settings(keys, &ch) {
        Ok(both) => both,
        Err(broken) => return Ok(Ready::Broken(broken)),
    };
    if !store::publications::start(c, id, now)? {
        return Ok(Ready::Nothing);
    }
    let utm = Utm {
        source: ch.name.clone(),
        medium: links::medium(&ch.kind),
        campaign: if idea.pillar.trim().is_empty() {
            "pressroom".into()
        } else {
            idea.pillar.clone()
        },
        content: format!("variant-{}", v.id),
    };
    let (text, link) = tracked(c, p.id, &v.text, &v.link, &utm, base_url, now)?;
    let images = v.image_list();
    Ok(Ready::Send(
        Box::new(Delivery {
            publication_id: p.id,
            idempotency_key: p.idempotency_key,
            channel_id: ch.id,
            channel_name: ch.name,
            kind,
            config,
            secrets,
            variant: DeliveryVariant {
                id: v.id,
                language: v.language,
                text,
                link,
                subject: v.subject,
                preheader: v.preheader,
                images,
                scheduled_at: at.and_utc().to_rfc3339(),
            },
            content: DeliveryContent {
                id: content.id,
                title: content.title,
            },
            idea: DeliveryIdea {
                id: idea.id,
                title: idea.title,
                department,
                pillar: idea.pillar,
            },
            base_url: base_url.to_string(),
        }),
        at,
    ))
}

/// A channel's settings and its secrets, opened with the current (or a previous) key.
pub(crate) fn channel_settings(
    keys: &[[u8; 32]],
    ch: &store::channels::Channel,
) -> Result<(Settings, Settings), String> {
    let secrets: Settings = if ch.secrets.is_empty() {
        Settings::new()
    } else {
        crate::security::open(keys, &ch.secrets)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or("the channel's secrets cannot be opened with the current keys")?
    };
    Ok((
        serde_json::from_str(&ch.config).unwrap_or_default(),
        secrets,
    ))
}

/// The variant's text and link with every web link replaced by its tracked link
/// (`{base}/l/{code}`), whose target carries the UTM parameters. The codes are made once per
/// publication and link, so every attempt sends the same ones.
fn tracked(
    c: &mut Conn,
    publication_id: i64,
    text: &str,
    link: &str,
    utm: &Utm,
    base_url: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<(String, String)> {
    let mut urls = links::links_in(text);
    if !link.is_empty() && !urls.iter().any(|u| u == link) {
        urls.push(link.to_string());
    }
    let pairs: Vec<(String, String)> = urls
        .into_iter()
        .filter_map(|u| links::with_utm(&u, utm).map(|t| (u, t)))
        .collect();
    if pairs.is_empty() {
        return Ok((text.to_string(), link.to_string()));
    }
    let codes = store::links::ensure(c, publication_id, &pairs, now)?;
    Ok(links::tracked_post(text, link, base_url, |url| {
        codes.get(url).map(|l| l.code.as_str())
    }))
}

/// Records the attempt, moves the publication on and answers the job engine.
async fn record(
    ctx: &Arc<JobContext>,
    id: i64,
    job: &Job,
    outcome: &Outcome,
    delivery: Option<&Delivery>,
    took: Duration,
) -> JobResult {
    let now = ctx.clock.naive();
    let last_try = job.attempts >= job.max_attempts;
    let (to, result) = match outcome {
        Outcome::Published { .. } => (PubState::Published, JobResult::Done),
        Outcome::Retry { error, .. } if last_try => (
            PubState::Failed,
            JobResult::Dead {
                error: format!("gave up after {} attempts: {error}", job.attempts),
            },
        ),
        Outcome::Retry {
            error, retry_after, ..
        } => {
            let wait = PUBLISH.delay(job.attempts, rand::random::<f64>(), *retry_after);
            let at = now + chrono::Duration::from_std(wait).unwrap_or_default();
            (
                PubState::Pending,
                JobResult::RetryAt {
                    error: error.clone(),
                    at,
                },
            )
        }
        Outcome::Failed { error, .. } => (
            PubState::Failed,
            JobResult::Dead {
                error: error.clone(),
            },
        ),
        // The job is over; a person decides whether it goes again.
        Outcome::Unconfirmed { .. } => (PubState::Unconfirmed, JobResult::Done),
    };
    let next_retry = match &result {
        JobResult::RetryAt { at, .. } => Some(*at),
        _ => None,
    };
    let (external_id, url) = match outcome {
        Outcome::Published {
            external_id, url, ..
        } => (external_id.clone(), url.clone()),
        _ => (None, None),
    };
    let error = outcome
        .error()
        .map(|e| e.chars().take(2000).collect::<String>());
    let mail = ctx.mail.clone();
    let channel_name = delivery.map(|d| d.channel_name.clone());
    let piece = delivery.map(|d| (d.content.id, d.idea.id));
    let kind = delivery.map(|d| d.kind);
    let status = outcome.http_status().map(i32::from);
    let outcome_name = outcome.name();
    let saved = ctx
        // `write` makes it all or nothing already; a transaction inside would only add a
        // savepoint's round trips per post.
        .write(move |c| {
            let mut save = || -> Result<(), crate::error::AppError> {
                if let (PubState::Published, Some(kind)) = (to, kind) {
                    super::pull_metrics::plan(c, id, kind, now, now)?;
                }
                store::publications::finish(
                    c,
                    id,
                    &AttemptRecord {
                        outcome: outcome_name,
                        http_status: status,
                        error: error.as_deref(),
                        duration_ms: took.as_millis() as i64,
                    },
                    to,
                    external_id.as_deref(),
                    url.as_deref(),
                    next_retry,
                    now,
                )?;
                after_settled(
                    c,
                    &mail,
                    id,
                    to,
                    piece,
                    channel_name.as_deref(),
                    error.as_deref(),
                    now,
                )
            };
            save().map_err(|e| e.to_string())
        })
        .await;
    match saved {
        Ok(()) => result,
        // The post went out (or not) but we could not write it down: the job runs again and
        // finds the publication "publishing", which resends with the same idempotency key.
        Err(e) => JobResult::Retry {
            error: format!("could not record the attempt: {e}"),
            retry_after: None,
        },
    }
}

/// The job that publishes an idea once all its variants are out.
pub const SETTLE_IDEA: &str = "settle_idea";

#[derive(serde::Serialize, serde::Deserialize)]
struct SettleIdea {
    content_id: i64,
    idea_id: i64,
}

/// After a publication settles: the idea is published once every variant is, and editors
/// hear of anything that needs a person.
#[allow(clippy::too_many_arguments)]
fn after_settled(
    c: &mut Conn,
    mail: &Composer,
    id: i64,
    to: PubState,
    piece: Option<(i64, i64)>,
    channel: Option<&str>,
    error: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), crate::error::AppError> {
    if let (PubState::Published, Some((content_id, idea_id))) = (to, piece) {
        // Whether the idea is published now is settled by a job of its own, queued behind
        // the posts already due: in a burst the posts go out first and the ideas follow.
        let payload = serde_json::to_string(&SettleIdea {
            content_id,
            idea_id,
        })
        .unwrap_or_default();
        let job = store::jobs::NewJob {
            kind: SETTLE_IDEA,
            payload,
            unique_key: None,
            run_at: now,
            max_attempts: 10,
        };
        store::jobs::enqueue(c, job, now)?;
        return Ok(());
    }
    let Some((p, _, content, idea, _, _)) = store::publications::post(c, id)? else {
        return Ok(());
    };
    if to == PubState::Published {
        publish_idea_if_complete(c, mail, content.id, &idea)?;
    } else if to.needs_attention() {
        alert(c, mail, &p, &idea, &content.title, channel, error)?;
    }
    Ok(())
}

/// Runs a `SETTLE_IDEA` job. Running it twice does no harm: a published idea stays as it is.
pub async fn settle_idea(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    let SettleIdea {
        content_id,
        idea_id,
    } = match crate::scheduler::payload(job) {
        Ok(p) => p,
        Err(end) => return end,
    };
    let mail = ctx.mail.clone();
    let settled = ctx
        .write(move |c| {
            let mut settle = || -> Result<(), crate::error::AppError> {
                let idea = match store::ideas::reload(c, idea_id) {
                    Err(diesel::result::Error::NotFound) => return Ok(()),
                    found => found?,
                };
                publish_idea_if_complete(c, &mail, content_id, &idea)
            };
            settle().map_err(|e| e.to_string())
        })
        .await;
    match settled {
        Ok(()) => JobResult::Done,
        Err(error) => JobResult::Retry {
            error,
            retry_after: None,
        },
    }
}

/// The idea is published when all its variants are.
pub fn publish_idea_if_complete(
    c: &mut Conn,
    mail: &Composer,
    content_id: i64,
    idea: &store::ideas::Idea,
) -> Result<(), crate::error::AppError> {
    if idea.state != State::Scheduled {
        return Ok(());
    }
    if store::publications::unpublished_in(c, content_id)? == 0 {
        super::transition_idea::transition_by_system(c, mail, idea, State::Published)?;
    }
    Ok(())
}

/// Mails every editor and admin that a post needs them.
fn alert(
    c: &mut Conn,
    mail: &Composer,
    p: &Publication,
    idea: &store::ideas::Idea,
    title: &str,
    channel: Option<&str>,
    error: Option<&str>,
) -> diesel::QueryResult<()> {
    let key = if p.state == PubState::Unconfirmed {
        "mail-publication-unconfirmed"
    } else {
        "mail-publication-failed"
    };
    for editor in store::users::editors(c)? {
        mail.notify(
            c,
            &editor,
            "publishing",
            key,
            idea.id,
            &[
                ("title", title.to_string()),
                ("channel", channel.unwrap_or("").to_string()),
                ("error", error.unwrap_or("").to_string()),
            ],
        )?;
    }
    Ok(())
}
