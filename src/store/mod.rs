//! Queries per aggregate, each taking `&mut Conn`; handlers never build SQL.

pub mod audit;
pub mod calendar;
pub mod channels;
pub mod content;
pub mod departments;
pub mod ideas;
pub mod inbox;
pub mod insights;
pub mod jobs;
pub mod kept;
pub mod links;
pub mod metrics;
pub mod outbox;
pub mod personal_data;
pub mod publications;
pub mod reference;
pub mod search;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod subscribers;
pub mod targets;
pub mod throttle;
pub mod tokens;
pub mod users;

use chrono::NaiveDateTime;

/// The backend of a query built for either database (boxed queries, boxed conditions).
pub(crate) type Backend = <crate::db::Conn as diesel::Connection>::Backend;

/// Now, in UTC, as stored.
pub fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// A condition that `column` is one of the ids bound as `$1` (text: `ids_bind`), and that
/// bind. One text bind keeps the statement the same for any number of ids, so `db::cached`
/// prepares it once per connection: diesel prepares an `IN` list of a page's ids anew on
/// every call (SQLite compiled 200 placeholders per board).
pub(crate) fn among_ids(conn: &crate::db::Conn, column: &str) -> String {
    match conn {
        crate::db::Conn::Sqlite(_) => {
            format!("{column} IN (SELECT value FROM json_each('[' || $1 || ']'))")
        }
        crate::db::Conn::Pg(_) => {
            format!("{column} = ANY(CAST(string_to_array($1, ',') AS BIGINT[]))")
        }
    }
}

/// `among_ids` on `ideas.id` as a condition for a query built with diesel, the ids bound.
pub(crate) fn idea_among(conn: &crate::db::Conn, ids: &[i64]) -> ideas::Condition {
    let sql = among_ids(conn, "ideas.id");
    let (before, after) = sql.split_once("$1").expect("among_ids binds $1");
    Box::new(
        diesel::dsl::sql::<diesel::sql_types::Bool>(before)
            .bind::<diesel::sql_types::Text, _>(ids_bind(ids))
            .sql(after),
    )
}

/// The ids as `among_ids` takes them: `1,2,3`.
pub(crate) fn ids_bind(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

pub(crate) fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// `SELECT * FROM (q1) AS u0 UNION ALL SELECT * FROM (q2) AS u1 …`: queries with their own
/// order and limit read in one statement (diesel's `union_all` has no form for the shared
/// connection, and SQLite takes no parentheses around a compound's parts).
pub struct UnionAll<Q>(pub Vec<Q>);

impl<Q: diesel::query_builder::QueryFragment<Backend>> diesel::query_builder::QueryFragment<Backend>
    for UnionAll<Q>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> diesel::QueryResult<()> {
        for (i, q) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_sql(" UNION ALL ");
            }
            out.push_sql("SELECT * FROM (");
            q.walk_ast(out.reborrow())?;
            out.push_sql(") AS u");
            out.push_sql(itoa::Buffer::new().format(i));
        }
        Ok(())
    }
}

crate::db::query_wrapper!(UnionAll);

/// A query with its `LIMIT` written into the statement, not bound: with `LIMIT $n` a plan made
/// once for all calls must guess how many rows it takes, so PostgreSQL planned a kept
/// statement anew on every call (the inbox's list: 0.2 ms of planning per view). The limit is
/// a number, so its text carries nothing but itself.
pub struct Limited<Q>(pub Q, pub i64);

impl<Q: diesel::query_builder::QueryFragment<Backend>> diesel::query_builder::QueryFragment<Backend>
    for Limited<Q>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> diesel::QueryResult<()> {
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(" LIMIT ");
        out.push_sql(itoa::Buffer::new().format(self.1));
        Ok(())
    }
}

crate::db::query_wrapper!(Limited);
