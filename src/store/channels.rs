//! Channels, as far as ideas need them: which exist, by id and name.

use diesel::prelude::*;

use crate::db::schema::channels;
use crate::db::Conn;

pub fn names(conn: &mut Conn) -> QueryResult<Vec<(i64, String)>> {
    channels::table
        .select((channels::id, channels::name))
        .order(channels::name.asc())
        .load(conn)
}
