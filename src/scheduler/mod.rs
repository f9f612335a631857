//! Background work on the job table: workers inside `pressroom serve` claim due jobs under a
//! lease, run them, and settle them (done, retry with back-off, dead). Any number of
//! instances can share one PostgreSQL database; periodic jobs fire once per firing.

pub mod clicks;
pub mod clock;
pub mod metrics;
pub mod periodic;
pub mod writer;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDateTime;
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::channels::http::AllowList;
use crate::db::{Conn, Pool};
use crate::domain::retry::{self, Backoff};
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

/// A job's payload; when it cannot be read it never will be, and the job is dead.
pub fn payload<T: serde::de::DeserializeOwned>(job: &Job) -> Result<T, JobResult> {
    serde_json::from_str(&job.payload).map_err(|_| JobResult::Dead {
        error: format!("unreadable payload {:?}", job.payload),
    })
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
    /// Wakes this instance's workers (a job was queued).
    pub wake: Arc<Notify>,
    /// SQLite has one writer at a time: job writes of this process go to one thread that
    /// commits them in batches, instead of sleeping in SQLite's busy handler. `None` on
    /// PostgreSQL, which locks rows.
    pub writer: Option<writer::Writer>,
    pub metrics: Arc<metrics::Metrics>,
}

impl JobContext {
    /// Like `db`, for work that writes, all of it or (if `f` fails) none of it. On SQLite it
    /// joins the writer's next batch.
    pub async fn write<T, F>(&self, f: F) -> Result<T, String>
    where
        F: FnOnce(&mut Conn) -> Result<T, String> + Send + 'static,
        T: Send + 'static,
    {
        self.write_in(f, false).await
    }

    /// Like `write`, for writes whose loss in a crash only makes work run again (a job's claim
    /// or end): on PostgreSQL their commit does not wait for the disk. On SQLite the writer's
    /// batch carries them as it carries every other write.
    pub async fn write_relaxed<T, F>(&self, f: F) -> Result<T, String>
    where
        F: FnOnce(&mut Conn) -> Result<T, String> + Send + 'static,
        T: Send + 'static,
    {
        self.write_in(f, true).await
    }

    async fn write_in<T, F>(&self, f: F, relaxed: bool) -> Result<T, String>
    where
        F: FnOnce(&mut Conn) -> Result<T, String> + Send + 'static,
        T: Send + 'static,
    {
        match &self.writer {
            Some(w) => w.write(f).await,
            None if relaxed => self.db(move |c| writer::relaxed_all_or_nothing(c, f)).await,
            None => self.db(move |c| writer::all_or_nothing(c, f)).await,
        }
    }

    /// Runs blocking diesel work off the async workers.
    pub async fn db<T, F>(&self, f: F) -> Result<T, String>
    where
        F: FnOnce(&mut Conn) -> Result<T, String> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let (result, queued) = tokio::task::spawn_blocking(move || {
            let result = pool
                .get()
                .map_err(|e| format!("no database connection: {e}"))
                .and_then(|mut c| f(&mut c));
            (result, jobs::take_queued())
        })
        .await
        .map_err(|e| format!("database task failed: {e}"))?;
        if queued {
            self.wake.notify_one();
        }
        result
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
    /// PostgreSQL: where to LISTEN for jobs other instances queue.
    pub listen_url: Option<String>,
}

struct Inner {
    ctx: Arc<JobContext>,
    settings: Settings,
    worker_id: String,
    wake: Arc<Notify>,
    stopping: AtomicBool,
    running: Mutex<HashSet<i64>>,
    /// When this instance last looked for jobs whose lease ran out.
    last_sweep: Mutex<NaiveDateTime>,
}

impl Inner {
    /// When a claim made (or renewed) at `now` runs out.
    fn lease_from(&self, now: NaiveDateTime) -> NaiveDateTime {
        now + chrono::Duration::from_std(self.settings.lease).unwrap_or_default()
    }
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
            wake: ctx.wake.clone(),
            ctx: Arc::new(ctx),
            settings,
            worker_id,
            stopping: AtomicBool::new(false),
            running: Mutex::new(HashSet::new()),
            last_sweep: Mutex::new(NaiveDateTime::MIN),
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
            if let Some(url) = s.inner.settings.listen_url.clone() {
                listen(url, Arc::downgrade(&s.inner));
            }
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

/// PostgreSQL's LISTEN on a connection of its own, in a thread: a NOTIFY from any instance
/// wakes our workers at once. Reading notifications is a non-blocking socket read, not a
/// query. Ends when the scheduler is gone or stopping.
fn listen(url: String, inner: std::sync::Weak<Inner>) {
    use diesel::{Connection, RunQueryDsl};
    std::thread::spawn(move || loop {
        let alive = |i: &std::sync::Weak<Inner>| {
            i.upgrade()
                .filter(|i| !i.stopping.load(Ordering::SeqCst))
                .is_some()
        };
        if !alive(&inner) {
            return;
        }
        let mut conn = match diesel::PgConnection::establish(&url) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "cannot LISTEN for jobs; polling only");
                std::thread::sleep(Duration::from_secs(5));
                continue;
            }
        };
        if diesel::sql_query(format!("LISTEN {}", jobs::CHANNEL))
            .execute(&mut conn)
            .is_err()
        {
            std::thread::sleep(Duration::from_secs(5));
            continue;
        }
        loop {
            let Some(i) = inner.upgrade() else { return };
            if i.stopping.load(Ordering::SeqCst) {
                return;
            }
            let (mut heard, mut broken) = (false, false);
            for n in conn.notifications_iter() {
                match n {
                    Ok(_) => heard = true,
                    Err(_) => {
                        broken = true;
                        break;
                    }
                }
            }
            if heard {
                i.wake.notify_one();
            }
            drop(i);
            if broken {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
}

fn hostname() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "pressroom".into())
}

/// A job that ran, and how the table should record it.
#[derive(Clone)]
struct Finished {
    job: Job,
    settle: Settle,
}

async fn run_loop(inner: Arc<Inner>) {
    let capacity = inner.settings.workers;
    let mut set: JoinSet<Finished> = JoinSet::new();
    let mut finished: Vec<Finished> = vec![];
    loop {
        while let Some(done) = set.try_join_next() {
            finished.extend(done.ok());
        }
        let stopping = inner.stopping.load(Ordering::SeqCst);
        let free = if stopping {
            0
        } else {
            capacity.saturating_sub(set.len())
        };
        // One write for both: what finished is recorded, and the next due jobs are claimed.
        // Kept until written: if the database is away, they are recorded on the next try.
        let claimed = match settle_and_claim(&inner, finished.clone(), free).await {
            Ok(jobs) => {
                finished.clear();
                jobs
            }
            Err(e) => {
                tracing::warn!(error = %e, "claiming jobs failed; trying again shortly");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if stopping {
            break;
        }
        let n = claimed.len();
        for job in claimed {
            inner.running.lock().expect("running set").insert(job.id);
            set.spawn(run_one(inner.clone(), job));
        }
        // More may be due: claim again as soon as there is room.
        if n == free && free > 0 {
            continue;
        }
        let pause = if set.len() >= capacity {
            inner.settings.poll
        } else {
            until_next_due(&inner).await
        };
        tokio::select! {
            _ = inner.wake.notified() => {}
            Some(done) = set.join_next(), if !set.is_empty() => finished.extend(done.ok()),
            _ = tokio::time::sleep(pause) => {}
        }
    }
    // Let running jobs finish within the grace period and record them; `shutdown` gives
    // back whatever is still held after that.
    let grace = Duration::from_secs(20);
    let _ = tokio::time::timeout(grace, async {
        while let Some(done) = set.join_next().await {
            finished.extend(done.ok());
        }
    })
    .await;
    set.abort_all();
    if let Err(e) = settle_and_claim(&inner, finished, 0).await {
        tracing::warn!(error = %e, "could not record the last jobs; their leases will run out");
    }
}

/// Records finished jobs (the done ones in one statement) and claims up to `n` due ones,
/// in one transaction.
async fn settle_and_claim(
    inner: &Arc<Inner>,
    finished: Vec<Finished>,
    n: usize,
) -> Result<Vec<Job>, String> {
    if finished.is_empty() && n == 0 {
        return Ok(vec![]);
    }
    let now = inner.ctx.clock.naive();
    let lease_until = inner.lease_from(now);
    let worker = inner.worker_id.clone();
    let ids: Vec<i64> = finished.iter().map(|f| f.job.id).collect();
    // Leases run out after `lease`: looking for them once a second is soon enough, and spares
    // a statement in every round of a busy worker.
    let sweep = {
        let mut last = inner.last_sweep.lock().expect("last sweep");
        let due = *last + chrono::Duration::seconds(1) <= now;
        if due {
            *last = now;
        }
        due
    };
    let claimed = inner
        .ctx
        // Losing this commit in a crash only runs a job again, which every job tolerates
        // (publications and mail check their own durable state).
        .write_relaxed(move |c| {
            let done: Vec<i64> = finished
                .iter()
                .filter(|f| f.settle == Settle::Done)
                .map(|f| f.job.id)
                .collect();
            let mut run = || -> diesel::QueryResult<Vec<Job>> {
                for f in finished.iter().filter(|f| f.settle != Settle::Done) {
                    if !jobs::settle(c, &worker, f.job.id, &f.settle, now)? {
                        tracing::warn!(
                            job = f.job.id,
                            "job was taken over by another worker (lease ran out)"
                        );
                    }
                }
                jobs::settle_done_and_claim(c, &worker, &done, now, lease_until, n as i64, sweep)
            };
            run().map_err(|e| e.to_string())
        })
        .await;
    if claimed.is_ok() {
        let mut running = inner.running.lock().expect("running set");
        for id in ids {
            running.remove(&id);
        }
    }
    claimed
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
        let until = inner.lease_from(inner.ctx.clock.naive());
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
async fn run_one(inner: Arc<Inner>, job: Job) -> Finished {
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
    Finished { job, settle }
}

fn backoff(kind: &str, ctx: &JobContext) -> Backoff {
    match kind {
        crate::store::publications::JOB_KIND => retry::PUBLISH,
        crate::mail::JOB_KIND => retry::mail(ctx.mail_settings.retry_secs),
        _ => retry::OTHER,
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
        crate::actions::publish::SETTLE_IDEA => {
            crate::actions::publish::settle_idea(ctx, job).await
        }
        crate::actions::pull_metrics::JOB_KIND => crate::actions::pull_metrics::run(ctx, job).await,
        crate::actions::pull_inbox::JOB_KIND => crate::actions::pull_inbox::run(ctx, job).await,
        crate::actions::reply_to_conversation::JOB_KIND => {
            crate::actions::reply_to_conversation::run(ctx, job).await
        }
        crate::actions::boost_message::JOB_KIND => {
            crate::actions::boost_message::run(ctx, job).await
        }
        crate::actions::receive_message::ALERT_JOB => {
            crate::actions::inbox_alert::run(ctx, job).await
        }
        periodic::HOUSEKEEPING => periodic::housekeeping(ctx).await,
        // Does nothing: the benchmark measures the engine itself with it.
        "noop" => JobResult::Done,
        other => JobResult::Dead {
            error: format!("no handler for jobs of kind {other:?}"),
        },
    }
}
