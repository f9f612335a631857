//! A review step (submit, approve, request changes, reject, …) if the workflow allows it for
//! the actor; the submitter is told by mail. Pressroom takes some steps itself (production,
//! scheduled, published) through the same path.

use super::{bump_or_conflict, ActionError};
use crate::db::Conn;
use crate::domain::ideas::MAX_COMMENT;
use crate::domain::workflow::{self, State};
use crate::mail::Composer;
use crate::store;
use crate::store::ideas::Idea;
use crate::store::users::User;

pub fn transition_idea(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    idea: &Idea,
    version: i64,
    to: State,
    comment: &str,
) -> Result<Idea, ActionError> {
    // Someone who moved the idea meanwhile decides, before any rule about the step: a step
    // from a state the actor no longer sees is a conflict, not a refusal.
    if version != idea.version {
        return Err(ActionError::Conflict {
            by: store::ideas::last_actor(c, idea.id)?,
        });
    }
    let mut errors = crate::domain::validate::FieldErrors::new();
    crate::domain::validate::lines(&mut errors, "comment", comment, MAX_COMMENT);
    if !errors.is_empty() {
        return Err(ActionError::Invalid(errors));
    }
    workflow::check(
        idea.state,
        to,
        actor.role(),
        actor.id == idea.submitter_id,
        comment,
    )
    .map_err(|r| ActionError::Refused(r.key()))?;
    apply(c, mail, Some(actor), idea, version, to, comment)
}

/// A step Pressroom takes itself (the last variant went out → published). It must be a step
/// of the workflow table, but no user's role is checked.
pub fn transition_by_system(
    c: &mut Conn,
    mail: &Composer,
    idea: &Idea,
    to: State,
) -> Result<Idea, ActionError> {
    if !workflow::TRANSITIONS
        .iter()
        .any(|t| t.from == idea.state && t.to == to)
    {
        return Err(ActionError::Refused(workflow::Refusal::NotFromHere.key()));
    }
    apply(c, mail, None, idea, idea.version, to, "")
}

fn apply(
    c: &mut Conn,
    mail: &Composer,
    actor: Option<&User>,
    idea: &Idea,
    version: i64,
    to: State,
    comment: &str,
) -> Result<Idea, ActionError> {
    crate::db::write_tx(c, |c| {
        bump_or_conflict(c, idea.id, version)?;
        store::ideas::write_state(c, actor.map(|a| a.id), idea, to, comment)?;
        if actor.is_none_or(|a| a.id != idea.submitter_id) {
            if let Some(submitter) = store::users::find(c, idea.submitter_id)? {
                let state = mail.i18n.t(&submitter.locale, &format!("state-{to}"));
                let actor_name = actor
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| "Pressroom".into());
                mail.notify(
                    c,
                    &submitter,
                    "state",
                    "mail-state",
                    idea.id,
                    &[
                        ("title", idea.title.clone()),
                        ("state", state),
                        ("actor", actor_name),
                        ("comment", comment.trim().to_string()),
                    ],
                )?;
            }
        }
        Ok(store::ideas::reload(c, idea.id)?)
    })
}
