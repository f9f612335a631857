//! `POST /account/password`: change one's own password; other sessions end.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::settings::{current, render};
use crate::domain::validate::{self, FieldErrors};
use crate::error::AppError;
use crate::web::context::Ctx;
use crate::web::render::redirect_with_flash;
use crate::{security, store};

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

pub async fn submit(ctx: Ctx, form: web::Form<PasswordForm>) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let me = ctx.me()?.clone();
    let mut errors = FieldErrors::new();
    validate::new_password(&mut errors, &form.password, &form.password_repeat);
    let session = ctx.session.clone().unwrap_or_default();
    let ip = ctx.ip.clone();
    let changed = ctx
        .db(move |c| {
            // Guessing the current password (from a session left open) is slowed down like
            // guessing at the login, on the same counter.
            if store::throttle::blocked_for(c, &me.email, &ip)?.is_some() {
                errors.insert("current", "error-login-throttled");
                return Ok(Err(errors));
            }
            if !security::verify_password(&form.current, &me.password_hash) {
                store::throttle::record_failure(c, &me.email, &ip)?;
                errors.insert("current", "error-password-current");
            }
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            store::throttle::clear(c, &me.email, &ip)?;
            let hash = security::hash_password(&form.password).map_err(AppError::internal)?;
            store::users::set_password(c, me.id, &hash)?;
            store::sessions::delete_others(c, me.id, &session)?;
            // A token made under the old password may be what leaked.
            store::tokens::revoke_all(c, me.id)?;
            Ok(Ok(()))
        })
        .await?;
    match changed {
        Err(errors) => render(&ctx, &current(&ctx)?, &FieldErrors::new(), &errors).await,
        Ok(()) => {
            ctx.audit("account.password_changed", ctx.me()?.email.clone())
                .await?;
            Ok(redirect_with_flash(
                &ctx,
                "/account",
                "flash-password-changed",
            ))
        }
    }
}
