//! Use cases, one file each, called alike by pages, the JSON API, the CLI and jobs. Their
//! error says what went wrong for the user and knows nothing of HTTP.

pub mod confirm_publication;
pub mod publish;
pub mod retry_publication;

use crate::error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error("not found")]
    NotFound,
    /// A rule refused it; the key names the rule (and is the message's translation key).
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("storage: {0}")]
    Storage(String),
}

impl From<diesel::result::Error> for ActionError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => ActionError::NotFound,
            e => ActionError::Storage(e.to_string()),
        }
    }
}

impl From<ActionError> for AppError {
    fn from(e: ActionError) -> Self {
        match e {
            ActionError::NotFound => AppError::NotFound,
            ActionError::Refused(key) => AppError::Refused(key),
            ActionError::Storage(e) => AppError::Internal(e),
        }
    }
}
