//! Secret calendar addresses: created per user (shown once), revocable.

use actix_web::{web, HttpResponse};
use serde_json::json;

use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{redirect_with_flash, Page};

pub async fn create(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let channel_id = form.one("channel_id").parse::<i64>().ok();
    let user_id = ctx.me()?.id;
    let secret = ctx
        .db(move |c| {
            Ok(crate::actions::create_calendar_feed::create_calendar_feed(
                c, user_id, channel_id,
            )?)
        })
        .await?;
    let url = format!("{}/calendar/{secret}.ics", ctx.state.config.base_url);
    ctx.audit("calendar_feed.created", ctx.me()?.email.clone())
        .await?;
    Page::new("calendar/feed_created", "calendar-feed-title")
        .data(json!({"url": url}))
        .render(&ctx)
}

pub async fn revoke(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (user_id, id) = (ctx.me()?.id, *id);
    let n = ctx
        .db(move |c| Ok(store::calendar::revoke(c, user_id, id)?))
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(redirect_with_flash(
        &ctx,
        "/account",
        "flash-calendar-revoked",
    ))
}
