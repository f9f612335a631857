//! The append-only audit log: who did what, when, from where. Never a password or token.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{audit_log, users};
use crate::db::Conn;

pub fn record(
    conn: &mut Conn,
    actor_id: Option<i64>,
    action: &str,
    target: &str,
    ip: &str,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(super::now()),
            audit_log::actor_id.eq(actor_id),
            audit_log::action.eq(action),
            audit_log::target.eq(target),
            audit_log::ip.eq(ip),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Queryable)]
pub struct Entry {
    #[diesel(deserialize_as = crate::db::Time)]
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub action: String,
    pub target: String,
    pub ip: String,
}

pub fn recent(conn: &mut Conn, limit: i64) -> QueryResult<Vec<Entry>> {
    audit_log::table
        .left_join(users::table)
        .select((
            audit_log::at,
            users::name.nullable(),
            audit_log::action,
            audit_log::target,
            audit_log::ip,
        ))
        .order(audit_log::id.desc())
        .limit(limit)
        .load(conn)
}
