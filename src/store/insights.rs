//! The insights roll-up: publications that went out in a period, grouped by channel,
//! department, pillar or language, with people's clicks on their tracked links and the
//! engagement their channels report (the last reading of each count, added up).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    channels, content_pieces, departments, ideas, link_clicks, publication_metrics, publications,
    tracked_links, variants,
};
use crate::db::Conn;
use crate::domain::insights::By;
use crate::domain::publications::PubState;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub key: String,
    pub publications: i64,
    pub clicks: i64,
    pub engagement: i64,
}

/// One row per group, most clicks and engagement first, and the totals.
pub fn rollup(
    conn: &mut Conn,
    from: NaiveDateTime,
    to: NaiveDateTime,
    by: By,
) -> QueryResult<(Vec<Row>, Row)> {
    let in_period = publications::state
        .eq(PubState::Published.as_str())
        .and(publications::published_at.ge(from))
        .and(publications::published_at.lt(to));
    let pubs: Vec<(i64, String, String, String, String)> = publications::table
        .inner_join(channels::table)
        .inner_join(variants::table.inner_join(
            content_pieces::table.inner_join(ideas::table.inner_join(departments::table)),
        ))
        .filter(in_period)
        .select((
            publications::id,
            channels::name,
            departments::name,
            ideas::pillar,
            variants::language,
        ))
        .load(conn)?;
    let ids: Vec<i64> = pubs.iter().map(|p| p.0).collect();
    let earned = earned(conn, &ids)?;
    let mut groups: BTreeMap<String, Row> = BTreeMap::new();
    let mut total = Row::default();
    for (id, channel, department, pillar, language) in pubs {
        let key = match by {
            By::Channel => channel,
            By::Department => department,
            By::Pillar => pillar,
            By::Language => language,
        };
        let row = groups.entry(key.clone()).or_insert_with(|| Row {
            key,
            ..Row::default()
        });
        let (clicks, engagement) = earned.get(&id).copied().unwrap_or_default();
        for r in [&mut *row, &mut total] {
            r.publications += 1;
            r.clicks += clicks;
            r.engagement += engagement;
        }
    }
    let mut rows: Vec<Row> = groups.into_values().collect();
    rows.sort_by(|a, b| {
        (b.clicks + b.engagement)
            .cmp(&(a.clicks + a.engagement))
            .then_with(|| a.key.cmp(&b.key))
    });
    Ok((rows, total))
}

/// What each of these publications earned: people's clicks on its tracked links, and its
/// engagement (the last reading of each of its channel's counts, added up). Read in chunks, so
/// a year of publications stays within the backends' limits on bound values.
fn earned(conn: &mut Conn, ids: &[i64]) -> QueryResult<HashMap<i64, (i64, i64)>> {
    let mut out: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut last: HashMap<(i64, String), (NaiveDateTime, i64)> = HashMap::new();
    for chunk in ids.chunks(5_000) {
        let clicks: Vec<(i64, i64)> = link_clicks::table
            .inner_join(tracked_links::table)
            .filter(tracked_links::publication_id.eq_any(chunk))
            .filter(link_clicks::bot.eq(false))
            .group_by(tracked_links::publication_id)
            .select((tracked_links::publication_id, diesel::dsl::count_star()))
            .load(conn)?;
        for (p, n) in clicks {
            out.entry(p).or_default().0 += n;
        }
        let readings: Vec<(i64, String, NaiveDateTime, i64)> = publication_metrics::table
            .filter(publication_metrics::publication_id.eq_any(chunk))
            .select((
                publication_metrics::publication_id,
                publication_metrics::name,
                publication_metrics::at,
                publication_metrics::value,
            ))
            .load(conn)?;
        for (p, name, at, value) in readings {
            let e = last.entry((p, name)).or_insert((at, value));
            if at >= e.0 {
                *e = (at, value);
            }
        }
    }
    for ((p, _), (_, v)) in last {
        out.entry(p).or_default().1 += v;
    }
    Ok(out)
}

/// What one published post of an idea earned.
#[derive(Debug, Clone, PartialEq)]
pub struct PostResult {
    pub channel: String,
    pub language: String,
    pub published_at: Option<NaiveDateTime>,
    pub url: Option<String>,
    pub clicks: i64,
    pub engagement: i64,
}

/// The idea's published posts and what each earned, in the order they went out.
pub fn of_idea(conn: &mut Conn, idea_id: i64) -> QueryResult<Vec<PostResult>> {
    let of_idea = publications::state
        .eq(PubState::Published.as_str())
        .and(content_pieces::idea_id.eq(idea_id));
    type Post = (i64, String, String, Option<NaiveDateTime>, Option<String>);
    let posts: Vec<Post> = publications::table
        .inner_join(channels::table)
        .inner_join(variants::table.inner_join(content_pieces::table))
        .filter(of_idea)
        .order((publications::published_at, publications::id))
        .select((
            publications::id,
            channels::name,
            variants::language,
            publications::published_at,
            publications::url,
        ))
        .load(conn)?;
    let ids: Vec<i64> = posts.iter().map(|p| p.0).collect();
    let earned = earned(conn, &ids)?;
    Ok(posts
        .into_iter()
        .map(|(id, channel, language, published_at, url)| {
            let (clicks, engagement) = earned.get(&id).copied().unwrap_or_default();
            PostResult {
                channel,
                language,
                published_at,
                url,
                clicks,
                engagement,
            }
        })
        .collect())
}
