//! `POST /api/v1/metrics`: a webhook channel's receiver pushes its counts of a publication,
//! signed as our deliveries are; see `actions::push_metrics`.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::actions::push_metrics::push_metrics;
use crate::error::AppError;
use crate::web::state::AppState;

/// The Standard Webhooks headers of a signed push, as the spec's library reads them.
pub fn signature_headers(req: &HttpRequest) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        if let Some(v) = req
            .headers()
            .get(name)
            .and_then(|v| http::HeaderValue::from_bytes(v.as_bytes()).ok())
        {
            headers.insert(name, v);
        }
    }
    headers
}

pub async fn push(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let headers = signature_headers(&req);
    let (keys, now) = (state.config.keys(), state.scheduler.clock().naive());
    let stored = state
        .db(move |c| Ok(push_metrics(c, &keys, &body, &headers, now)?))
        .await?;
    Ok(HttpResponse::Accepted().json(json!({ "stored": stored })))
}
