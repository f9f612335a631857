//! Mastodon: images uploaded first (`/api/v2/media`, with their alt text), then
//! `POST /api/v1/statuses` with the access token and an `Idempotency-Key` the server honours,
//! so a retry after a lost answer does not post twice.

use serde::Deserialize;
use serde_json::json;

use super::http::body_capped;
use super::{send, Adapter, Delivery, Env, Outcome};

pub struct Mastodon;

const MAX_IMAGE_BYTES: usize = 16 * 1024 * 1024;
const MAX_ANSWER_BYTES: usize = 1024 * 1024;

#[derive(Deserialize)]
struct Created {
    id: String,
    url: Option<String>,
}

/// The status text: the variant's text, then its link after a blank line.
pub fn status_text(text: &str, link: &str) -> String {
    let (text, link) = (text.trim(), link.trim());
    match (text.is_empty(), link.is_empty()) {
        (_, true) => text.to_string(),
        (true, false) => link.to_string(),
        (false, false) => format!("{text}\n\n{link}"),
    }
}

fn failed(error: String) -> Outcome {
    Outcome::Failed {
        error,
        http_status: None,
    }
}

async fn read_json<T: serde::de::DeserializeOwned>(res: reqwest::Response) -> Result<T, Outcome> {
    let status = res.status().as_u16();
    let bytes = body_capped(res, MAX_ANSWER_BYTES)
        .await
        .map_err(|e| Outcome::Unconfirmed { error: e })?;
    serde_json::from_slice(&bytes).map_err(|e| Outcome::Unconfirmed {
        error: format!("the server answered {status} with something unreadable: {e}"),
    })
}

/// Fetching or uploading an image that got no answer leaves at most an orphaned file on
/// their side, never a post: safe to try again.
fn retry_if_unanswered(o: Outcome) -> Outcome {
    match o {
        Outcome::Unconfirmed { error } => Outcome::Retry {
            error,
            http_status: None,
            retry_after: None,
        },
        o => o,
    }
}

/// The channel's instance (without a trailing slash) and its access token.
fn account<'a>(
    config: &crate::domain::channels::Settings,
    secrets: &'a crate::domain::channels::Settings,
) -> Result<(String, &'a str), Outcome> {
    let base = config
        .get("instance_url")
        .map(|u| u.trim_end_matches('/').to_string())
        .ok_or_else(|| failed("the channel has no instance URL".into()))?;
    let token = secrets
        .get("access_token")
        .ok_or_else(|| failed("the channel has no access token".into()))?;
    Ok((base, token.as_str()))
}

impl Mastodon {
    async fn upload(
        &self,
        env: &Env<'_>,
        base: &str,
        token: &str,
        image: &crate::domain::variants::Image,
    ) -> Result<String, Outcome> {
        let res = send(env, env.http.get(&image.url))
            .await
            .map_err(retry_if_unanswered)?;
        let mime = res
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/octet-stream")
            .to_string();
        let bytes = body_capped(res, MAX_IMAGE_BYTES)
            .await
            .map_err(|e| failed(format!("image {}: {e}", image.url)))?;
        let name = image.url.rsplit('/').next().unwrap_or("image").to_string();
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name)
            .mime_str(&mime)
            .map_err(|e| failed(format!("image {}: {e}", image.url)))?;
        let form = reqwest::multipart::Form::new()
            .part("file", part)
            .text("description", image.alt.clone());
        let res = send(
            env,
            env.http
                .post(format!("{base}/api/v2/media"))
                .bearer_auth(token)
                .multipart(form),
        )
        .await
        .map_err(retry_if_unanswered)?;
        let created: Created = read_json(res).await.map_err(retry_if_unanswered)?;
        Ok(created.id)
    }
}

impl Adapter for Mastodon {
    async fn publish(&self, env: &Env<'_>, d: &Delivery) -> Outcome {
        let (base, token) = match account(&d.config, &d.secrets) {
            Ok(both) => both,
            Err(o) => return o,
        };
        let mut media_ids = vec![];
        for image in &d.variant.images {
            match self.upload(env, &base, token, image).await {
                Ok(id) => media_ids.push(id),
                Err(o) => return o,
            }
        }
        let visibility = d
            .config
            .get("visibility")
            .cloned()
            .unwrap_or_else(|| "public".into());
        let body = json!({
            "status": status_text(&d.variant.text, &d.variant.link),
            "language": d.variant.language,
            "visibility": visibility,
            "media_ids": media_ids,
        });
        post_status(env, &base, token, &body, &d.idempotency_key).await
    }
}

/// `POST /api/v1/statuses` under an idempotency key: Mastodon keeps the key for an hour and
/// answers a repeat with the status it already made.
async fn post_status(
    env: &Env<'_>,
    base: &str,
    token: &str,
    body: &serde_json::Value,
    key: &str,
) -> Outcome {
    let req = env
        .http
        .post(format!("{base}/api/v1/statuses"))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(body);
    let res = match send(env, req).await {
        Ok(res) => res,
        Err(o) => return o,
    };
    let status = res.status().as_u16();
    match read_json::<Created>(res).await {
        Ok(c) => Outcome::Published {
            external_id: Some(c.id),
            url: c.url,
            http_status: Some(status),
        },
        Err(o) => o,
    }
}

/// Mastodon's ids are digits; anything else would change the path or the query.
fn status_id_ok(id: &str) -> Result<(), Outcome> {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(failed(format!("{id:?} is not a status id")));
    }
    Ok(())
}

/// Answers a status (`in_reply_to_id`), as the channel's account, exactly once per key.
pub async fn reply(
    env: &Env<'_>,
    config: &crate::domain::channels::Settings,
    secrets: &crate::domain::channels::Settings,
    text: &str,
    in_reply_to: &str,
    visibility: &str,
    key: &str,
) -> Outcome {
    let (base, token) = match account(config, secrets) {
        Ok(both) => both,
        Err(o) => return o,
    };
    if let Err(o) = status_id_ok(in_reply_to) {
        return o;
    }
    let body = json!({
        "status": text,
        "in_reply_to_id": in_reply_to,
        "visibility": visibility,
    });
    post_status(env, &base, token, &body, key).await
}

/// Boosts a status (`POST /api/v1/statuses/{id}/reblog`); boosting twice changes nothing.
pub async fn reblog(
    env: &Env<'_>,
    config: &crate::domain::channels::Settings,
    secrets: &crate::domain::channels::Settings,
    status_id: &str,
) -> Outcome {
    let (base, token) = match account(config, secrets) {
        Ok(both) => both,
        Err(o) => return o,
    };
    if let Err(o) = status_id_ok(status_id) {
        return o;
    }
    let req = env
        .http
        .post(format!("{base}/api/v1/statuses/{status_id}/reblog"))
        .bearer_auth(token);
    match send(env, req).await {
        Ok(res) => Outcome::Published {
            external_id: None,
            url: None,
            http_status: Some(res.status().as_u16()),
        },
        Err(o) => o,
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Account {
    pub acct: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Status {
    pub id: String,
    #[serde(default)]
    pub in_reply_to_id: Option<String>,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub visibility: Option<String>,
    pub created_at: String,
}

/// A mention of the channel's account (a reply to one of its statuses is one too).
#[derive(Debug, Clone, Deserialize)]
pub struct Notification {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub account: Account,
    #[serde(default)]
    pub status: Option<Status>,
}

/// Most notifications one page asks for (Mastodon's own maximum).
pub const PAGE: usize = 40;

/// The mentions right after `min_id` (the page next to it, so paging on from the newest one
/// taken leaves no gap), or the newest ones when nothing was taken yet.
pub async fn mentions(
    env: &Env<'_>,
    config: &crate::domain::channels::Settings,
    secrets: &crate::domain::channels::Settings,
    min_id: Option<&str>,
) -> Result<Vec<Notification>, Outcome> {
    let (base, token) = account(config, secrets)?;
    let mut url = url::Url::parse(&format!("{base}/api/v1/notifications"))
        .map_err(|e| failed(format!("the instance URL: {e}")))?;
    url.query_pairs_mut()
        .append_pair("types[]", "mention")
        .append_pair("limit", &PAGE.to_string());
    if let Some(id) = min_id {
        status_id_ok(id)?;
        url.query_pairs_mut().append_pair("min_id", id);
    }
    let res = send(env, env.http.get(url.as_str()).bearer_auth(token)).await?;
    read_json(res).await
}

/// A status's own counts, as Mastodon reports them.
#[derive(Debug, Deserialize)]
pub struct Counts {
    pub favourites_count: i64,
    pub reblogs_count: i64,
    pub replies_count: i64,
}

/// Reads a published status's counts (`GET /api/v1/statuses/{id}`).
pub async fn counts(
    env: &Env<'_>,
    config: &crate::domain::channels::Settings,
    secrets: &crate::domain::channels::Settings,
    status_id: &str,
) -> Result<Counts, Outcome> {
    let (base, token) = account(config, secrets)?;
    status_id_ok(status_id)?;
    let req = env
        .http
        .get(format!("{base}/api/v1/statuses/{status_id}"))
        .bearer_auth(token);
    let res = send(env, req).await?;
    read_json(res).await
}

#[cfg(test)]
mod tests {
    use super::status_text;

    #[test]
    fn the_link_follows_the_text_after_a_blank_line() {
        assert_eq!(status_text("Neu", "https://x.ch"), "Neu\n\nhttps://x.ch");
        assert_eq!(status_text("Neu ", ""), "Neu");
        assert_eq!(status_text("", "https://x.ch"), "https://x.ch");
    }
}
