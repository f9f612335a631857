//! An editor gives a conversation to someone on the team (editors and admins), or to nobody.

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::store;
use crate::store::users::User;

pub fn assign_conversation(
    c: &mut Conn,
    actor: &User,
    id: i64,
    assignee: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), ActionError> {
    crate::db::write_tx(c, |c| {
        store::inbox::find(c, id)?.ok_or(ActionError::NotFound)?;
        if let Some(a) = assignee {
            let ok = store::users::editors(c)?.iter().any(|u| u.id == a);
            if !ok {
                return Err(ActionError::field("assignee_id", "error-assignee"));
            }
        }
        store::inbox::assign(c, id, assignee, now)?;
        store::audit::record(
            c,
            Some(actor.id),
            "conversation.assigned",
            &format!("conversation {id}"),
            &assignee.map(|a| a.to_string()).unwrap_or_default(),
        )?;
        Ok(())
    })
}
