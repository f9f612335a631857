//! `/admin/audit`: the latest entries of the audit log.

use actix_web::HttpResponse;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::render::{local_time, Page};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let entries = ctx.db(|c| Ok(store::audit::recent(c, 200)?)).await?;
    let tz = ctx.me()?.timezone.clone();
    let rows: Vec<Value> = entries
        .into_iter()
        .map(|e| {
            json!({"at": local_time(e.at, &tz), "actor": e.actor, "action": e.action, "target": e.target, "ip": e.ip})
        })
        .collect();
    Page::new("admin/audit", "audit-title")
        .data(json!({ "entries": rows }))
        .render(&ctx)
}
