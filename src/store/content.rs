//! Content pieces and their variants: creation from an approved idea, edits, scheduling into
//! slots or explicit times, and the calendar's query.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::ideas::Idea;
use super::users::User;
use crate::db::schema::{content_pieces, ideas, variants};
use crate::db::Conn;
use crate::domain::access::IdeaScope;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = content_pieces)]
pub struct Content {
    pub id: i64,
    pub idea_id: i64,
    pub title: String,
    pub body: String,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = variants)]
pub struct Variant {
    pub id: i64,
    pub content_id: i64,
    pub channel_id: i64,
    pub language: String,
    pub text: String,
    pub link: String,
    pub subject: String,
    pub preheader: String,
    pub images: String,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub scheduled_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub updated_at: NaiveDateTime,
}

impl Variant {
    pub fn image_list(&self) -> Vec<crate::domain::variants::Image> {
        serde_json::from_str(&self.images).unwrap_or_default()
    }
}

/// A new piece from the idea's title and pitch.
pub fn insert(conn: &mut Conn, actor: &User, idea: &Idea) -> QueryResult<i64> {
    let now = super::now();
    diesel::insert_into(content_pieces::table)
        .values((
            content_pieces::idea_id.eq(idea.id),
            content_pieces::title.eq(&idea.title),
            content_pieces::body.eq(&idea.pitch),
            content_pieces::created_by.eq(actor.id),
            content_pieces::created_at.eq(now),
            content_pieces::updated_at.eq(now),
        ))
        .returning(content_pieces::id)
        .get_result(conn)
}

/// The piece and its idea, if the user may see the idea.
pub fn find(conn: &mut Conn, scope: &IdeaScope, id: i64) -> QueryResult<Option<(Content, Idea)>> {
    let Some(content) = content_pieces::table
        .find(id)
        .select(Content::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    Ok(super::ideas::find(conn, scope, content.idea_id)?.map(|idea| (content, idea)))
}

pub fn for_idea(conn: &mut Conn, idea_id: i64) -> QueryResult<Option<i64>> {
    content_pieces::table
        .filter(content_pieces::idea_id.eq(idea_id))
        .select(content_pieces::id)
        .first(conn)
        .optional()
}

pub fn update(conn: &mut Conn, id: i64, title: &str, body: &str) -> QueryResult<usize> {
    diesel::update(content_pieces::table.find(id))
        .set((
            content_pieces::title.eq(title.trim()),
            content_pieces::body.eq(body),
            content_pieces::updated_at.eq(super::now()),
        ))
        .execute(conn)
}

pub fn variants_of(conn: &mut Conn, content_id: i64) -> QueryResult<Vec<Variant>> {
    variants::table
        .filter(variants::content_id.eq(content_id))
        .order(variants::id.asc())
        .select(Variant::as_select())
        .load(conn)
}

pub fn find_variant(conn: &mut Conn, id: i64) -> QueryResult<Option<Variant>> {
    variants::table
        .find(id)
        .select(Variant::as_select())
        .first(conn)
        .optional()
}

/// `None` when the piece has a variant for that channel and language already.
pub fn add_variant(
    conn: &mut Conn,
    content_id: i64,
    channel_id: i64,
    language: &str,
    text: &str,
) -> QueryResult<Option<i64>> {
    let now = super::now();
    let inserted = diesel::insert_into(variants::table)
        .values((
            variants::content_id.eq(content_id),
            variants::channel_id.eq(channel_id),
            variants::language.eq(language),
            variants::text.eq(text),
            variants::link.eq(""),
            variants::subject.eq(""),
            variants::preheader.eq(""),
            variants::images.eq("[]"),
            variants::created_at.eq(now),
            variants::updated_at.eq(now),
        ))
        .returning(variants::id)
        .get_result(conn);
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(e) if super::is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

pub struct VariantWrite<'a> {
    pub text: &'a str,
    pub link: &'a str,
    pub subject: &'a str,
    pub preheader: &'a str,
    pub images: &'a [crate::domain::variants::Image],
}

pub fn update_variant(conn: &mut Conn, id: i64, w: &VariantWrite) -> QueryResult<usize> {
    diesel::update(variants::table.find(id))
        .set((
            variants::text.eq(w.text),
            variants::link.eq(w.link.trim()),
            variants::subject.eq(w.subject.trim()),
            variants::preheader.eq(w.preheader.trim()),
            variants::images.eq(serde_json::to_string(w.images).unwrap_or_else(|_| "[]".into())),
            variants::updated_at.eq(super::now()),
        ))
        .execute(conn)
}

/// Times held on a channel from `from` to `until` (both included), other than by `except`.
/// Bounded: a channel planned years ahead holds tens of thousands of times, and reading all
/// of them for every slot question made a piece's page answer in tens of milliseconds.
pub fn taken(
    conn: &mut Conn,
    channel_id: i64,
    (from, until): (NaiveDateTime, NaiveDateTime),
    except: i64,
) -> QueryResult<Vec<NaiveDateTime>> {
    let times: Vec<Option<NaiveDateTime>> = variants::table
        .filter(variants::channel_id.eq(channel_id))
        .filter(variants::scheduled_at.ge(from))
        .filter(variants::scheduled_at.le(until))
        .filter(variants::id.ne(except))
        .select(variants::scheduled_at)
        .load(conn)?;
    Ok(times.into_iter().flatten().collect())
}

/// Sets or clears the variant's time.
pub fn set_time(conn: &mut Conn, variant_id: i64, at: Option<NaiveDateTime>) -> QueryResult<()> {
    diesel::update(variants::table.find(variant_id))
        .set((
            variants::scheduled_at.eq(at),
            variants::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn idea_of(conn: &mut Conn, content_id: i64) -> QueryResult<Idea> {
    content_pieces::table
        .inner_join(ideas::table)
        .filter(content_pieces::id.eq(content_id))
        .select(Idea::as_select())
        .first(conn)
}

/// One variant on the calendar.
#[derive(Debug, Clone, Queryable)]
pub struct Entry {
    pub variant_id: i64,
    /// Seconds since the epoch (UTC): see `calendar`.
    pub scheduled_at: i64,
    pub language: String,
    pub channel_id: i64,
    pub content_id: i64,
    pub title: String,
    pub idea_id: i64,
    /// What the calendar shows of its publication: `scheduled` (none yet, waiting or being
    /// sent), `published` or `failed` (failed or waiting for a person to confirm). Only these
    /// three, so that sending a post does not change what a kept calendar holds.
    pub publication_state: String,
}

impl Entry {
    pub fn at(&self) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(self.scheduled_at, 0)
            .unwrap_or_default()
            .naive_utc()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CalendarFilter {
    pub channel_id: Option<i64>,
    pub department_id: Option<i64>,
    pub pillar: Option<String>,
    pub language: Option<String>,
}

/// Scheduled variants in `[from, to)` that the user may see, in time order.
///
/// One statement for every filter (absent ones bound as NULL), so each connection prepares it
/// once: built per request, SQLite compiled it for every month shown.
pub fn calendar(
    conn: &mut Conn,
    scope: &IdeaScope,
    from: NaiveDateTime,
    to: NaiveDateTime,
    f: &CalendarFilter,
) -> QueryResult<Vec<Entry>> {
    use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
    // The time as whole seconds, worked out by the database: parsing a thousand SQLite
    // timestamps from text showed in the month's profile. PostgreSQL joined the month's
    // thousand variants to every piece by hashing the whole table (three times the month's
    // time at 100k pieces); the fenced LATERAL makes it look each piece up by its key, as
    // SQLite does by itself. Channel names come from the cached reference data.
    let (epoch, piece) = match conn {
        Conn::Sqlite(_) => (
            "unixepoch(v.scheduled_at)",
            "JOIN content_pieces c ON c.id = v.content_id",
        ),
        Conn::Pg(_) => (
            "CAST(floor(EXTRACT(EPOCH FROM v.scheduled_at)) AS BIGINT)",
            "CROSS JOIN LATERAL (SELECT cp.title, cp.idea_id FROM content_pieces cp \
             WHERE cp.id = v.content_id OFFSET 0) c",
        ),
    };
    // Ideas are looked at only to filter by them: the month of an editor with no filter
    // reads no idea at all.
    let idea = |column: &str, n: u8| {
        format!(
            "AND (${n} IS NULL OR EXISTS (SELECT 1 FROM ideas i \
             WHERE i.id = c.idea_id AND i.{column} = ${n})) "
        )
    };
    let sql = format!(
        "SELECT v.id, {epoch}, v.language, v.channel_id, v.content_id, c.title, c.idea_id, \
         COALESCE((SELECT CASE p.state WHEN 'published' THEN 'published' \
           WHEN 'failed' THEN 'failed' WHEN 'unconfirmed' THEN 'failed' END \
           FROM publications p WHERE p.variant_id = v.id LIMIT 1), 'scheduled') \
         FROM variants v {piece} \
         WHERE v.scheduled_at >= $1 AND v.scheduled_at < $2 AND v.channel_id IS NOT NULL \
         AND ($3 IS NULL OR v.channel_id = $3) AND ($4 IS NULL OR v.language = $4) \
         {}{}{}ORDER BY v.scheduled_at LIMIT 5000",
        idea("department_id", 5),
        idea("department_id", 6),
        idea("pillar", 7),
    );
    let query = || {
        crate::db::cached(sql.clone())
            .bind::<Timestamp, _>(from)
            .bind::<Timestamp, _>(to)
            .bind::<Nullable<BigInt>, _>(f.channel_id)
            .bind::<Nullable<Text>, _>(f.language.as_deref())
            .bind::<Nullable<BigInt>, _>(scope.department_id)
            .bind::<Nullable<BigInt>, _>(f.department_id)
            .bind::<Nullable<Text>, _>(f.pillar.as_deref())
            .typed::<(BigInt, BigInt, Text, BigInt, BigInt, Text, BigInt, Text)>()
    };
    // Read through the backend's own connection: the shared connection's wrapper around
    // each of the month's eight thousand values was a tenth of the decoding.
    match conn {
        Conn::Sqlite(c) => query().load(c),
        Conn::Pg(c) => query().load(c),
    }
}

/// What a calendar's entries were read for: the period, the filters, and the department a
/// contributor's view is limited to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CalendarKey {
    from: NaiveDateTime,
    to: NaiveDateTime,
    department_scope: Option<i64>,
    filter: CalendarFilter,
}

/// Calendars read since the last write to what they show: the planners look at the same
/// month all day, and a month at 100k variants is a thousand entries to read each time.
pub type CalendarCache = super::kept::Kept<CalendarKey, Vec<Entry>>;

/// `calendar`, kept in `cache` until something it shows is written.
pub fn calendar_kept(
    conn: &mut Conn,
    cache: &CalendarCache,
    scope: &IdeaScope,
    from: NaiveDateTime,
    to: NaiveDateTime,
    f: &CalendarFilter,
) -> QueryResult<std::sync::Arc<Vec<Entry>>> {
    let key = CalendarKey {
        from,
        to,
        department_scope: scope.department_id,
        filter: f.clone(),
    };
    cache.get_or_read(conn, key, |c, _| calendar(c, scope, from, to, f))
}

/// Wished dates of ideas not yet planned, shown as hints on the calendar.
pub fn wished(
    conn: &mut Conn,
    scope: &IdeaScope,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> QueryResult<Vec<(i64, String, chrono::NaiveDate)>> {
    let mut q = ideas::table
        .filter(ideas::wished_date.ge(from))
        .filter(ideas::wished_date.lt(to))
        .filter(ideas::state.eq_any([
            "submitted",
            "in_review",
            "changes_requested",
            "approved",
            "in_production",
        ]))
        .into_boxed();
    if let Some(d) = scope.department_id {
        q = q.filter(ideas::department_id.eq(d));
    }
    let rows: Vec<(i64, String, Option<chrono::NaiveDate>)> = q
        .select((ideas::id, ideas::title, ideas::wished_date))
        .order(ideas::wished_date.asc())
        .limit(500)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, t, d)| d.map(|d| (id, t, d)))
        .collect())
}
