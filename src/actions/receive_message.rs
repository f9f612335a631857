//! A message comes in on a channel (pulled from Mastodon, or pushed by another system): it is
//! stored once, joins its conversation, and when it starts the answer clock, the warning at
//! three quarters of the target is queued.

use chrono::{NaiveDateTime, SubsecRound};

use crate::db::Conn;
use crate::domain::inbox::Clock;
use crate::store;
use crate::store::channels::Channel;
use crate::store::inbox::{Incoming, Received};

pub const ALERT_JOB: &str = "inbox_alert";

#[derive(serde::Serialize, serde::Deserialize)]
pub struct AlertPayload {
    pub conversation_id: i64,
    /// The clock this warning belongs to (a conversation opened again has a new one).
    pub from: NaiveDateTime,
}

/// The team's time zone, in which working hours are counted.
pub fn team_tz(c: &mut Conn) -> diesel::QueryResult<chrono_tz::Tz> {
    Ok(store::settings::get(c, store::settings::TEAM_TIMEZONE)?
        .and_then(|t| t.parse().ok())
        .unwrap_or(chrono_tz::Europe::Zurich))
}

/// Stores `m` in the caller's transaction; `None` if the channel gave it before.
pub fn receive_message(
    c: &mut Conn,
    ch: &Channel,
    m: &Incoming,
    tz: chrono_tz::Tz,
    now: NaiveDateTime,
) -> diesel::QueryResult<Option<Received>> {
    let config: crate::domain::channels::Settings =
        serde_json::from_str(&ch.config).unwrap_or_default();
    // PostgreSQL keeps microseconds: the alert compares the stored time with this one.
    let m = &Incoming {
        at: m.at.trunc_subsecs(6),
        ..m.clone()
    };
    let Some(r) = store::inbox::receive(c, ch.id, m, &Clock::of(&config), tz, now)? else {
        return Ok(None);
    };
    if let Some((from, alert_at)) = r.clock {
        let payload = AlertPayload {
            conversation_id: r.conversation_id,
            from,
        };
        store::jobs::enqueue(
            c,
            store::jobs::NewJob {
                kind: ALERT_JOB,
                payload: serde_json::to_string(&payload).unwrap_or_default(),
                unique_key: Some(format!(
                    "inbox-alert:{}:{}",
                    r.conversation_id,
                    from.and_utc().timestamp()
                )),
                run_at: alert_at,
                max_attempts: 8,
            },
            now,
        )?;
    }
    Ok(Some(r))
}
