//! An editor corrects the tone the scorer gave a conversation.

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::domain::tone::Sentiment;
use crate::store;
use crate::store::users::User;

pub fn correct_sentiment(
    c: &mut Conn,
    actor: &User,
    id: i64,
    sentiment: Sentiment,
    now: NaiveDateTime,
) -> Result<(), ActionError> {
    crate::db::write_tx(c, |c| {
        store::inbox::find(c, id)?.ok_or(ActionError::NotFound)?;
        store::inbox::set_sentiment(c, id, sentiment, actor.id, now)?;
        Ok(())
    })
}
