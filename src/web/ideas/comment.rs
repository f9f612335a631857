//! `POST /ideas/{id}/comments`: comment on an idea; `@name` mentions are told by mail.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::load;
use super::show::{render, Kept};
use crate::actions::comment_on_idea::comment_on_idea;
use crate::actions::ActionError;
use crate::error::AppError;
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
    let (me, mail, i, t) = (
        ctx.me()?.clone(),
        ctx.state.mail.clone(),
        idea.clone(),
        text.clone(),
    );
    match ctx
        .db(move |c| Ok(comment_on_idea(c, &mail, &me, &i, &t)))
        .await?
    {
        Ok(()) => {}
        Err(ActionError::Invalid(fields)) => {
            let key = fields.values().next().copied().unwrap_or("error-invalid");
            let kept = Kept {
                comment: text,
                error: Some(ctx.t(key)),
                status: Some(StatusCode::UNPROCESSABLE_ENTITY),
            };
            return render(&ctx, &idea, kept).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &ctx,
        &format!("/ideas/{}#history", idea.id),
        "flash-comment-added",
    ))
}
