//! Raw SQL that the connection prepares once and reuses, for the statements on every job's
//! and every post's path. diesel prepares neither `sql_query` nor any `UPDATE` only once:
//! PostgreSQL then parses and plans them on every call (planning the publication's
//! `UPDATE … FROM` was a fifth of the server's time per post) and SQLite compiles them again.
//!
//! `cached(sql).bind::<Type, _>(value)…` reads like `sql_query`: `$1`, `$2`, … name the
//! values in the order they are bound, and may repeat. Each backend gets its own placeholders.

use std::any::TypeId;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{OnceLock, RwLock};

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{HasSqlType, Untyped};
use diesel::{QueryResult, RunQueryDsl};

/// A statement to prepare once per connection; see the module's comment. `ST` is the SQL
/// type of its rows: `Untyped` (read by column name, like `sql_query`) unless `typed` says.
/// Run through `Kept`, which writes its text once per execution.
pub type Cached<B = (), ST = Untyped> = Kept<Statement<B, ST>>;

/// The SQL text with its `$n` and the values bound to them.
pub struct Statement<B, ST> {
    sql: Cow<'static, str>,
    binds: B,
    row: PhantomData<ST>,
}

pub fn cached(sql: impl Into<Cow<'static, str>>) -> Cached<()> {
    Kept::always(Statement {
        sql: sql.into(),
        binds: (),
        row: PhantomData,
    })
}

impl<B, RowST> Cached<B, RowST> {
    /// Binds the next value, `$n` for the n-th call.
    pub fn bind<ST, V>(self, value: V) -> Cached<Bound<B, ST, V>, RowST> {
        let Statement { sql, binds, .. } = self.query;
        Kept::always(Statement {
            sql,
            binds: Bound {
                prev: binds,
                value: One(value, PhantomData),
            },
            row: PhantomData,
        })
    }

    /// Rows of these SQL types, read by position into a tuple or a `Queryable` (no lookup of
    /// each column by its name, which showed where a page reads a thousand rows).
    pub fn typed<ST>(self) -> Cached<B, ST> {
        let Statement { sql, binds, .. } = self.query;
        Kept::always(Statement {
            sql,
            binds,
            row: PhantomData,
        })
    }
}

/// The values bound so far, the last one outermost.
pub struct Bound<P, ST, V> {
    prev: P,
    value: One<ST, V>,
}

/// One bound value.
pub struct One<ST, V>(V, PhantomData<ST>);

/// A bound value with its SQL type forgotten, so values of all types fit in one list.
pub trait PushValue<DB: Backend> {
    #[doc(hidden)]
    fn push_value<'b>(&'b self, out: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

impl<DB, ST, V> PushValue<DB> for One<ST, V>
where
    DB: Backend + HasSqlType<ST>,
    V: ToSql<ST, DB>,
{
    fn push_value<'b>(&'b self, out: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_bind_param::<ST, V>(&self.0)
    }
}

/// The bound values, in the order they were bound.
pub trait BindList<DB: Backend> {
    #[doc(hidden)]
    fn each<'s>(&'s self, out: &mut Vec<&'s dyn PushValue<DB>>);
}

impl<DB: Backend> BindList<DB> for () {
    fn each<'s>(&'s self, _out: &mut Vec<&'s dyn PushValue<DB>>) {}
}

impl<DB, P, ST, V> BindList<DB> for Bound<P, ST, V>
where
    DB: Backend + HasSqlType<ST>,
    P: BindList<DB>,
    V: ToSql<ST, DB>,
{
    fn each<'s>(&'s self, out: &mut Vec<&'s dyn PushValue<DB>>) {
        self.prev.each(out);
        out.push(&self.value);
    }
}

impl<DB: Backend, B: BindList<DB>, ST> QueryFragment<DB> for Statement<B, ST> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        let mut values = Vec::new();
        self.binds.each(&mut values);
        let mut rest: &str = &self.sql;
        while let Some(at) = rest.find('$') {
            let digits = rest[at + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits == 0 {
                out.push_sql(&rest[..=at]);
                rest = &rest[at + 1..];
                continue;
            }
            out.push_sql(&rest[..at]);
            let n: usize = rest[at + 1..at + 1 + digits].parse().unwrap_or(0);
            let value = n
                .checked_sub(1)
                .and_then(|i| values.get(i))
                .ok_or_else(|| {
                    diesel::result::Error::QueryBuilderError(
                        format!("${n} has no value bound in {:?}", self.sql).into(),
                    )
                })?;
            value.push_value(&mut out)?;
            rest = &rest[at + 1 + digits..];
        }
        out.push_sql(rest);
        Ok(())
    }
}

impl<B, ST> QueryId for Statement<B, ST> {
    type QueryId = ();
    // No type of its own: the connection keys its prepared statement by the SQL text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<B, ST> Query for Statement<B, ST> {
    type SqlType = ST;
}

type Multi = super::multi_connection_impl::MultiBackend;

/// A whole query built with diesel, kept prepared on SQLite (`Kept::on_sqlite`) or on both
/// backends (`Kept::always`), and written to SQL once per execution.
///
/// - **Kept on SQLite although it holds SQL literals** (the filters' `EXISTS …`, the search's
///   `MATCH`): diesel prepares such a query again on every call, since a literal's text might
///   carry values. Ours carry only our own SQL, their values bound, so the text names the
///   statement; it is the key (no static query id). Compiling the board's eight-part UNION was
///   a sixth of that page's time on SQLite. PostgreSQL still prepares these per call: a kept
///   statement may be planned once for all values (a generic plan), and a search's or filter's
///   best plan depends on its values.
/// - **Kept on PostgreSQL too** for a query whose literals are ours and whose best plan is the
///   same whatever its values (the inbox's list: one index in urgency order for every filter):
///   PostgreSQL parsed and planned the inbox's list on every page (0.25 ms of its 1.15 ms).
/// - **Written once**: diesel's `MultiConnection` (its derived `SerializedQuery`) writes the
///   whole statement's SQL in each of the three passes over it (safe to cache? the cache's
///   key, the bound values), even when the statement is prepared already: 6-10% of the
///   database-heavy pages. The text is kept here after the first pass. It is numbered from
///   `$1` on PostgreSQL, so `Kept` wraps a whole statement, never a part of one.
#[must_use = "a query runs only when loaded or executed"]
pub struct Kept<Q> {
    query: Q,
    on_postgres: bool,
    /// The text, after the first pass: the process's for a query whose type fixes it.
    sql: OnceCell<Cow<'static, str>>,
    safe: OnceCell<bool>,
}

impl<Q> Kept<Q> {
    /// Kept prepared on both backends.
    pub fn always(query: Q) -> Kept<Q> {
        Kept::when(true, query)
    }

    /// Kept prepared on SQLite; on PostgreSQL as diesel would.
    pub fn on_sqlite(query: Q) -> Kept<Q> {
        Kept::when(false, query)
    }

    /// `always` when the flag is set, `on_sqlite` otherwise: for a query written once whose
    /// plan is fixed in some uses (a search's window of ideas on PostgreSQL) and not in others.
    pub fn when(on_postgres: bool, query: Q) -> Kept<Q> {
        Kept {
            query,
            on_postgres,
            sql: OnceCell::new(),
            safe: OnceCell::new(),
        }
    }
}

/// The statement's SQL as `backend` writes it.
fn write_sql<Q: QueryFragment<Multi>>(query: &Q, backend: &Multi) -> QueryResult<String> {
    type Builder = <Multi as Backend>::QueryBuilder;
    let mut builder = match backend {
        Multi::Sqlite(_) => Builder::Sqlite(Default::default()),
        Multi::Pg(_) => Builder::Pg(Default::default()),
    };
    query.to_sql(&mut builder, backend)?;
    Ok(diesel::query_builder::QueryBuilder::finish(builder))
}

/// The SQL of a query whose type alone fixes its text, written once per process and backend:
/// a static query id that diesel's own statement cache keys a prepared statement by, for a
/// query safe to keep prepared (a bound list's length would shape its text). The session's
/// lookup then writes no SQL on any page after the first.
fn static_sql<Q: QueryFragment<Multi> + QueryId>(
    query: &Q,
    backend: &Multi,
) -> QueryResult<Option<&'static str>> {
    type Texts = RwLock<HashMap<(TypeId, bool), &'static str>>;
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    let Some(id) = Q::query_id() else {
        return Ok(None);
    };
    let key = (id, matches!(backend, Multi::Pg(_)));
    let texts = TEXTS.get_or_init(Default::default);
    if let Some(sql) = texts.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(Some(sql));
    }
    if !query.is_safe_to_cache_prepared(backend)? {
        return Ok(None);
    }
    let sql: &'static str = write_sql(query, backend)?.leak();
    let mut texts = texts.write().unwrap_or_else(|e| e.into_inner());
    Ok(Some(texts.entry(key).or_insert(sql)))
}

impl<Q: QueryFragment<Multi> + QueryId> QueryFragment<Multi> for Kept<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Multi>) -> QueryResult<()> {
        use diesel::internal::derives::multiconnection::AstPassHelper;
        if out.bind_collector().is_some() || out.debug_binds().is_some() {
            return self.query.walk_ast(out);
        }
        // Writing the SQL, or asking whether it may be kept or is empty.
        let backend = match out.backend() {
            Multi::Sqlite(_) => Multi::Sqlite(Default::default()),
            Multi::Pg(_) => Multi::Pg(Default::default()),
        };
        if self.sql.get().is_none() {
            let sql = match static_sql(&self.query, &backend)? {
                Some(sql) => Cow::Borrowed(sql),
                None => Cow::Owned(write_sql(&self.query, &backend)?),
            };
            let _ = self.sql.set(sql);
        }
        out.push_sql(self.sql.get().map_or("", |sql| sql));
        if !self.is_safe_to_cache_prepared(&backend)? {
            out.unsafe_to_cache_prepared();
        }
        Ok(())
    }

    fn is_safe_to_cache_prepared(&self, backend: &Multi) -> QueryResult<bool> {
        if self.on_postgres || matches!(backend, Multi::Sqlite(_)) {
            return Ok(true);
        }
        if let Some(safe) = self.safe.get() {
            return Ok(*safe);
        }
        let safe = self.query.is_safe_to_cache_prepared(backend)?;
        let _ = self.safe.set(safe);
        Ok(safe)
    }
}

/// On a connection of one backend (the job queue's claim on PostgreSQL, a piece's slots on
/// each), which writes a statement once per pass itself: the query as it is, kept as asked.
macro_rules! kept_on_one_backend {
    ($db:ty, $kept_always:expr) => {
        impl<Q: QueryFragment<$db>> QueryFragment<$db> for Kept<Q> {
            fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, $db>) -> QueryResult<()> {
                self.query.walk_ast(out)
            }

            fn is_safe_to_cache_prepared(&self, backend: &$db) -> QueryResult<bool> {
                Ok(self.on_postgres
                    || $kept_always
                    || self.query.is_safe_to_cache_prepared(backend)?)
            }
        }
    };
}

kept_on_one_backend!(diesel::sqlite::Sqlite, true);
kept_on_one_backend!(diesel::pg::Pg, false);

impl<Q: Query> Query for Kept<Q> {
    type SqlType = Q::SqlType;
}

/// The query's own id: a query whose type fixes its text is kept by that type, as diesel
/// keeps it, instead of by its text.
impl<Q: QueryId> QueryId for Kept<Q> {
    type QueryId = Q::QueryId;
    const HAS_STATIC_QUERY_ID: bool = Q::HAS_STATIC_QUERY_ID;
}

impl<Q, C> RunQueryDsl<C> for Kept<Q> {}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::sql_types::{BigInt, Text};
    use diesel::Connection;

    #[derive(diesel::QueryableByName, Debug, PartialEq)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        a: i64,
        #[diesel(sql_type = BigInt)]
        b: i64,
        #[diesel(sql_type = Text)]
        c: String,
    }

    /// The same statement through `Kept` on SQLite, then PostgreSQL, then both again: each
    /// backend gets its own text (a text kept per type alone would hand PostgreSQL SQLite's
    /// `?`), and values bound in order, for a query whose type fixes its text and for one
    /// written per call.
    #[test]
    fn a_kept_query_is_written_for_its_own_backend_with_its_values_in_order() {
        use crate::db::Conn;
        use diesel::dsl::sql;
        use diesel::IntoSql;
        let pg_url = std::env::var("PRESSROOM_TEST_PG")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let mut sqlite = Conn::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        let mut pg = Conn::Pg(diesel::PgConnection::establish(&pg_url).unwrap());
        for round in 0..2 {
            for conn in [&mut sqlite, &mut pg] {
                let typed =
                    || diesel::select((40i64.into_sql::<BigInt>(), 2i64.into_sql::<BigInt>()));
                fn id_of<T: QueryId>(_: &T) -> Option<TypeId> {
                    T::query_id()
                }
                assert!(id_of(&Kept::always(typed())).is_some());
                let got: (i64, i64) = Kept::always(typed()).get_result(conn).unwrap();
                assert_eq!(got, (40, 2), "round {round}");
                let written = || {
                    diesel::select((
                        sql::<BigInt>("").bind::<BigInt, _>(7i64).sql(" * 6"),
                        sql::<Text>("'a' || ").bind::<Text, _>("b"),
                    ))
                };
                let got: (i64, String) = Kept::on_sqlite(written()).get_result(conn).unwrap();
                assert_eq!(got, (42, "ab".to_string()), "round {round}");
            }
        }
    }

    #[test]
    fn values_follow_their_numbers_even_repeated_and_a_missing_one_is_an_error() {
        let mut c =
            crate::db::Conn::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        let q = || {
            cached("SELECT $2 AS a, $1 + $2 AS b, 'costs $ ' || $3 AS c")
                .bind::<BigInt, _>(40)
                .bind::<BigInt, _>(2)
                .bind::<Text, _>("5")
        };
        let rows: Vec<Row> = q().load(&mut c).unwrap();
        assert_eq!(
            rows,
            vec![Row {
                a: 2,
                b: 42,
                c: "costs $ 5".into()
            }]
        );
        // Run again from the connection's cache of prepared statements: same answer.
        assert_eq!(q().load::<Row>(&mut c).unwrap(), rows);
        let missing = cached("SELECT $1 AS a, $2 AS b, 'x' AS c")
            .bind::<BigInt, _>(1)
            .load::<Row>(&mut c);
        assert!(missing.unwrap_err().to_string().contains("$2 has no value"));
    }
}
