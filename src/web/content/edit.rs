//! `/content/{id}`: the piece with its variants; `POST` saves title and body.

use actix_web::{web, HttpResponse};

use super::render;
use crate::actions::edit_content::edit_content;
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    render(&ctx, *id, None).await
}

pub async fn update(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (content, _) = super::load(&ctx, *id).await?;
    let (title, body) = (form.one("title"), form.one("body"));
    ctx.db(move |c| Ok(edit_content(c, &content, Some(&title), Some(&body))?))
        .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/content/{}", *id),
        "flash-content-saved",
    ))
}
