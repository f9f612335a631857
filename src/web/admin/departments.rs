//! `/admin/departments`: where ideas come from.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::domain::validate::{self, FieldErrors};
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::render::{field_errors, redirect_with_flash, Page};

use crate::domain::departments::STARTER_SET;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct DepartmentForm {
    #[serde(default)]
    name: String,
}

async fn render(
    ctx: &Ctx,
    form: &DepartmentForm,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let departments = ctx.db(|c| Ok(store::departments::list(c)?)).await?;
    let missing: Vec<&str> = STARTER_SET
        .iter()
        .copied()
        .filter(|n| !departments.iter().any(|d| d.name == *n))
        .collect();
    let names: Vec<&str> = departments.iter().map(|d| d.name.as_str()).collect();
    Page::new("admin/departments", "departments-title")
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        })
        .data(json!({
            "departments": names,
            "starter_missing": missing,
            "form": form,
            "errors": field_errors(ctx, errors),
        }))
        .render(ctx)
}

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    render(&ctx, &DepartmentForm::default(), &FieldErrors::new()).await
}

pub async fn create(ctx: Ctx, form: web::Form<DepartmentForm>) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FieldErrors::new();
    validate::name(&mut errors, "name", &form.name);
    if !errors.is_empty() {
        return render(&ctx, &form, &errors).await;
    }
    let name = form.name.trim().to_string();
    let n = name.clone();
    let (_, created) = ctx
        .db(move |c| Ok(store::departments::find_or_create(c, &n)?))
        .await?;
    if !created {
        errors.insert("name", "error-department-exists");
        return render(&ctx, &form, &errors).await;
    }
    ctx.audit("department.created", name).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/admin/departments",
        "flash-department-created",
    ))
}

pub async fn create_starter_set(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let created = ctx
        .db(|c| {
            let mut created = vec![];
            for name in STARTER_SET {
                if store::departments::find_or_create(c, name)?.1 {
                    created.push(name);
                }
            }
            Ok(created)
        })
        .await?;
    for name in created {
        ctx.audit("department.created", name.to_string()).await?;
    }
    Ok(redirect_with_flash(
        &ctx,
        "/admin/departments",
        "flash-departments-created",
    ))
}
