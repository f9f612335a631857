//! Periodic jobs from cron expressions. Every instance queues each firing under the unique key
//! (name, fire time), so the firing runs once however many instances there are; after a
//! downtime only the last missed firing is queued, not every one.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{JobContext, JobResult, Scheduler};
use crate::store::jobs::{self, NewJob};

pub const HOUSEKEEPING: &str = "housekeeping";

/// (job kind, cron expression in UTC).
pub const PERIODIC: &[(&str, &str)] = &[(HOUSEKEEPING, "0 17 * * * * *")];

/// The latest firing at or before `now`, looking back at most a week.
pub fn last_firing(schedule: &cron::Schedule, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let from = now - chrono::Duration::days(7);
    schedule.after(&from).take_while(|t| *t <= now).last()
}

pub fn firing_key(name: &str, at: DateTime<Utc>) -> String {
    format!("periodic:{name}:{}", at.format("%Y-%m-%dT%H:%M:%SZ"))
}

async fn queue(ctx: &Arc<JobContext>, name: &'static str, at: DateTime<Utc>) {
    let now = ctx.clock.naive();
    let job = NewJob {
        kind: name,
        payload: "{}".into(),
        unique_key: Some(firing_key(name, at)),
        run_at: at.naive_utc(),
        max_attempts: 3,
    };
    if let Err(e) = ctx
        .db(move |c| jobs::enqueue(c, job, now).map_err(|e| e.to_string()))
        .await
    {
        tracing::warn!(job = name, error = %e, "could not queue a periodic job");
    }
}

/// Queues the last missed firing of each periodic job, then each next one as it comes.
pub async fn run(s: Scheduler) {
    let ctx = s.context().clone();
    let schedules: Vec<(&'static str, cron::Schedule)> = PERIODIC
        .iter()
        .map(|(n, e)| {
            (
                *n,
                cron::Schedule::from_str(e).expect("periodic cron expressions are valid"),
            )
        })
        .collect();
    for (name, sched) in &schedules {
        if let Some(at) = last_firing(sched, ctx.clock.now()) {
            queue(&ctx, name, at).await;
        }
    }
    s.wake();
    loop {
        let now = ctx.clock.now();
        let next = schedules
            .iter()
            .filter_map(|(n, sc)| sc.after(&now).next().map(|t| (*n, t)))
            .min_by_key(|(_, t)| *t);
        let Some((name, at)) = next else { return };
        let wait = (at - now).to_std().unwrap_or(Duration::ZERO);
        tokio::time::sleep(wait.min(Duration::from_secs(60))).await;
        if ctx.clock.now() >= at {
            queue(&ctx, name, at).await;
            s.wake();
        }
    }
}

/// Expired sessions, old login failures and finished jobs go; SQLite's full-text index is
/// merged a step further (`search::merge_index`).
pub async fn housekeeping(ctx: &Arc<JobContext>) -> JobResult {
    let week_ago = ctx.clock.naive() - chrono::Duration::days(7);
    let done = ctx
        .db(move |c| {
            let sessions = crate::store::sessions::delete_expired(c).map_err(|e| e.to_string())?;
            let failures = crate::store::throttle::prune(c).map_err(|e| e.to_string())?;
            let old_jobs = jobs::prune(c, week_ago).map_err(|e| e.to_string())?;
            crate::store::search::merge_index(c, false).map_err(|e| e.to_string())?;
            Ok((sessions, failures, old_jobs))
        })
        .await;
    match done {
        Ok((s, f, j)) => {
            tracing::debug!(sessions = s, login_failures = f, jobs = j, "housekeeping");
            JobResult::Done
        }
        Err(error) => JobResult::Retry {
            error,
            retry_after: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn after_a_downtime_only_the_last_firing_is_due() {
        let hourly = cron::Schedule::from_str("0 17 * * * * *").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 5, 0).unwrap();
        assert_eq!(
            last_firing(&hourly, now),
            Some(Utc.with_ymd_and_hms(2026, 11, 23, 9, 17, 0).unwrap())
        );
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 17, 0).unwrap();
        assert_eq!(
            firing_key("housekeeping", at),
            "periodic:housekeeping:2026-11-23T09:17:00Z"
        );
    }
}
