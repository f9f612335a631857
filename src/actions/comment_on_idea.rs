//! A comment on an idea. The submitter and every `@mentioned` person who may see the idea are
//! told by mail.

use super::ActionError;
use crate::db::Conn;
use crate::domain::access::IdeaScope;
use crate::domain::ideas::{mentions, MAX_COMMENT};
use crate::mail::Composer;
use crate::store;
use crate::store::ideas::Idea;
use crate::store::users::User;

pub fn comment_on_idea(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    idea: &Idea,
    text: &str,
) -> Result<(), ActionError> {
    if text.trim().is_empty() {
        return Err(ActionError::field("text", "error-required"));
    }
    let mut errors = crate::domain::validate::FieldErrors::new();
    crate::domain::validate::lines(&mut errors, "text", text, MAX_COMMENT);
    if !errors.is_empty() {
        return Err(ActionError::Invalid(errors));
    }
    crate::db::write_tx(c, |c| {
        store::ideas::write_comment(c, actor, idea.id, text)?;
        let args = [
            ("title", idea.title.clone()),
            ("actor", actor.name.clone()),
            ("comment", text.trim().to_string()),
        ];
        let mut told = vec![actor.id];
        for handle in mentions(text) {
            for u in store::ideas::mentioned(c, &handle)? {
                let scope = IdeaScope::of(u.id, u.role(), u.department_id);
                if !told.contains(&u.id)
                    && scope.sees(idea.department_id, idea.state, idea.submitter_id)
                {
                    mail.notify(c, &u, "mention", "mail-mention", idea.id, &args)?;
                    told.push(u.id);
                }
            }
        }
        if !told.contains(&idea.submitter_id) {
            if let Some(submitter) = store::users::find(c, idea.submitter_id)? {
                mail.notify(c, &submitter, "comment", "mail-comment", idea.id, &args)?;
            }
        }
        Ok(())
    })
}
