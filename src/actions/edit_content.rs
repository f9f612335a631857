//! Saves a piece's title and body; an empty title keeps the one it had.

use super::ActionError;
use crate::domain::ideas::MAX_TITLE;
use crate::domain::validate::{self, FieldErrors};

/// A piece's body: a long article, not a book.
pub const MAX_BODY: usize = 200_000;
use crate::db::Conn;
use crate::store;
use crate::store::content::Content;

pub fn edit_content(
    c: &mut Conn,
    content: &Content,
    title: Option<&str>,
    body: Option<&str>,
) -> Result<(), ActionError> {
    let title = title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&content.title);
    let body = body.unwrap_or(&content.body);
    check(title, body)?;
    store::content::update(c, content.id, title.trim(), body)?;
    Ok(())
}

/// A piece's title (one line, something visible) and body (lines), checked before anything
/// is written.
pub fn check(title: &str, body: &str) -> Result<(), ActionError> {
    let mut errors = FieldErrors::new();
    validate::line(&mut errors, "title", title, MAX_TITLE, true);
    validate::lines(&mut errors, "body", body, MAX_BODY);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ActionError::Invalid(errors))
    }
}
