//! Pushes from other systems (counts, inbox messages) are signed as our deliveries to them
//! are: Standard Webhooks, under the webhook channel's signing secret.

use super::ActionError;
use crate::domain::channels::Kind;
use crate::store::channels::Channel;

/// Without a signature nobody is asking: answered before anything else is read.
pub fn headers_present(headers: &http::HeaderMap) -> Result<(), ActionError> {
    if ["webhook-id", "webhook-timestamp", "webhook-signature"]
        .iter()
        .any(|h| !headers.contains_key(*h))
    {
        return Err(ActionError::Unauthorized);
    }
    Ok(())
}

/// The body is signed with `ch`'s signing secret, and `ch` is a webhook channel. Anything
/// else answers alike, so a push learns nothing about what exists.
pub fn verify(
    keys: &[[u8; 32]],
    ch: &Channel,
    body: &[u8],
    headers: &http::HeaderMap,
) -> Result<(), ActionError> {
    if Kind::parse(&ch.kind) != Some(Kind::Webhook) {
        return Err(ActionError::Unauthorized);
    }
    let (_, secrets) =
        super::publish::channel_settings(keys, ch).map_err(|_| ActionError::Unauthorized)?;
    let secret = secrets
        .get("signing_secret")
        .ok_or(ActionError::Unauthorized)?;
    standardwebhooks::Webhook::new(secret.trim())
        .and_then(|hook| hook.verify(body, headers))
        .map_err(|_| ActionError::Unauthorized)
}
