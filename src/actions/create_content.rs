//! Production starts: an approved idea becomes a content piece (once; asking again finds it)
//! and the idea moves to production.

use super::transition_idea::transition_idea;
use super::ActionError;
use crate::db::Conn;
use crate::domain::workflow::State;
use crate::mail::Composer;
use crate::store;
use crate::store::ideas::Idea;
use crate::store::users::User;

pub fn create_content(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    idea: &Idea,
) -> Result<i64, ActionError> {
    crate::db::write_tx(c, |c| {
        if let Some(id) = store::content::for_idea(c, idea.id)? {
            return Ok(id);
        }
        if idea.state != State::Approved {
            return Err(ActionError::Refused("error-content-needs-approval"));
        }
        transition_idea(c, mail, actor, idea, idea.version, State::InProduction, "")?;
        Ok(store::content::insert(c, actor, idea)?)
    })
}
