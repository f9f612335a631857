//! Publications: one per (variant, channel), its publish job, and every attempt.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::jobs::{self, NewJob};
use crate::db::schema::{publication_attempts, publications};
use crate::db::Conn;
use crate::domain::publications::PubState;
use crate::domain::retry::PUBLISH_ATTEMPTS;

pub const JOB_KIND: &str = "publish";

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = publications)]
pub struct Publication {
    pub id: i64,
    pub variant_id: i64,
    pub channel_id: i64,
    #[diesel(deserialize_as = String)]
    pub state: PubState,
    pub idempotency_key: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub scheduled_at: NaiveDateTime,
    pub attempts: i32,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub next_retry_at: Option<NaiveDateTime>,
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub last_error: Option<String>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub published_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = publication_attempts)]
pub struct Attempt {
    pub id: i64,
    pub publication_id: i64,
    #[diesel(deserialize_as = crate::db::Time)]
    pub at: NaiveDateTime,
    pub outcome: String,
    pub http_status: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
}

pub fn job_key(publication_id: i64) -> String {
    format!("publish:{publication_id}")
}

fn publish_job(publication_id: i64, run_at: NaiveDateTime) -> NewJob<'static> {
    NewJob {
        kind: JOB_KIND,
        payload: serde_json::json!({ "publication_id": publication_id }).to_string(),
        unique_key: Some(job_key(publication_id)),
        run_at,
        max_attempts: PUBLISH_ATTEMPTS,
    }
}

/// A new idempotency key in the Standard Webhooks message-id style.
fn new_key() -> String {
    format!("msg_{}", crate::security::random_token())
}

/// Why a variant's plan cannot change now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked(pub PubState);

/// Plans the variant's publication at `at` (creating it, or moving it while it is still
/// pending or failed) and queues its job for that time. In the caller's transaction.
pub fn plan(
    conn: &mut Conn,
    variant_id: i64,
    channel_id: i64,
    at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<Result<i64, Locked>> {
    let id = match for_variant(conn, variant_id)? {
        Some(p) if !p.state.can_reschedule() => return Ok(Err(Locked(p.state))),
        Some(p) => {
            diesel::update(publications::table.find(p.id))
                .set((
                    publications::state.eq(PubState::Pending.as_str()),
                    publications::scheduled_at.eq(at),
                    publications::channel_id.eq(channel_id),
                    publications::attempts.eq(0),
                    publications::next_retry_at.eq(None::<NaiveDateTime>),
                    publications::last_error.eq(None::<String>),
                    publications::updated_at.eq(now),
                ))
                .execute(conn)?;
            p.id
        }
        None => diesel::insert_into(publications::table)
            .values((
                publications::variant_id.eq(variant_id),
                publications::channel_id.eq(channel_id),
                publications::state.eq(PubState::Pending.as_str()),
                publications::idempotency_key.eq(new_key()),
                publications::scheduled_at.eq(at),
                publications::attempts.eq(0),
                publications::created_at.eq(now),
                publications::updated_at.eq(now),
            ))
            .returning(publications::id)
            .get_result(conn)?,
    };
    jobs::requeue_unique(conn, publish_job(id, at), now)?;
    Ok(Ok(id))
}

/// Takes the variant's publication off the plan, if it has not gone out.
pub fn unplan(
    conn: &mut Conn,
    variant_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Result<(), Locked>> {
    let Some(p) = for_variant(conn, variant_id)? else {
        return Ok(Ok(()));
    };
    if !p.state.can_reschedule() {
        return Ok(Err(Locked(p.state)));
    }
    jobs::cancel_unique(conn, &job_key(p.id), now)?;
    diesel::delete(publications::table.find(p.id)).execute(conn)?;
    Ok(Ok(()))
}

/// Everything one post needs, in one query: the publication, its variant, the piece and
/// idea it belongs to, the idea's department name, and the channel.
pub type Post = (
    Publication,
    super::content::Variant,
    super::content::Content,
    super::ideas::Idea,
    String,
    super::channels::Channel,
);

pub fn post(conn: &mut Conn, id: i64) -> QueryResult<Option<Post>> {
    use crate::db::schema::{channels, content_pieces, departments, ideas, variants};
    publications::table
        .filter(publications::id.eq(id))
        .inner_join(variants::table.inner_join(
            content_pieces::table.inner_join(ideas::table.inner_join(departments::table)),
        ))
        .inner_join(channels::table)
        .select((
            Publication::as_select(),
            super::content::Variant::as_select(),
            super::content::Content::as_select(),
            super::ideas::Idea::as_select(),
            departments::name,
            super::channels::Channel::as_select(),
        ))
        // Not `first`: its `LIMIT $n` kept PostgreSQL planning this join afresh on every call
        // (a generic plan cannot tell how many rows a bound LIMIT lets through).
        .get_result(conn)
        .optional()
}

/// How many variants of the piece are not published yet.
pub fn unpublished_in(conn: &mut Conn, content_id: i64) -> QueryResult<i64> {
    use crate::db::schema::variants;
    variants::table
        .left_join(publications::table)
        .filter(variants::content_id.eq(content_id))
        .filter(
            publications::state
                .ne(PubState::Published.as_str())
                .or(publications::state.is_null()),
        )
        .count()
        .get_result(conn)
}

pub fn for_variant(conn: &mut Conn, variant_id: i64) -> QueryResult<Option<Publication>> {
    publications::table
        .filter(publications::variant_id.eq(variant_id))
        .select(Publication::as_select())
        .first(conn)
        .optional()
}

pub fn for_variants(conn: &mut Conn, variant_ids: &[i64]) -> QueryResult<Vec<Publication>> {
    publications::table
        .filter(publications::variant_id.eq_any(variant_ids))
        .select(Publication::as_select())
        .load(conn)
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Publication>> {
    publications::table
        .find(id)
        .select(Publication::as_select())
        .first(conn)
        .optional()
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub variant_id: Option<i64>,
    pub channel_id: Option<i64>,
    pub state: Option<PubState>,
    /// Ids below this one (the cursor of the page before).
    pub before_id: Option<i64>,
}

/// Newest first, `limit` at most.
pub fn list(conn: &mut Conn, f: &Filter, limit: i64) -> QueryResult<Vec<Publication>> {
    let mut q = publications::table.into_boxed();
    if let Some(v) = f.variant_id {
        q = q.filter(publications::variant_id.eq(v));
    }
    if let Some(c) = f.channel_id {
        q = q.filter(publications::channel_id.eq(c));
    }
    if let Some(s) = f.state {
        q = q.filter(publications::state.eq(s.as_str()));
    }
    if let Some(b) = f.before_id {
        q = q.filter(publications::id.lt(b));
    }
    q.order(publications::id.desc())
        .limit(limit)
        .select(Publication::as_select())
        .load(conn)
}

pub fn attempts(conn: &mut Conn, publication_id: i64) -> QueryResult<Vec<Attempt>> {
    publication_attempts::table
        .filter(publication_attempts::publication_id.eq(publication_id))
        .order(publication_attempts::id.asc())
        .select(Attempt::as_select())
        .load(conn)
}

/// pending → publishing, counting the attempt. `false` if it was not pending (settled by
/// someone else, or waiting for a person).
pub fn start(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    // From pending, or from publishing: a worker that died mid-send left it there and its
    // job came back to us. Prepared once per connection: this is on every post's path.
    let n = crate::db::cached(format!(
        "UPDATE publications SET state = '{sending}', attempts = attempts + 1, updated_at = $1 \
         WHERE id = $2 AND state IN ('{pending}', '{sending}')",
        sending = PubState::Publishing.as_str(),
        pending = PubState::Pending.as_str(),
    ))
    .bind::<diesel::sql_types::Timestamp, _>(now)
    .bind::<diesel::sql_types::BigInt, _>(id)
    .execute(conn)?;
    Ok(n == 1)
}

/// What one attempt came to, for `finish`.
pub struct AttemptRecord<'a> {
    pub outcome: &'a str,
    pub http_status: Option<i32>,
    pub error: Option<&'a str>,
    pub duration_ms: i64,
}

/// Records the attempt and moves the publication to `to` (with the live post's id and URL
/// when published, or the time of the next try when pending).
#[allow(clippy::too_many_arguments)]
pub fn finish(
    conn: &mut Conn,
    id: i64,
    attempt: &AttemptRecord,
    to: PubState,
    external_id: Option<&str>,
    url: Option<&str>,
    next_retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(publication_attempts::table)
        .values((
            publication_attempts::publication_id.eq(id),
            publication_attempts::at.eq(now),
            publication_attempts::outcome.eq(attempt.outcome),
            publication_attempts::http_status.eq(attempt.http_status),
            publication_attempts::error.eq(attempt.error),
            publication_attempts::duration_ms.eq(attempt.duration_ms),
        ))
        .execute(conn)?;
    if to == PubState::Published {
        // One statement for the state and what the post went out as: this is on every
        // post's path.
        use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
        crate::db::cached(format!(
            "UPDATE publications SET state = 'published', last_error = $1, next_retry_at = NULL, \
               updated_at = $2, external_id = $3, url = $4, published_at = $5, {} \
             {FACTS_FROM} AND publications.id = $6",
            facts(conn, "$5")
        ))
        .bind::<Nullable<Text>, _>(attempt.error)
        .bind::<Timestamp, _>(now)
        .bind::<Nullable<Text>, _>(external_id)
        .bind::<Nullable<Text>, _>(url)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(id)
        .execute(conn)?;
        return Ok(());
    }
    diesel::update(publications::table.find(id))
        .set((
            publications::state.eq(to.as_str()),
            publications::last_error.eq(attempt.error),
            publications::next_retry_at.eq(next_retry_at),
            publications::updated_at.eq(now),
            // Only a publication that went out gets (or keeps) the live post's id and URL.
            publications::external_id.eq(None::<String>),
            publications::url.eq(None::<String>),
            publications::published_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// What a publication went out as (piece, idea, department, pillar, language, when the idea
/// was first handed in, and the seconds from then to `published`, the time it went out), set
/// from its variant, piece and idea (`FACTS_FROM`).
fn facts(conn: &Conn, published: &str) -> String {
    // Worked out once here in the backend's own date arithmetic, so insights read a number
    // and parse no timestamps. The hand-in is looked up once for both columns (a row value:
    // with the lookup written twice, a burst of posts on PostgreSQL came out 4% later).
    let lead = match conn {
        Conn::Pg(_) => {
            format!("CAST(round(EXTRACT(EPOCH FROM ({published} - h.at))) AS BIGINT)")
        }
        Conn::Sqlite(_) => {
            format!("CAST(round((julianday({published}) - julianday(h.at)) * 86400) AS INTEGER)")
        }
    };
    format!(
        "content_id = v.content_id, idea_id = i.id, department_id = i.department_id, \
         pillar = i.pillar, language = v.language, \
         (handed_in_at, lead_secs) = (SELECT h.at, {lead} FROM (SELECT min(e.at) AS at \
           FROM idea_events e WHERE e.idea_id = i.id AND e.to_state = 'submitted') h)"
    )
}
const FACTS_FROM: &str = "FROM variants v JOIN content_pieces cp ON cp.id = v.content_id \
     JOIN ideas i ON i.id = cp.idea_id WHERE v.id = publications.variant_id";

/// Writes down what a publication went out as, for insights to read without joins (see
/// `facts`). Pillars and departments changed later do not move what was published.
fn stamp(conn: &mut Conn, id: i64) -> QueryResult<()> {
    crate::db::cached(format!(
        "UPDATE publications SET {} {FACTS_FROM} AND publications.id = $1",
        facts(conn, "publications.published_at")
    ))
    .bind::<diesel::sql_types::BigInt, _>(id)
    .execute(conn)?;
    Ok(())
}

/// An editor's retry: back to pending and due now, with the same idempotency key.
pub fn retry(conn: &mut Conn, p: &Publication, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        publications::table
            .filter(publications::id.eq(p.id))
            .filter(publications::state.eq(p.state.as_str())),
    )
    .set((
        publications::state.eq(PubState::Pending.as_str()),
        publications::next_retry_at.eq(None::<NaiveDateTime>),
        publications::updated_at.eq(now),
    ))
    .execute(conn)?;
    if n == 1 {
        jobs::requeue_unique(conn, publish_job(p.id, now), now)?;
    }
    Ok(n == 1)
}

/// An editor's "it is live": published, with the address they found, if any.
pub fn confirm(
    conn: &mut Conn,
    p: &Publication,
    url: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        publications::table
            .filter(publications::id.eq(p.id))
            .filter(publications::state.eq(p.state.as_str())),
    )
    .set((
        publications::state.eq(PubState::Published.as_str()),
        publications::published_at.eq(Some(now)),
        publications::url.eq(url.map(str::to_string).or(p.url.clone())),
        publications::updated_at.eq(now),
    ))
    .execute(conn)?;
    if n == 1 {
        stamp(conn, p.id)?;
        jobs::cancel_unique(conn, &job_key(p.id), now)?;
    }
    Ok(n == 1)
}

/// Publications waiting for a person (failed or unconfirmed), for the start page's banner.
pub fn needing_attention(conn: &mut Conn) -> QueryResult<i64> {
    publications::table
        .filter(
            publications::state.eq_any([PubState::Failed.as_str(), PubState::Unconfirmed.as_str()]),
        )
        .count()
        .get_result(conn)
}

/// Makes a resumed channel's held publications due now.
pub fn release_channel(conn: &mut Conn, channel_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let keys: Vec<String> = publications::table
        .filter(publications::channel_id.eq(channel_id))
        .filter(publications::state.eq(PubState::Pending.as_str()))
        .filter(publications::scheduled_at.le(now))
        .select(publications::id)
        .load::<i64>(conn)?
        .into_iter()
        .map(job_key)
        .collect();
    use crate::db::schema::jobs as j;
    diesel::update(
        j::table
            .filter(j::unique_key.eq_any(keys))
            .filter(j::state.eq(jobs::QUEUED)),
    )
    .set(j::run_at.eq(now))
    .execute(conn)
}

/// A publication with what the editors' list shows beside it (its channel's name comes from
/// the cached reference data).
#[derive(Debug, Clone, Queryable)]
pub struct Row {
    pub publication: Publication,
    pub language: String,
    pub content_id: i64,
    pub title: String,
}

/// For the editors' list: newest first, only those needing a person if `attention`.
pub fn overview(conn: &mut Conn, f: &Filter, attention: bool, limit: i64) -> QueryResult<Vec<Row>> {
    use crate::db::schema::{content_pieces, variants};
    // First the page's ids, walking the publications' own key newest first; then what they
    // belong to. One query for both lets a planner without fresh statistics start from the
    // channels and sort every publication; so did the second with channels joined (SQLite,
    // from a list of more than a few ids: all 100k publications read per page).
    let mut ids = publications::table.select(publications::id).into_boxed();
    if attention {
        ids = ids.filter(
            publications::state.eq_any([PubState::Failed.as_str(), PubState::Unconfirmed.as_str()]),
        );
    }
    if let Some(s) = f.state {
        ids = ids.filter(publications::state.eq(s.as_str()));
    }
    if let Some(c) = f.channel_id {
        ids = ids.filter(publications::channel_id.eq(c));
    }
    if let Some(b) = f.before_id {
        ids = ids.filter(publications::id.lt(b));
    }
    // Both kept prepared on SQLite (a boxed query and a list of ids are prepared again on
    // every call by diesel: a fifth of the page's instructions): the filters make a few
    // statements, the ids list one per length, which is the page's length but on the last
    // page. PostgreSQL still plans each for its values.
    let ids: Vec<i64> =
        crate::db::Kept::on_sqlite(ids.order(publications::id.desc()).limit(limit)).load(conn)?;
    crate::db::Kept::on_sqlite(
        publications::table
            .inner_join(variants::table.inner_join(content_pieces::table))
            .filter(publications::id.eq_any(&ids))
            .order(publications::id.desc())
            .select((
                Publication::as_select(),
                variants::language,
                content_pieces::id,
                content_pieces::title,
            )),
    )
    .load(conn)
}

/// One entry of a feed channel: a published variant.
#[derive(Debug, Clone, Queryable)]
pub struct FeedEntry {
    pub publication_id: i64,
    pub variant_id: i64,
    pub language: String,
    pub subject: String,
    pub text: String,
    pub link: String,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub published_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub scheduled_at: NaiveDateTime,
}

/// The channel's published variants, newest first: what its Atom and RSS feeds list.
pub fn feed_entries(conn: &mut Conn, channel_id: i64, limit: i64) -> QueryResult<Vec<FeedEntry>> {
    use crate::db::schema::variants;
    publications::table
        .inner_join(variants::table)
        .filter(publications::channel_id.eq(channel_id))
        .filter(publications::state.eq(PubState::Published.as_str()))
        .order((publications::published_at.desc(), publications::id.desc()))
        .limit(limit)
        .select((
            publications::id,
            variants::id,
            variants::language,
            variants::subject,
            variants::text,
            variants::link,
            publications::published_at,
            publications::scheduled_at,
        ))
        .load(conn)
}

/// The piece a publication belongs to: (content id, title).
pub fn overview_of(conn: &mut Conn, id: i64) -> QueryResult<Option<(i64, String)>> {
    use crate::db::schema::{content_pieces, variants};
    publications::table
        .inner_join(variants::table.inner_join(content_pieces::table))
        .filter(publications::id.eq(id))
        .select((content_pieces::id, content_pieces::title))
        .first(conn)
        .optional()
}
