//! A person revokes one of their API tokens (page, API or CLI); an admin may revoke anyone's.
//! The audit log says who did it.

use super::ActionError;
use crate::db::Conn;
use crate::domain::roles::Role;
use crate::store;
use crate::store::users::User;

/// `actor` (none from the CLI) revokes token `token_id` of user `owner_id`.
pub fn revoke_token(
    c: &mut Conn,
    actor: Option<&User>,
    owner_id: i64,
    token_id: i64,
    origin: &str,
) -> Result<(), ActionError> {
    if actor.is_some_and(|a| a.id != owner_id && a.role() != Role::Admin) {
        return Err(ActionError::NotFound);
    }
    crate::db::write_tx(c, |c| {
        if !store::tokens::revoke(c, owner_id, token_id)? {
            return Err(ActionError::NotFound);
        }
        store::audit::record(
            c,
            actor.map(|a| a.id),
            "token.revoked",
            &format!("token {token_id} of user {owner_id}"),
            origin,
        )?;
        Ok(())
    })
}
