//! API tokens for scripts: shown once at creation, only a hash kept.

use diesel::prelude::*;

use super::users::User;
use crate::db::schema::{api_tokens, users};
use crate::db::Conn;
use crate::security::{random_token, token_hash};

/// Prefix so a leaked token is recognisable in logs and secret scanners.
pub const PREFIX: &str = "prt_";

/// A new token for the user, valid until `expires_at` if one is given.
pub fn create(
    conn: &mut Conn,
    user_id: i64,
    label: &str,
    expires_at: Option<chrono::NaiveDateTime>,
) -> QueryResult<String> {
    let token = format!("{PREFIX}{}", random_token());
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::user_id.eq(user_id),
            api_tokens::label.eq(label.trim()),
            api_tokens::token_hash.eq(token_hash(&token)),
            api_tokens::created_at.eq(super::now()),
            api_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The (enabled) user a token belongs to, unless it has expired; notes when it was last used.
pub fn authenticate(conn: &mut Conn, token: &str) -> QueryResult<Option<User>> {
    let hash = token_hash(token);
    let user = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(&hash))
        .filter(users::disabled_at.is_null())
        .filter(
            api_tokens::expires_at
                .is_null()
                .or(api_tokens::expires_at.gt(super::now())),
        )
        .select(User::as_select())
        .first(conn)
        .optional()?;
    if user.is_some() {
        diesel::update(api_tokens::table.filter(api_tokens::token_hash.eq(&hash)))
            .set(api_tokens::last_used_at.eq(super::now()))
            .execute(conn)?;
    }
    Ok(user)
}

/// A token as its owner sees it: never the token itself.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct TokenInfo {
    pub id: i64,
    pub label: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: chrono::NaiveDateTime,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub last_used_at: Option<chrono::NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub expires_at: Option<chrono::NaiveDateTime>,
}

/// A user's tokens, newest first.
pub fn list(conn: &mut Conn, user_id: i64) -> QueryResult<Vec<TokenInfo>> {
    api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .order(api_tokens::id.desc())
        .select((
            api_tokens::id,
            api_tokens::label,
            api_tokens::created_at,
            api_tokens::last_used_at,
            api_tokens::expires_at,
        ))
        .load(conn)
}

/// Revokes one of the user's tokens; `false` if they have none with that id.
pub fn revoke(conn: &mut Conn, user_id: i64, id: i64) -> QueryResult<bool> {
    let n = diesel::delete(
        api_tokens::table
            .filter(api_tokens::user_id.eq(user_id))
            .filter(api_tokens::id.eq(id)),
    )
    .execute(conn)?;
    Ok(n > 0)
}

/// Revokes the user's tokens with this label (the CLI names tokens by label).
pub fn revoke_labelled(conn: &mut Conn, user_id: i64, label: &str) -> QueryResult<usize> {
    diesel::delete(
        api_tokens::table
            .filter(api_tokens::user_id.eq(user_id))
            .filter(api_tokens::label.eq(label.trim())),
    )
    .execute(conn)
}

/// Revokes all of the user's tokens (their password changed).
pub fn revoke_all(conn: &mut Conn, user_id: i64) -> QueryResult<usize> {
    diesel::delete(api_tokens::table.filter(api_tokens::user_id.eq(user_id))).execute(conn)
}
