//! `GET /publications`: newest first; `?attention=1` shows those that failed or were not
//! confirmed, `?state=` one state.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::publications::PubState;
use crate::error::AppError;
use crate::store;
use crate::store::publications::{Filter, Publication};
use crate::web::context::Ctx;
use crate::web::render::{local_time, Page};

#[derive(Debug, Deserialize)]
pub struct Query {
    #[serde(default)]
    attention: Option<String>,
    #[serde(default)]
    state: Option<String>,
}

/// One publication's state for a page: label, live link, error and what may be done.
pub fn state_view(ctx: &Ctx, p: &Publication, tz: &str) -> Value {
    let s = p.state;
    json!({
        "id": p.id,
        "state": p.state,
        "state_label": ctx.t(&format!("pub-state-{}", p.state.as_str())),
        "url": p.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        "error": p.last_error,
        "attempts": p.attempts,
        "next_retry": p.next_retry_at.map(|t| local_time(t, tz)),
        "can_retry": s.can_retry(),
        "can_confirm": s.can_confirm(),
        "unconfirmed": s == PubState::Unconfirmed,
    })
}

pub async fn list(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let attention = q.attention.as_deref() == Some("1");
    let state = q.state.as_deref().and_then(PubState::parse);
    let filter = Filter {
        state,
        ..Default::default()
    };
    let rows = ctx
        .db(move |c| Ok(store::publications::overview(c, &filter, attention, 200)?))
        .await?;
    let tz = ctx.me()?.timezone.clone();
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut v = state_view(&ctx, &r.publication, &tz);
            v["title"] = json!(r.title);
            v["content_id"] = json!(r.content_id);
            v["channel"] = json!(r.channel_name);
            v["language"] = json!(r.language);
            v["scheduled"] = json!(local_time(r.publication.scheduled_at, &tz));
            v
        })
        .collect();
    let filters: Vec<Value> = PubState::ALL
        .iter()
        .map(|s| json!({"value": s.as_str(), "text": ctx.t(&format!("pub-state-{}", s.as_str())), "selected": state == Some(*s)}))
        .collect();
    Page::new("publications/list", "publications-title")
        .data(json!({"items": items, "states": filters, "attention": attention}))
        .render(&ctx)
}
