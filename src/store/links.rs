//! Tracked links and their clicks: a publication's codes (made once, kept across retries),
//! the batch of clicks a redirecting instance writes, the day's visitor salt, and the counts
//! behind a publication's metrics.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use rand::distr::{Alphanumeric, SampleString};

use crate::db::schema::{link_clicks, tracked_links, visitor_salts};
use crate::db::Conn;

/// Unguessable: 10 characters of 62 are 59 bits, so codes cannot be walked.
const CODE_LEN: usize = 10;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = tracked_links)]
pub struct TrackedLink {
    pub id: i64,
    pub code: String,
    pub publication_id: i64,
    pub url: String,
    pub target: String,
}

/// The codes of this publication's links (`(url as written, target)`), made for those that
/// have none yet: a retried or resent publication keeps its codes. By url as written.
pub fn ensure(
    conn: &mut Conn,
    publication_id: i64,
    links: &[(String, String)],
    now: NaiveDateTime,
) -> QueryResult<HashMap<String, TrackedLink>> {
    let mut out = HashMap::with_capacity(links.len());
    for (url, target) in links {
        let code = Alphanumeric.sample_string(&mut rand::rng(), CODE_LEN);
        // ON CONFLICT rather than catching the violation: on PostgreSQL a failed statement
        // would abort the caller's transaction. The no-op update makes RETURNING give the
        // row that was already there, so one round trip per link makes or finds its code.
        let found: Vec<TrackedLink> = crate::db::cached(
            "INSERT INTO tracked_links (code, publication_id, url, target, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (publication_id, url) \
             DO UPDATE SET url = excluded.url \
             RETURNING id, code, publication_id, url, target",
        )
        .bind::<Text, _>(&code)
        .bind::<BigInt, _>(publication_id)
        .bind::<Text, _>(url)
        .bind::<Text, _>(target)
        .bind::<Timestamp, _>(now)
        .load(conn)?;
        out.extend(found.into_iter().map(|l| (l.url.clone(), l)));
    }
    Ok(out)
}

/// The link behind a code.
pub fn by_code(conn: &mut Conn, code: &str) -> QueryResult<Option<TrackedLink>> {
    tracked_links::table
        .filter(tracked_links::code.eq(code))
        .select(TrackedLink::as_select())
        .first(conn)
        .optional()
}

/// The tracked links of a publication, in the order they were made.
pub fn of_publication(conn: &mut Conn, publication_id: i64) -> QueryResult<Vec<TrackedLink>> {
    tracked_links::table
        .filter(tracked_links::publication_id.eq(publication_id))
        .order(tracked_links::id)
        .select(TrackedLink::as_select())
        .load(conn)
}

/// The tracked links of these publications: publication → (url as written → code).
pub fn codes_of(
    conn: &mut Conn,
    publication_ids: &[i64],
) -> QueryResult<HashMap<i64, HashMap<String, String>>> {
    let mut out: HashMap<i64, HashMap<String, String>> = HashMap::new();
    if publication_ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i64, String, String)> = tracked_links::table
        .filter(tracked_links::publication_id.eq_any(publication_ids))
        .select((
            tracked_links::publication_id,
            tracked_links::url,
            tracked_links::code,
        ))
        .load(conn)?;
    for (p, url, code) in rows {
        out.entry(p).or_default().insert(url, code);
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewClick {
    pub link_id: i64,
    pub clicked_at: NaiveDateTime,
    pub bot: bool,
    pub visitor: Option<String>,
}

/// Writes a batch of clicks (in the caller's transaction: one commit per batch). PostgreSQL
/// takes the batch as arrays in one statement, a round trip for thousands of clicks; SQLite,
/// in process, one cached statement per click. (Diesel's two-backend batch insert cannot
/// take the nullable visitor.)
pub fn record(conn: &mut Conn, clicks: &[NewClick]) -> QueryResult<usize> {
    let n = insert_clicks(conn, clicks)?;
    // People's clicks also go onto their publication's count, which insights add up.
    let mut people: std::collections::BTreeMap<i64, i64> = Default::default();
    for c in clicks.iter().filter(|c| !c.bot) {
        *people.entry(c.link_id).or_default() += 1;
    }
    for (link, n) in people {
        diesel::sql_query(
            "UPDATE publications SET clicks = clicks + $1 \
             WHERE id = (SELECT publication_id FROM tracked_links WHERE id = $2)",
        )
        .bind::<BigInt, _>(n)
        .bind::<BigInt, _>(link)
        .execute(conn)?;
    }
    Ok(n)
}

fn insert_clicks(conn: &mut Conn, clicks: &[NewClick]) -> QueryResult<usize> {
    use diesel::sql_types::{Array, Bool, Nullable};
    match conn {
        Conn::Pg(pg) => {
            let mut n = 0;
            for chunk in clicks.chunks(10_000) {
                n += diesel::sql_query(
                    "INSERT INTO link_clicks (link_id, clicked_at, bot, visitor) \
                     SELECT * FROM unnest($1, $2, $3, $4)",
                )
                .bind::<Array<BigInt>, _>(chunk.iter().map(|c| c.link_id).collect::<Vec<_>>())
                .bind::<Array<Timestamp>, _>(chunk.iter().map(|c| c.clicked_at).collect::<Vec<_>>())
                .bind::<Array<Bool>, _>(chunk.iter().map(|c| c.bot).collect::<Vec<_>>())
                .bind::<Array<Nullable<Text>>, _>(
                    chunk.iter().map(|c| c.visitor.clone()).collect::<Vec<_>>(),
                )
                .execute(pg)?;
            }
            Ok(n)
        }
        Conn::Sqlite(_) => {
            for c in clicks {
                diesel::insert_into(link_clicks::table)
                    .values((
                        link_clicks::link_id.eq(c.link_id),
                        link_clicks::clicked_at.eq(c.clicked_at),
                        link_clicks::bot.eq(c.bot),
                        link_clicks::visitor.eq(c.visitor.as_deref()),
                    ))
                    .execute(conn)?;
            }
            Ok(clicks.len())
        }
    }
}

/// The day's salt for visitor hashes, shared by every instance (the first to need it makes
/// it); older salts are forgotten, so older hashes lead back to no one.
pub fn salt_of(conn: &mut Conn, day: NaiveDate) -> QueryResult<String> {
    let fresh = Alphanumeric.sample_string(&mut rand::rng(), 32);
    diesel::sql_query(
        "INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
    )
    .bind::<diesel::sql_types::Date, _>(day)
    .bind::<Text, _>(&fresh)
    .execute(conn)?;
    diesel::delete(visitor_salts::table.filter(visitor_salts::day.lt(day))).execute(conn)?;
    visitor_salts::table
        .find(day)
        .select(visitor_salts::salt)
        .first(conn)
}

/// What a publication's tracked links earned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clicks {
    pub clicks: i64,
    pub bot_clicks: i64,
    /// Distinct visitors per day, added up over the days.
    pub unique_visitors: i64,
    /// People's clicks per UTC day.
    pub per_day: Vec<(NaiveDate, i64)>,
}

pub fn clicks_of(conn: &mut Conn, publication_id: i64) -> QueryResult<Clicks> {
    let rows: Vec<(NaiveDateTime, bool, Option<String>)> = link_clicks::table
        .inner_join(tracked_links::table)
        .filter(tracked_links::publication_id.eq(publication_id))
        .order(link_clicks::clicked_at)
        .select((
            link_clicks::clicked_at,
            link_clicks::bot,
            link_clicks::visitor,
        ))
        .load(conn)?;
    let mut out = Clicks::default();
    let mut seen: std::collections::HashSet<(NaiveDate, String)> = Default::default();
    for (at, bot, visitor) in rows {
        if bot {
            out.bot_clicks += 1;
            continue;
        }
        out.clicks += 1;
        let day = at.date();
        match out.per_day.last_mut() {
            Some((d, n)) if *d == day => *n += 1,
            _ => out.per_day.push((day, 1)),
        }
        if let Some(v) = visitor {
            seen.insert((day, v));
        }
    }
    out.unique_visitors = seen.len() as i64;
    Ok(out)
}
