//! Channels and their posting schedules. Secret settings arrive here sealed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{channel_schedules, channels};
use crate::db::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = channels)]
pub struct Channel {
    pub id: i64,
    pub name: String,
    pub kind: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    pub config: String,
    /// Sealed JSON of the secret settings, or "".
    pub secrets: String,
    /// Names of the secrets that are set, ",access_token,".
    pub secrets_set: String,
    pub several_per_slot: bool,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub paused_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = channel_schedules)]
pub struct ScheduleRow {
    pub id: i64,
    pub channel_id: i64,
    pub cron: String,
    pub timezone: String,
}

/// What a channel form or API call saves.
pub struct ChannelWrite {
    pub name: String,
    pub config: String,
    pub secrets: String,
    pub secrets_set: String,
    pub several_per_slot: bool,
}

pub fn names(conn: &mut Conn) -> QueryResult<Vec<(i64, String)>> {
    channels::table
        .select((channels::id, channels::name))
        .order(channels::name.asc())
        .load(conn)
}

pub fn ids(conn: &mut Conn) -> QueryResult<Vec<i64>> {
    channels::table.select(channels::id).load(conn)
}

pub fn list(conn: &mut Conn) -> QueryResult<Vec<Channel>> {
    channels::table
        .select(Channel::as_select())
        .order(channels::name.asc())
        .load(conn)
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Channel>> {
    channels::table
        .find(id)
        .select(Channel::as_select())
        .first(conn)
        .optional()
}

/// `None` when the name is taken.
pub fn create(conn: &mut Conn, kind: &str, w: &ChannelWrite) -> QueryResult<Option<Channel>> {
    let inserted = diesel::insert_into(channels::table)
        .values((
            channels::name.eq(w.name.trim()),
            channels::kind.eq(kind),
            channels::created_at.eq(super::now()),
            channels::config.eq(&w.config),
            channels::secrets.eq(&w.secrets),
            channels::secrets_set.eq(&w.secrets_set),
            channels::several_per_slot.eq(w.several_per_slot),
        ))
        .returning(channels::id)
        .get_result::<i64>(conn);
    match inserted {
        Ok(id) => {
            if kind == "mastodon" {
                super::inbox::plan_pull(conn, id, super::now(), super::now())?;
            }
            find(conn, id)
        }
        Err(e) if super::is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `false` when the new name is taken by another channel.
pub fn update(conn: &mut Conn, id: i64, w: &ChannelWrite) -> QueryResult<bool> {
    let updated = diesel::update(channels::table.find(id))
        .set((
            channels::name.eq(w.name.trim()),
            channels::config.eq(&w.config),
            channels::secrets.eq(&w.secrets),
            channels::secrets_set.eq(&w.secrets_set),
            channels::several_per_slot.eq(w.several_per_slot),
        ))
        .execute(conn);
    match updated {
        Ok(_) => {
            // New settings (another account, a token that works now): pull at once.
            if find(conn, id)?.is_some_and(|ch| ch.kind == "mastodon") {
                super::inbox::plan_pull(conn, id, super::now(), super::now())?;
            }
            Ok(true)
        }
        Err(e) if super::is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn set_paused(conn: &mut Conn, id: i64, paused: bool) -> QueryResult<usize> {
    diesel::update(channels::table.find(id))
        .set(channels::paused_at.eq(paused.then(super::now)))
        .execute(conn)
}

pub fn schedules(conn: &mut Conn, channel_id: i64) -> QueryResult<Vec<ScheduleRow>> {
    channel_schedules::table
        .filter(channel_schedules::channel_id.eq(channel_id))
        .order(channel_schedules::id.asc())
        .select(ScheduleRow::as_select())
        .load(conn)
}

pub fn add_schedule(
    conn: &mut Conn,
    channel_id: i64,
    cron: &str,
    timezone: &str,
) -> QueryResult<()> {
    diesel::insert_into(channel_schedules::table)
        .values((
            channel_schedules::channel_id.eq(channel_id),
            channel_schedules::cron.eq(cron),
            channel_schedules::timezone.eq(timezone),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn delete_schedule(conn: &mut Conn, channel_id: i64, schedule_id: i64) -> QueryResult<usize> {
    diesel::delete(
        channel_schedules::table
            .filter(channel_schedules::id.eq(schedule_id))
            .filter(channel_schedules::channel_id.eq(channel_id)),
    )
    .execute(conn)
}

/// Seals every channel's secrets again with the current key (after a key change), using
/// `open` to read them; returns how many channels were re-sealed. All or nothing.
pub fn reseal_all(
    conn: &mut Conn,
    open: impl Fn(&str) -> Result<Vec<u8>, String>,
    seal: impl Fn(&[u8]) -> String,
) -> Result<usize, crate::error::AppError> {
    use crate::error::AppError;
    crate::db::write_tx(conn, |conn| {
        let mut n = 0;
        for ch in list(conn)?.iter().filter(|c| !c.secrets.is_empty()) {
            let plain = open(&ch.secrets)
                .map_err(|e| AppError::Internal(format!("channel {:?}: {e}", ch.name)))?;
            diesel::update(channels::table.find(ch.id))
                .set(channels::secrets.eq(seal(&plain)))
                .execute(conn)?;
            n += 1;
        }
        Ok(n)
    })
}

/// The posting schedules among stored rows (a row that no longer parses is left out).
pub fn parsed_schedules(rows: &[ScheduleRow]) -> Vec<crate::domain::slots::PostingSchedule> {
    rows.iter()
        .filter_map(|r| crate::domain::slots::PostingSchedule::parse(&r.cron, &r.timezone).ok())
        .collect()
}
