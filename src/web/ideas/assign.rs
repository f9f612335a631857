//! `POST /ideas/{id}/assignee`: give an idea to an editor (oneself, another, or nobody).

use actix_web::{web, HttpResponse};

use super::load;
use crate::actions::assign_idea::{assign_idea, Assignee};
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

/// "me", an editor's id, or "" for nobody.
pub fn resolve(value: &str) -> Result<Assignee, AppError> {
    match value.trim() {
        "" => Ok(Assignee::Nobody),
        "me" => Ok(Assignee::Me),
        v => v
            .parse::<i64>()
            .map(Assignee::User)
            .map_err(|_| AppError::BadRequest("assignee_id must be an id".into())),
    }
}

pub async fn submit(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let to = resolve(&form.one("assignee_id"))?;
    let (me, mail, i) = (ctx.me()?.clone(), ctx.state.mail.clone(), idea.clone());
    ctx.db(move |c| Ok(assign_idea(c, &mail, &me, &i, to)?))
        .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/ideas/{}", idea.id),
        "flash-idea-assigned",
    ))
}
