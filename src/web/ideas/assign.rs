//! `POST /ideas/{id}/assignee`: give an idea to an editor (oneself, another, or nobody).

use actix_web::{web, HttpResponse};

use super::load;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

/// "me", an editor's id, or "" for nobody.
pub async fn resolve(ctx: &Ctx, value: &str) -> Result<Option<store::users::User>, AppError> {
    let id = match value.trim() {
        "" => return Ok(None),
        "me" => ctx.me()?.id,
        v => v
            .parse::<i64>()
            .map_err(|_| AppError::BadRequest("assignee_id must be an id".into()))?,
    };
    let user = ctx.db(move |c| Ok(store::users::find(c, id)?)).await?;
    user.map(Some)
        .ok_or_else(|| AppError::Invalid([("assignee_id", "error-assignee")].into_iter().collect()))
}

pub async fn submit(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let assignee = resolve(&ctx, &form.one("assignee_id")).await?;
    let (me, mail, i) = (ctx.me()?.clone(), ctx.state.mail.clone(), idea.clone());
    ctx.db(move |c| store::ideas::assign(c, &mail, &me, &i, assignee.as_ref()))
        .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/ideas/{}", idea.id),
        "flash-idea-assigned",
    ))
}
