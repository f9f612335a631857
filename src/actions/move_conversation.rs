//! An editor moves a conversation: answered elsewhere, no reply needed, closed, or open again
//! (its answer clock then starts anew).

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::domain::inbox::{Clock, ConvState};
use crate::store;
use crate::store::users::User;

pub fn move_conversation(
    c: &mut Conn,
    actor: &User,
    id: i64,
    to: ConvState,
    now: NaiveDateTime,
) -> Result<store::inbox::Conversation, ActionError> {
    crate::db::write_tx(c, |c| {
        let conv = store::inbox::find(c, id)?.ok_or(ActionError::NotFound)?;
        if !conv.state.can_move_to(to) {
            return Err(ActionError::Refused("error-inbox-not-from-here"));
        }
        if !store::inbox::set_state(c, id, conv.state, to, now)? {
            return Err(ActionError::Conflict { by: String::new() });
        }
        if to == ConvState::Open {
            let ch = store::channels::find(c, conv.channel_id)?.ok_or(ActionError::NotFound)?;
            let config = serde_json::from_str(&ch.config).unwrap_or_default();
            let tz = super::receive_message::team_tz(c)?;
            let now = chrono::SubsecRound::trunc_subsecs(now, 6);
            store::inbox::restart_clock(c, id, now, Clock::of(&config).due(now, tz))?;
        }
        store::audit::record(
            c,
            Some(actor.id),
            "conversation.moved",
            &format!("conversation {id}"),
            to.as_str(),
        )?;
        store::inbox::find(c, id)?.ok_or(ActionError::NotFound)
    })
}
