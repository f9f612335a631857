//! Browser sessions: only a hash of the cookie's id is stored.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::users::User;
use crate::db::schema::{sessions, users};
use crate::db::Conn;
use crate::security::{random_token, token_hash};

pub const LIFETIME_DAYS: i64 = 14;

/// Starts a session and returns the id for the cookie.
pub fn create(conn: &mut Conn, user_id: i64) -> QueryResult<String> {
    let token = random_token();
    let now = super::now();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(token_hash(&token)),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::expires_at.eq(now + Duration::days(LIFETIME_DAYS)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user behind a session id, if the session is current and the user not disabled. Read
/// on every page: kept written (`Kept`).
pub fn user_for(conn: &mut Conn, token: &str) -> QueryResult<Option<User>> {
    let now: NaiveDateTime = super::now();
    crate::db::Kept::always(
        sessions::table
            .inner_join(users::table)
            .filter(sessions::id_hash.eq(token_hash(token)))
            .filter(sessions::expires_at.gt(now))
            .filter(users::disabled_at.is_null())
            .select(User::as_select())
            .limit(1),
    )
    .get_result(conn)
    .optional()
}

pub fn delete(conn: &mut Conn, token: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::id_hash.eq(token_hash(token)))).execute(conn)
}

/// Ends all sessions of a user but the one given (after a password change).
pub fn delete_others(conn: &mut Conn, user_id: i64, keep: &str) -> QueryResult<usize> {
    diesel::delete(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::id_hash.ne(token_hash(keep))),
    )
    .execute(conn)
}

pub fn delete_expired(conn: &mut Conn) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(super::now()))).execute(conn)
}
