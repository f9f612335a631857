//! A person makes a secret calendar address (ICS) of the plan, of all channels or one; it is
//! shown once. A channel that does not exist is refused, not left to the foreign key.

use super::ActionError;
use crate::db::Conn;
use crate::store;

/// Answers the feed's secret.
pub fn create_calendar_feed(
    c: &mut Conn,
    user_id: i64,
    channel_id: Option<i64>,
) -> Result<String, ActionError> {
    if let Some(ch) = channel_id {
        if store::channels::find(c, ch)?.is_none() {
            return Err(ActionError::field("channel_id", "error-channel-unknown"));
        }
    }
    Ok(store::calendar::create(c, user_id, channel_id)?)
}
