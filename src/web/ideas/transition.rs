//! `POST /ideas/{id}/transitions`: take a review step (submit, approve, request changes, …).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::load;
use super::show::{render, Kept};
use crate::actions::transition_idea::transition_idea;
use crate::actions::ActionError;
use crate::domain::workflow::State;
use crate::error::AppError;
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
    let version = form.one("version").parse::<i64>().unwrap_or(-1);
    let result = match State::parse(&form.one("to")) {
        None => Err(ActionError::Refused("error-transition-not-from-here")),
        Some(to) => {
            let (me, mail, idea, comment) = (
                ctx.me()?.clone(),
                ctx.state.mail.clone(),
                idea.clone(),
                comment.clone(),
            );
            ctx.db(move |c| Ok(transition_idea(c, &mail, &me, &idea, version, to, &comment)))
                .await?
        }
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &back_to(&form, idea.id),
            "flash-idea-moved",
        )),
        Err(e) => answer_with_kept(&ctx, *id, comment, e.into()).await,
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
        AppError::Invalid(fields) => (
            fields
                .values()
                .map(|k| ctx.t(k))
                .collect::<Vec<_>>()
                .join(" "),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
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
