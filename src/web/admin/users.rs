//! `/admin/users`: create users, change roles and departments, disable and enable.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::actions::{self, ActionError};
use crate::domain::roles::Role;
use crate::domain::validate::{self, FieldErrors};
use crate::error::AppError;
use crate::store;
use crate::store::departments::Department;
use crate::store::users::User;
use crate::web::context::Ctx;
use crate::web::render::{field_errors, local_time, redirect_with_flash, Page};

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    department_id: String,
    #[serde(default, skip_serializing)]
    password: String,
}

fn role_options(ctx: &Ctx, selected: &str) -> Value {
    Role::ALL
        .iter()
        .map(|r| json!({"value": r.as_str(), "text": ctx.t(&format!("role-{r}")), "selected": r.as_str() == selected}))
        .collect()
}

fn department_options(departments: &[Department], selected: &str) -> Value {
    departments
        .iter()
        .map(|d| json!({"value": d.id, "text": d.name, "selected": d.id.to_string() == selected}))
        .collect()
}

/// Checks role and department together: a contributor must belong to an existing department.
fn check_role(
    errors: &mut FieldErrors,
    role: &str,
    department_id: &str,
    departments: &[Department],
) -> (Option<Role>, Option<i64>) {
    let role = Role::parse(role);
    if role.is_none() {
        errors.insert("role", "error-role");
    }
    let department = match department_id.trim() {
        "" => None,
        id => match id
            .parse::<i64>()
            .ok()
            .filter(|id| departments.iter().any(|d| d.id == *id))
        {
            Some(id) => Some(id),
            None => {
                errors.insert("department_id", "error-department-unknown");
                None
            }
        },
    };
    if role.is_some_and(Role::needs_department) && department.is_none() {
        errors
            .entry("department_id")
            .or_insert("error-department-required");
    }
    (role, department)
}

async fn render_list(
    ctx: &Ctx,
    form: &UserForm,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let (users, departments) = ctx
        .db(|c| Ok((store::users::list(c)?, store::departments::list(c)?)))
        .await?;
    let tz = ctx.me()?.timezone.clone();
    let rows: Vec<Value> = users
        .iter()
        .map(|(u, dept)| {
            json!({
                "id": u.id,
                "name": u.name,
                "email": u.email,
                "role": u.role().as_str(),
                "role_label": ctx.t(&format!("role-{}", u.role())),
                "department": dept,
                "disabled": u.disabled_at.is_some(),
                "created": local_time(u.created_at, &tz),
            })
        })
        .collect();
    Page::new("admin/users", "users-title")
        .status(if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY })
        .data(json!({
            "users": rows,
            "form": form,
            "errors": field_errors(ctx, errors),
            "roles": role_options(ctx, if form.role.is_empty() { "contributor" } else { &form.role }),
            "departments": department_options(&departments, &form.department_id),
            "no_departments": departments.is_empty(),
        }))
        .render(ctx)
}

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    render_list(&ctx, &UserForm::default(), &FieldErrors::new()).await
}

pub async fn create(ctx: Ctx, form: web::Form<UserForm>) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    // A department id that is not a number names no department (ids start at 1).
    let department_id = match form.department_id.trim() {
        "" => None,
        id => Some(id.parse::<i64>().unwrap_or(0)),
    };
    let (email, name, password, role) = (
        form.email.clone(),
        form.name.clone(),
        form.password.clone(),
        Role::parse(&form.role),
    );
    let (fallback, locale) = (ctx.state.config.timezone.name(), ctx.lang);
    let (actor, ip) = (ctx.me()?.id, ctx.ip.clone());
    let added = ctx
        .db(move |c| {
            Ok(actions::add_user::add_user(
                c,
                &actions::add_user::NewAccount {
                    email: &email,
                    name: &name,
                    password: &password,
                    role,
                    department_id,
                    locale,
                    fallback_timezone: fallback,
                    actor: Some(actor),
                    origin: &ip,
                },
            ))
        })
        .await?;
    match added {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            "/admin/users",
            "flash-user-created",
        )),
        Err(ActionError::Invalid(errors)) => render_list(&ctx, &form, &errors).await,
        Err(e) => Err(e.into()),
    }
}

async fn load(ctx: &Ctx, id: i64) -> Result<(User, Vec<Department>), AppError> {
    ctx.db(move |c| {
        let user = store::users::find(c, id)?.ok_or(AppError::NotFound)?;
        Ok((user, store::departments::list(c)?))
    })
    .await
}

async fn render_edit(
    ctx: &Ctx,
    user: &User,
    departments: &[Department],
    form: &UserForm,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let uid = user.id;
    let tz = ctx.me()?.timezone.clone();
    let tokens: Vec<Value> = ctx
        .db(move |c| Ok(store::tokens::list(c, uid)?))
        .await?
        .iter()
        .map(|t| json!({"id": t.id, "label": t.label, "created": local_time(t.created_at, &tz), "last_used": t.last_used_at.map(|at| local_time(at, &tz)), "expires": t.expires_at.map(|at| local_time(at, &tz))}))
        .collect();
    Page::new("admin/user_edit", "user-edit-title")
        .status(if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY })
        .data(json!({
            "user": {"id": user.id, "email": user.email, "name": user.name, "disabled": user.disabled_at.is_some(), "is_me": ctx.me()?.id == user.id},
            "form": form,
            "errors": field_errors(ctx, errors),
            "roles": role_options(ctx, &form.role),
            "departments": department_options(departments, &form.department_id),
            "tokens": tokens,
        }))
        .render(ctx)
}

/// `POST /admin/users/{id}/tokens/{token_id}/revoke`: an admin revokes someone's API token.
pub async fn revoke_token(ctx: Ctx, path: web::Path<(i64, i64)>) -> Result<HttpResponse, AppError> {
    let (owner, token) = path.into_inner();
    let (me, ip) = (ctx.me()?.clone(), ctx.ip.clone());
    ctx.db(move |c| {
        Ok(crate::actions::revoke_token::revoke_token(
            c,
            Some(&me),
            owner,
            token,
            &ip,
        )?)
    })
    .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/users/{owner}"),
        "flash-token-revoked",
    ))
}

pub async fn edit(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (user, departments) = load(&ctx, *id).await?;
    let form = UserForm {
        email: user.email.clone(),
        name: user.name.clone(),
        role: user.role.clone(),
        department_id: user
            .department_id
            .map(|d| d.to_string())
            .unwrap_or_default(),
        password: String::new(),
    };
    render_edit(&ctx, &user, &departments, &form, &FieldErrors::new()).await
}

pub async fn update(
    ctx: Ctx,
    id: web::Path<i64>,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, AppError> {
    let (user, departments) = load(&ctx, *id).await?;
    let form = form.into_inner();
    let mut errors = FieldErrors::new();
    validate::name(&mut errors, "name", &form.name);
    let (role, department_id) =
        check_role(&mut errors, &form.role, &form.department_id, &departments);
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return render_edit(&ctx, &user, &departments, &form, &errors).await;
    };
    let (uid, name, was) = (user.id, form.name.clone(), user.role());
    let saved = ctx
        .db(move |c| {
            let changed = crate::db::write_tx(c, |c| {
                store::users::update_role(c, uid, &name, role, department_id)?;
                // Checked after the change, in the same transaction: the team keeps an admin.
                if store::users::count_active_admins(c)? == 0 {
                    return Err(diesel::result::Error::RollbackTransaction);
                }
                Ok(())
            });
            match changed {
                Ok(()) => Ok(true),
                Err(diesel::result::Error::RollbackTransaction) => Ok(false),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    if !saved {
        errors.insert("role", "error-last-admin");
        return render_edit(&ctx, &user, &departments, &form, &errors).await;
    }
    if was != role {
        ctx.audit(
            "user.role_changed",
            format!("{}: {was} → {role}", user.email),
        )
        .await?;
    } else {
        ctx.audit("user.updated", user.email.clone()).await?;
    }
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/users/{uid}"),
        "flash-user-saved",
    ))
}

pub async fn disable(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    set_disabled(ctx, *id, true).await
}

pub async fn enable(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    set_disabled(ctx, *id, false).await
}

async fn set_disabled(ctx: Ctx, id: i64, disabled: bool) -> Result<HttpResponse, AppError> {
    let (user, _) = load(&ctx, id).await?;
    if disabled && user.id == ctx.me()?.id {
        return Ok(redirect_with_flash(
            &ctx,
            &format!("/admin/users/{id}"),
            "flash-cannot-disable-self",
        ));
    }
    ctx.db(move |c| Ok(store::users::set_disabled(c, id, disabled)?))
        .await?;
    let (action, flash) = if disabled {
        ("user.disabled", "flash-user-disabled")
    } else {
        ("user.enabled", "flash-user-enabled")
    };
    ctx.audit(action, user.email.clone()).await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/users/{id}"),
        flash,
    ))
}

/// `GET /admin/users/{id}/export`: everything stored about the person, as a JSON download.
pub async fn export(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let id = *id;
    let data = ctx
        .db(move |c| store::personal_data::export(c, id)?.ok_or(AppError::NotFound))
        .await?;
    ctx.audit("user.exported", format!("user {id}")).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"pressroom-user-{id}.json\""),
        ))
        .json(data))
}

/// `POST /admin/users/{id}/erase`: the person is erased; their ideas stay, credited to a
/// former member.
pub async fn erase(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (me, ip, id) = (ctx.me()?.clone(), ctx.ip.clone(), *id);
    let now = ctx.state.scheduler.clock().naive();
    ctx.db(move |c| {
        Ok(crate::actions::erase_person::erase_person(
            c, &me, id, &ip, now,
        )?)
    })
    .await?;
    Ok(redirect_with_flash(
        &ctx,
        "/admin/users",
        "flash-user-erased",
    ))
}
