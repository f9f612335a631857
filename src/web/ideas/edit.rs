//! `/ideas/{id}/edit`: change an idea's fields while the rules allow it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::json;

use super::show::can_edit;
use super::{choices, idea_to_raw, load, raw_from_form, raw_to_form, today};
use crate::domain::ideas::{self, RawIdea};
use crate::domain::validate::FieldErrors;
use crate::error::AppError;
use crate::store;
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
    Page::new("ideas/form", "idea-edit-title")
        .status(status)
        .data(json!({
            "action": format!("/ideas/{}", idea.id),
            "is_new": false,
            "idea_id": idea.id,
            "version": version,
            "form": raw_to_form(raw),
            "choices": choices(ctx, raw).await?,
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
    render(
        &ctx,
        &idea,
        &idea_to_raw(&idea),
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
    if !can_edit(&ctx, &idea) {
        return Err(AppError::Forbidden);
    }
    let raw = raw_from_form(&form);
    let version = form.one("version").parse::<i64>().unwrap_or(-1);
    let channels: Vec<i64> = ctx
        .db(|c| {
            Ok(store::channels::names(c)?
                .into_iter()
                .map(|(id, _)| id)
                .collect())
        })
        .await?;
    let fields = match ideas::check(&raw, &channels, today(&ctx)) {
        Ok(f) => f,
        Err(errors) => return render(&ctx, &idea, &raw, version, &errors, None).await,
    };
    let (me, i) = (ctx.me()?.clone(), idea.clone());
    match ctx
        .db(move |c| store::ideas::update(c, &me, &i, version, &fields))
        .await
    {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &format!("/ideas/{}", idea.id),
            "flash-idea-saved",
        )),
        Err(AppError::Conflict { by }) => {
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
        Err(e) => Err(e),
    }
}
