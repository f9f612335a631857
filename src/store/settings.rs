//! Team-wide settings kept in the database.

use diesel::prelude::*;

use crate::db::schema::settings;
use crate::db::Conn;

pub const TEAM_TIMEZONE: &str = "team_timezone";

pub fn get(conn: &mut Conn, key: &str) -> QueryResult<Option<String>> {
    settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()
}

/// Replaces the value; delete-then-insert because the shared backend has no upsert.
pub fn set(conn: &mut Conn, key: &str, value: &str) -> QueryResult<()> {
    crate::db::write_tx(conn, |conn| {
        diesel::delete(settings::table.find(key)).execute(conn)?;
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(value)))
            .execute(conn)
            .map(|_| ())
    })
}
