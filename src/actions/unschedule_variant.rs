//! Takes a variant's time away (unless it is being published or went out); a scheduled idea
//! goes back to production.

use chrono::NaiveDateTime;

use super::transition_idea::transition_idea;
use super::ActionError;
use crate::db::Conn;
use crate::domain::workflow::State;
use crate::mail::Composer;
use crate::store;
use crate::store::content::Variant;
use crate::store::users::User;

pub fn unschedule_variant(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    v: &Variant,
    now: NaiveDateTime,
) -> Result<(), ActionError> {
    crate::db::write_tx(c, |c| {
        store::publications::unplan(c, v.id, now)?
            .map_err(|_| ActionError::Refused("error-publication-locked"))?;
        store::content::set_time(c, v.id, None)?;
        let idea = store::content::idea_of(c, v.content_id)?;
        if idea.state == State::Scheduled {
            transition_idea(c, mail, actor, &idea, idea.version, State::InProduction, "")?;
        }
        Ok(())
    })
}
