//! An admin erases a newsletter reader by address: every subscription ends and forgets the
//! address. The audit log records that it happened, not the address.

use super::ActionError;
use crate::db::Conn;
use crate::domain::validate::normalise_email;
use crate::store;
use crate::store::users::User;

pub fn erase_subscriber(
    c: &mut Conn,
    actor: &User,
    email: &str,
    origin: &str,
    now: chrono::NaiveDateTime,
) -> Result<usize, ActionError> {
    let email = normalise_email(email);
    crate::db::write_tx(c, |c| {
        let n = store::personal_data::erase_subscriber(c, &email, now)?;
        if n == 0 {
            return Err(ActionError::NotFound);
        }
        store::audit::record(
            c,
            Some(actor.id),
            "subscriber.erased",
            &format!("{n} subscription(s)"),
            origin,
        )?;
        Ok(n)
    })
}
