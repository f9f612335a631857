//! `/admin/subscribers`: a newsletter reader's data, downloaded or erased by address.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::domain::validate::normalise_email;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::render::redirect_with_flash;

#[derive(Deserialize)]
pub struct ByEmail {
    #[serde(default)]
    email: String,
}

/// `GET /admin/subscribers/export?email=…`: everything stored about that reader, as JSON.
pub async fn export(ctx: Ctx, q: web::Query<ByEmail>) -> Result<HttpResponse, AppError> {
    let email = normalise_email(&q.email);
    let data = ctx
        .db(move |c| store::personal_data::export_subscriber(c, &email)?.ok_or(AppError::NotFound))
        .await?;
    ctx.audit("subscriber.exported", "one address".into())
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"pressroom-subscriber.json\"",
        ))
        .json(data))
}

/// `POST /admin/subscribers/erase`: every subscription of the address ends and forgets it.
pub async fn erase(ctx: Ctx, form: web::Form<ByEmail>) -> Result<HttpResponse, AppError> {
    let (me, ip, email) = (ctx.me()?.clone(), ctx.ip.clone(), form.into_inner().email);
    let now = ctx.state.scheduler.clock().naive();
    ctx.db(move |c| {
        Ok(crate::actions::erase_subscriber::erase_subscriber(
            c, &me, &email, &ip, now,
        )?)
    })
    .await?;
    Ok(redirect_with_flash(
        &ctx,
        "/admin/channels",
        "flash-subscriber-erased",
    ))
}
