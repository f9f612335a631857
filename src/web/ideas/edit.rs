//! `/ideas/{id}/edit`: change an idea's fields while the rules allow it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::json;

use super::show::can_edit;
use super::{choices, load, raw_from_form, raw_to_form, today};
use crate::actions::edit_idea::edit_idea;
use crate::actions::ActionError;
use crate::domain::ideas::RawIdea;
use crate::domain::validate::FieldErrors;
use crate::error::AppError;
use crate::store::ideas::Idea;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{field_errors, redirect_with_flash, Page};

async fn render(
    ctx: &Ctx,
    idea: &Idea,
    raw: &RawIdea,
    version: i64,
    errors: &FieldErrors,
    conflict: Option<String>,
) -> Result<HttpResponse, AppError> {
    let status = match (&conflict, errors.is_empty()) {
        (Some(_), _) => StatusCode::CONFLICT,
        (None, false) => StatusCode::UNPROCESSABLE_ENTITY,
        (None, true) => StatusCode::OK,
    };
    let reference = ctx.reference().await?;
    Page::new("ideas/form", "idea-edit-title")
        .status(status)
        .data(json!({
            "action": format!("/ideas/{}", idea.id),
            "is_new": false,
            "idea_id": idea.id,
            "version": version,
            "form": raw_to_form(raw),
            "choices": choices(ctx, &reference, raw),
            "errors": field_errors(ctx, errors),
            "conflict": conflict,
        }))
        .render(ctx)
}

pub async fn form(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    if !can_edit(&ctx, &idea) {
        return Err(AppError::Forbidden);
    }
    let id = idea.id;
    let lists = ctx
        .db(move |c| Ok(crate::store::ideas::lists_of(c, id)?))
        .await?;
    render(
        &ctx,
        &idea,
        &idea.to_raw(&lists),
        idea.version,
        &FieldErrors::new(),
        None,
    )
    .await
}

pub async fn submit(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let idea = load(&ctx, *id).await?;
    let raw = raw_from_form(&form);
    let version = form.one("version").parse::<i64>().unwrap_or(-1);
    let (me, i, r, today) = (ctx.me()?.clone(), idea.clone(), raw.clone(), today(&ctx));
    match ctx
        .db(move |c| Ok(edit_idea(c, &me, &i, version, &r, today)))
        .await?
    {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &format!("/ideas/{}", idea.id),
            "flash-idea-saved",
        )),
        Err(ActionError::Invalid(errors)) => {
            render(&ctx, &idea, &raw, version, &errors, None).await
        }
        Err(ActionError::Conflict { by }) => {
            // The user's text stays in the form; the version moves on so a second save is
            // deliberate, made after looking at the other change.
            let fresh = load(&ctx, idea.id).await?;
            let message = ctx.changed_by(&by);
            render(
                &ctx,
                &fresh,
                &raw,
                fresh.version,
                &FieldErrors::new(),
                Some(message),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
