//! Full-text search of ideas' titles and pitches: the one place where the two backends' SQL
//! differs for ideas. SQLite reads an FTS5 table that triggers keep in step with `ideas`;
//! PostgreSQL a stored `to_tsvector('simple', …)` of the same text (with a GIN index), with the
//! characters its parser would read as parts of versions, hosts, addresses and paths turned
//! into spaces.
//! Both then split text into lower-case words and match every word of the query as a prefix.

use diesel::sql_types::{BigInt, Bool, Text};

use super::ideas::Condition;
use crate::db::Conn;

/// What diesel needs of a condition on ideas written out by hand (its `walk_ast`), to filter
/// and box it like any other.
macro_rules! condition_on_ideas {
    ($name:ident) => {
        impl diesel::Expression for $name {
            type SqlType = Bool;
        }

        impl<QS> diesel::AppearsOnTable<QS> for $name {}

        impl<QS> diesel::SelectableExpression<QS> for $name {}

        impl diesel::expression::ValidGrouping<()> for $name {
            type IsAggregate = diesel::expression::is_aggregate::Never;
        }

        impl diesel::query_builder::QueryId for $name {
            type QueryId = ();
            const HAS_STATIC_QUERY_ID: bool = false;
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of(conn: &Conn) -> Dialect {
        match conn {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Pg(_) => Dialect::Postgres,
        }
    }
}

/// The words of a query, lower-cased; anything but letters and digits separates them (so no
/// query syntax of either engine can be smuggled in).
pub fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// Ideas whose title or pitch has a word starting with each word of `q`. A query with no
/// words finds nothing.
pub fn matches(dialect: Dialect, q: &str) -> Condition {
    let words = words(q);
    if words.is_empty() {
        return Box::new(diesel::dsl::sql::<Bool>("1 = 0"));
    }
    match dialect {
        Dialect::Sqlite => Box::new(
            diesel::dsl::sql::<Bool>(FTS_MATCHES)
                .bind::<Text, _>(prefix_query(&words))
                .sql(")"),
        ),
        Dialect::Postgres => Box::new(
            // The stored words of migration 000032, indexed by `ideas_search_words`.
            diesel::dsl::sql::<Bool>("ideas.search_words @@ to_tsquery('simple', ")
                .bind::<Text, _>(pg_query(&words))
                .sql(")"),
        ),
    }
}

/// The tsquery for these words on PostgreSQL: every word as a prefix.
fn pg_query(words: &[String]) -> String {
    let ts: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
    ts.join(" & ")
}

/// An idea of the window of `sharing_title_words`: how many of the words its title shares,
/// and how many words it has where the index knows (SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shared {
    pub id: i64,
    pub shared: usize,
    pub words: Option<usize>,
}

/// Of the newest `window` ideas before `before` (an id) whose title has one of `words`
/// (lower-case, as `domain::ideas::title_tokens` gives them) as a whole word, those with at
/// least `min_shared` of them, newest first, with how many each shares: the candidates for
/// "similar earlier ideas", found through an index of titles' words whatever the words.
/// Scanning titles with `LIKE` until enough matched was quick for common words but read
/// every earlier title (30 ms on SQLite, 75 ms on PostgreSQL at 100k ideas) for an idea whose
/// words no other title has. Counting the words shared from each word's list of ideas, before
/// any title is read, leaves out the titles that share too few to look alike: five in six
/// of a seeded idea's 500.
pub fn sharing_title_words(
    conn: &mut Conn,
    words: &[&str],
    before: i64,
    window: i64,
    min_shared: usize,
) -> diesel::QueryResult<Vec<Shared>> {
    use diesel::RunQueryDsl;
    if words.is_empty() {
        return Ok(vec![]);
    }
    match conn {
        // Each word's newest ideas off the key of `idea_title_words` (migration 000040), with
        // the words of each title, merged here. Grouping them in SQLite sorted all of them in
        // a temporary tree, twice the cost of reading them.
        Conn::Sqlite(_) => {
            let chunk = if words.len() == 1 {
                window
            } else {
                (window + 1) / 2
            };
            let newest = newest_in_lists(
                words.len(),
                before,
                window as usize,
                chunk,
                |i, below, n| {
                    crate::db::cached(
                        "SELECT idea_id, words FROM idea_title_words \
                         WHERE word = $1 AND idea_id < $2 ORDER BY idea_id DESC LIMIT $3",
                    )
                    .bind::<Text, _>(words[i])
                    .bind::<BigInt, _>(below)
                    .bind::<BigInt, _>(n)
                    .typed::<(BigInt, BigInt)>()
                    .load::<(i64, i64)>(conn)
                },
            )?;
            Ok(newest
                .into_iter()
                .filter(|&(_, shared)| shared >= min_shared)
                .map(|((id, words), shared)| Shared {
                    id,
                    shared,
                    words: Some(words as usize),
                })
                .collect())
        }
        Conn::Pg(_) => {
            let rows: Vec<(i64, i64)> = NewestWithTitleWords {
                words: words.iter().map(|w| w.to_string()).collect(),
                before,
                window,
                min_shared: min_shared as i64,
            }
            .load(conn)?;
            Ok(rows
                .into_iter()
                .map(|(id, shared)| Shared {
                    id,
                    shared: shared as usize,
                    words: None,
                })
                .collect())
        }
    }
}

/// An entry of `newest_in_lists` with how many lists hold it.
type Held<P> = ((i64, P), usize);

/// The newest `window` different ids of `lists` lists, each read newest first, with how many
/// of the lists hold each, newest first. Each entry is an id with what its list says of it
/// (the same in every list). `more(list, below, n)` reads the next (at most) `n` entries of a
/// list below `below`, newest first; lists are read `chunk` entries at a time, as far as the
/// merge needs.
fn newest_in_lists<P: Copy, E>(
    lists: usize,
    before: i64,
    window: usize,
    chunk: i64,
    mut more: impl FnMut(usize, i64, i64) -> Result<Vec<(i64, P)>, E>,
) -> Result<Vec<Held<P>>, E> {
    struct List<P> {
        entries: Vec<(i64, P)>,
        next: usize,
        below: i64,
        done: bool,
    }
    let mut read: Vec<List<P>> = (0..lists)
        .map(|_| List {
            entries: vec![],
            next: 0,
            below: before,
            done: false,
        })
        .collect();
    let mut found = Vec::with_capacity(window.min(1024));
    while found.len() < window {
        let mut newest: Option<(i64, P)> = None;
        for (i, list) in read.iter_mut().enumerate() {
            if list.next == list.entries.len() && !list.done {
                list.entries = more(i, list.below, chunk)?;
                list.next = 0;
                list.done = (list.entries.len() as i64) < chunk;
                if let Some(&(last, _)) = list.entries.last() {
                    list.below = last;
                }
            }
            if let Some(&entry) = list.entries.get(list.next) {
                if newest.is_none_or(|(id, _)| entry.0 > id) {
                    newest = Some(entry);
                }
            }
        }
        let Some(entry) = newest else { break };
        let mut holding = 0;
        for list in &mut read {
            if list.entries.get(list.next).is_some_and(|e| e.0 == entry.0) {
                list.next += 1;
                holding += 1;
            }
        }
        found.push((entry, holding));
    }
    Ok(found)
}

/// Of the newest `window` ideas before `before` with one of `words` in their titles, those
/// with at least `min_shared` of them and how many, newest first, on PostgreSQL: each word's
/// newest ideas off the index of `idea_title_words` (migration 000031), merged newest first
/// and counted per idea until `window` different ideas are found. The plan is the same
/// whatever the words, and reads a few hundred index entries and no table rows. One arm per
/// word, so it is written out here (a chain of diesel's `sql` changes type with every bind).
struct NewestWithTitleWords {
    words: Vec<String>,
    before: i64,
    window: i64,
    min_shared: i64,
}

impl diesel::query_builder::QueryFragment<super::Backend> for NewestWithTitleWords {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, super::Backend>,
    ) -> diesel::QueryResult<()> {
        // Grouped from the arms' rows in order (the inner ORDER BY), so that PostgreSQL merges
        // the arms and counts as it goes, stopping at the window's end; grouped unordered, it
        // hashed every arm's rows first and sorted the groups.
        out.push_sql(
            "SELECT idea_id, shared FROM (SELECT idea_id, count(*) AS shared FROM \
             (SELECT idea_id FROM (",
        );
        for (i, word) in self.words.iter().enumerate() {
            out.push_sql(if i == 0 { "(" } else { " UNION ALL (" });
            out.push_sql("SELECT idea_id FROM idea_title_words WHERE word = ");
            out.push_bind_param::<Text, _>(word)?;
            out.push_sql(" AND idea_id < ");
            out.push_bind_param::<BigInt, _>(&self.before)?;
            out.push_sql(" ORDER BY idea_id DESC LIMIT ");
            out.push_bind_param::<BigInt, _>(&self.window)?;
            out.push_sql(")");
        }
        out.push_sql(
            ") AS u ORDER BY idea_id DESC) AS t GROUP BY idea_id ORDER BY idea_id DESC LIMIT ",
        );
        out.push_bind_param::<BigInt, _>(&self.window)?;
        out.push_sql(") AS c WHERE shared >= ");
        out.push_bind_param::<BigInt, _>(&self.min_shared)?;
        out.push_sql(" ORDER BY idea_id DESC");
        Ok(())
    }
}

crate::db::query_wrapper!(NewestWithTitleWords, (BigInt, BigInt));

/// Most pages of SQLite's full-text index one step of `merge_index` rewrites (about 4 MB).
const MERGE_PAGES: i32 = 2_000;

/// Merges SQLite's full-text index towards one segment (FTS5's `merge` with a negative
/// budget: any segments, carried on from the last call), `MERGE_PAGES` pages of work per
/// call, or all of it when `all`; nothing once it is one segment. Each segment is searched on
/// its own, so a word's matches are walked once per segment: on the 100k seed (many segments
/// after a bulk of inserts) a merged index took the seeded-title idea page from 7.52M to 6.39M
/// instructions. The hourly housekeeping takes a step; the seed merges all, as housekeeping
/// leaves the index once it has caught up. PostgreSQL's indexes need nothing of the kind.
pub fn merge_index(conn: &mut Conn, all: bool) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    if let Conn::Sqlite(_) = conn {
        // FTS5 reads the smallest i32 as no limit.
        let budget = if all { i32::MIN } else { -MERGE_PAGES };
        crate::db::cached("INSERT INTO ideas_fts(ideas_fts, rank) VALUES ('merge', $1)")
            .bind::<diesel::sql_types::Integer, _>(budget)
            .execute(conn)?;
    }
    Ok(())
}

/// The start of a condition on ideas matched in FTS5, the query to follow as a bind.
const FTS_MATCHES: &str = "ideas.id IN (SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ";

/// The FTS5 query for these words: every word as a prefix.
fn prefix_query(words: &[String]) -> String {
    let fts: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
    fts.join(" AND ")
}

/// Most terms a word is spelled out into by `fts_query`.
const SPELLED_OUT: usize = 8;

/// `prefix_query` with each word that starts at most `SPELLED_OUT` terms of the index spelled
/// out as those terms: the same matches, read lazily. For a prefix FTS5 first builds the whole
/// list of matches of every term it starts (0.5 ms for a word of 15,000 ideas, three fifths of
/// a searched page) before handing out the first; the terms themselves it reads as it goes,
/// so a window of 408 matches reads about 408.
pub(super) fn fts_query(conn: &mut Conn, words: &[String]) -> diesel::QueryResult<String> {
    let mut parts = Vec::with_capacity(words.len());
    for word in words {
        parts.push(match terms_starting(conn, word)? {
            Some(terms) if !terms.is_empty() => {
                let terms: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
                format!("({})", terms.join(" OR "))
            }
            // No term starts with it as we lower-case it, or too many do: a prefix, which
            // FTS5 folds itself (it finds nothing quickly when no term starts with it).
            _ => format!("\"{word}\"*"),
        });
    }
    Ok(parts.join(" AND "))
}

/// The terms of the index that start with `word`, in order, or `None` when there are more
/// than `SPELLED_OUT`. `word` is lower-cased by Rust and the terms by FTS5's tokenizer, which
/// agree but for a few letters (a final sigma). Each step seeks the next term off the
/// vocabulary (`ideas_fts_terms`, migration 000037), which goes on from a term to its first
/// occurrence: past a term is from the term with a character no token holds appended.
fn terms_starting(conn: &mut Conn, word: &str) -> diesel::QueryResult<Option<Vec<String>>> {
    use diesel::{OptionalExtension, RunQueryDsl};
    #[derive(diesel::QueryableByName)]
    struct Term {
        #[diesel(sql_type = Text)]
        term: String,
    }
    let mut terms: Vec<String> = Vec::new();
    let mut from = word.to_string();
    loop {
        let next: Option<Term> =
            crate::db::cached("SELECT term FROM ideas_fts_terms WHERE term >= $1 LIMIT 1")
                .bind::<Text, _>(&from)
                .get_result(conn)
                .optional()?;
        match next {
            Some(t) if t.term.starts_with(word) => {
                if terms.len() == SPELLED_OUT {
                    return Ok(None);
                }
                from = format!("{}\u{1}", t.term);
                terms.push(t.term);
            }
            _ => return Ok(Some(terms)),
        }
    }
}

/// A window over SQLite's matches of `q`: the next `size` of them after the id `after`, in
/// id order (newest first or oldest first). FTS5 hands matches out in id order and stops at
/// the window's end, where `matches` lists every match (15,000 ids for a common word) before
/// a page of 50 can be cut from them. `None` when `q` has no words.
pub struct Window {
    fts: String,
    /// The walk's order, as for PostgreSQL's windows of ideas.
    ids: IdWindows,
    size: i64,
}

impl Window {
    pub fn new(
        conn: &mut Conn,
        q: &str,
        newest_first: bool,
        size: i64,
    ) -> diesel::QueryResult<Option<Window>> {
        let words = words(q);
        if words.is_empty() {
            return Ok(None);
        }
        Ok(Some(Window {
            fts: fts_query(conn, &words)?,
            ids: IdWindows { newest_first },
            size,
        }))
    }

    /// The window's matches for `db::cached`: `$1` the query, `$2` after, `$3` the size.
    fn matches_sql(&self) -> String {
        let (beyond, order, _) = self.ids.direction();
        format!(
            "SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH $1 AND rowid {beyond} $2 \
             ORDER BY rowid {order} LIMIT $3"
        )
    }

    /// Ideas within the window that starts after `after` (`matches_sql`, bound by diesel).
    fn condition(&self, after: Option<i64>) -> Condition {
        let (beyond, order, _) = self.ids.direction();
        Box::new(
            diesel::dsl::sql::<Bool>(FTS_MATCHES)
                .bind::<Text, _>(self.fts.clone())
                .sql(&format!(" AND rowid {beyond} "))
                .bind::<diesel::sql_types::BigInt, _>(self.ids.bound(after))
                .sql(&format!(" ORDER BY rowid {order} LIMIT "))
                .bind::<diesel::sql_types::BigInt, _>(self.size)
                .sql(")"),
        )
    }

    /// Goes through the matches a window at a time from the one after `after`: `visit` gets
    /// each window's start and condition and says whether it has what it needs; the walk
    /// stops there or when the matches run out.
    pub fn walk(
        &self,
        conn: &mut Conn,
        mut after: Option<i64>,
        mut visit: impl FnMut(&mut Conn, Option<i64>, Condition) -> diesel::QueryResult<bool>,
    ) -> diesel::QueryResult<()> {
        loop {
            if visit(conn, after, self.condition(after))? {
                return Ok(());
            }
            match self.end(conn, after)? {
                Some(end) => after = Some(end),
                None => return Ok(()),
            }
        }
    }

    /// Where the next window starts: the last match of this one, or `None` when the matches
    /// ran out within it.
    fn end(&self, conn: &mut Conn, after: Option<i64>) -> diesel::QueryResult<Option<i64>> {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct End {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
            #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
            last: Option<i64>,
        }
        let sql = if self.ids.newest_first {
            "SELECT count(*) AS n, min(rowid) AS last FROM ("
        } else {
            "SELECT count(*) AS n, max(rowid) AS last FROM ("
        };
        let end: End = crate::db::cached(format!("{sql}{})", self.matches_sql()))
            .bind::<Text, _>(&self.fts)
            .bind::<diesel::sql_types::BigInt, _>(self.ids.bound(after))
            .bind::<diesel::sql_types::BigInt, _>(self.size)
            .get_result(conn)?;
        Ok(end.last.filter(|_| end.n == self.size))
    }
}

/// A search's pages on PostgreSQL. No index there hands out a word's ideas in id order (FTS5
/// does on SQLite), and the planner guesses a prefix's matches badly: it walked every idea's
/// words for a word no idea has (1 s at 100k ideas before the words were stored, 25 ms after)
/// and read all 3,000 matches of a common word and pillar to sort out the first 50. So a page
/// is read in steps whose plans do not depend on the words: a window of ids walked by key,
/// each idea's words tested (`window`), while matches come often enough; the rest through the
/// word index (`fenced`), once they are known to be rare.
pub struct IdWindows {
    pub newest_first: bool,
}

impl IdWindows {
    /// The lowest and the highest id of all ideas, `None` when there are none: read once per
    /// page (each end off the key's index), so that a window is a range of ids worked out
    /// here. Finding where a window of so many ideas ends walked them all once more, in a
    /// statement of its own per window.
    pub fn span(conn: &mut Conn) -> diesel::QueryResult<Option<(i64, i64)>> {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Span {
            #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
            lo: Option<i64>,
            #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
            hi: Option<i64>,
        }
        let span: Span =
            crate::db::cached("SELECT min(id) AS lo, max(id) AS hi FROM ideas").get_result(conn)?;
        Ok(span.lo.zip(span.hi))
    }

    /// Where a window of `size` ids after `after` ends, in the walk's order; `None` when it
    /// reaches the last of the ideas in `span`. Ids deleted leave a window fewer ideas.
    pub fn end(&self, span: (i64, i64), after: Option<i64>, size: i64) -> Option<i64> {
        if self.newest_first {
            let end = after
                .unwrap_or(span.1.saturating_add(1))
                .saturating_sub(size);
            (end > span.0).then_some(end)
        } else {
            let end = after
                .unwrap_or(span.0.saturating_sub(1))
                .saturating_add(size);
            (end < span.1).then_some(end)
        }
    }

    /// Ideas after `after` up to `end` (to the last idea when `None`) that pass `given` and
    /// whose words hold every word of `q`, tested idea by idea: written so the word index
    /// cannot serve it, the planner walks the window by key whatever the words (given the
    /// choice, it read a common word's 15,000 matches from the index for a window of 800
    /// ideas). The words are tested inside a `CASE` on `given`, only for the ideas that pass
    /// it: as separate conditions, the planner tested the words first (with a pillar, four in
    /// five of those tests were for ideas it then dropped, 11.3 -> 6.9 ms for 20,000 ideas).
    pub fn window(
        &self,
        q: &str,
        after: Option<i64>,
        end: Option<i64>,
        given: Condition,
    ) -> Condition {
        let last = if self.newest_first {
            i64::MIN
        } else {
            i64::MAX
        };
        Box::new(IdWindow {
            direction: self.direction(),
            after: self.bound(after),
            end: end.unwrap_or(last),
            query: pg_query(&words(q)),
            given,
        })
    }

    /// How a walk goes through the ids: the comparison with `after`, the order, and the
    /// comparison with a window's end.
    fn direction(&self) -> (&'static str, &'static str, &'static str) {
        if self.newest_first {
            ("<", "DESC", ">=")
        } else {
            (">", "ASC", "<=")
        }
    }

    fn bound(&self, after: Option<i64>) -> i64 {
        after.unwrap_or(if self.newest_first {
            i64::MAX
        } else {
            i64::MIN
        })
    }
}

/// `IdWindows::window`'s condition.
struct IdWindow {
    direction: (&'static str, &'static str, &'static str),
    after: i64,
    end: i64,
    query: String,
    given: Condition,
}

impl diesel::query_builder::QueryFragment<super::Backend> for IdWindow {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, super::Backend>,
    ) -> diesel::QueryResult<()> {
        let (beyond, _, within) = self.direction;
        out.push_sql("ideas.id ");
        out.push_sql(beyond);
        out.push_sql(" ");
        out.push_bind_param::<BigInt, _>(&self.after)?;
        out.push_sql(" AND ideas.id ");
        out.push_sql(within);
        out.push_sql(" ");
        out.push_bind_param::<BigInt, _>(&self.end)?;
        out.push_sql(" AND CASE WHEN ");
        self.given.walk_ast(out.reborrow())?;
        // The query parsed once per statement (an init plan), not once per idea: the plan
        // is prepared, and a generic plan calls a function of a parameter for every row.
        out.push_sql(" THEN (ideas.search_words @@ (SELECT to_tsquery('simple', ");
        out.push_bind_param::<Text, _>(&self.query)?;
        out.push_sql("))) IS TRUE ELSE FALSE END");
        Ok(())
    }
}

condition_on_ideas!(IdWindow);

/// The ideas `all` holds, worked out on their own before the page is cut from them: the
/// planner then takes the word index for the whole condition, as it would to count the
/// matches, instead of walking ideas in id order in the hope of meeting enough soon.
pub fn fenced(all: Condition) -> Condition {
    Box::new(Fenced(all))
}

struct Fenced(Condition);

impl diesel::query_builder::QueryFragment<super::Backend> for Fenced {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, super::Backend>,
    ) -> diesel::QueryResult<()> {
        // The inner `ideas` is the subquery's own (the condition names its columns so);
        // `OFFSET 0` keeps the planner from folding it into the page's query.
        out.push_sql("ideas.id IN (SELECT ideas.id FROM ideas WHERE ");
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(" OFFSET 0)");
        Ok(())
    }
}

condition_on_ideas!(Fenced);

#[cfg(test)]
mod tests {
    use super::*;

    /// Merged a few ids at a time, lists give the newest ids of their union, each once and
    /// newest first, with what they say of it and how many lists hold it: as reading every
    /// list whole and sorting says, whatever the chunk, the window, and lists that end early
    /// or hold nothing.
    #[test]
    fn merged_lists_give_the_newest_ids_of_their_union_with_their_counts() {
        let mut seed: u64 = 7;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        for round in 0..300 {
            let lists = 1 + (next() % 5) as usize;
            let before = 50 + (next() % 400) as i64;
            let all: Vec<Vec<i64>> = (0..lists)
                .map(|l| {
                    let every = 1 + (next() % [2, 5, 40, 1000][l % 4]) as i64;
                    let mut ids: Vec<i64> = (1..500)
                        .filter(|id| (id * 7 + l as i64) % every == 0)
                        .collect();
                    ids.reverse();
                    ids
                })
                .collect();
            let window = 1 + (next() % 120) as usize;
            let chunk = 1 + (next() % 30) as i64;
            let mut counts = std::collections::BTreeMap::<i64, usize>::new();
            for id in all.iter().flatten().filter(|&&id| id < before) {
                *counts.entry(*id).or_default() += 1;
            }
            let expected: Vec<(i64, usize)> = counts.into_iter().rev().take(window).collect();
            let mut reads = 0;
            let got = newest_in_lists(lists, before, window, chunk, |l, below, n| {
                reads += 1;
                assert!(n == chunk && below <= before);
                Ok::<_, ()>(
                    all[l]
                        .iter()
                        .copied()
                        .filter(|&id| id < below)
                        .take(n as usize)
                        .map(|id| (id, id * 3))
                        .collect(),
                )
            })
            .unwrap();
            // What the lists say of an id comes with it.
            assert!(got.iter().all(|&((id, said), _)| said == id * 3));
            let got: Vec<(i64, usize)> = got.into_iter().map(|((id, _), n)| (id, n)).collect();
            assert_eq!(got, expected, "round {round}");
            // Read as far as the window needs: no list is read again once its ids run out.
            assert!(
                reads <= lists * (1 + window.div_ceil(chunk as usize)),
                "round {round}"
            );
        }
    }

    /// The seed leaves the index one segment; after ideas come one by one (a segment each, as
    /// many as FTS5's own merging leaves), the housekeeping's merge steps leave one again, and
    /// every word finds what it found.
    #[test]
    fn merging_the_index_leaves_one_segment_and_the_same_matches() {
        use diesel::{Connection, RunQueryDsl};
        #[derive(diesel::QueryableByName, PartialEq, Debug)]
        struct Row {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let mut conn = Conn::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        crate::db::migrate(&mut conn).unwrap();
        crate::store::seed::seed(&mut conn, 3_000, 0, "not-a-hash", "UTC").unwrap();
        let segments = |conn: &mut Conn| -> i64 {
            diesel::sql_query("SELECT count(DISTINCT segid) AS n FROM ideas_fts_idx")
                .get_result::<Row>(conn)
                .unwrap()
                .n
        };
        assert_eq!(segments(&mut conn), 1, "the seed merges the whole index");
        for n in 1..=60 {
            diesel::sql_query(format!(
                "INSERT INTO ideas (title, pitch, department_id, audience, pillar, wished_date, \
                 links, state, version, submitter_id, assignee_id, created_at, updated_at) \
                 SELECT 'late bakery {n} ' || title, pitch, department_id, audience, pillar, \
                 wished_date, links, state, version, submitter_id, assignee_id, created_at, \
                 updated_at FROM ideas WHERE id = {n}"
            ))
            .execute(&mut conn)
            .unwrap();
        }
        let matches = |conn: &mut Conn| -> Vec<Vec<Row>> {
            [
                "\"bakery\"*",
                "\"late\"",
                "\"summer\" AND \"tips\"",
                "\"1\"*",
            ]
            .iter()
            .map(|q| {
                diesel::sql_query(format!(
                    "SELECT rowid AS n FROM ideas_fts WHERE ideas_fts MATCH '{}' \
                         ORDER BY rowid",
                    q.replace('\'', "''")
                ))
                .load::<Row>(conn)
                .unwrap()
            })
            .collect()
        };
        assert!(
            segments(&mut conn) > 1,
            "{} segment(s)",
            segments(&mut conn)
        );
        let before = matches(&mut conn);
        assert!(before.iter().all(|m| !m.is_empty()));
        for _ in 0..20 {
            merge_index(&mut conn, false).unwrap();
        }
        assert_eq!(segments(&mut conn), 1);
        assert_eq!(matches(&mut conn), before);
    }

    #[test]
    fn words_are_lower_case_letters_and_digits_only() {
        assert_eq!(words("Kick-off 2027!"), vec!["kick", "off", "2027"]);
        assert_eq!(words("\"x\" OR y:* & z"), vec!["x", "or", "y", "z"]);
        assert_eq!(words("Zürich Ça"), vec!["zürich", "ça"]);
        assert!(words("%%% --").is_empty());
    }
}
