//! An editor checked the channel and says an unconfirmed (or failed) publication is live.
//! It then counts as published, and the idea is published once all its variants are.

use crate::db::Conn;
use crate::domain::access::IdeaScope;
use crate::mail::Composer;
use crate::store;
use crate::store::users::User;

use super::ActionError;

pub fn confirm_publication(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    publication_id: i64,
    url: Option<&str>,
    now: chrono::NaiveDateTime,
) -> Result<store::publications::Publication, ActionError> {
    crate::db::write_tx(c, |c| {
        let p = store::publications::find(c, publication_id)?.ok_or(ActionError::NotFound)?;
        if !p.state.can_confirm() {
            return Err(ActionError::Refused("error-publication-not-confirmable"));
        }
        let url = url.map(str::trim).filter(|u| !u.is_empty());
        if url.is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://"))) {
            return Err(ActionError::Refused("error-url-invalid"));
        }
        if !store::publications::confirm(c, &p, url, now)? {
            return Err(ActionError::Refused("error-publication-changed"));
        }
        store::audit::record(
            c,
            Some(actor.id),
            "publication.confirmed",
            &format!("publication {}", p.id),
            "",
        )?;
        let v = store::content::find_variant(c, p.variant_id)?.ok_or(ActionError::NotFound)?;
        let everyone = IdeaScope {
            viewer_id: 0,
            department_id: None,
        };
        if let Some((content, idea)) = store::content::find(c, &everyone, v.content_id)? {
            super::publish::publish_idea_if_complete(c, mail, content.id, &idea).map_err(|e| {
                match e {
                    crate::error::AppError::Refused(k) => ActionError::Refused(k),
                    e => ActionError::Storage(e.to_string()),
                }
            })?;
        }
        store::publications::find(c, p.id)?.ok_or(ActionError::NotFound)
    })
}
