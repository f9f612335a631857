//! The insights roll-up: publications that went out in a period, grouped by channel,
//! department, pillar or language, with people's clicks on their tracked links and the
//! engagement their channels report (the last reading of each count, added up).

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{channels, content_pieces, ideas, publications, variants};
use crate::db::Conn;
use crate::domain::insights::By;
use crate::domain::publications::PubState;
use crate::domain::workflow::State;
use crate::store::reference::Reference;

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Row {
    pub key: String,
    pub publications: i64,
    pub clicks: i64,
    pub engagement: i64,
}

impl Row {
    fn add(&mut self, clicks: i64, engagement: i64) {
        self.publications += 1;
        self.clicks += clicks;
        self.engagement += engagement;
    }
}

/// A publication that went out in the period, as it went out (see `publications::stamp`).
struct Pub {
    channel_id: i64,
    department_id: i64,
    /// Its pillar or language when grouping by one of them, else empty.
    label: Option<String>,
    content_id: i64,
    idea_id: i64,
    /// Seconds from its idea's first hand-in to this post, if the idea was handed in.
    lead_secs: Option<i64>,
    /// People's clicks and the channel's engagement, as kept on the publication.
    clicks: i64,
    engagement: i64,
}

/// Hands each of the period's publications to `each` as it is read, from one covering index
/// of the publications table alone (a year of 100k posts joined to their variants, pieces and
/// ideas took most of a second). Nothing is collected: a year of posts in a vector, grown as
/// it was read, was a tenth of the page's time in copying. Pillars and languages (a string
/// per row) are read only when grouping by them.
fn each_published(
    conn: &mut Conn,
    from: NaiveDateTime,
    to: NaiveDateTime,
    by: Option<By>,
    mut each: impl FnMut(Pub),
) -> QueryResult<()> {
    use diesel::sql_types::{Nullable, Text};
    let in_period = publications::state
        .eq(PubState::Published.as_str())
        .and(publications::published_at.ge(from))
        .and(publications::published_at.lt(to));
    let label = match by {
        Some(By::Pillar) => "pillar",
        Some(By::Language) => "language",
        _ => "NULL",
    };
    type Loaded = (
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
        i64,
        i64,
        Option<i64>,
    );
    let query = publications::table.filter(in_period).select((
        publications::channel_id,
        publications::department_id,
        publications::content_id,
        publications::idea_id,
        diesel::dsl::sql::<Nullable<Text>>(label),
        publications::clicks,
        publications::engagement,
        publications::lead_secs,
    ));
    // PostgreSQL hands over rows as it reads them, so they are added up here while it is
    // still sending the rest (with the default mode the whole result arrives first).
    let rows: Box<dyn Iterator<Item = QueryResult<Loaded>>> = match conn {
        Conn::Pg(pg) => Box::new(query.load_iter::<Loaded, diesel::pg::PgRowByRowLoadingMode>(pg)?),
        Conn::Sqlite(sqlite) => {
            Box::new(query.load_iter::<Loaded, diesel::connection::DefaultLoadingMode>(sqlite)?)
        }
    };
    for row in rows {
        let (channel_id, department_id, content_id, idea_id, label, clicks, engagement, lead_secs) =
            row?;
        each(Pub {
            channel_id,
            department_id: department_id.unwrap_or_default(),
            label,
            content_id: content_id.unwrap_or_default(),
            idea_id: idea_id.unwrap_or_default(),
            lead_secs,
            clicks,
            engagement,
        });
    }
    Ok(())
}

/// A piece and what its posts in the period earned.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Piece {
    pub content_id: i64,
    pub title: String,
    pub department: String,
    pub publications: i64,
    pub clicks: i64,
    pub engagement: i64,
}

/// One department's way from idea to attention in the period: ideas handed in, approved, and
/// published; engagement (people's clicks and the channels' counts) per publication; and the
/// days from hand-in to the first post (median).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Funnel {
    pub department: String,
    pub handed_in: i64,
    pub approved: i64,
    pub published: i64,
    pub publications: i64,
    pub per_publication: f64,
    pub lead_days_p50: Option<f64>,
}

/// Everything the insights page shows for a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dashboard {
    pub rows: Vec<Row>,
    pub total: Row,
    /// The five pieces that earned most, and (when there are more than five) the five that
    /// earned least.
    pub top: Vec<Piece>,
    pub bottom: Vec<Piece>,
    pub funnel: Vec<Funnel>,
}

/// What the funnel adds up from the period's posts, per department (by id).
#[derive(Default)]
struct Posted {
    /// Publications and what they earned.
    by_department: FxHashMap<i64, (i64, i64)>,
    /// idea → (department, seconds from hand-in to its first post in the period)
    first_post: FxHashMap<i64, (i64, Option<i64>)>,
}

impl Posted {
    fn add(&mut self, p: &Pub) {
        let d = self.by_department.entry(p.department_id).or_default();
        d.0 += 1;
        d.1 += p.clicks + p.engagement;
        let e = self
            .first_post
            .entry(p.idea_id)
            .or_insert((p.department_id, p.lead_secs));
        // All posts of an idea share its hand-in: the first post has the shortest lead.
        e.1 = match (e.1, p.lead_secs) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// What the period's posts earned, read in one pass: everything the insights page shows but
/// the funnel's steps, which `steps` counts.
struct Posts {
    dashboard: Dashboard,
    posted: Posted,
}

impl Posts {
    /// The whole dashboard, with the funnel from these posts and the period's `steps`.
    fn with_steps(self, steps: Steps, names: &Reference) -> Dashboard {
        Dashboard {
            funnel: funnel(steps, self.posted, names),
            ..self.dashboard
        }
    }
}

/// The period's posts: rows per group (most earned first) with their totals, the pieces that
/// earned most and least, and what the funnel needs per department. Channels and departments
/// are named from the cached reference data.
fn posts(
    conn: &mut Conn,
    names: &Reference,
    from: NaiveDateTime,
    to: NaiveDateTime,
    by: By,
) -> QueryResult<Posts> {
    // Grouped by id (channels, departments) or by text (pillars, languages); named at the end.
    let mut by_id: FxHashMap<i64, Row> = FxHashMap::default();
    let mut by_text: FxHashMap<String, Row> = FxHashMap::default();
    // Per piece: (department, publications, clicks, engagement); named only for the ten shown.
    let mut pieces: FxHashMap<i64, (i64, i64, i64, i64)> = FxHashMap::default();
    let mut total = Row::default();
    let mut posted = Posted::default();
    each_published(conn, from, to, Some(by), |p| {
        let (clicks, engagement) = (p.clicks, p.engagement);
        let group = match by {
            By::Channel => by_id.entry(p.channel_id).or_default(),
            By::Department => by_id.entry(p.department_id).or_default(),
            By::Pillar | By::Language => {
                // Looked up by reference first: a handful of groups, 100k rows.
                let label = p.label.as_deref().unwrap_or("");
                match by_text.get_mut(label) {
                    Some(row) => row,
                    None => by_text.entry(label.to_string()).or_default(),
                }
            }
        };
        group.add(clicks, engagement);
        total.add(clicks, engagement);
        let piece = pieces
            .entry(p.content_id)
            .or_insert((p.department_id, 0, 0, 0));
        piece.1 += 1;
        piece.2 += clicks;
        piece.3 += engagement;
        posted.add(&p);
    })?;
    let mut rows: Vec<Row> = by_id
        .into_iter()
        .map(|(id, mut row)| {
            let name = match by {
                By::Channel => names.channel_name(id),
                _ => names.department_name(id),
            };
            row.key = name.unwrap_or("").to_string();
            row
        })
        .chain(by_text.into_iter().map(|(key, row)| Row { key, ..row }))
        .collect();
    rows.sort_by(|a, b| {
        (b.clicks + b.engagement)
            .cmp(&(a.clicks + a.engagement))
            .then_with(|| a.key.cmp(&b.key))
    });
    // Most earned first; among equals the lower id (the older piece) first, so the order
    // holds from one request to the next. Only the five at each end are sorted.
    let mut pieces: Vec<(i64, (i64, i64, i64, i64))> = pieces.into_iter().collect();
    let order = |(a_id, a): &(i64, (i64, i64, i64, i64)),
                 (b_id, b): &(i64, (i64, i64, i64, i64))| {
        (b.2 + b.3).cmp(&(a.2 + a.3)).then_with(|| a_id.cmp(b_id))
    };
    let n = pieces.len();
    if n > 10 {
        pieces.select_nth_unstable_by(4, order);
        pieces[5..].select_nth_unstable_by(n - 11, order);
        pieces.drain(5..n - 5);
    }
    pieces.sort_unstable_by(order);
    let top = &pieces[..pieces.len().min(5)];
    let bottom: Vec<_> = pieces[top.len()..].iter().rev().take(5).collect();
    let shown: Vec<i64> = top
        .iter()
        .chain(bottom.iter().copied())
        .map(|p| p.0)
        .collect();
    let titles: HashMap<i64, String> = content_pieces::table
        .filter(content_pieces::id.eq_any(&shown))
        .select((content_pieces::id, content_pieces::title))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let piece =
        |(id, (department, publications, clicks, engagement)): &(i64, (i64, i64, i64, i64))| {
            Piece {
                content_id: *id,
                title: titles.get(id).cloned().unwrap_or_default(),
                department: names.department_name(*department).unwrap_or("").to_string(),
                publications: *publications,
                clicks: *clicks,
                engagement: *engagement,
            }
        };
    let top: Vec<Piece> = top.iter().map(piece).collect();
    let bottom: Vec<Piece> = bottom.into_iter().map(piece).collect();
    Ok(Posts {
        dashboard: Dashboard {
            rows,
            total,
            top,
            bottom,
            funnel: vec![],
        },
        posted,
    })
}

/// What a dashboard was worked out for: its period, grouping, and the reference data's
/// version (it names channels and departments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    from: NaiveDateTime,
    to: NaiveDateTime,
    by: By,
    reference: i64,
}

/// The dashboards this instance worked out since the last write to what they add up: a year
/// of posts takes milliseconds to add up, and it changes only when something is published,
/// clicked, counted, handed in or approved.
pub type Cache = super::kept::Kept<Key, Dashboard>;

/// The period's dashboard grouped `by`: the one this instance worked out before, if nothing
/// it adds up was written since, else worked out now and kept.
pub fn dashboard(
    conn: &mut Conn,
    cache: &Cache,
    names: &Reference,
    from: NaiveDateTime,
    to: NaiveDateTime,
    by: By,
) -> QueryResult<std::sync::Arc<Dashboard>> {
    let key = Key {
        from,
        to,
        by,
        reference: names.version,
    };
    cache.get_or_read(conn, key, |c, _| {
        let posts = posts(c, names, from, to, by)?;
        Ok(posts.with_steps(steps(c, from, to)?, names))
    })
}

/// Ideas handed in and approved in a period per department (by id): (handed in, approved).
struct Steps(FxHashMap<i64, (i64, i64)>);

/// The period's hand-ins and approvals per department, each idea once per step.
fn steps(conn: &mut Conn, from: NaiveDateTime, to: NaiveDateTime) -> QueryResult<Steps> {
    use crate::db::schema::idea_events;
    use diesel::dsl::count_star;
    // An idea counts once per step in the period: on its first time in it, the step whose
    // previous time lies before the period (or does not exist). Counted per department in
    // SQL from one covering index (migration 000025), a dozen rows for a year of steps.
    let first_in_period = idea_events::previous_at
        .is_null()
        .or(idea_events::previous_at.lt(from));
    let counts: Vec<(Option<String>, Option<i64>, i64)> = idea_events::table
        .filter(idea_events::to_state.eq_any([State::Submitted.as_str(), State::Approved.as_str()]))
        .filter(idea_events::at.ge(from))
        .filter(idea_events::at.lt(to))
        .filter(first_in_period)
        .group_by((idea_events::to_state, idea_events::department_id))
        .select((
            idea_events::to_state,
            idea_events::department_id,
            count_star(),
        ))
        .load(conn)?;
    let mut counted: FxHashMap<i64, (i64, i64)> = FxHashMap::default();
    for (step, department, n) in counts {
        let c = counted.entry(department.unwrap_or_default()).or_default();
        if step.as_deref() == Some(State::Approved.as_str()) {
            c.1 += n;
        } else {
            c.0 += n;
        }
    }
    Ok(Steps(counted))
}

fn funnel(steps: Steps, posted: Posted, names: &Reference) -> Vec<Funnel> {
    let mut rows: BTreeMap<String, Funnel> = BTreeMap::new();
    for (department, (handed_in, approved)) in steps.0 {
        let name = names.department_name(department).unwrap_or("").to_string();
        let r = rows.entry(name.clone()).or_insert_with(|| Funnel {
            department: name,
            ..Funnel::default()
        });
        r.handed_in += handed_in;
        r.approved += approved;
    }
    let Posted {
        by_department,
        first_post,
    } = posted;
    let mut published: FxHashMap<i64, i64> = FxHashMap::default();
    let mut leads: FxHashMap<i64, Vec<f64>> = FxHashMap::default();
    for (department, lead) in first_post.values() {
        *published.entry(*department).or_default() += 1;
        if let Some(secs) = lead {
            // Whole minutes, as days; a post before its hand-in (an import) counts as none.
            let days = (secs / 60) as f64 / (60.0 * 24.0);
            leads.entry(*department).or_default().push(days.max(0.0));
        }
    }
    for (department, (publications, earned)) in by_department {
        let name = names.department_name(department).unwrap_or("").to_string();
        let r = rows.entry(name.clone()).or_insert_with(|| Funnel {
            department: name,
            ..Funnel::default()
        });
        r.publications += publications;
        r.per_publication = (earned as f64 / publications as f64 * 10.0).round() / 10.0;
        r.published += published.get(&department).copied().unwrap_or_default();
        if let Some(mut l) = leads.remove(&department) {
            l.sort_by(f64::total_cmp);
            let p50 = crate::domain::inbox::percentile(&l, 50.0);
            r.lead_days_p50 = Some((p50 * 10.0).round() / 10.0);
        }
    }
    rows.into_values().collect()
}

/// What went out in the period per channel and per department (by id), for targets.
pub fn by_scope(
    conn: &mut Conn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<HashMap<(crate::domain::targets::Scope, i64), Row>> {
    use crate::domain::targets::Scope;
    let mut out: HashMap<(Scope, i64), Row> = HashMap::new();
    each_published(conn, from, to, None, |p| {
        let (clicks, engagement) = (p.clicks, p.engagement);
        out.entry((Scope::Channel, p.channel_id))
            .or_default()
            .add(clicks, engagement);
        out.entry((Scope::Department, p.department_id))
            .or_default()
            .add(clicks, engagement);
    })?;
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

/// The published posts of an idea's piece (an idea has one at most) and what each earned, in
/// the order they went out.
pub fn of_piece(conn: &mut Conn, content_id: i64) -> QueryResult<Vec<PostResult>> {
    let of_piece = publications::state
        .eq(PubState::Published.as_str())
        .and(variants::content_id.eq(content_id));
    type Post = (
        String,
        String,
        Option<NaiveDateTime>,
        Option<String>,
        i64,
        i64,
    );
    let posts: Vec<Post> = publications::table
        .inner_join(channels::table)
        .inner_join(variants::table)
        .filter(of_piece)
        .order((publications::published_at, publications::id))
        .select((
            channels::name,
            variants::language,
            publications::published_at,
            publications::url,
            publications::clicks,
            publications::engagement,
        ))
        .load(conn)?;
    Ok(posts
        .into_iter()
        .map(
            |(channel, language, published_at, url, clicks, engagement)| PostResult {
                channel,
                language,
                published_at,
                url,
                clicks,
                engagement,
            },
        )
        .collect())
}

/// One of a person's ideas that went out, and what its posts earned.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IdeaResult {
    pub idea_id: i64,
    pub title: String,
    pub publications: i64,
    pub clicks: i64,
    pub engagement: i64,
    pub last_published_at: NaiveDateTime,
}

/// What the ideas `submitter_id` handed in earned, once published: the `limit` most recent
/// ones, each with what all its posts earned.
pub fn of_submitter(
    conn: &mut Conn,
    submitter_id: i64,
    limit: i64,
) -> QueryResult<Vec<IdeaResult>> {
    let mine: Vec<(i64, String)> = ideas::table
        .filter(ideas::submitter_id.eq(submitter_id))
        .filter(ideas::state.eq("published"))
        .order(ideas::id.desc())
        .limit(limit)
        .select((ideas::id, ideas::title))
        .load(conn)?;
    if mine.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<i64> = mine.iter().map(|m| m.0).collect();
    let posts: Vec<(i64, Option<NaiveDateTime>, i64, i64)> = publications::table
        .inner_join(variants::table.inner_join(content_pieces::table))
        .filter(publications::state.eq(PubState::Published.as_str()))
        .filter(content_pieces::idea_id.eq_any(&ids))
        .select((
            content_pieces::idea_id,
            publications::published_at,
            publications::clicks,
            publications::engagement,
        ))
        .load(conn)?;
    let mut out: Vec<IdeaResult> = mine
        .into_iter()
        .map(|(idea_id, title)| IdeaResult {
            idea_id,
            title,
            publications: 0,
            clicks: 0,
            engagement: 0,
            last_published_at: NaiveDateTime::default(),
        })
        .collect();
    for (idea_id, at, clicks, engagement) in posts {
        if let Some(r) = out.iter_mut().find(|r| r.idea_id == idea_id) {
            r.publications += 1;
            r.clicks += clicks;
            r.engagement += engagement;
            r.last_published_at = r.last_published_at.max(at.unwrap_or_default());
        }
    }
    out.retain(|r| r.publications > 0);
    out.sort_by_key(|r| std::cmp::Reverse(r.last_published_at));
    Ok(out)
}
