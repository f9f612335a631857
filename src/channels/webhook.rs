//! Webhook: a signed JSON POST per the Standard Webhooks specification, so receivers verify
//! it with that spec's libraries. `webhook-id` is the publication's idempotency key, the same
//! on every attempt, and is also sent as `Idempotency-Key`.

use serde_json::json;

use super::{send, Adapter, Delivery, Env, Outcome};

pub struct Webhook;

/// The JSON body a receiver gets; links are already the ones to post.
pub fn body(d: &Delivery) -> String {
    json!({
        "event": "publication",
        "publication_id": d.publication_id,
        "variant": {
            "id": d.variant.id,
            "language": d.variant.language,
            "text": d.variant.text,
            "link": d.variant.link,
            "subject": d.variant.subject,
            "images": d.variant.images,
            "scheduled_at": d.variant.scheduled_at,
        },
        "content": d.content,
        "idea": d.idea,
    })
    .to_string()
}

/// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the channel's `whsec_` secret.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String, String> {
    let hook = standardwebhooks::Webhook::new(secret.trim())
        .map_err(|_| "the signing secret is not in the whsec_<base64> form".to_string())?;
    hook.sign(id, timestamp, body.as_bytes())
        .map_err(|e| format!("cannot sign: {e}"))
}

impl Adapter for Webhook {
    async fn publish(&self, env: &Env<'_>, d: &Delivery) -> Outcome {
        deliver(env, &d.config, &d.secrets, &d.idempotency_key, body(d)).await
    }
}

/// POSTs a signed event to the channel's receiver; `key` is its `webhook-id` on every attempt.
pub async fn deliver(
    env: &Env<'_>,
    config: &crate::domain::channels::Settings,
    secrets: &crate::domain::channels::Settings,
    key: &str,
    body: String,
) -> Outcome {
    let Some(url) = config.get("url") else {
        return Outcome::Failed {
            error: "the channel has no URL".into(),
            http_status: None,
        };
    };
    // The receiver's clock checks this against its own: real time, whatever ours says.
    let timestamp = chrono::Utc::now().timestamp();
    let secret = secrets
        .get("signing_secret")
        .map(String::as_str)
        .unwrap_or("");
    let sig = match signature(secret, key, timestamp, &body) {
        Ok(s) => s,
        Err(error) => {
            return Outcome::Failed {
                error,
                http_status: None,
            }
        }
    };
    let req = env
        .http
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", key)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", sig)
        .header("idempotency-key", key)
        .body(body);
    match send(env, req).await {
        Ok(res) => Outcome::Published {
            external_id: None,
            url: None,
            http_status: Some(res.status().as_u16()),
        },
        Err(outcome) => outcome,
    }
}
