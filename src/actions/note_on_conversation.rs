//! An editor leaves an internal note on a conversation: the team sees it, the channel never.

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::domain::validate::FieldErrors;
use crate::store;
use crate::store::inbox::{Ours, NOTE};
use crate::store::users::User;

pub fn note_on_conversation(
    c: &mut Conn,
    actor: &User,
    id: i64,
    text: &str,
    now: NaiveDateTime,
) -> Result<i64, ActionError> {
    let mut errors = FieldErrors::new();
    crate::domain::validate::lines(&mut errors, "note", text, 5000);
    if text.trim().is_empty() {
        errors.insert("note", "error-required");
    }
    if !errors.is_empty() {
        return Err(ActionError::Invalid(errors));
    }
    crate::db::write_tx(c, |c| {
        let conv = store::inbox::find(c, id)?.ok_or(ActionError::NotFound)?;
        Ok(store::inbox::add_ours(
            c,
            &Ours {
                conversation_id: conv.id,
                channel_id: conv.channel_id,
                kind: NOTE,
                user_id: actor.id,
                author_name: &actor.name,
                text: text.trim(),
                in_reply_to: None,
                visibility: None,
                idempotency_key: None,
            },
            now,
        )?)
    })
}
