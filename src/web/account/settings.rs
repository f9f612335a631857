//! `/account`: display name, time zone and language.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::domain::validate::{self, FieldErrors};
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::render::{
    field_errors, language_options, redirect_with_flash, timezone_options, Page,
};
use crate::{i18n, store};

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub timezone: String,
    #[serde(default)]
    pub locale: String,
}

/// The account page, with the profile form as given and the errors of whichever form failed.
pub async fn render(
    ctx: &Ctx,
    profile: &ProfileForm,
    profile_errors: &FieldErrors,
    password_errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let failed = !(profile_errors.is_empty() && password_errors.is_empty());
    let user_id = ctx.me()?.id;
    let tz = ctx.me()?.timezone.clone();
    let cache = ctx.state.reference.clone();
    let (feeds, tokens, reference) = ctx
        .db(move |c| {
            Ok((
                store::calendar::list(c, user_id)?,
                store::tokens::list(c, user_id)?,
                cache.get(c)?,
            ))
        })
        .await?;
    let token_rows: Vec<serde_json::Value> = tokens
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "label": t.label,
                "created": crate::web::render::local_time(t.created_at, &tz),
                "last_used": t.last_used_at.map(|at| crate::web::render::local_time(at, &tz)),
            "expires": t.expires_at.map(|at| crate::web::render::local_time(at, &tz)),
            })
        })
        .collect();
    let channels = &reference.channels;
    let feed_rows: Vec<serde_json::Value> = feeds
        .iter()
        .map(|f| json!({
            "id": f.id,
            "created": crate::web::render::local_time(f.created_at, &tz),
            "channel": f.channel_id.and_then(|c| channels.iter().find(|(id, _)| *id == c).map(|(_, n)| n.clone())),
        }))
        .collect();
    Page::new("account/settings", "account-title")
        .status(if failed {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        })
        .data(json!({
            "form": profile,
            "errors": field_errors(ctx, profile_errors),
            "password_errors": field_errors(ctx, password_errors),
            "timezones": timezone_options(&profile.timezone),
            "languages": language_options(&profile.locale),
            "feeds": feed_rows,
            "tokens": token_rows,
            "feed_channels": channels.iter().map(|(id, n)| json!({"value": id, "text": n})).collect::<Vec<_>>(),
            "mail_kinds": crate::mail::KINDS.iter().map(|k| json!({
                "value": k,
                "text": ctx.t(&format!("mail-kind-{k}")),
                "checked": !ctx.user.as_ref().is_some_and(|u| u.mail_off.split(',').any(|o| o == *k)),
            })).collect::<Vec<_>>(),
        }))
        .render(ctx)
}

pub fn current(ctx: &Ctx) -> Result<ProfileForm, AppError> {
    let me = ctx.me()?;
    Ok(ProfileForm {
        name: me.name.clone(),
        timezone: me.timezone.clone(),
        locale: me.locale.clone(),
    })
}

pub async fn form(ctx: Ctx) -> Result<HttpResponse, AppError> {
    render(
        &ctx,
        &current(&ctx)?,
        &FieldErrors::new(),
        &FieldErrors::new(),
    )
    .await
}

pub async fn submit(ctx: Ctx, form: web::Form<ProfileForm>) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FieldErrors::new();
    validate::name(&mut errors, "name", &form.name);
    if form.timezone.parse::<chrono_tz::Tz>().is_err() {
        errors.insert("timezone", "error-timezone");
    }
    if !i18n::is_supported(&form.locale) {
        errors.insert("locale", "error-language");
    }
    if !errors.is_empty() {
        return render(&ctx, &form, &errors, &FieldErrors::new()).await;
    }
    let id = ctx.me()?.id;
    let (name, tz, locale) = (
        form.name.clone(),
        form.timezone.clone(),
        form.locale.clone(),
    );
    ctx.db(move |c| Ok(store::users::update_profile(c, id, &name, &tz, &locale)?))
        .await?;
    ctx.audit("account.updated", ctx.me()?.email.clone())
        .await?;
    Ok(redirect_with_flash(&ctx, "/account", "flash-account-saved"))
}

/// `POST /account/tokens/{id}/revoke`: the person revokes one of their API tokens.
pub async fn revoke_token(
    ctx: Ctx,
    id: actix_web::web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    crate::web::tokens::revoke_own(&ctx, *id).await?;
    Ok(crate::web::render::redirect_with_flash(
        &ctx,
        "/account",
        "flash-token-revoked",
    ))
}
