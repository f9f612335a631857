//! Saves a piece's title and body; an empty title keeps the one it had.

use super::ActionError;
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
    store::content::update(c, content.id, title, body)?;
    Ok(())
}
