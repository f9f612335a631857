//! `GET /healthz`: 200 when the database answers, 503 otherwise.

use actix_web::{web, HttpResponse};
use serde_json::json;

use super::state::AppState;

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let ok = state.db(|c| Ok(crate::db::ping(c))).await.unwrap_or(false);
    if ok {
        HttpResponse::Ok().json(json!({"status": "ok"}))
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("application/json")
            .body(json!({"status": "unavailable"}).to_string())
    }
}
