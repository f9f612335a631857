//! A channel pushes its own counts of a publication (`POST /api/v1/metrics`): a webhook
//! channel's receiver reports likes, shares or comments, signed as our deliveries to it are
//! (Standard Webhooks, under the channel's signing secret). Nothing is stored unless the
//! signature checks out and every count is well formed.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::store;

/// Most counts one push may carry.
const MAX_COUNTS: usize = 20;

#[derive(serde::Deserialize)]
struct Push {
    publication_id: i64,
    /// When the counts were taken (RFC 3339); now if left out.
    #[serde(default)]
    at: Option<String>,
    metrics: BTreeMap<String, serde_json::Value>,
}

/// Checks and stores a push; answers how many counts were new (a push sent twice stores
/// nothing the second time).
pub fn push_metrics(
    c: &mut Conn,
    keys: &[[u8; 32]],
    body: &[u8],
    headers: &http::HeaderMap,
    now: NaiveDateTime,
) -> Result<usize, ActionError> {
    super::signed::headers_present(headers)?;
    let push: Push = serde_json::from_slice(body)
        .map_err(|_| ActionError::field("body", "error-bad-request-text"))?;
    // An unknown publication and a wrong signature answer alike: the push learns nothing.
    let p = store::publications::find(c, push.publication_id)?.ok_or(ActionError::Unauthorized)?;
    let ch = store::channels::find(c, p.channel_id)?.ok_or(ActionError::Unauthorized)?;
    super::signed::verify(keys, &ch, body, headers)?;

    let at = match push.at.as_deref() {
        None => now,
        Some(t) => chrono::DateTime::parse_from_rfc3339(t)
            .map_err(|_| ActionError::field("at", "error-time-invalid"))?
            .naive_utc(),
    };
    if push.metrics.is_empty() || push.metrics.len() > MAX_COUNTS {
        return Err(ActionError::field("metrics", "error-too-many-items"));
    }
    let mut counts: Vec<(&str, i64)> = vec![];
    for (name, value) in &push.metrics {
        let named = (1..=40).contains(&name.len())
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !named {
            return Err(ActionError::field("metrics", "error-metric-name"));
        }
        match value.as_i64() {
            Some(v) if v >= 0 => counts.push((name, v)),
            _ => return Err(ActionError::field("metrics", "error-metric-value")),
        }
    }
    Ok(store::metrics::record(c, p.id, at, &counts)?)
}
