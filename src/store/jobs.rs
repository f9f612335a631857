//! The job table: enqueue (in the caller's transaction), claim under a lease, and settle.
//! Every state change is one short statement guarded by the lease owner, so a worker that lost
//! its lease cannot overwrite the one that took the job over.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use crate::db::schema::jobs;
use crate::db::Conn;

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const DEAD: &str = "dead";
pub const CANCELLED: &str = "cancelled";

#[derive(Debug, Clone, Queryable, Selectable, QueryableByName)]
#[diesel(table_name = jobs)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub unique_key: Option<String>,
    pub state: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub run_at: NaiveDateTime,
    pub attempts: i32,
    pub max_attempts: i32,
    pub locked_by: Option<String>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub updated_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub finished_at: Option<NaiveDateTime>,
}

thread_local! {
    /// Set when this thread queued a job; the caller of the database work reads it after the
    /// transaction has committed and wakes the workers (see `take_queued`).
    static QUEUED_HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Did this thread queue a job since the last call? Read after committing, on the same thread.
pub fn take_queued() -> bool {
    QUEUED_HERE.with(|q| q.replace(false))
}

/// PostgreSQL: other instances hear of jobs put back in the queue at once (delivered on
/// commit; repeats within one transaction are folded into one by the server). New jobs need
/// no call: a trigger on INSERT notifies (migration `jobs_notify`).
fn announce(conn: &mut Conn) -> QueryResult<()> {
    QUEUED_HERE.with(|q| q.set(true));
    if let Conn::Pg(_) = conn {
        diesel::sql_query("NOTIFY pressroom_jobs").execute(conn)?;
    }
    Ok(())
}

pub const CHANNEL: &str = "pressroom_jobs";

pub struct NewJob<'a> {
    pub kind: &'a str,
    pub payload: String,
    pub unique_key: Option<String>,
    pub run_at: NaiveDateTime,
    pub max_attempts: i32,
}

/// Adds a job; with a unique key that is already taken, nothing happens and `None` comes back
/// (a periodic firing another instance queued, a mail already queued).
pub fn enqueue(conn: &mut Conn, job: NewJob, now: NaiveDateTime) -> QueryResult<Option<i64>> {
    // ON CONFLICT rather than catching the violation: on PostgreSQL a failed statement would
    // abort the caller's transaction.
    let rows: Vec<IdRow> = crate::db::cached(
        "INSERT INTO jobs (kind, payload, unique_key, state, run_at, attempts, max_attempts, \
         created_at, updated_at) VALUES ($1, $2, $3, 'queued', $4, 0, $5, $6, $6) \
         ON CONFLICT (unique_key) DO NOTHING RETURNING id",
    )
    .bind::<Text, _>(job.kind)
    .bind::<Text, _>(&job.payload)
    .bind::<diesel::sql_types::Nullable<Text>, _>(job.unique_key.as_deref())
    .bind::<Timestamp, _>(job.run_at)
    .bind::<Integer, _>(job.max_attempts)
    .bind::<Timestamp, _>(now)
    .load(conn)?;
    if !rows.is_empty() {
        // Other instances hear of it through the INSERT trigger; this one wakes itself.
        QUEUED_HERE.with(|q| q.set(true));
    }
    Ok(rows.first().map(|r| r.id))
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Puts the job with this key (back) in the queue at `run_at`, fresh; creates it if there is
/// none. For publications, whose job follows their schedule. A run still under way loses its
/// lease: its end is then not recorded (the worker sees the job was taken over), so an
/// editor's retry just after a failure is not swallowed by the failed run finishing.
pub fn requeue_unique(conn: &mut Conn, job: NewJob, now: NaiveDateTime) -> QueryResult<()> {
    let key = job.unique_key.clone().expect("requeue needs a unique key");
    let updated = diesel::update(jobs::table.filter(jobs::unique_key.eq(&key)))
        .set((
            jobs::state.eq(QUEUED),
            jobs::locked_by.eq(None::<String>),
            jobs::locked_until.eq(None::<NaiveDateTime>),
            jobs::run_at.eq(job.run_at),
            jobs::attempts.eq(0),
            jobs::max_attempts.eq(job.max_attempts),
            jobs::payload.eq(&job.payload),
            jobs::last_error.eq(None::<String>),
            jobs::finished_at.eq(None::<NaiveDateTime>),
            jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    if updated == 0 {
        enqueue(conn, job, now)?;
    } else {
        announce(conn)?;
    }
    Ok(())
}

/// Cancels the queued job with this key (a variant taken off the plan).
pub fn cancel_unique(conn: &mut Conn, key: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::unique_key.eq(key))
            .filter(jobs::state.eq(QUEUED)),
    )
    .set((
        jobs::state.eq(CANCELLED),
        jobs::finished_at.eq(Some(now)),
        jobs::updated_at.eq(now),
    ))
    .execute(conn)
}

/// Claims up to `limit` due jobs (and, with `expired`, jobs whose lease ran out) for `worker`
/// until `lease_until`. PostgreSQL skips rows other instances hold locked; SQLite has one writer,
/// so the UPDATE is atomic as it is. The only statement whose text differs by backend.
pub fn claim(
    conn: &mut Conn,
    worker: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
    expired: bool,
) -> QueryResult<Vec<Job>> {
    let lock = match conn {
        Conn::Pg(_) => "FOR UPDATE SKIP LOCKED",
        Conn::Sqlite(_) => "",
    };
    // Two statements, so each walks its own index: leases that ran out (rare), then due jobs
    // in the order they fell due.
    let mut claimed = if expired {
        let sql = format!(
            "UPDATE jobs SET state = 'running', locked_by = $1, locked_until = $2, \
             attempts = attempts + 1, updated_at = $3 \
             WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND locked_until < $3 \
             ORDER BY locked_until LIMIT $4 {lock}) RETURNING *"
        );
        crate::db::cached(sql)
            .bind::<Text, _>(worker)
            .bind::<Timestamp, _>(lease_until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(conn)?
    } else {
        vec![]
    };
    let left = limit - claimed.len() as i64;
    if left > 0 {
        let sql = format!(
            "UPDATE jobs SET state = 'running', locked_by = $1, locked_until = $2, \
             attempts = attempts + 1, updated_at = $3 WHERE id IN ({}) RETURNING *",
            first_due("$3", "$4", lock)
        );
        claimed.extend(
            crate::db::cached(sql)
                .bind::<Text, _>(worker)
                .bind::<Timestamp, _>(lease_until)
                .bind::<Timestamp, _>(now)
                .bind::<BigInt, _>(left)
                .load::<Job>(conn)?,
        );
    }
    claimed.sort_by_key(|j| (j.run_at, j.id));
    Ok(claimed)
}

/// The ids of the first `limit` queued jobs that are due at `now`, for a claim. It takes the
/// first queued jobs in order and then keeps the due ones (a job that is not due is followed
/// only by jobs that are not due either): a walk of `jobs_queued` that stops after `limit`
/// rows, whatever the statistics say. With the due condition inside, PostgreSQL, believing a
/// burst of queued jobs to be a handful, bitmap-scanned and sorted the whole queue per claim.
fn first_due(now: &str, limit: &str, lock: &str) -> String {
    format!(
        "SELECT id FROM (SELECT id, run_at FROM jobs WHERE state = 'queued' \
         ORDER BY run_at, id LIMIT {limit} {lock}) AS first WHERE run_at <= {now}"
    )
}

/// A busy worker's round: marks the jobs it finished done and claims up to `limit` due ones
/// (see `claim`). PostgreSQL does both in one statement, so a round costs one round trip and
/// one plan instead of two; SQLite, in process, runs the two as they are.
#[allow(clippy::too_many_arguments)]
pub fn settle_done_and_claim(
    conn: &mut Conn,
    worker: &str,
    done: &[i64],
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
    expired: bool,
) -> QueryResult<Vec<Job>> {
    match conn {
        Conn::Pg(pg) if !expired && limit > 0 => {
            // Both parts see the same snapshot and touch different rows (running ones are
            // marked done, queued ones claimed), so neither can see the other's change.
            let mut claimed: Vec<Job> = crate::db::cached(format!(
                "WITH finished AS ( \
                   UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, \
                   last_error = NULL, finished_at = $3, updated_at = $3 \
                   WHERE id = ANY($4) AND locked_by = $1 AND state = 'running'), \
                 due AS ({}) \
                 UPDATE jobs SET state = 'running', locked_by = $1, locked_until = $2, \
                 attempts = attempts + 1, updated_at = $3 \
                 WHERE id IN (SELECT id FROM due) RETURNING *",
                first_due("$3", "$5", "FOR UPDATE SKIP LOCKED")
            ))
            .bind::<Text, _>(worker)
            .bind::<Timestamp, _>(lease_until)
            .bind::<Timestamp, _>(now)
            .bind::<diesel::sql_types::Array<BigInt>, _>(done)
            .bind::<BigInt, _>(limit)
            .load(pg)?;
            claimed.sort_by_key(|j| (j.run_at, j.id));
            Ok(claimed)
        }
        _ => {
            if !done.is_empty() {
                settle_done(conn, worker, done, now)?;
            }
            if limit == 0 {
                return Ok(vec![]);
            }
            claim(conn, worker, now, lease_until, limit, expired)
        }
    }
}

/// When the next queued job is due, so an idle worker sleeps until then.
pub fn next_due(conn: &mut Conn) -> QueryResult<Option<NaiveDateTime>> {
    // The state as a literal, so both backends read `jobs_queued` (a partial index serves
    // only queries that name its condition).
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = diesel::sql_types::Nullable<Timestamp>)]
        at: Option<NaiveDateTime>,
    }
    let next: Next = crate::db::cached("SELECT min(run_at) AS at FROM jobs WHERE state = 'queued'")
        .get_result(conn)?;
    Ok(next.at)
}

/// Extends the leases of the jobs this worker is running.
pub fn renew(
    conn: &mut Conn,
    worker: &str,
    ids: &[i64],
    lease_until: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq_any(ids))
            .filter(jobs::locked_by.eq(worker))
            .filter(jobs::state.eq(RUNNING)),
    )
    .set(jobs::locked_until.eq(Some(lease_until)))
    .execute(conn)
}

/// How a run ended, as the job table records it.
#[derive(Debug, Clone, PartialEq)]
pub enum Settle {
    Done,
    Retry {
        at: NaiveDateTime,
        error: String,
    },
    Dead {
        error: String,
    },
    /// Not run (a paused channel): back in the queue without using up an attempt.
    Defer {
        at: NaiveDateTime,
    },
}

/// Records how the job ended; `false` if this worker no longer held it.
pub fn settle(
    conn: &mut Conn,
    worker: &str,
    id: i64,
    how: &Settle,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let mine = jobs::table
        .filter(jobs::id.eq(id))
        .filter(jobs::locked_by.eq(worker))
        .filter(jobs::state.eq(RUNNING));
    let n = match how {
        Settle::Done => settle_done(conn, worker, &[id], now)?,
        Settle::Retry { at, error } => diesel::update(mine)
            .set((
                jobs::state.eq(QUEUED),
                jobs::run_at.eq(*at),
                jobs::locked_by.eq(None::<String>),
                jobs::locked_until.eq(None::<NaiveDateTime>),
                jobs::last_error.eq(Some(error)),
                jobs::updated_at.eq(now),
            ))
            .execute(conn)?,
        Settle::Dead { error } => diesel::update(mine)
            .set((
                jobs::state.eq(DEAD),
                jobs::locked_by.eq(None::<String>),
                jobs::locked_until.eq(None::<NaiveDateTime>),
                jobs::last_error.eq(Some(error)),
                jobs::finished_at.eq(Some(now)),
                jobs::updated_at.eq(now),
            ))
            .execute(conn)?,
        Settle::Defer { at } => diesel::update(mine)
            .set((
                jobs::state.eq(QUEUED),
                jobs::run_at.eq(*at),
                jobs::attempts.eq(jobs::attempts - 1),
                jobs::locked_by.eq(None::<String>),
                jobs::locked_until.eq(None::<NaiveDateTime>),
                jobs::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Marks many finished jobs done in one statement (the fast path of a busy worker).
pub fn settle_done(
    conn: &mut Conn,
    worker: &str,
    ids: &[i64],
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq_any(ids))
            .filter(jobs::locked_by.eq(worker))
            .filter(jobs::state.eq(RUNNING)),
    )
    .set((
        jobs::state.eq(DONE),
        jobs::locked_by.eq(None::<String>),
        jobs::locked_until.eq(None::<NaiveDateTime>),
        jobs::last_error.eq(None::<String>),
        jobs::finished_at.eq(Some(now)),
        jobs::updated_at.eq(now),
    ))
    .execute(conn)
}

/// On shutdown: gives back what this worker holds, without using up an attempt.
pub fn release(conn: &mut Conn, worker: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::locked_by.eq(worker))
            .filter(jobs::state.eq(RUNNING)),
    )
    .set((
        jobs::state.eq(QUEUED),
        jobs::attempts.eq(jobs::attempts - 1),
        jobs::locked_by.eq(None::<String>),
        jobs::locked_until.eq(None::<NaiveDateTime>),
        jobs::updated_at.eq(now),
    ))
    .execute(conn)
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Job>> {
    jobs::table
        .find(id)
        .select(Job::as_select())
        .first(conn)
        .optional()
}

/// Jobs in one state for the admins' page, in the order they are (or were) due. The state
/// goes into the SQL as a literal (it is one of ours), so each state reads its own partial
/// index.
pub fn list(conn: &mut Conn, state: &str, limit: i64) -> QueryResult<Vec<Job>> {
    let Some(state) = [QUEUED, RUNNING, DONE, DEAD, CANCELLED]
        .into_iter()
        .find(|s| *s == state)
    else {
        return Ok(vec![]);
    };
    crate::db::cached(format!(
        "SELECT * FROM jobs WHERE state = '{state}' ORDER BY run_at, id LIMIT $1"
    ))
    .bind::<BigInt, _>(limit)
    .load(conn)
}

/// (state, count) for the admins' page and `/metrics`.
pub fn counts(conn: &mut Conn) -> QueryResult<Vec<(String, String, i64)>> {
    jobs::table
        .group_by((jobs::kind, jobs::state))
        .select((jobs::kind, jobs::state, diesel::dsl::count_star()))
        .load(conn)
}

/// An admin's "run now": a queued, dead or cancelled job goes back in the queue, due now.
pub fn retry_now(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::state.eq_any([QUEUED, DEAD, CANCELLED])),
    )
    .set((
        jobs::state.eq(QUEUED),
        jobs::run_at.eq(now),
        jobs::attempts.eq(0),
        jobs::finished_at.eq(None::<NaiveDateTime>),
        jobs::updated_at.eq(now),
    ))
    .execute(conn)
}

/// An admin's "cancel": only a job that is not running.
pub fn cancel(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::state.eq_any([QUEUED, DEAD])),
    )
    .set((
        jobs::state.eq(CANCELLED),
        jobs::finished_at.eq(Some(now)),
        jobs::updated_at.eq(now),
    ))
    .execute(conn)
}

/// Makes every queued job of `kind` due now (e.g. all waiting mail after fixing SMTP).
pub fn due_now_of_kind(conn: &mut Conn, kind: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::kind.eq(kind))
            .filter(jobs::state.eq(QUEUED)),
    )
    .set((jobs::run_at.eq(now), jobs::updated_at.eq(now)))
    .execute(conn)
}

/// Forgets finished jobs that ended before `before`. Housekeeping keeps a week, which also
/// keeps each periodic firing's row long enough that no instance queues it twice.
pub fn prune(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        jobs::table
            .filter(jobs::state.eq_any([DONE, CANCELLED]))
            .filter(jobs::finished_at.lt(before)),
    )
    .execute(conn)
}
