//! Ideas: hand-in, listing with filters, edits and transitions under a version check, comments,
//! assignment and the history. Each write records its event; `actions` wraps them in the
//! transaction of a use case, with its mail.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

use super::users::User;
use std::collections::HashMap;

use super::search::Dialect;
use super::Backend;
use crate::db::schema::{idea_channels, idea_events, idea_languages, idea_tags, ideas, users};
use crate::db::{Conn, Kept};
use crate::domain::access::IdeaScope;
use crate::domain::ideas::{IdeaFields, RawIdea};
use crate::domain::workflow::State;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ideas)]
pub struct Idea {
    pub id: i64,
    pub title: String,
    pub pitch: String,
    pub department_id: i64,
    pub audience: String,
    pub pillar: String,
    pub wished_date: Option<NaiveDate>,
    pub links: String,
    #[diesel(deserialize_as = String)]
    pub state: State,
    pub version: i64,
    pub submitter_id: i64,
    pub assignee_id: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub updated_at: NaiveDateTime,
}

/// An idea's tags, proposed channels and languages, in the order they were written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lists {
    pub tags: Vec<String>,
    pub channels: Vec<i64>,
    pub languages: Vec<String>,
}

/// What a list row or a board card shows: no pitch, no links.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ideas)]
pub struct Card {
    pub id: i64,
    pub title: String,
    pub department_id: i64,
    #[diesel(deserialize_as = String)]
    pub state: State,
    pub version: i64,
    pub submitter_id: i64,
    pub assignee_id: Option<i64>,
    pub wished_date: Option<NaiveDate>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(column_name = tag_list, deserialize_as = String)]
    pub tags: TagList,
}

/// A card's tags in their written order, as the idea's row keeps them (`ideas.tag_list`,
/// migration 000038: comma-separated, kept from `idea_tags` by triggers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagList(pub Vec<String>);

impl From<String> for TagList {
    fn from(list: String) -> TagList {
        if list.is_empty() {
            return TagList(vec![]);
        }
        TagList(list.split(',').map(str::to_string).collect())
    }
}

impl Idea {
    /// The idea as a form holds it, to merge changes into.
    pub fn to_raw(&self, lists: &Lists) -> RawIdea {
        RawIdea {
            title: self.title.clone(),
            pitch: self.pitch.clone(),
            audience: self.audience.clone(),
            pillar: self.pillar.clone(),
            tags: lists.tags.clone(),
            channels: lists.channels.iter().map(i64::to_string).collect(),
            languages: lists.languages.clone(),
            wished_date: self.wished_date.map(|d| d.to_string()).unwrap_or_default(),
            links: self.link_list(),
        }
    }
    pub fn link_list(&self) -> Vec<String> {
        self.links
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The fields a person writes, as stored; shared by hand-in and edit.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = ideas, treat_none_as_null = true)]
struct Stored<'a> {
    title: &'a str,
    pitch: &'a str,
    audience: &'a str,
    pillar: &'a str,
    wished_date: Option<NaiveDate>,
    links: String,
}

impl<'a> From<&'a IdeaFields> for Stored<'a> {
    fn from(f: &'a IdeaFields) -> Self {
        Stored {
            title: &f.title,
            pitch: &f.pitch,
            audience: &f.audience,
            pillar: &f.pillar,
            wished_date: f.wished_date,
            links: f.links.join("\n"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub state: Option<State>,
    pub department_id: Option<i64>,
    pub pillar: Option<String>,
    pub tag: Option<String>,
    pub language: Option<String>,
    pub assignee_id: Option<i64>,
    pub submitter_id: Option<i64>,
    pub submitted_from: Option<NaiveDateTime>,
    pub submitted_to: Option<NaiveDateTime>,
    pub q: Option<String>,
}

impl Filter {
    /// No filter set at all.
    pub fn is_empty(&self) -> bool {
        let Filter {
            state,
            department_id,
            pillar,
            tag,
            language,
            assignee_id,
            submitter_id,
            submitted_from,
            submitted_to,
            q,
        } = self;
        state.is_none()
            && department_id.is_none()
            && pillar.is_none()
            && tag.is_none()
            && language.is_none()
            && assignee_id.is_none()
            && submitter_id.is_none()
            && submitted_from.is_none()
            && submitted_to.is_none()
            && q.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
}

type Boxed<'a> = ideas::BoxedQuery<'a, Backend>;
pub(super) type Condition =
    Box<dyn BoxableExpression<ideas::table, Backend, SqlType = diesel::sql_types::Bool>>;

/// How a filter is read on a connection: the backend's SQL, and whether the filter's tag is
/// rare. SQLite's planner has no statistics of tags' values; walking ideas in id order and
/// probing each for a tag is quick for a common tag (a page comes within a few hundred
/// ideas) but for a tag on a handful of ideas walked all 100k (28 ms), where starting from the
/// tag's ideas takes 0.2 ms (and 5 ms for a common tag). The kept counts of `idea_tag_counts`
/// tell which. PostgreSQL's planner knows the tags' frequencies itself.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    dialect: Dialect,
    rare_tag: bool,
}

impl Reading {
    /// Below this many ideas with the tag, SQLite starts from the tag's ideas: about where
    /// reading them all costs what walking ideas until a page is full does, at 100k ideas.
    const RARE_TAG: i64 = 2_500;

    fn of(conn: &mut Conn, f: &Filter) -> QueryResult<Reading> {
        let dialect = Dialect::of(conn);
        let rare_tag = match (&f.tag, dialect) {
            (Some(tag), Dialect::Sqlite) => {
                #[derive(diesel::QueryableByName)]
                struct Count {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    n: i64,
                }
                let count: Count = crate::db::cached(
                    "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n \
                     FROM idea_tag_counts WHERE tag = $1",
                )
                .bind::<diesel::sql_types::Text, _>(tag)
                .get_result(conn)?;
                count.n < Self::RARE_TAG
            }
            _ => false,
        };
        Ok(Reading { dialect, rare_tag })
    }
}

/// Visibility first (department, other people's drafts), then the user's filters.
fn query<'a>(r: Reading, scope: &IdeaScope, f: &Filter) -> Boxed<'a> {
    query_on(r, scope, f, true)
}

/// `query` with `condition_on`'s choice about drafts.
fn query_on<'a>(r: Reading, scope: &IdeaScope, f: &Filter, drafts: bool) -> Boxed<'a> {
    ideas::table
        .filter(condition_on(r, scope, f, drafts))
        .into_boxed()
}

/// The same as a condition, which (unlike a boxed query) can also be grouped.
fn condition(r: Reading, scope: &IdeaScope, f: &Filter) -> Condition {
    condition_on(r, scope, f, true)
}

/// `condition`, with other people's drafts left out when `drafts`, else every draft: a
/// caller that reads no drafts needs no look at the submitter, and without it PostgreSQL
/// counts an assignee's or a language's ideas from an index alone.
fn condition_on(r: Reading, scope: &IdeaScope, f: &Filter, drafts: bool) -> Condition {
    let mut c: Condition = if drafts {
        Box::new(
            ideas::state
                .ne("draft")
                .or(ideas::submitter_id.eq(scope.viewer_id)),
        )
    } else {
        Box::new(ideas::state.ne("draft"))
    };
    if let Some(d) = scope.department_id {
        c = Box::new(c.and(ideas::department_id.eq(d)));
    }
    if let Some(s) = f.state {
        c = Box::new(c.and(ideas::state.eq(s.as_str())));
    }
    if let Some(d) = f.department_id {
        c = Box::new(c.and(ideas::department_id.eq(d)));
    }
    if let Some(p) = &f.pillar {
        c = Box::new(c.and(ideas::pillar.eq(p.clone())));
    }
    // Correlated EXISTS for a common tag: the page walks ideas in id order and probes the join
    // table's primary key for each, instead of first collecting every idea with the tag. A
    // rare tag on SQLite is read from its ideas first (`Reading`).
    if let Some(t) = &f.tag {
        c = Box::new(c.and(if r.rare_tag {
            tag_of(t)
        } else {
            has(r.dialect, "idea_tags", "tag", t)
        }));
    }
    if let Some(l) = &f.language {
        c = Box::new(c.and(has(r.dialect, "idea_languages", "language", l)));
    }
    if let Some(a) = f.assignee_id {
        c = Box::new(c.and(ideas::assignee_id.assume_not_null().eq(a)));
    }
    if let Some(s) = f.submitter_id {
        c = Box::new(c.and(ideas::submitter_id.eq(s)));
    }
    if let Some(from) = f.submitted_from {
        c = Box::new(c.and(ideas::created_at.ge(from)));
    }
    if let Some(to) = f.submitted_to {
        c = Box::new(c.and(ideas::created_at.lt(to)));
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        c = Box::new(c.and(super::search::matches(r.dialect, text)));
    }
    c
}

/// The idea has `value` in its list `table.column` (the names are ours, never user input).
/// SQLite probes the list's key `(idea_id, value)`: its planner (3.53) weighs the value's index
/// `(value, idea_id)` the same for one row and took it, which compares the text first at
/// every step down the tree (a probe 3.5k instructions instead of 1.5k; the state and
/// language list's query 1.10M -> 0.70M). PostgreSQL's planner costs the two apart itself.
fn has(dialect: Dialect, table: &'static str, column: &'static str, value: &str) -> Condition {
    let key = match dialect {
        Dialect::Sqlite => format!(" INDEXED BY sqlite_autoindex_{table}_1"),
        Dialect::Postgres => String::new(),
    };
    Box::new(
        diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
            "EXISTS (SELECT 1 FROM {table} l{key} WHERE l.idea_id = ideas.id AND l.{column} = "
        ))
        .bind::<diesel::sql_types::Text, _>(value.to_string())
        .sql(")"),
    )
}

/// Ideas among those with the tag `value`, read from the tag's index first (`Reading`).
fn tag_of(value: &str) -> Condition {
    Box::new(
        diesel::dsl::sql::<diesel::sql_types::Bool>(
            "ideas.id IN (SELECT l.idea_id FROM idea_tags l WHERE l.tag = ",
        )
        .bind::<diesel::sql_types::Text, _>(value.to_string())
        .sql(")"),
    )
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Ordered by id for `sort`, after `cursor` (an idea id); one row more than a page, to tell
/// whether another page follows.
fn page_query<'a>(q: Boxed<'a>, sort: Sort, cursor: Option<i64>, limit: i64) -> Boxed<'a> {
    let q = match (sort, cursor) {
        (Sort::Newest, Some(c)) => q.filter(ideas::id.lt(c)).order(ideas::id.desc()),
        (Sort::Newest, None) => q.order(ideas::id.desc()),
        (Sort::Oldest, Some(c)) => q.filter(ideas::id.gt(c)).order(ideas::id.asc()),
        (Sort::Oldest, None) => q.order(ideas::id.asc()),
    };
    q.limit(limit + 1)
}

/// The page, and the cursor of the next one if any.
fn split_page<T>(mut rows: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> (Vec<T>, Option<i64>) {
    if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        let next = rows.last().map(id);
        (rows, next)
    } else {
        (rows, None)
    }
}

/// One page of whole ideas after `cursor`, and the cursor of the next page if any.
pub fn list(
    conn: &mut Conn,
    scope: &IdeaScope,
    filter: &Filter,
    sort: Sort,
    cursor: Option<i64>,
    limit: i64,
) -> QueryResult<(Vec<Idea>, Option<i64>)> {
    let load = |c: &mut Conn, q: Boxed<'static>, keep: bool| {
        Kept::when(keep, q.select(Idea::as_select())).load(c)
    };
    let through = |c: &mut Conn, t: Through| Kept::on_sqlite(t.with(Idea::as_select())).load(c);
    paged(
        conn,
        scope,
        filter,
        sort,
        cursor,
        limit,
        (load, through),
        |i: &Idea| i.id,
    )
}

/// The same page as cards, for pages that show no pitch.
pub fn cards(
    conn: &mut Conn,
    scope: &IdeaScope,
    filter: &Filter,
    sort: Sort,
    cursor: Option<i64>,
    limit: i64,
) -> QueryResult<(Vec<Card>, Option<i64>)> {
    let load = |c: &mut Conn, q: Boxed<'static>, keep: bool| {
        Kept::when(keep, q.select(Card::as_select())).load(c)
    };
    let through = |c: &mut Conn, t: Through| Kept::on_sqlite(t.with(Card::as_select())).load(c);
    paged(
        conn,
        scope,
        filter,
        sort,
        cursor,
        limit,
        (load, through),
        |c: &Card| c.id,
    )
}

/// How many matches of a search SQLite reads per round for the board (`columns`).
const SEARCH_WINDOW: i64 = 1000;

/// The first `limit` cards of each state, oldest first, under the filter: the board's
/// columns in one statement (one trip and one plan instead of one per column; on PostgreSQL
/// parsing and planning the eight were as much as running them). A search on SQLite goes
/// through its matches a window at a time, once for all columns.
pub fn columns(
    conn: &mut Conn,
    scope: &IdeaScope,
    filter: &Filter,
    states: &[State],
    limit: i64,
) -> QueryResult<Vec<(State, Vec<Card>)>> {
    let reading = Reading::of(conn, filter)?;
    let dialect = reading.dialect;
    // The board has no drafts column: without the look at each idea's submitter, SQLite
    // probes a tag for ideas straight from the (pillar, state, id) index and reads only the
    // rows that have it (a column filtered by pillar and tag 126 -> 93 us).
    let drafts = states.contains(&State::Draft);
    let one = |state: State| Filter {
        state: Some(state),
        ..filter.clone()
    };
    // As `condition` reads it: blank text searches for nothing.
    let searching = filter.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    let by_tag = through_tag(scope, filter, drafts);
    let rows: Vec<Card> = match (dialect, searching) {
        // A search on SQLite: one pass through the matches (`searched_columns`).
        (Dialect::Sqlite, true) => {
            return searched_columns(conn, reading, scope, filter, states, limit, SEARCH_WINDOW);
        }
        // A search on PostgreSQL: the matches read once and numbered per state, instead of
        // the full-text index read for every column (eight times 8 ms for a common word).
        (Dialect::Postgres, true) => {
            let names: Vec<&'static str> = states.iter().map(|s| s.as_str()).collect();
            let all = query_on(
                reading,
                scope,
                &Filter {
                    state: None,
                    ..filter.clone()
                },
                drafts,
            )
            .filter(ideas::state.eq_any(names))
            .select((
                Card::as_select(),
                diesel::dsl::sql::<diesel::sql_types::BigInt>(
                    "row_number() OVER (PARTITION BY ideas.state ORDER BY ideas.id) AS rn",
                ),
            ));
            let numbered: Vec<(Card, i64)> = FirstPerState { all, limit }.load(conn)?;
            numbered.into_iter().map(|(card, _)| card).collect()
        }
        // A tag (with a pillar, perhaps): each column's first cards off the tag's index,
        // which carries its ideas' states and pillars (`Through::tag`).
        (Dialect::Postgres, false) if by_tag => EachState {
            states: states.iter().map(|s| s.as_str()).collect(),
            per_state: Through::tag(reading, scope, filter, StateOf::EachState, limit)
                .with(Card::as_select()),
            limit: None,
        }
        .load(conn)?,
        (Dialect::Sqlite, false) if by_tag => {
            let each: Vec<_> = states
                .iter()
                .map(|s| {
                    Through::tag(reading, scope, filter, StateOf::Bound(s.as_str()), limit)
                        .with(Card::as_select())
                })
                .collect();
            Kept::on_sqlite(super::UnionAll(each)).load(conn)?
        }
        // PostgreSQL plans a UNION's eight parts one by one (2.5 ms for the board filtered by
        // pillar and tag, as long as running it); one part joined to each state is planned once.
        (Dialect::Postgres, false) => {
            let per_state = query_on(
                reading,
                scope,
                &Filter {
                    state: None,
                    ..filter.clone()
                },
                drafts,
            )
            .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
                "ideas.state = s.state",
            ))
            .select(Card::as_select())
            .order(ideas::id.asc());
            // Prepared: each state's cards come off the index of the filter's column, in id
            // order, whatever its value.
            crate::db::Kept::always(EachState {
                states: states.iter().map(|s| s.as_str()).collect(),
                per_state,
                limit: Some(limit),
            })
            .load(conn)?
        }
        (Dialect::Sqlite, false) => {
            let each: Vec<_> = states
                .iter()
                .map(|&s| {
                    query_on(reading, scope, &one(s), drafts)
                        .select(Card::as_select())
                        .order(ideas::id.asc())
                        .limit(limit)
                })
                .collect();
            Kept::on_sqlite(super::UnionAll(each)).load(conn)?
        }
    };
    let mut out: Vec<(State, Vec<Card>)> = states.iter().map(|&s| (s, vec![])).collect();
    for card in rows {
        if let Some((_, cards)) = out.iter_mut().find(|(s, _)| *s == card.state) {
            cards.push(card);
        }
    }
    // UNION ALL keeps no order of its own: each column sorted here (`limit` cards at most).
    for (_, cards) in &mut out {
        cards.sort_unstable_by_key(|c| c.id);
    }
    Ok(out)
}

/// The board's columns for a search on SQLite: one pass through the matches in id order,
/// `window` at a time, each card handed to its column until every column is full or the
/// matches run out. Column by column, each read the matches again until its own state had
/// enough (a common word's rarer states read most of 15,000 matches, eight times over).
fn searched_columns(
    conn: &mut Conn,
    reading: Reading,
    scope: &IdeaScope,
    filter: &Filter,
    states: &[State],
    limit: i64,
    window: i64,
) -> QueryResult<Vec<(State, Vec<Card>)>> {
    let mut out: Vec<(State, Vec<Card>)> = states.iter().map(|&s| (s, vec![])).collect();
    let q = filter.q.as_deref().unwrap_or_default();
    let Some(window) = super::search::Window::new(conn, q, false, window)? else {
        return Ok(out);
    };
    let rest = Filter {
        q: None,
        state: None,
        ..filter.clone()
    };
    let names: Vec<&str> = states.iter().map(|s| s.as_str()).collect();
    window.walk(conn, None, |conn, _, matching| {
        let cards: Vec<Card> = Kept::on_sqlite(
            query(reading, scope, &rest)
                .filter(ideas::state.eq_any(&names))
                .filter(matching)
                .select(Card::as_select())
                .order(ideas::id.asc()),
        )
        .load(conn)?;
        for card in cards {
            if let Some((_, column)) = out.iter_mut().find(|(s, _)| *s == card.state) {
                if (column.len() as i64) < limit {
                    column.push(card);
                }
            }
        }
        Ok(out.iter().all(|(_, c)| c.len() as i64 >= limit))
    })?;
    Ok(out)
}

/// Whether the board's columns read their cards through the filter's tag (`Through::tag`): a
/// tag, no drafts column and no filter that has an index on ideas of its own (a department's
/// or a person's ideas are walked from that index and probed for the tag, as before).
fn through_tag(scope: &IdeaScope, f: &Filter, drafts: bool) -> bool {
    f.tag.is_some() && !drafts && !own_index(scope, f)
}

/// Whether the ideas list reads its page through the filter's language (`Through::language`):
/// a language with at most a state besides, so that the language's index
/// `idea_languages (language, state, idea_id)` gives the page's ideas in order, each then
/// checked against who may see it.
fn through_language(scope: &IdeaScope, f: &Filter) -> bool {
    f.language.is_some()
        && f.tag.is_none()
        && f.pillar.is_none()
        && f.q.is_none()
        && !own_index(scope, f)
}

/// A filter on a column that has an index on ideas of its own.
fn own_index(scope: &IdeaScope, f: &Filter) -> bool {
    scope.department_id.is_some()
        || f.department_id.is_some()
        || f.assignee_id.is_some()
        || f.submitter_id.is_some()
        || f.submitted_from.is_some()
        || f.submitted_to.is_some()
}

/// Which state's rows of the list table a `Through` reads.
#[derive(Clone, Copy)]
enum StateOf {
    /// The one bound.
    Bound(&'static str),
    /// PostgreSQL's `s.state` of `EachState`.
    EachState,
    /// Any.
    Any,
}

/// Ideas in id order straight off the index of one of their lists, the list's rows carrying
/// their ideas' states (and a tag's their pillars, migrations 000035 and 000042), each idea
/// then checked against the rest of the filter:
/// - the board's first cards of a column among the ideas with a tag (and a pillar), off
///   `idea_tags (tag, [pillar,] state, idea_id)`: walking the pillar's ideas of the state and
///   probing each for the tag took about a hundred probes per column for a tag on a quarter
///   of the ideas;
/// - the ideas list's page of a language (and a state) off `idea_languages (language, state,
///   idea_id)` or `(language, idea_id)`: walking the state's ideas and probing each for the
///   language took two hundred probes for a language of a quarter of the ideas (the state and
///   language list's query 0.70M -> 0.15M instructions).
struct Through {
    table: &'static str,
    column: &'static str,
    value: String,
    pillar: Option<String>,
    state: StateOf,
    /// The index SQLite is to read (`INDEXED BY`), where its planner would pick another.
    index: Option<&'static str>,
    rest: Condition,
    newest_first: bool,
    after: Option<i64>,
    limit: i64,
}

impl Through {
    /// A board column's first `limit` cards with the filter's tag (and pillar), no drafts.
    fn tag(r: Reading, scope: &IdeaScope, f: &Filter, state: StateOf, limit: i64) -> Self {
        let rest = Filter {
            tag: None,
            pillar: None,
            state: None,
            ..f.clone()
        };
        Through {
            table: "idea_tags",
            column: "tag",
            value: f.tag.clone().unwrap_or_default(),
            pillar: f.pillar.clone(),
            state,
            index: None,
            rest: condition_on(r, scope, &rest, false),
            newest_first: false,
            after: None,
            limit,
        }
    }

    /// The list's page of `limit` ideas with the filter's language (and state) after `after`.
    fn language(
        r: Reading,
        scope: &IdeaScope,
        f: &Filter,
        sort: Sort,
        after: Option<i64>,
        limit: i64,
    ) -> Self {
        let rest = Filter {
            language: None,
            state: None,
            ..f.clone()
        };
        Through {
            table: "idea_languages",
            column: "language",
            value: f.language.clone().unwrap_or_default(),
            pillar: None,
            state: f.state.map_or(StateOf::Any, |s| StateOf::Bound(s.as_str())),
            // Of any state, the entries come in order off `(language, idea_id)`; SQLite took
            // `(language, state, idea_id)` and sorted the language's 25,000 entries (78M
            // instructions a page at 100k ideas).
            index: (f.state.is_none() && r.dialect == Dialect::Sqlite)
                .then_some("idea_languages_language"),
            rest: condition_on(r, scope, &rest, true),
            newest_first: sort == Sort::Newest,
            after,
            limit,
        }
    }

    /// The rows, read as `select` reads them.
    fn with<S>(self, select: S) -> ReadThrough<S> {
        ReadThrough {
            select,
            through: self,
        }
    }
}

/// A `Through`'s rows as `select` reads them: the statement.
struct ReadThrough<S> {
    select: S,
    through: Through,
}

impl<S: diesel::query_builder::QueryFragment<Backend>> diesel::query_builder::QueryFragment<Backend>
    for ReadThrough<S>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{BigInt, Text};
        out.push_sql("SELECT ");
        self.select.walk_ast(out.reborrow())?;
        let t = &self.through;
        // CROSS JOIN: SQLite reads the list's entries first and looks each idea up by its key.
        out.push_sql(" FROM ");
        out.push_sql(t.table);
        out.push_sql(" t");
        if let Some(index) = t.index {
            out.push_sql(" INDEXED BY ");
            out.push_sql(index);
        }
        out.push_sql(" CROSS JOIN ideas WHERE ideas.id = t.idea_id AND t.");
        out.push_sql(t.column);
        out.push_sql(" = ");
        out.push_bind_param::<Text, _>(&t.value)?;
        if let Some(p) = &t.pillar {
            out.push_sql(" AND t.pillar = ");
            out.push_bind_param::<Text, _>(p)?;
        }
        match t.state {
            StateOf::Bound(s) => {
                out.push_sql(" AND t.state = ");
                out.push_bind_param::<Text, _>(s)?;
            }
            StateOf::EachState => out.push_sql(" AND t.state = s.state"),
            StateOf::Any => {}
        }
        if let Some(after) = &t.after {
            out.push_sql(if t.newest_first {
                " AND t.idea_id < "
            } else {
                " AND t.idea_id > "
            });
            out.push_bind_param::<BigInt, _>(after)?;
        }
        out.push_sql(" AND ");
        t.rest.walk_ast(out.reborrow())?;
        out.push_sql(if t.newest_first {
            " ORDER BY t.idea_id DESC LIMIT "
        } else {
            " ORDER BY t.idea_id LIMIT "
        });
        // The limit written into the statement: as a parameter, a plan made once for all
        // calls could not count on it (see `EachState`).
        out.push_sql(&t.limit.to_string());
        Ok(())
    }
}

impl<S: diesel::Expression> diesel::query_builder::Query for ReadThrough<S> {
    type SqlType = S::SqlType;
}

impl<S> diesel::query_builder::QueryId for ReadThrough<S> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<S, C> RunQueryDsl<C> for ReadThrough<S> {}

/// `per_state` (which reads the state as `s.state`) for each of `states` on PostgreSQL:
/// `SELECT c.* FROM (VALUES …) AS s(state) CROSS JOIN LATERAL (…) AS c`. The states are
/// written into the statement (our own names, a few sets of them): bound as one array, the
/// planner guessed ten of them in a plan made once for all calls and so planned the
/// statement anew on every call (0.44 ms of the board filtered by pillar and tag). So is
/// the limit, when given (`per_state` then has none): as a parameter, a generic plan must
/// guess how many rows it takes.
struct EachState<Q> {
    states: Vec<&'static str>,
    per_state: Q,
    limit: Option<i64>,
}

impl<Q: diesel::query_builder::QueryFragment<Backend>> diesel::query_builder::QueryFragment<Backend>
    for EachState<Q>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> QueryResult<()> {
        out.push_sql("SELECT c.* FROM (VALUES ");
        for (i, state) in self.states.iter().enumerate() {
            out.push_sql(if i == 0 { "('" } else { ", ('" });
            out.push_sql(state);
            out.push_sql("')");
        }
        out.push_sql(") AS s(state) CROSS JOIN LATERAL (");
        self.per_state.walk_ast(out.reborrow())?;
        if let Some(limit) = self.limit {
            out.push_sql(" LIMIT ");
            out.push_sql(&limit.to_string());
        }
        out.push_sql(") AS c");
        Ok(())
    }
}

crate::db::query_wrapper!(EachState);

/// The rows of `all` (numbered per state as its last column, `rn`) up to `limit` per state.
struct FirstPerState<Q> {
    all: Q,
    limit: i64,
}

impl<Q: diesel::query_builder::QueryFragment<Backend>> diesel::query_builder::QueryFragment<Backend>
    for FirstPerState<Q>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> QueryResult<()> {
        out.push_sql("SELECT * FROM (");
        self.all.walk_ast(out.reborrow())?;
        out.push_sql(") AS r WHERE r.rn <= ");
        out.push_bind_param::<diesel::sql_types::BigInt, _>(&self.limit)
    }
}

crate::db::query_wrapper!(FirstPerState);

/// A page of `limit` rows after `cursor`, loaded by `load` (or `through` a language's
/// index, `through_language`). A search on SQLite goes through
/// the matches a window at a time (`search::Window`) until the page is full, rather than
/// listing every match first; on PostgreSQL through windows of ideas (`pg_searched`).
#[allow(clippy::too_many_arguments)]
fn paged<T>(
    conn: &mut Conn,
    scope: &IdeaScope,
    filter: &Filter,
    sort: Sort,
    cursor: Option<i64>,
    limit: i64,
    (load, through): (
        impl Fn(&mut Conn, Boxed<'static>, bool) -> QueryResult<Vec<T>>,
        impl Fn(&mut Conn, Through) -> QueryResult<Vec<T>>,
    ),
    id: impl Fn(&T) -> i64,
) -> QueryResult<(Vec<T>, Option<i64>)> {
    let reading = Reading::of(conn, filter)?;
    let dialect = reading.dialect;
    if through_language(scope, filter) {
        let page = Through::language(reading, scope, filter, sort, cursor, limit + 1);
        return Ok(split_page(through(conn, page)?, limit, id));
    }
    // Eight pages' worth of matches per window: one window fills a page unless the other
    // filters pass fewer than one match in eight.
    let window = match (dialect, filter.q.as_deref()) {
        (Dialect::Sqlite, Some(q)) => {
            super::search::Window::new(conn, q, sort == Sort::Newest, (limit + 1) * 8)?
        }
        _ => None,
    };
    let searching = filter
        .q
        .as_deref()
        .is_some_and(|q| !super::search::words(q).is_empty());
    if dialect == Dialect::Postgres && searching {
        return pg_searched(conn, reading, scope, filter, sort, cursor, limit, load, id);
    }
    let Some(window) = window else {
        let rows = load(
            conn,
            page_query(query(reading, scope, filter), sort, cursor, limit),
            false,
        )?;
        return Ok(split_page(rows, limit, id));
    };
    let rest = Filter {
        q: None,
        ..filter.clone()
    };
    let mut rows = Vec::new();
    window.walk(conn, cursor, |conn, after, matching| {
        let want = limit - rows.len() as i64;
        let q = query(reading, scope, &rest).filter(matching);
        rows.extend(load(conn, page_query(q, sort, after, want), false)?);
        Ok(rows.len() as i64 > limit)
    })?;
    Ok(split_page(rows, limit, id))
}

/// A search's page on PostgreSQL (`search::IdWindows`): a window of sixteen pages' worth of
/// ids after the cursor, walked by key and each tested; if that did not fill the page, one
/// more window sized by how often the first one matched, when that is at most sixteen times
/// as large; then the rest through the word index. A common word fills the page within the
/// first window, a word no idea has goes to the index after it.
#[allow(clippy::too_many_arguments)]
fn pg_searched<T>(
    conn: &mut Conn,
    reading: Reading,
    scope: &IdeaScope,
    filter: &Filter,
    sort: Sort,
    cursor: Option<i64>,
    limit: i64,
    load: impl Fn(&mut Conn, Boxed<'static>, bool) -> QueryResult<Vec<T>>,
    id: impl Fn(&T) -> i64,
) -> QueryResult<(Vec<T>, Option<i64>)> {
    let windows = super::search::IdWindows {
        newest_first: sort == Sort::Newest,
    };
    let text = filter.q.as_deref().unwrap_or_default();
    let rest = Filter {
        q: None,
        ..filter.clone()
    };
    let Some(span) = super::search::IdWindows::span(conn)? else {
        return Ok((vec![], None));
    };
    let first = (limit + 1) * 16;
    let mut size = first;
    let mut after = cursor;
    let mut rows: Vec<T> = Vec::new();
    for round in 0..2 {
        let end = windows.end(span, after, size);
        let want = limit - rows.len() as i64;
        let q = ideas::table
            .filter(windows.window(text, after, end, condition(reading, scope, &rest)))
            .into_boxed();
        // Prepared: the window's plan is the same whatever the words and filters.
        let found = load(conn, page_query(q, sort, after, want), true)?;
        let n = found.len() as i64;
        rows.extend(found);
        if rows.len() as i64 > limit || end.is_none() {
            return Ok(split_page(rows, limit, id));
        }
        after = end;
        // How many ideas the rest of the page should take at the rate this window matched,
        // half again for luck. Walking ideas costs about 0.2 µs each; the word index costs
        // what its words' lists hold (3 ms for two common ones), little for rare words, which
        // a first window without a match points to.
        let needed = (limit + 1 - rows.len() as i64) * size / n.max(1) * 3 / 2;
        if round == 1 || n == 0 || needed > first * 16 {
            break;
        }
        size = needed.max(limit + 1);
    }
    let want = limit - rows.len() as i64;
    let rest = ideas::table
        .filter(super::search::fenced(condition(reading, scope, filter)))
        .into_boxed();
    rows.extend(load(conn, page_query(rest, sort, after, want), false)?);
    Ok(split_page(rows, limit, id))
}

/// How many ideas each state holds under the filter, for the board's column heads. States
/// with no ideas are listed with 0. Without drafts (private to their submitter) and with no
/// filter but department, pillar and one tag, the counts come from `idea_counts` or
/// `idea_tag_counts` (kept by triggers); otherwise from one grouped query over the ideas.
pub fn count_by_state(
    conn: &mut Conn,
    scope: &IdeaScope,
    filter: &Filter,
    states: &[State],
) -> QueryResult<Vec<(State, i64)>> {
    let kept = !states.contains(&State::Draft)
        && Filter {
            state: None,
            department_id: None,
            pillar: None,
            tag: None,
            ..filter.clone()
        }
        .is_empty();
    let departments = [scope.department_id, filter.department_id];
    let fts_words = super::search::words(filter.q.as_deref().unwrap_or_default());
    // The kept counts summed per state by the database: a state's rows per department and
    // pillar cost the board a row each to read (80 of them, 0.24M instructions). One text for
    // every filter, so that both backends keep it prepared. A state or two are written into it
    // (our own names), so that the start page's one count seeks only its state's rows (0.16M
    // -> 0.04M); for the board's eight, reading the small table through is cheaper than eight
    // seeks.
    let in_states = if states.len() <= 2 {
        let names: Vec<String> = states.iter().map(|s| format!("'{}'", s.as_str())).collect();
        format!("state IN ({}) AND ", names.join(", "))
    } else {
        String::new()
    };
    let kept_counts = |conn: &mut Conn, table: &str, tag: Option<&String>| {
        use diesel::sql_types::{BigInt, Nullable, Text};
        crate::db::cached(format!(
            "SELECT state, CAST(SUM(n) AS BIGINT) AS n FROM {table} \
             WHERE {}{in_states}($1 IS NULL OR department_id = $1) \
             AND ($2 IS NULL OR department_id = $2) \
             AND ($3 IS NULL OR pillar = $3) GROUP BY state",
            if tag.is_some() { "tag = $4 AND " } else { "" }
        ))
        .bind::<Nullable<BigInt>, _>(departments[0])
        .bind::<Nullable<BigInt>, _>(departments[1])
        .bind::<Nullable<Text>, _>(filter.pillar.clone())
        .bind::<Text, _>(tag.cloned().unwrap_or_default())
        .typed::<(Text, BigInt)>()
        .load::<(String, i64)>(conn)
    };
    let rows: Vec<(String, i64)> = match (&filter.tag, kept) {
        (None, true) => kept_counts(conn, "idea_counts", None)?,
        (Some(tag), true) => kept_counts(conn, "idea_tag_counts", Some(tag))?,
        // A search on SQLite: the matches counted as FTS5 hands them out (`CountMatches`).
        (_, false) if Dialect::of(conn) == Dialect::Sqlite && !fts_words.is_empty() => {
            let rest = Filter {
                q: None,
                ..filter.clone()
            };
            Kept::on_sqlite(CountMatches {
                fts: super::search::fts_query(conn, &fts_words)?,
                rest: condition_on(
                    Reading::of(conn, &rest)?,
                    scope,
                    &rest,
                    states.contains(&State::Draft),
                ),
            })
            .load(conn)?
        }
        (_, false) => Kept::on_sqlite(
            ideas::table
                .filter(condition_on(
                    Reading::of(conn, filter)?,
                    scope,
                    filter,
                    states.contains(&State::Draft),
                ))
                .group_by(ideas::state)
                .select((ideas::state, diesel::dsl::count_star())),
        )
        .load(conn)?,
    };
    Ok(states
        .iter()
        .copied()
        .filter(|s| filter.state.is_none_or(|f| f == *s))
        .map(|s| {
            let n = rows
                .iter()
                .filter(|(r, _)| r == s.as_str())
                .map(|r| r.1)
                .sum();
            (s, n)
        })
        .collect())
}

/// How many of a search's matches on SQLite each state holds, read by joining the ideas to
/// FTS5's matches as it hands them out. As a condition (`ideas.id IN (SELECT rowid …)`)
/// SQLite first copied every match into a temporary b-tree: the board's column heads for a
/// common word (16k matches at 100k ideas) were four fifths of a 47 ms page.
struct CountMatches {
    fts: String,
    rest: Condition,
}

impl diesel::query_builder::QueryFragment<Backend> for CountMatches {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> QueryResult<()> {
        out.push_sql(
            "SELECT ideas.state, count(*) FROM ideas_fts CROSS JOIN ideas \
             WHERE ideas.id = ideas_fts.rowid AND ideas_fts MATCH ",
        );
        out.push_bind_param::<diesel::sql_types::Text, _>(&self.fts)?;
        out.push_sql(" AND ");
        self.rest.walk_ast(out.reborrow())?;
        out.push_sql(" GROUP BY ideas.state");
        Ok(())
    }
}

crate::db::query_wrapper!(
    CountMatches,
    (diesel::sql_types::Text, diesel::sql_types::BigInt)
);

/// How many ideas the filter finds.
pub fn count(conn: &mut Conn, scope: &IdeaScope, filter: &Filter) -> QueryResult<i64> {
    query(Reading::of(conn, filter)?, scope, filter)
        .count()
        .get_result(conn)
}

pub fn find(conn: &mut Conn, scope: &IdeaScope, id: i64) -> QueryResult<Option<Idea>> {
    let idea: Option<Idea> = ideas::table
        .find(id)
        .select(Idea::as_select())
        .first(conn)
        .optional()?;
    Ok(idea.filter(|i| scope.sees(i.department_id, i.state, i.submitter_id)))
}

/// Distinct pillars in use, for the filter's choices.
pub fn pillars(conn: &mut Conn) -> QueryResult<Vec<String>> {
    // Walks the pillar index one value at a time: the cost grows with the number of pillars,
    // not of ideas (a DISTINCT would read them all).
    let mut found: Vec<String> = vec![];
    while found.len() < 200 {
        let after = found.last().cloned().unwrap_or_default();
        let next: Option<String> = ideas::table
            .filter(ideas::pillar.gt(after))
            .select(ideas::pillar)
            .order(ideas::pillar.asc())
            .first(conn)
            .optional()?;
        match next {
            Some(p) => found.push(p),
            None => break,
        }
    }
    Ok(found)
}

/// Records a step in an idea's history, with its department at the time and when the idea
/// last took the same step (for the insights funnel: see migration 000025).
fn event(
    conn: &mut Conn,
    idea_id: i64,
    actor: Option<i64>,
    kind: &str,
    states: (Option<&str>, Option<&str>),
    comment: &str,
    changes: &serde_json::Value,
) -> QueryResult<()> {
    use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
    crate::db::cached(
        "INSERT INTO idea_events (idea_id, actor_id, at, kind, from_state, to_state, comment, \
           changes, department_id, previous_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, i.department_id, \
           (SELECT max(e.at) FROM idea_events e WHERE e.idea_id = $1 AND e.to_state = $6) \
         FROM ideas i WHERE i.id = $1",
    )
    .bind::<BigInt, _>(idea_id)
    .bind::<Nullable<BigInt>, _>(actor)
    .bind::<Timestamp, _>(super::now())
    .bind::<Text, _>(kind)
    .bind::<Nullable<Text>, _>(states.0)
    .bind::<Nullable<Text>, _>(states.1)
    .bind::<Text, _>(comment)
    .bind::<Text, _>(changes.to_string())
    .execute(conn)
    .map(|_| ())
}

/// Hands in a new idea (or saves a draft) for the submitter's department.
pub fn create(
    conn: &mut Conn,
    submitter: &User,
    department_id: i64,
    fields: &IdeaFields,
    state: State,
) -> QueryResult<Idea> {
    crate::db::write_tx(conn, |conn| {
        let now = super::now();
        let id: i64 = diesel::insert_into(ideas::table)
            .values((
                Stored::from(fields),
                ideas::department_id.eq(department_id),
                ideas::state.eq(state.as_str()),
                ideas::version.eq(1),
                ideas::submitter_id.eq(submitter.id),
                ideas::created_at.eq(now),
                ideas::updated_at.eq(now),
            ))
            .returning(ideas::id)
            .get_result(conn)?;
        write_lists(conn, id, fields)?;
        event(
            conn,
            id,
            Some(submitter.id),
            "created",
            (None, Some(state.as_str())),
            "",
            &json!({}),
        )?;
        ideas::table.find(id).select(Idea::as_select()).first(conn)
    })
}

/// The lists of these ideas, in their written order; an idea with none is absent. One
/// statement for the three tables, prepared once per connection (`super::among_ids`): the
/// idea page read them in three, each a round trip and, on PostgreSQL, planned anew.
pub fn lists(conn: &mut Conn, ids: &[i64]) -> QueryResult<HashMap<i64, Lists>> {
    use diesel::sql_types::{BigInt, Integer, Text};
    let mut out: HashMap<i64, Lists> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let sql = |among: &str| {
        format!(
            "SELECT idea_id, CAST(0 AS BIGINT) AS list, position, tag AS value \
             FROM idea_tags WHERE {among} \
             UNION ALL SELECT idea_id, CAST(1 AS BIGINT), position, language \
             FROM idea_languages WHERE {among} \
             UNION ALL SELECT idea_id, CAST(2 AS BIGINT), position, CAST(channel_id AS TEXT) \
             FROM idea_channels WHERE {among} \
             ORDER BY 1, 2, 3"
        )
    };
    // One idea (its page) by key: PostgreSQL planned the list of ids anew on every call, a
    // generic plan for an array of unknown length costing more than one for a single id.
    let rows: Vec<(i64, i64, i32, String)> = match ids {
        [id] => crate::db::cached(sql("idea_id = $1"))
            .bind::<BigInt, _>(*id)
            .typed::<(BigInt, BigInt, Integer, Text)>()
            .load(conn)?,
        _ => crate::db::cached(sql(&super::among_ids(conn, "idea_id")))
            .bind::<Text, _>(super::ids_bind(ids))
            .typed::<(BigInt, BigInt, Integer, Text)>()
            .load(conn)?,
    };
    for (id, list, _, value) in rows {
        let lists = out.entry(id).or_default();
        match list {
            0 => lists.tags.push(value),
            1 => lists.languages.push(value),
            // Written from an id column: always a number.
            _ => lists.channels.extend(value.parse::<i64>().ok()),
        }
    }
    Ok(out)
}

pub fn lists_of(conn: &mut Conn, id: i64) -> QueryResult<Lists> {
    Ok(lists(conn, &[id])?.remove(&id).unwrap_or_default())
}

/// Replaces the idea's lists with the checked fields' (the only writer of the join tables).
fn write_lists(conn: &mut Conn, id: i64, f: &IdeaFields) -> QueryResult<()> {
    diesel::delete(idea_tags::table.filter(idea_tags::idea_id.eq(id))).execute(conn)?;
    diesel::delete(idea_channels::table.filter(idea_channels::idea_id.eq(id))).execute(conn)?;
    diesel::delete(idea_languages::table.filter(idea_languages::idea_id.eq(id))).execute(conn)?;
    let tags: Vec<_> = (0..)
        .zip(&f.tags)
        .map(|(i, t)| {
            (
                idea_tags::idea_id.eq(id),
                idea_tags::position.eq(i),
                idea_tags::tag.eq(t),
            )
        })
        .collect();
    let channels: Vec<_> = (0..)
        .zip(&f.channels)
        .map(|(i, c)| {
            (
                idea_channels::idea_id.eq(id),
                idea_channels::position.eq(i),
                idea_channels::channel_id.eq(*c),
            )
        })
        .collect();
    let languages: Vec<_> = (0..)
        .zip(&f.languages)
        .map(|(i, l)| {
            (
                idea_languages::idea_id.eq(id),
                idea_languages::position.eq(i),
                idea_languages::language.eq(l),
            )
        })
        .collect();
    // One statement per row: the shared two-backend connection has no multi-row insert.
    for row in tags {
        diesel::insert_into(idea_tags::table)
            .values(row)
            .execute(conn)?;
    }
    for row in channels {
        diesel::insert_into(idea_channels::table)
            .values(row)
            .execute(conn)?;
    }
    for row in languages {
        diesel::insert_into(idea_languages::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Who changed the idea last, for "changed by X meanwhile".
pub fn last_actor(conn: &mut Conn, idea_id: i64) -> QueryResult<String> {
    let name: Option<Option<String>> = idea_events::table
        .left_join(users::table)
        .filter(idea_events::idea_id.eq(idea_id))
        .filter(idea_events::kind.ne("comment"))
        .order(idea_events::id.desc())
        .select(users::name.nullable())
        .first(conn)
        .optional()?;
    Ok(name.flatten().unwrap_or_else(|| "someone".into()))
}

/// Bumps the version if it is still `expected`; `false` when the idea changed meanwhile.
pub fn bump(conn: &mut Conn, idea_id: i64, expected: i64) -> QueryResult<bool> {
    let n = diesel::update(
        ideas::table
            .filter(ideas::id.eq(idea_id))
            .filter(ideas::version.eq(expected)),
    )
    .set((
        ideas::version.eq(expected + 1),
        ideas::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn reload(conn: &mut Conn, idea_id: i64) -> QueryResult<Idea> {
    ideas::table
        .find(idea_id)
        .select(Idea::as_select())
        .first(conn)
}

/// Writes the new fields; the history records old and new values of what changed.
pub fn write_fields(
    conn: &mut Conn,
    actor: &User,
    idea: &Idea,
    fields: &IdeaFields,
) -> QueryResult<()> {
    let mut changes = serde_json::Map::new();
    let mut note = |name: &str, old: String, new: String| {
        if old != new {
            changes.insert(name.into(), json!([old, new]));
        }
    };
    note("title", idea.title.clone(), fields.title.clone());
    note("pitch", idea.pitch.clone(), fields.pitch.clone());
    note("audience", idea.audience.clone(), fields.audience.clone());
    note("pillar", idea.pillar.clone(), fields.pillar.clone());
    let was = lists_of(conn, idea.id)?;
    let ids = |c: &[i64]| c.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    note("tags", was.tags.join(", "), fields.tags.join(", "));
    note("channels", ids(&was.channels), ids(&fields.channels));
    note(
        "languages",
        was.languages.join(", "),
        fields.languages.join(", "),
    );
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    note(
        "wished_date",
        date(idea.wished_date),
        date(fields.wished_date),
    );
    note("links", idea.links.clone(), fields.links.join("\n"));
    diesel::update(ideas::table.find(idea.id))
        .set(Stored::from(fields))
        .execute(conn)?;
    write_lists(conn, idea.id, fields)?;
    event(
        conn,
        idea.id,
        Some(actor.id),
        "edited",
        (None, None),
        "",
        &serde_json::Value::Object(changes),
    )
}

/// Sets the state and records the step (the version is bumped by the caller).
pub fn write_state(
    conn: &mut Conn,
    actor: Option<i64>,
    idea: &Idea,
    to: State,
    comment: &str,
) -> QueryResult<()> {
    diesel::update(ideas::table.find(idea.id))
        .set(ideas::state.eq(to.as_str()))
        .execute(conn)?;
    event(
        conn,
        idea.id,
        actor,
        "transition",
        (Some(idea.state.as_str()), Some(to.as_str())),
        comment.trim(),
        &json!({}),
    )
}

/// Records a comment. Comments do not bump the version: two people commenting at once both land.
pub fn write_comment(conn: &mut Conn, actor: &User, idea_id: i64, text: &str) -> QueryResult<()> {
    event(
        conn,
        idea_id,
        Some(actor.id),
        "comment",
        (None, None),
        text.trim(),
        &json!({}),
    )
}

/// Users whose e-mail's local part is `handle` (an `@handle` mention).
pub fn mentioned(conn: &mut Conn, handle: &str) -> QueryResult<Vec<User>> {
    let pattern = format!("{}@%", escape_like(handle));
    users::table
        .filter(users::email.like(pattern).escape('\\'))
        .select(User::as_select())
        .load(conn)
}

pub fn write_assignee(
    conn: &mut Conn,
    actor: &User,
    idea: &Idea,
    assignee: Option<i64>,
) -> QueryResult<()> {
    diesel::update(ideas::table.find(idea.id))
        .set((
            ideas::assignee_id.eq(assignee),
            ideas::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    event(
        conn,
        idea.id,
        Some(actor.id),
        "assigned",
        (None, None),
        "",
        &json!({"assignee": [idea.assignee_id, assignee]}),
    )
}

#[derive(Debug, Clone, Queryable)]
pub struct Event {
    pub id: i64,
    #[diesel(deserialize_as = crate::db::Time)]
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub kind: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub comment: String,
    pub changes: String,
}

pub fn events(conn: &mut Conn, idea_id: i64) -> QueryResult<Vec<Event>> {
    idea_events::table
        .left_join(users::table)
        .filter(idea_events::idea_id.eq(idea_id))
        .order(idea_events::id.asc())
        .select((
            idea_events::id,
            idea_events::at,
            users::name.nullable(),
            idea_events::kind,
            idea_events::from_state,
            idea_events::to_state,
            idea_events::comment,
            idea_events::changes,
        ))
        .load(conn)
}

/// An earlier idea whose title looks like this one's.
#[derive(Debug, Clone)]
pub struct Alike {
    pub id: i64,
    pub title: String,
    pub state: State,
    pub score: f64,
}

/// Earlier ideas the user may see whose titles look alike, best first. The candidates are the
/// newest 500 that share a word of the title, of which only those sharing enough words to look
/// alike are considered. They are read best first by what they can score at most, until the
/// next could not beat the ones found: where the index counts every word of the title
/// (SQLite, for a title of up to eight words of three letters or more) that is each one's
/// score, elsewhere the score of a title sharing no more words than it must. A seeded idea's
/// page reads five titles instead of the 87 that share enough words.
pub fn similar(
    conn: &mut Conn,
    scope: &IdeaScope,
    idea: &Idea,
    limit: usize,
) -> QueryResult<Vec<Alike>> {
    use crate::domain::ideas::{
        fewest_shared_to_look_alike, similarity_of_counts, similarity_to, LOOKS_ALIKE,
    };
    let own = crate::domain::ideas::title_tokens(&idea.title);
    let words: Vec<&str> = own
        .iter()
        .map(String::as_str)
        .filter(|t| t.chars().count() >= 3)
        .take(8)
        .collect();
    if words.is_empty() || limit == 0 {
        return Ok(vec![]);
    }
    const CANDIDATES: i64 = 500;
    // The title's words that are not searched (short ones, and any after the eighth) may be
    // shared too; the searched ones must make up the rest.
    let unsearched = own.len() - words.len();
    let min_shared = fewest_shared_to_look_alike(own.len())
        .saturating_sub(unsearched)
        .max(1);
    let found = super::search::sharing_title_words(conn, &words, idea.id, CANDIDATES, min_shared)?;
    // Each candidate's score when the counts give it, else the most it can score: sharing
    // every unsearched word too, with no word of its own besides (its words include the
    // shared ones, so the union has at least the title's).
    let mut ranked: Vec<(i64, f64, bool)> = found
        .iter()
        .map(|c| match c.words {
            Some(theirs) if unsearched == 0 => (
                c.id,
                similarity_of_counts(own.len(), theirs, c.shared),
                true,
            ),
            _ => (
                c.id,
                ((c.shared + unsearched) as f64 / own.len() as f64).min(1.0),
                false,
            ),
        })
        .filter(|&(_, best, _)| best >= LOOKS_ALIKE)
        .collect();
    // Stable: equal ones stay newest first.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let reading = Reading::of(conn, &Filter::default())?;
    let mut alike: Vec<Alike> = Vec::with_capacity(limit + 8);
    for batch in ranked.chunks(limit + limit / 2 + 1) {
        if alike.len() >= limit && alike[limit - 1].score > batch[0].1 {
            break;
        }
        let ids: Vec<i64> = batch.iter().map(|&(id, _, _)| id).collect();
        let among = super::idea_among(conn, &ids);
        let seen: Vec<(i64, String, String)> = crate::db::Kept::always(
            query(reading, scope, &Filter::default())
                .filter(among)
                .select((ideas::id, ideas::title, ideas::state)),
        )
        .load(conn)?;
        for (id, title, state) in seen {
            let Some(&(_, best, exact)) = batch.iter().find(|r| r.0 == id) else {
                continue;
            };
            let score = if exact {
                best
            } else {
                similarity_to(&own, &title)
            };
            let Some(state) = State::parse(&state) else {
                continue;
            };
            if score >= LOOKS_ALIKE {
                alike.push(Alike {
                    id,
                    title,
                    state,
                    score,
                });
            }
        }
        // Best first, and newest first among equals, as when every title is read.
        alike.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.id.cmp(&a.id)));
    }
    alike.truncate(limit);
    Ok(alike)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::Connection;

    /// A tag filter on SQLite: the kept counts pick reading the tag's ideas first for a rare
    /// tag and walking ideas for a common one, and both ways find the same ideas in the same
    /// order as the tag's own rows say.
    #[test]
    fn a_rare_tag_is_read_from_its_ideas_and_a_common_one_by_walking() {
        let mut conn = Conn::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        crate::db::migrate(&mut conn).unwrap();
        crate::store::seed::seed(&mut conn, 12_000, 0, "not-a-hash", "UTC").unwrap();
        diesel::sql_query(
            "INSERT INTO idea_tags (idea_id, position, tag) \
             VALUES (7, 9, 'podcast'), (6000, 9, 'podcast'), (11990, 9, 'podcast')",
        )
        .execute(&mut conn)
        .unwrap();
        let scope = IdeaScope {
            viewer_id: 1,
            department_id: None,
        };
        for (tag, rare) in [("video", false), ("podcast", true), ("nowhere", true)] {
            let f = Filter {
                tag: Some(tag.into()),
                ..Filter::default()
            };
            assert_eq!(Reading::of(&mut conn, &f).unwrap().rare_tag, rare, "{tag}");
            for (sort, order) in [(Sort::Newest, "DESC"), (Sort::Oldest, "ASC")] {
                #[derive(diesel::QueryableByName)]
                struct Id {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    idea_id: i64,
                }
                let expected: Vec<i64> = diesel::sql_query(format!(
                    "SELECT idea_id FROM idea_tags WHERE tag = ? ORDER BY idea_id {order} LIMIT 50"
                ))
                .bind::<diesel::sql_types::Text, _>(tag)
                .load::<Id>(&mut conn)
                .unwrap()
                .into_iter()
                .map(|r| r.idea_id)
                .collect();
                assert!(tag == "nowhere" || !expected.is_empty(), "{tag}");
                for rare_tag in [true, false] {
                    let reading = Reading {
                        dialect: Dialect::Sqlite,
                        rare_tag,
                    };
                    let found: Vec<i64> = page_query(query(reading, &scope, &f), sort, None, 50)
                        .select(ideas::id)
                        .load(&mut conn)
                        .unwrap();
                    assert_eq!(
                        found[..found.len().min(50)],
                        expected[..],
                        "{tag} {rare_tag}"
                    );
                }
                let (page, _) = list(&mut conn, &scope, &f, sort, None, 50).unwrap();
                let listed: Vec<i64> = page.iter().map(|i| i.id).collect();
                assert_eq!(listed, expected, "{tag}, the list");
            }
        }
    }

    /// The board's single pass over a search's matches, in windows small enough to take many
    /// rounds, fills each column exactly as reading that state's matches alone does.
    #[test]
    fn a_searched_board_in_small_windows_matches_column_by_column() {
        let mut conn = Conn::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        crate::db::migrate(&mut conn).unwrap();
        crate::store::seed::seed(&mut conn, 400, 0, "not-a-hash", "UTC").unwrap();
        let scope = IdeaScope {
            viewer_id: 1,
            department_id: None,
        };
        let states = &State::ALL[1..9];
        let ids = |cols: &[(State, Vec<Card>)]| -> Vec<(State, Vec<i64>)> {
            cols.iter()
                .map(|(s, cards)| (*s, cards.iter().map(|c| c.id).collect()))
                .collect()
        };
        for (q, pillar) in [("bakery", None), ("summer", None), ("bakery", Some("Tips"))] {
            let filter = Filter {
                q: Some(q.into()),
                pillar: pillar.map(str::to_string),
                ..Filter::default()
            };
            let reference: Vec<(State, Vec<i64>)> = states
                .iter()
                .map(|&s| {
                    let one = Filter {
                        state: Some(s),
                        ..filter.clone()
                    };
                    let cards = cards(&mut conn, &scope, &one, Sort::Oldest, None, 5)
                        .unwrap()
                        .0;
                    (s, cards.iter().map(|c| c.id).collect())
                })
                .collect();
            assert!(
                reference.iter().filter(|(_, c)| !c.is_empty()).count() >= 3,
                "{q}: the seed gives several columns matches: {reference:?}"
            );
            for window in [3, 7, 1000] {
                let reading = Reading::of(&mut conn, &filter).unwrap();
                let cols = searched_columns(&mut conn, reading, &scope, &filter, states, 5, window)
                    .unwrap();
                assert_eq!(ids(&cols), reference, "{q} {pillar:?}, window {window}");
            }
        }
    }
}
