//! `/ideas/new` and `POST /ideas`: hand in an idea, or save it as a draft.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde_json::{json, Value};

use super::{choices, raw_from_form, raw_to_form, today};
use crate::domain::ideas::{self, RawIdea};
use crate::domain::roles::Role;
use crate::domain::validate::FieldErrors;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
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
    let departments = ctx.db(|c| Ok(store::departments::list(c)?)).await?;
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
            "choices": choices(ctx, raw).await?,
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

/// Checks the department an idea is handed in for: a contributor's own, or one an editor picks.
pub fn department_for(
    me: &store::users::User,
    picked: &str,
    known: &[i64],
    errors: &mut FieldErrors,
) -> Option<i64> {
    let id = match me.role() {
        Role::Contributor => me.department_id,
        _ => picked.trim().parse::<i64>().ok().or(me.department_id),
    };
    let id = id.filter(|d| known.contains(d));
    if id.is_none() {
        errors.insert("department_id", "error-department-required");
    }
    id
}

pub async fn submit(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let raw = raw_from_form(&form);
    let state = if form.one("intent") == "draft" {
        State::Draft
    } else {
        State::Submitted
    };
    let picked = form.one("department_id");
    let me = ctx.me()?.clone();
    let (channels, departments) = ctx
        .db(|c| {
            let ch: Vec<i64> = store::channels::names(c)?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let de: Vec<i64> = store::departments::list(c)?
                .into_iter()
                .map(|d| d.id)
                .collect();
            Ok((ch, de))
        })
        .await?;
    let mut errors = FieldErrors::new();
    let department = department_for(&me, &picked, &departments, &mut errors);
    let checked = ideas::check(&raw, &channels, today(&ctx));
    let (fields, department) = match (checked, department) {
        (Ok(f), Some(d)) if errors.is_empty() => (f, d),
        (checked, _) => {
            errors.extend(checked.err().unwrap_or_default());
            return render(&ctx, &raw, &picked, &errors).await;
        }
    };
    let idea = ctx
        .db(move |c| Ok(store::ideas::create(c, &me, department, &fields, state)?))
        .await?;
    let flash = if state == State::Draft {
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
