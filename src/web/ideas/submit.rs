//! `/ideas/new` and `POST /ideas`: hand in an idea, or save it as a draft.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde_json::{json, Value};

use super::{choices, raw_from_form, raw_to_form, today};
use crate::actions::hand_in_idea::{hand_in_idea, HandIn};
use crate::actions::ActionError;
use crate::domain::ideas::RawIdea;
use crate::domain::roles::Role;
use crate::domain::validate::FieldErrors;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{field_errors, redirect_with_flash, Page};

/// The hand-in form, fresh or with the user's input and errors.
pub async fn render(
    ctx: &Ctx,
    raw: &RawIdea,
    department: &str,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let me = ctx.me()?.clone();
    let reference = ctx.reference().await?;
    let departments = &reference.departments;
    let own = me.department_id.map(|d| d.to_string()).unwrap_or_default();
    let chosen = if department.is_empty() {
        own
    } else {
        department.to_string()
    };
    let department_options: Vec<Value> = departments
        .iter()
        .map(|d| json!({"value": d.id, "text": d.name, "selected": d.id.to_string() == chosen}))
        .collect();
    let own_name = departments
        .iter()
        .find(|d| Some(d.id) == me.department_id)
        .map(|d| d.name.clone());
    Page::new("ideas/form", "idea-new-title")
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        })
        .data(json!({
            "action": "/ideas",
            "is_new": true,
            "form": raw_to_form(raw),
            "choices": choices(ctx, &reference, raw),
            "errors": field_errors(ctx, errors),
            "pick_department": me.role() != Role::Contributor,
            "departments": department_options,
            "own_department": own_name,
        }))
        .render(ctx)
}

pub async fn form(ctx: Ctx) -> Result<HttpResponse, AppError> {
    render(&ctx, &RawIdea::default(), "", &FieldErrors::new()).await
}

pub async fn submit(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let picked = form.one("department_id");
    let raw = raw_from_form(&form);
    let input = HandIn {
        raw: raw.clone(),
        department: picked.trim().parse().ok(),
        draft: form.one("intent") == "draft",
    };
    let (me, today) = (ctx.me()?.clone(), today(&ctx));
    let result = ctx
        .db(move |c| Ok(hand_in_idea(c, &me, &input, today)))
        .await?;
    match result {
        Ok(idea) => {
            let flash = if idea.state == State::Draft {
                "flash-idea-draft"
            } else {
                "flash-idea-submitted"
            };
            Ok(redirect_with_flash(
                &ctx,
                &format!("/ideas/{}", idea.id),
                flash,
            ))
        }
        Err(ActionError::Invalid(errors)) => render(&ctx, &raw, &picked, &errors).await,
        Err(e) => Err(e.into()),
    }
}
