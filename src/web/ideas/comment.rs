//! `POST /ideas/{id}/comments`: comment on an idea; `@name` mentions are told by mail.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::load;
use super::show::{render, Kept};
use crate::domain::ideas::MAX_COMMENT;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

pub async fn submit(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let text = form.one("text");
    let error = if text.trim().is_empty() {
        Some("error-required")
    } else if text.chars().count() > MAX_COMMENT {
        Some("error-too-long")
    } else {
        None
    };
    if let Some(key) = error {
        let kept = Kept {
            comment: text,
            error: Some(ctx.t(key)),
            status: Some(StatusCode::UNPROCESSABLE_ENTITY),
        };
        return render(&ctx, &idea, kept).await;
    }
    let (me, mail, i) = (ctx.me()?.clone(), ctx.state.mail.clone(), idea.clone());
    ctx.db(move |c| Ok(store::ideas::comment(c, &mail, &me, &i, &text)?))
        .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/ideas/{}#history", idea.id),
        "flash-comment-added",
    ))
}
