//! Raw SQL that the connection prepares once and reuses, for the statements on every job's
//! and every post's path. diesel prepares neither `sql_query` nor any `UPDATE` only once:
//! PostgreSQL then parses and plans them on every call (planning the publication's
//! `UPDATE … FROM` was a fifth of the server's time per post) and SQLite compiles them again.
//!
//! `cached(sql).bind::<Type, _>(value)…` reads like `sql_query`: `$1`, `$2`, … name the
//! values in the order they are bound, and may repeat. Each backend gets its own placeholders.

use std::borrow::Cow;
use std::marker::PhantomData;

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{HasSqlType, Untyped};
use diesel::{QueryResult, RunQueryDsl};

/// A statement to prepare once per connection; see the module's comment. `ST` is the SQL
/// type of its rows: `Untyped` (read by column name, like `sql_query`) unless `typed` says.
#[must_use = "a query runs only when loaded or executed"]
pub struct Cached<B = (), ST = Untyped> {
    sql: Cow<'static, str>,
    binds: B,
    row: PhantomData<ST>,
}

pub fn cached(sql: impl Into<Cow<'static, str>>) -> Cached<()> {
    Cached {
        sql: sql.into(),
        binds: (),
        row: PhantomData,
    }
}

impl<B, RowST> Cached<B, RowST> {
    /// Binds the next value, `$n` for the n-th call.
    pub fn bind<ST, V>(self, value: V) -> Cached<Bound<B, ST, V>, RowST> {
        Cached {
            sql: self.sql,
            binds: Bound {
                prev: self.binds,
                value: One(value, PhantomData),
            },
            row: PhantomData,
        }
    }

    /// Rows of these SQL types, read by position into a tuple or a `Queryable` (no lookup of
    /// each column by its name, which showed where a page reads a thousand rows).
    pub fn typed<ST>(self) -> Cached<B, ST> {
        Cached {
            sql: self.sql,
            binds: self.binds,
            row: PhantomData,
        }
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

impl<DB: Backend, B: BindList<DB>, ST> QueryFragment<DB> for Cached<B, ST> {
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

impl<B, ST> QueryId for Cached<B, ST> {
    type QueryId = ();
    // No type of its own: the connection keys its prepared statement by the SQL text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<B, ST> Query for Cached<B, ST> {
    type SqlType = ST;
}

impl<B, ST, C> RunQueryDsl<C> for Cached<B, ST> {}

/// A query built with diesel that SQLite keeps prepared although it holds SQL literals (the
/// filters' `EXISTS …` and the search's `MATCH`): diesel prepares such a query again on every
/// call, since a literal's text might carry values. Ours carry only our own SQL, their values
/// bound, so the text names the statement; it is the key (no static query id). Compiling the
/// board's eight-part UNION was a sixth of that page's time on SQLite. PostgreSQL still
/// prepares these per call: a kept statement may be planned once for all values (a generic
/// plan), and a search's or filter's best plan depends on its values.
pub struct KeptOnSqlite<Q>(pub Q);

type Multi = super::multi_connection_impl::MultiBackend;

impl<Q: QueryFragment<Multi>> QueryFragment<Multi> for KeptOnSqlite<Q> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Multi>) -> QueryResult<()> {
        self.0.walk_ast(out)
    }

    fn is_safe_to_cache_prepared(&self, backend: &Multi) -> QueryResult<bool> {
        Ok(matches!(backend, Multi::Sqlite(_)) || self.0.is_safe_to_cache_prepared(backend)?)
    }
}

crate::db::query_wrapper!(KeptOnSqlite);

/// `KeptOnSqlite` that PostgreSQL keeps prepared too: for a query whose literals are ours and
/// whose best plan is the same whatever its values (the inbox's list: one index in urgency
/// order for every filter), so a plan made once serves every call. PostgreSQL parsed and
/// planned the inbox's list on every page (0.25 ms of its 1.15 ms there).
pub struct Kept<Q>(pub Q);

impl<Q: QueryFragment<Multi>> QueryFragment<Multi> for Kept<Q> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Multi>) -> QueryResult<()> {
        self.0.walk_ast(out)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &Multi) -> QueryResult<bool> {
        Ok(true)
    }
}

crate::db::query_wrapper!(Kept);

/// `Kept` when the flag is set, `KeptOnSqlite` otherwise: for a query written once whose plan
/// is fixed in some uses (a search's window of ideas on PostgreSQL) and not in others.
pub struct KeptIf<Q>(pub bool, pub Q);

impl<Q: QueryFragment<Multi>> QueryFragment<Multi> for KeptIf<Q> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Multi>) -> QueryResult<()> {
        self.1.walk_ast(out)
    }

    fn is_safe_to_cache_prepared(&self, backend: &Multi) -> QueryResult<bool> {
        Ok(self.0
            || matches!(backend, Multi::Sqlite(_))
            || self.1.is_safe_to_cache_prepared(backend)?)
    }
}

impl<Q: Query> Query for KeptIf<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> QueryId for KeptIf<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q, C> RunQueryDsl<C> for KeptIf<Q> {}

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

    #[test]
    fn values_follow_their_numbers_even_repeated_and_a_missing_one_is_an_error() {
        let mut c = diesel::SqliteConnection::establish(":memory:").unwrap();
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
