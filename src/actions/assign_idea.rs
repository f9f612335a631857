//! Gives an idea to an editor (or to nobody); they are told by mail.

use super::ActionError;
use crate::db::Conn;
use crate::domain::roles::Role;
use crate::mail::Composer;
use crate::store;
use crate::store::ideas::Idea;
use crate::store::users::User;

/// Who should take it: the actor, another person by id, or nobody.
#[derive(Debug, Clone, Copy)]
pub enum Assignee {
    Me,
    User(i64),
    Nobody,
}

pub fn assign_idea(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    idea: &Idea,
    to: Assignee,
) -> Result<(), ActionError> {
    if actor.role() == Role::Contributor {
        return Err(ActionError::Forbidden);
    }
    let assignee = match to {
        Assignee::Nobody => None,
        Assignee::Me => Some(actor.clone()),
        Assignee::User(id) => Some(
            store::users::find(c, id)?
                .ok_or_else(|| ActionError::field("assignee_id", "error-assignee"))?,
        ),
    };
    if let Some(a) = &assignee {
        if a.role() == Role::Contributor || a.disabled_at.is_some() {
            return Err(ActionError::field("assignee_id", "error-assignee"));
        }
    }
    crate::db::write_tx(c, |c| {
        store::ideas::write_assignee(c, actor, idea, assignee.as_ref().map(|a| a.id))?;
        if let Some(a) = assignee.as_ref().filter(|a| a.id != actor.id) {
            mail.notify(
                c,
                a,
                "assigned",
                "mail-assigned",
                idea.id,
                &[("title", idea.title.clone()), ("actor", actor.name.clone())],
            )?;
        }
        Ok(())
    })
}
