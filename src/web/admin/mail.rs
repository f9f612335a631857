//! `/admin/mail`: mail that could not be sent yet, and a button to try again now.

use actix_web::HttpResponse;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::render::{local_time, redirect_with_flash, Page};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let failing = ctx.db(|c| Ok(store::outbox::failing(c, 200)?)).await?;
    let tz = ctx.me()?.timezone.clone();
    let rows: Vec<Value> = failing
        .iter()
        .map(|m| json!({
            "to": m.to_email, "subject": m.subject, "attempts": m.attempts,
            "error": m.last_error, "next": local_time(m.next_attempt_at, &tz), "created": local_time(m.created_at, &tz),
        }))
        .collect();
    Page::new("admin/mail", "mail-title")
        .data(json!({"mails": rows}))
        .render(&ctx)
}

pub async fn retry(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.db(|c| Ok(store::outbox::retry_all_now(c)?)).await?;
    Ok(redirect_with_flash(&ctx, "/admin/mail", "flash-mail-retry"))
}
