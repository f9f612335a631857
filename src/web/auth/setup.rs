//! `/setup`: creates the first admin on a fresh install, and is gone once one exists.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::domain::roles::Role;
use crate::domain::validate::{self, FieldErrors};
use crate::error::AppError;
use crate::store;
use crate::web::context::{cookie, cookie_names, Ctx};
use crate::web::render::{field_errors, redirect_with_flash, timezone_options, Page};

#[derive(Debug, Default, Deserialize, serde::Serialize)]
pub struct SetupForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default, skip_serializing)]
    password: String,
    #[serde(default, skip_serializing)]
    password_repeat: String,
    #[serde(default)]
    timezone: String,
}

fn render(ctx: &Ctx, form: &SetupForm, errors: &FieldErrors) -> Result<HttpResponse, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Page::new("auth/setup", "setup-title")
        .status(status)
        .data(json!({
            "form": form,
            "errors": field_errors(ctx, errors),
            "timezones": timezone_options(&form.timezone),
        }))
        .render(ctx)
}

async fn already_set_up(ctx: &Ctx) -> Result<bool, AppError> {
    ctx.db(|c| Ok(store::users::any_exists(c)?)).await
}

pub async fn form(ctx: Ctx) -> Result<HttpResponse, AppError> {
    if already_set_up(&ctx).await? {
        return Err(AppError::NotFound);
    }
    let form = SetupForm {
        timezone: ctx.state.config.timezone.name().into(),
        ..Default::default()
    };
    render(&ctx, &form, &FieldErrors::new())
}

pub async fn submit(ctx: Ctx, form: web::Form<SetupForm>) -> Result<HttpResponse, AppError> {
    if already_set_up(&ctx).await? {
        return Err(AppError::NotFound);
    }
    let form = form.into_inner();
    let mut errors = FieldErrors::new();
    validate::email(&mut errors, "email", &form.email);
    validate::name(&mut errors, "name", &form.name);
    validate::new_password(&mut errors, &form.password, &form.password_repeat);
    if form.timezone.parse::<chrono_tz::Tz>().is_err() {
        errors.insert("timezone", "error-timezone");
    }
    if !errors.is_empty() {
        return render(&ctx, &form, &errors);
    }

    let hash = web::block({
        let pw = form.password.clone();
        move || crate::security::hash_password(&pw)
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)?;
    let email = validate::normalise_email(&form.email);
    let (name, tz, lang, ip) = (
        form.name.clone(),
        form.timezone.clone(),
        ctx.lang,
        ctx.ip.clone(),
    );
    let created = ctx
        .db(move |c| {
            crate::db::write_tx(c, |c| {
                // Checked again inside the write: two set-ups at once make one admin.
                if store::users::any_exists(c)? {
                    return Ok(None);
                }
                let new = store::users::NewUser {
                    email: &email,
                    name: &name,
                    password_hash: &hash,
                    role: Role::Admin,
                    department_id: None,
                    timezone: &tz,
                    locale: lang,
                };
                let user = store::users::create(c, new).map_err(|e| match e {
                    store::users::CreateError::Db(e) => e,
                    store::users::CreateError::EmailTaken => {
                        diesel::result::Error::RollbackTransaction
                    }
                })?;
                store::settings::set(c, store::settings::TEAM_TIMEZONE, &tz)?;
                store::audit::record(c, Some(user.id), "setup.admin_created", &user.email, &ip)?;
                let session = store::sessions::create(c, user.id)?;
                Ok::<_, diesel::result::Error>(Some(session))
            })
            .map_err(AppError::from)
        })
        .await?;
    let Some(session) = created else {
        return Err(AppError::NotFound);
    };
    let names = cookie_names(ctx.state.config.https());
    let mut res = redirect_with_flash(&ctx, "/", "flash-setup-done");
    res.add_cookie(&cookie(&ctx.state, names.session, session))
        .map_err(AppError::internal)?;
    Ok(res)
}
