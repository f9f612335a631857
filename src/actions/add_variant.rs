//! Adds a variant (one channel × one language) to a piece, with texts if given. A piece has at
//! most one variant per channel and language.

use super::edit_variant::VariantTexts;
use super::ActionError;
use crate::db::Conn;
use crate::domain::ideas::LANGUAGES;
use crate::store;

pub fn add_variant(
    c: &mut Conn,
    content_id: i64,
    channel_id: i64,
    language: &str,
    texts: &VariantTexts,
) -> Result<i64, ActionError> {
    if !LANGUAGES.contains(&language) {
        return Err(ActionError::field("language", "error-language-unknown"));
    }
    texts.check()?;
    if store::channels::find(c, channel_id)?.is_none() {
        return Err(ActionError::field("channel_id", "error-channel-unknown"));
    }
    crate::db::write_tx(c, |c| {
        let id = store::content::add_variant(c, content_id, channel_id, language, &texts.text)?
            .ok_or_else(|| ActionError::field("language", "flash-variant-exists"))?;
        texts.write(c, id)?;
        Ok(id)
    })
}
