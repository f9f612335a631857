//! Channel adapters: one module per kind behind one trait. An adapter gets a `Delivery`
//! (everything the post needs, secrets opened) and answers what happened, in terms the
//! scheduler acts on: published, retry later, failed for good, or unconfirmed.

pub mod feed;
pub mod http;
pub mod mastodon;
pub mod newsletter;
pub mod webhook;

use std::time::Duration;

use serde::Serialize;

use crate::domain::channels::{Kind, Settings};
use crate::domain::variants::Image;

/// What one attempt came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Published {
        external_id: Option<String>,
        url: Option<String>,
        http_status: Option<u16>,
    },
    /// Not sent, or refused for now (5xx, 429, connection refused): try again later.
    Retry {
        error: String,
        http_status: Option<u16>,
        retry_after: Option<Duration>,
    },
    /// Refused for good (a bad token, a refused address, 4xx): retrying would not help.
    Failed {
        error: String,
        http_status: Option<u16>,
    },
    /// Sent, but no answer came: the channel may have it. A person checks before it goes again.
    Unconfirmed { error: String },
}

impl Outcome {
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Published { .. } => "published",
            Outcome::Retry { .. } => "retry",
            Outcome::Failed { .. } => "failed",
            Outcome::Unconfirmed { .. } => "unconfirmed",
        }
    }

    pub fn http_status(&self) -> Option<u16> {
        match self {
            Outcome::Published { http_status, .. }
            | Outcome::Retry { http_status, .. }
            | Outcome::Failed { http_status, .. } => *http_status,
            Outcome::Unconfirmed { .. } => None,
        }
    }

    pub fn error(&self) -> Option<&str> {
        match self {
            Outcome::Published { .. } => None,
            Outcome::Retry { error, .. }
            | Outcome::Failed { error, .. }
            | Outcome::Unconfirmed { error } => Some(error),
        }
    }
}

/// The variant as the channel gets it.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryVariant {
    pub id: i64,
    pub language: String,
    pub text: String,
    pub link: String,
    pub subject: String,
    /// The newsletter's preview line.
    #[serde(skip)]
    pub preheader: String,
    pub images: Vec<Image>,
    /// RFC 3339.
    pub scheduled_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveryContent {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveryIdea {
    pub id: i64,
    pub title: String,
    pub department: String,
    pub pillar: String,
}

/// One publication to make.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub publication_id: i64,
    /// Stable for every attempt of this publication.
    pub idempotency_key: String,
    pub channel_id: i64,
    pub channel_name: String,
    pub kind: Kind,
    pub config: Settings,
    pub secrets: Settings,
    pub variant: DeliveryVariant,
    pub content: DeliveryContent,
    pub idea: DeliveryIdea,
    pub base_url: String,
}

/// What an adapter needs besides the delivery.
pub struct Env<'a> {
    pub http: &'a reqwest::Client,
    pub allow: &'a http::AllowList,
    /// The database, keys and catalogs, for kinds that keep state of their own (newsletter).
    pub jobs: &'a crate::scheduler::JobContext,
}

/// One kind of destination.
pub trait Adapter {
    fn publish(
        &self,
        env: &Env<'_>,
        d: &Delivery,
    ) -> impl std::future::Future<Output = Outcome> + Send;
}

/// Publishes through the adapter of the delivery's kind.
pub async fn publish(env: &Env<'_>, d: &Delivery) -> Outcome {
    match d.kind {
        Kind::Webhook => webhook::Webhook.publish(env, d).await,
        Kind::Mastodon => mastodon::Mastodon.publish(env, d).await,
        Kind::Feed => feed::Feed.publish(env, d).await,
        Kind::Newsletter => newsletter::Newsletter.publish(env, d).await,
    }
}

/// Classifies an HTTP answer the same way for every kind: 2xx published (the caller reads
/// the body), 408/425/429/5xx retried (honouring `Retry-After`), other codes failed for good.
pub fn classify_status(res: &reqwest::Response) -> Option<Outcome> {
    let status = res.status();
    let code = Some(status.as_u16());
    if status.is_success() {
        return None;
    }
    let retry_after = res
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    let error = format!(
        "the channel answered {} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    )
    .trim_end()
    .to_string();
    if status.is_server_error() || matches!(status.as_u16(), 408 | 425 | 429) {
        Some(Outcome::Retry {
            error,
            http_status: code,
            retry_after,
        })
    } else {
        Some(Outcome::Failed {
            error,
            http_status: code,
        })
    }
}

/// `Retry-After` is seconds or an HTTP date (RFC 9110 §10.2.3).
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

/// A request that failed without an HTTP answer.
pub fn classify_error(e: &reqwest::Error) -> Outcome {
    let error = http::describe(e);
    if e.is_connect() {
        // Refused by our guard, DNS, or the connection: nothing reached the channel.
        let refused = error.contains("PRESSROOM_ALLOWED_HOSTS");
        if refused {
            Outcome::Failed {
                error,
                http_status: None,
            }
        } else {
            Outcome::Retry {
                error,
                http_status: None,
                retry_after: None,
            }
        }
    } else if e.is_redirect() || e.is_builder() {
        Outcome::Failed {
            error,
            http_status: None,
        }
    } else {
        // A timeout or a reset after the request went out: the channel may have it.
        Outcome::Unconfirmed {
            error: if e.is_timeout() {
                "no answer in time; the post may have gone out".into()
            } else {
                format!("the connection broke after sending: {error}")
            },
        }
    }
}

/// Sends a request prepared by an adapter after checking its URL; an unreachable or refused
/// address comes back as an outcome, as does an error status.
pub async fn send(
    env: &Env<'_>,
    req: reqwest::RequestBuilder,
) -> Result<reqwest::Response, Outcome> {
    let req = req.build().map_err(|e| Outcome::Failed {
        error: format!("cannot build the request: {e}"),
        http_status: None,
    })?;
    if let Err(e) = http::check_url(env.allow, req.url()) {
        return Err(Outcome::Failed {
            error: e.0,
            http_status: None,
        });
    }
    let res = env
        .http
        .execute(req)
        .await
        .map_err(|e| classify_error(&e))?;
    match classify_status(&res) {
        Some(o) => Err(o),
        None => Ok(res),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        let later = std::time::SystemTime::now() + Duration::from_secs(3600);
        let d = parse_retry_after(&httpdate::fmt_http_date(later)).unwrap();
        assert!(d > Duration::from_secs(3500) && d <= Duration::from_secs(3600));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
