//! `POST /ideas/{id}/transitions`: take a review step (submit, approve, request changes, …).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::load;
use super::show::{render, Kept};
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

/// Where to go after a step taken from the board or the list; only our own pages.
fn back_to(form: &FormPairs, id: i64) -> String {
    match form.one("back").as_str() {
        b @ ("/ideas/board" | "/ideas") => b.to_string(),
        _ => format!("/ideas/{id}"),
    }
}

pub async fn submit(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let comment = form.one("comment");
    if comment.chars().count() > crate::domain::ideas::MAX_COMMENT {
        let kept = Kept {
            comment,
            error: Some(ctx.t("error-too-long")),
            status: Some(StatusCode::UNPROCESSABLE_ENTITY),
        };
        return render(&ctx, &idea, kept).await;
    }
    let to = State::parse(&form.one("to"));
    let version = form.one("version").parse::<i64>().unwrap_or(-1);
    let result = match to {
        None => Err(AppError::Refused("error-transition-not-from-here")),
        Some(to) => {
            let (me, idea, mail, comment) = (
                ctx.me()?.clone(),
                idea.clone(),
                ctx.state.mail.clone(),
                comment.clone(),
            );
            ctx.db(move |c| store::ideas::transition(c, &mail, &me, &idea, version, to, &comment))
                .await
        }
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &back_to(&form, idea.id),
            "flash-idea-moved",
        )),
        Err(e) => answer_with_kept(&ctx, *id, comment, e).await,
    }
}

/// Shows the idea again with the user's text and what went wrong: a refused step, or a change
/// by someone else meanwhile (the page then shows the current state).
pub async fn answer_with_kept(
    ctx: &Ctx,
    id: i64,
    comment: String,
    e: AppError,
) -> Result<HttpResponse, AppError> {
    let (error, status) = match &e {
        AppError::Refused(key) => (ctx.t(key), StatusCode::UNPROCESSABLE_ENTITY),
        AppError::Conflict { by } => (ctx.changed_by(by), StatusCode::CONFLICT),
        _ => return Err(e),
    };
    let fresh = load(ctx, id).await?;
    render(
        ctx,
        &fresh,
        Kept {
            comment,
            error: Some(error),
            status: Some(status),
        },
    )
    .await
}
