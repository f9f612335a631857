//! An editor sends a failed or unconfirmed publication again, with the same idempotency key
//! (so a receiver that has it already can tell).

use crate::db::Conn;
use crate::store;
use crate::store::users::User;

use super::ActionError;

pub fn retry_publication(
    c: &mut Conn,
    actor: &User,
    publication_id: i64,
    now: chrono::NaiveDateTime,
) -> Result<store::publications::Publication, ActionError> {
    let p = store::publications::find(c, publication_id)?.ok_or(ActionError::NotFound)?;
    if !p.state.can_retry() {
        return Err(ActionError::Refused("error-publication-not-retryable"));
    }
    if !store::publications::retry(c, &p, now)? {
        return Err(ActionError::Refused("error-publication-changed"));
    }
    store::audit::record(
        c,
        Some(actor.id),
        "publication.retried",
        &format!("publication {}", p.id),
        "",
    )?;
    store::publications::find(c, p.id)?.ok_or(ActionError::NotFound)
}
