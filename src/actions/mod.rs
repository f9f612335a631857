//! Use cases, one file each, called alike by pages, the JSON API, the CLI and jobs. Each checks
//! its rules, writes in one transaction (with the mail it causes) and answers with an error that
//! says what went wrong for the user and knows nothing of HTTP.

pub mod add_user;
pub mod add_variant;
pub mod assign_conversation;
pub mod assign_idea;
pub mod boost_message;
pub mod comment_on_idea;
pub mod confirm_publication;
pub mod conversation_to_idea;
pub mod correct_sentiment;
pub mod create_calendar_feed;
pub mod create_content;
pub mod edit_content;
pub mod edit_idea;
pub mod edit_variant;
pub mod erase_person;
pub mod erase_subscriber;
pub mod hand_in_idea;
pub mod inbox_alert;
pub mod move_conversation;
pub mod note_on_conversation;
pub mod publish;
pub mod pull_inbox;
pub mod pull_metrics;
pub mod push_inbox;
pub mod push_metrics;
pub mod receive_message;
pub mod reply_to_conversation;
pub mod retry_publication;
pub mod revoke_token;
pub mod save_channel;
pub mod schedule_variant;
pub mod set_target;
pub mod signed;
pub mod transition_idea;
pub mod unschedule_variant;

use crate::domain::validate::FieldErrors;
use crate::domain::variants::Problem;
use crate::error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error("not found")]
    NotFound,
    /// The actor's role or relation to the object does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// Input fields that do not pass their checks, each with its message key.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// Someone else changed the object since the actor loaded it.
    #[error("changed meanwhile by {by}")]
    Conflict { by: String },
    /// A rule refused it; the key names the rule (and is the message's translation key).
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A variant breaks its channel's rules.
    #[error("breaks a channel rule: {0:?}")]
    ChannelRule(Problem),
    /// The request does not prove who sent it (a signature that does not check out).
    #[error("unauthorized")]
    Unauthorized,
    #[error("storage: {0}")]
    Storage(String),
}

impl ActionError {
    /// One field's error.
    pub fn field(name: &'static str, key: &'static str) -> ActionError {
        ActionError::Invalid([(name, key)].into_iter().collect())
    }
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
            ActionError::Forbidden => AppError::Forbidden,
            ActionError::Invalid(f) => AppError::Invalid(f),
            ActionError::Conflict { by } => AppError::Conflict { by },
            ActionError::Refused(key) => AppError::Refused(key),
            ActionError::ChannelRule(p) => AppError::ChannelRule(p),
            ActionError::Unauthorized => AppError::Unauthorized,
            ActionError::Storage(e) => AppError::Internal(e),
        }
    }
}

/// Bumps the idea's version or says who changed it meanwhile.
fn bump_or_conflict(
    c: &mut crate::db::Conn,
    idea_id: i64,
    expected: i64,
) -> Result<(), ActionError> {
    if crate::store::ideas::bump(c, idea_id, expected)? {
        Ok(())
    } else {
        Err(ActionError::Conflict {
            by: crate::store::ideas::last_actor(c, idea_id)?,
        })
    }
}
