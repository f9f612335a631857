//! An admin erases a person: what they wrote for the team stays, credited to a former member;
//! everything that identifies them goes. The audit log says who did it.

use super::ActionError;
use crate::db::Conn;
use crate::domain::roles::Role;
use crate::store;
use crate::store::users::User;

pub fn erase_person(
    c: &mut Conn,
    actor: &User,
    user_id: i64,
    origin: &str,
    now: chrono::NaiveDateTime,
) -> Result<(), ActionError> {
    if actor.role() != Role::Admin {
        return Err(ActionError::Forbidden);
    }
    if actor.id == user_id {
        return Err(ActionError::Refused("error-erase-self"));
    }
    crate::db::write_tx(c, |c| {
        if !store::personal_data::erase(c, user_id, now)? {
            return Err(ActionError::NotFound);
        }
        store::audit::record(
            c,
            Some(actor.id),
            "user.erased",
            &format!("user {user_id}"),
            origin,
        )?;
        Ok(())
    })
}
