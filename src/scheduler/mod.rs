//! Background work on the job table: workers inside `pressroom serve` claim due jobs under a
//! lease, run them, and settle them (done, retry with back-off, dead). Any number of
//! instances can share one PostgreSQL database; periodic jobs fire once per firing.

pub mod clock;
pub mod metrics;
pub mod periodic;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDateTime;
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::channels::http::AllowList;
use crate::db::{Conn, Pool};
use crate::domain::retry::{Backoff, PUBLISH};
use crate::store::jobs::{self, Job, Settle};

pub use clock::Clock;

/// How a job's run ended, as its handler sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum JobResult {
    Done,
    /// Try again after the back-off (or the channel's `Retry-After`, if longer).
    Retry {
        error: String,
        retry_after: Option<Duration>,
    },
    /// Try again at this time (the handler chose it, e.g. to show it to people).
    RetryAt {
        error: String,
        at: NaiveDateTime,
    },
    /// No point in trying again.
    Dead {
        error: String,
    },
    /// Not run now; back in the queue after this long, without using up an attempt.
    Defer(Duration),
}

/// What jobs need to run: the database, the time, outbound HTTP, mail and the settings.
pub struct JobContext {
    pub pool: Pool,
    pub clock: Clock,
    pub http: reqwest::Client,
    pub allow: AllowList,
    pub keys: Vec<[u8; 32]>,
    pub base_url: String,
    pub mail: crate::mail::Composer,
    pub mail_settings: crate::mail::Settings,
    pub mail_sender: Arc<crate::mail::Sender>,
    pub metrics: Arc<metrics::Metrics>,
}

impl JobContext {
    /// Runs blocking diesel work off the async workers.
    pub async fn db<T, F>(&self, f: F) -> Result<T, String>
    where
        F: FnOnce(&mut Conn) -> Result<T, String> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = pool
                .get()
                .map_err(|e| format!("no database connection: {e}"))?;
            f(&mut c)
        })
        .await
        .map_err(|e| format!("database task failed: {e}"))?
    }
}

/// Tuning of one instance's workers.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Jobs run at once by this instance; 0 = a web-only instance.
    pub workers: usize,
    /// How long a claim holds; renewed while the job runs.
    pub lease: Duration,
    /// Longest sleep between looks at the table when nothing wakes us.
    pub poll: Duration,
}

struct Inner {
    ctx: Arc<JobContext>,
    settings: Settings,
    worker_id: String,
    wake: Notify,
    stopping: AtomicBool,
    running: Mutex<HashSet<i64>>,
}

/// A handle on this instance's workers.
#[derive(Clone)]
pub struct Scheduler {
    inner: Arc<Inner>,
    stopped: Arc<Notify>,
    done: Arc<AtomicBool>,
}

impl Scheduler {
    /// Starts the workers (none with `workers == 0`) and the periodic firings.
    pub fn start(ctx: JobContext, settings: Settings) -> Scheduler {
        let worker_id = format!(
            "{}-{}-{:08x}",
            hostname(),
            std::process::id(),
            rand::random::<u32>()
        );
        let inner = Arc::new(Inner {
            ctx: Arc::new(ctx),
            settings,
            worker_id,
            wake: Notify::new(),
            stopping: AtomicBool::new(false),
            running: Mutex::new(HashSet::new()),
        });
        let s = Scheduler {
            inner: inner.clone(),
            stopped: Arc::new(Notify::new()),
            done: Arc::new(AtomicBool::new(inner.settings.workers == 0)),
        };
        if inner.settings.workers > 0 {
            let (stopped, done) = (s.stopped.clone(), s.done.clone());
            tokio::spawn(async move {
                run_loop(inner.clone()).await;
                done.store(true, Ordering::SeqCst);
                stopped.notify_waiters();
            });
            tokio::spawn(renew_loop(s.inner.clone()));
            tokio::spawn(periodic::run(s.clone()));
        }
        s
    }

    /// Look at the table now (a job was just queued).
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    pub fn clock(&self) -> &Clock {
        &self.inner.ctx.clock
    }

    pub fn context(&self) -> &Arc<JobContext> {
        &self.inner.ctx
    }

    pub fn worker_id(&self) -> &str {
        &self.inner.worker_id
    }

    /// Stops claiming, lets running jobs finish within `grace`, and gives the rest back to
    /// the queue for another instance (or the next start).
    pub async fn shutdown(&self, grace: Duration) {
        self.inner.stopping.store(true, Ordering::SeqCst);
        self.inner.wake.notify_one();
        if !self.done.load(Ordering::SeqCst) {
            let _ =
                tokio::time::timeout(grace + Duration::from_secs(1), self.stopped.notified()).await;
        }
        let (worker, now) = (self.inner.worker_id.clone(), self.clock().naive());
        let released = self
            .inner
            .ctx
            .db(move |c| jobs::release(c, &worker, now).map_err(|e| e.to_string()))
            .await;
        match released {
            Ok(n) if n > 0 => tracing::info!(jobs = n, "gave unfinished jobs back to the queue"),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "could not give jobs back; their leases will run out")
            }
        }
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "pressroom".into())
}

async fn run_loop(inner: Arc<Inner>) {
    let capacity = inner.settings.workers;
    let mut set: JoinSet<()> = JoinSet::new();
    loop {
        if inner.stopping.load(Ordering::SeqCst) {
            break;
        }
        let free = capacity.saturating_sub(set.len());
        let mut claimed = 0;
        if free > 0 {
            match claim(&inner, free).await {
                Ok(found) => {
                    claimed = found.len();
                    for job in found {
                        inner.running.lock().expect("running set").insert(job.id);
                        set.spawn(run_one(inner.clone(), job));
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "claiming jobs failed; trying again shortly");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            }
        }
        // More may be due: claim again as soon as there is room.
        if claimed == free && free > 0 {
            continue;
        }
        let pause = if set.len() >= capacity {
            inner.settings.poll
        } else {
            until_next_due(&inner).await
        };
        tokio::select! {
            _ = inner.wake.notified() => {}
            Some(_) = set.join_next(), if !set.is_empty() => {}
            _ = tokio::time::sleep(pause) => {}
        }
    }
    let grace = Duration::from_secs(20);
    let _ = tokio::time::timeout(grace, async { while set.join_next().await.is_some() {} }).await;
    set.abort_all();
}

async fn claim(inner: &Arc<Inner>, n: usize) -> Result<Vec<Job>, String> {
    let now = inner.ctx.clock.naive();
    let lease_until = now + chrono::Duration::from_std(inner.settings.lease).unwrap_or_default();
    let worker = inner.worker_id.clone();
    inner
        .ctx
        .db(move |c| jobs::claim(c, &worker, now, lease_until, n as i64).map_err(|e| e.to_string()))
        .await
}

async fn until_next_due(inner: &Arc<Inner>) -> Duration {
    let next = inner
        .ctx
        .db(|c| jobs::next_due(c).map_err(|e| e.to_string()))
        .await
        .ok()
        .flatten();
    let poll = inner.settings.poll;
    match next {
        Some(at) => (at - inner.ctx.clock.naive())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(poll)
            // Never spin: a job due "now" that we could not claim is someone else's.
            .max(Duration::from_millis(5)),
        None => poll,
    }
}

async fn renew_loop(inner: Arc<Inner>) {
    let every = inner.settings.lease / 3;
    loop {
        tokio::time::sleep(every).await;
        if inner.stopping.load(Ordering::SeqCst)
            && inner.running.lock().expect("running set").is_empty()
        {
            return;
        }
        let ids: Vec<i64> = inner
            .running
            .lock()
            .expect("running set")
            .iter()
            .copied()
            .collect();
        if ids.is_empty() {
            continue;
        }
        let until = inner.ctx.clock.naive()
            + chrono::Duration::from_std(inner.settings.lease).unwrap_or_default();
        let worker = inner.worker_id.clone();
        if let Err(e) = inner
            .ctx
            .db(move |c| jobs::renew(c, &worker, &ids, until).map_err(|e| e.to_string()))
            .await
        {
            tracing::warn!(error = %e, "renewing job leases failed");
        }
    }
}

/// Runs one job in a task of its own, so a panic is caught and the job retried.
async fn run_one(inner: Arc<Inner>, job: Job) {
    let ctx = inner.ctx.clone();
    let started = std::time::Instant::now();
    let j = job.clone();
    let result = match tokio::spawn(async move { dispatch(&ctx, &j).await }).await {
        Ok(r) => r,
        Err(e) => JobResult::Retry {
            error: format!("the job stopped unexpectedly: {e}"),
            retry_after: None,
        },
    };
    let now = inner.ctx.clock.naive();
    let policy = backoff(&job.kind, &inner.ctx);
    let settle = settlement(&job, &result, now, rand::random::<f64>(), policy);
    inner
        .ctx
        .metrics
        .job_finished(&job.kind, &settle, started.elapsed());
    match &settle {
        Settle::Retry { error, .. } => {
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %error, "job failed; will retry")
        }
        Settle::Dead { error } => {
            tracing::error!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %error, "job failed for good")
        }
        _ => {}
    }
    let worker = inner.worker_id.clone();
    let id = job.id;
    let saved = inner
        .ctx
        .db(move |c| jobs::settle(c, &worker, id, &settle, now).map_err(|e| e.to_string()))
        .await;
    match saved {
        Ok(true) => {}
        Ok(false) => tracing::warn!(
            job = id,
            "job was taken over by another worker (lease ran out)"
        ),
        Err(e) => {
            tracing::warn!(job = id, error = %e, "could not record the job's end; its lease will run out")
        }
    }
    inner.running.lock().expect("running set").remove(&id);
}

fn backoff(kind: &str, ctx: &JobContext) -> Backoff {
    match kind {
        crate::store::publications::JOB_KIND => PUBLISH,
        crate::mail::JOB_KIND => Backoff {
            base: Duration::from_secs(ctx.mail_settings.retry_secs.max(1) as u64),
            cap: Duration::from_secs(3600),
        },
        _ => Backoff {
            base: Duration::from_secs(10),
            cap: Duration::from_secs(3600),
        },
    }
}

/// The table row's next state for a handler's result.
fn settlement(
    job: &Job,
    result: &JobResult,
    now: NaiveDateTime,
    jitter: f64,
    policy: Backoff,
) -> Settle {
    let after = |d: Duration| now + chrono::Duration::from_std(d).unwrap_or_default();
    match result {
        JobResult::Done => Settle::Done,
        JobResult::Dead { error } => Settle::Dead {
            error: error.clone(),
        },
        JobResult::Retry { error, .. } | JobResult::RetryAt { error, .. }
            if job.attempts >= job.max_attempts =>
        {
            Settle::Dead {
                error: error.clone(),
            }
        }
        JobResult::RetryAt { error, at } => Settle::Retry {
            at: *at,
            error: error.clone(),
        },
        JobResult::Retry { error, retry_after } => Settle::Retry {
            at: after(policy.delay(job.attempts, jitter, *retry_after)),
            error: error.clone(),
        },
        JobResult::Defer(d) => Settle::Defer { at: after(*d) },
    }
}

/// The handler of each kind of job.
async fn dispatch(ctx: &Arc<JobContext>, job: &Job) -> JobResult {
    match job.kind.as_str() {
        crate::store::publications::JOB_KIND => crate::actions::publish::run(ctx, job).await,
        crate::mail::JOB_KIND => crate::mail::run_job(ctx, job).await,
        periodic::HOUSEKEEPING => periodic::housekeeping(ctx).await,
        // Does nothing: the benchmark measures the engine itself with it.
        "noop" => JobResult::Done,
        other => JobResult::Dead {
            error: format!("no handler for jobs of kind {other:?}"),
        },
    }
}
