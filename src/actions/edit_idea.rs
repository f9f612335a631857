//! Changes an idea's fields, if the actor may and nobody changed it since they loaded it.

use chrono::NaiveDate;

use super::{bump_or_conflict, ActionError};
use crate::db::Conn;
use crate::domain::access::may_edit_idea;
use crate::domain::ideas::{self, RawIdea};
use crate::store;
use crate::store::ideas::Idea;
use crate::store::users::User;

pub fn edit_idea(
    c: &mut Conn,
    actor: &User,
    idea: &Idea,
    version: i64,
    raw: &RawIdea,
    today: NaiveDate,
) -> Result<Idea, ActionError> {
    if !may_edit_idea(actor.id, actor.role(), idea.submitter_id, idea.state) {
        return Err(ActionError::Forbidden);
    }
    let channels = store::channels::ids(c)?;
    let fields = ideas::check(raw, &channels, today).map_err(ActionError::Invalid)?;
    crate::db::write_tx(c, |c| {
        bump_or_conflict(c, idea.id, version)?;
        store::ideas::write_fields(c, actor, idea, &fields)?;
        Ok(store::ideas::reload(c, idea.id)?)
    })
}
