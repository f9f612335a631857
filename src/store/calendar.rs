//! Calendar feeds: a secret per address, kept only as a hash.

use diesel::prelude::*;

use super::users::User;
use crate::db::schema::{calendar_feeds, users};
use crate::db::Conn;
use crate::security::{random_token, token_hash};

#[derive(Debug, Clone, Queryable)]
pub struct Feed {
    pub id: i64,
    pub channel_id: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: chrono::NaiveDateTime,
}

/// Returns the new secret; it cannot be read back later.
pub fn create(conn: &mut Conn, user_id: i64, channel_id: Option<i64>) -> QueryResult<String> {
    let secret = random_token();
    diesel::insert_into(calendar_feeds::table)
        .values((
            calendar_feeds::user_id.eq(user_id),
            calendar_feeds::secret_hash.eq(token_hash(&secret)),
            calendar_feeds::channel_id.eq(channel_id),
            calendar_feeds::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(secret)
}

/// The (enabled) owner of a live feed, and the channel it is limited to.
pub fn owner(conn: &mut Conn, secret: &str) -> QueryResult<Option<(User, Option<i64>)>> {
    calendar_feeds::table
        .inner_join(users::table)
        .filter(calendar_feeds::secret_hash.eq(token_hash(secret)))
        .filter(calendar_feeds::revoked_at.is_null())
        .filter(users::disabled_at.is_null())
        .select((User::as_select(), calendar_feeds::channel_id))
        .first(conn)
        .optional()
}

pub fn list(conn: &mut Conn, user_id: i64) -> QueryResult<Vec<Feed>> {
    calendar_feeds::table
        .filter(calendar_feeds::user_id.eq(user_id))
        .filter(calendar_feeds::revoked_at.is_null())
        .select((
            calendar_feeds::id,
            calendar_feeds::channel_id,
            calendar_feeds::created_at,
        ))
        .order(calendar_feeds::id.asc())
        .load(conn)
}

pub fn revoke(conn: &mut Conn, user_id: i64, id: i64) -> QueryResult<usize> {
    diesel::update(
        calendar_feeds::table
            .filter(calendar_feeds::id.eq(id))
            .filter(calendar_feeds::user_id.eq(user_id))
            .filter(calendar_feeds::revoked_at.is_null()),
    )
    .set(calendar_feeds::revoked_at.eq(Some(super::now())))
    .execute(conn)
}
