//! Another system pushes a message into the inbox (`POST /api/v1/inbox`): a contact form, a
//! chat, another network's bridge. Signed like our webhook deliveries, under the signing
//! secret of the webhook channel it names; nothing is stored unless the signature checks out
//! and the message is well formed. The same message pushed twice is stored once.

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::domain::validate::{self, FieldErrors};
use crate::store;
use crate::store::inbox::Incoming;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Push {
    channel_id: i64,
    /// The sender's own id of the message: a repeat with the same id is stored once.
    id: String,
    author: String,
    #[serde(default)]
    author_name: String,
    text: String,
    /// The id of the message it answers (a thread), if any.
    #[serde(default)]
    in_reply_to: Option<String>,
    #[serde(default)]
    url: Option<String>,
    /// When it was written (RFC 3339); now if left out.
    #[serde(default)]
    received_at: Option<String>,
}

/// Answers the conversation the message joined (`None`: it was there already).
pub fn push_inbox(
    c: &mut Conn,
    keys: &[[u8; 32]],
    body: &[u8],
    headers: &http::HeaderMap,
    now: NaiveDateTime,
) -> Result<Option<i64>, ActionError> {
    super::signed::headers_present(headers)?;
    let push: Push = serde_json::from_slice(body)
        .map_err(|_| ActionError::field("body", "error-bad-request-text"))?;
    let ch = store::channels::find(c, push.channel_id)?.ok_or(ActionError::Unauthorized)?;
    super::signed::verify(keys, &ch, body, headers)?;

    let mut errors = FieldErrors::new();
    validate::line(&mut errors, "id", &push.id, 200, true);
    validate::line(&mut errors, "author", &push.author, 200, true);
    validate::line(&mut errors, "author_name", &push.author_name, 200, false);
    validate::lines(&mut errors, "text", &push.text, 20_000);
    if push.text.trim().is_empty() {
        errors.insert("text", "error-required");
    }
    if let Some(r) = &push.in_reply_to {
        validate::line(&mut errors, "in_reply_to", r, 200, true);
    }
    if push
        .url
        .as_deref()
        .is_some_and(|u| !validate::web_address(u))
    {
        errors.insert("url", "error-url-invalid");
    }
    let at = match push.received_at.as_deref() {
        None => now,
        Some(t) => match chrono::DateTime::parse_from_rfc3339(t) {
            Ok(t) => t.naive_utc(),
            Err(_) => {
                errors.insert("received_at", "error-time-invalid");
                now
            }
        },
    };
    if !errors.is_empty() {
        return Err(ActionError::Invalid(errors));
    }
    let m = Incoming {
        external_id: push.id.trim().to_string(),
        in_reply_to: push.in_reply_to.map(|r| r.trim().to_string()),
        author: push.author.trim().to_string(),
        author_name: push.author_name.trim().to_string(),
        author_url: None,
        text: push.text.trim().to_string(),
        url: push.url,
        visibility: None,
        at,
    };
    crate::db::write_tx(c, |c| {
        let tz = super::receive_message::team_tz(c)?;
        Ok(
            super::receive_message::receive_message(c, &ch, &m, tz, now)?
                .map(|r| r.conversation_id),
        )
    })
}
