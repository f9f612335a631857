//! `/login`: password sign-in, throttled per account and per address.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::domain::validate::normalise_email;
use crate::error::AppError;
use crate::web::context::{cookie, cookie_names, Ctx};
use crate::web::render::{redirect, same_site_path, Page};
use crate::{security, store};

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Only paths on this site, so the login page cannot be used to send people elsewhere.
fn safe_next(next: Option<&str>) -> String {
    same_site_path(next.unwrap_or("/"), "/")
}

fn render(
    ctx: &Ctx,
    email: &str,
    next: &str,
    error_key: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    Page::new("auth/login", "login-title")
        .status(status)
        .data(json!({
            "email": email,
            "next": next,
            "page_error": error_key.map(|k| ctx.t(k)),
        }))
        .render(ctx)
}

pub async fn form(ctx: Ctx, query: web::Query<NextQuery>) -> Result<HttpResponse, AppError> {
    let next = safe_next(query.next.as_deref());
    if ctx.user.is_some() {
        return Ok(redirect(&next));
    }
    // On a fresh install no account can pass this page: the newcomer creates the first admin.
    if !ctx.db(|c| Ok(store::users::any_exists(c)?)).await? {
        return Ok(redirect("/setup"));
    }
    render(&ctx, "", &next, None, StatusCode::OK)
}

enum Outcome {
    Throttled(u64),
    Wrong,
    Disabled,
    SignedIn(String),
}

pub async fn submit(ctx: Ctx, form: web::Form<LoginForm>) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let next = safe_next(Some(&form.next));
    let email = normalise_email(&form.email);
    let (ip, old_session) = (ctx.ip.clone(), ctx.session.clone());
    let (e, pw) = (email.clone(), form.password);
    let outcome = ctx
        .db(move |c| {
            if let Some(secs) = store::throttle::blocked_for(c, &e, &ip)? {
                return Ok(Outcome::Throttled(secs));
            }
            let user = store::users::find_by_email(c, &e)?;
            // An unknown email costs the same hashing as a wrong password: timing tells nothing.
            let hash = user
                .as_ref()
                .map_or(security::dummy_hash(), |u| u.password_hash.as_str());
            let password_ok = security::verify_password(&pw, hash);
            match user {
                Some(u) if password_ok && u.disabled_at.is_some() => {
                    store::audit::record(c, Some(u.id), "login.disabled", &u.email, &ip)?;
                    Ok(Outcome::Disabled)
                }
                Some(u) if password_ok => {
                    store::throttle::clear(c, &e, &ip)?;
                    // A fresh id at every sign-in: an id planted before login is worth nothing.
                    if let Some(old) = old_session {
                        store::sessions::delete(c, &old)?;
                    }
                    let session = store::sessions::create(c, u.id)?;
                    store::audit::record(c, Some(u.id), "login.success", &u.email, &ip)?;
                    Ok(Outcome::SignedIn(session))
                }
                _ => {
                    store::throttle::record_failure(c, &e, &ip)?;
                    store::audit::record(c, None, "login.failure", &e, &ip)?;
                    Ok(Outcome::Wrong)
                }
            }
        })
        .await?;

    match outcome {
        Outcome::Throttled(secs) => {
            let mut res = render(
                &ctx,
                &form.email,
                &next,
                Some("error-login-throttled"),
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            res.headers_mut().insert(header::RETRY_AFTER, secs.into());
            Ok(res)
        }
        Outcome::Wrong => render(
            &ctx,
            &form.email,
            &next,
            Some("error-login-wrong"),
            StatusCode::UNAUTHORIZED,
        ),
        Outcome::Disabled => render(
            &ctx,
            &form.email,
            &next,
            Some("error-login-disabled"),
            StatusCode::FORBIDDEN,
        ),
        Outcome::SignedIn(session) => {
            let names = cookie_names(ctx.state.config.https());
            let mut res = redirect(&next);
            res.add_cookie(&cookie(&ctx.state, names.session, session))
                .map_err(AppError::internal)?;
            Ok(res)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/admin/users?x=1")), "/admin/users?x=1");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/\t/evil.example/phish")), "/", "tab");
        assert_eq!(
            safe_next(Some("/ideas\r\nSet-Cookie: x=1")),
            "/",
            "line break"
        );
        assert_eq!(safe_next(None), "/");
    }
}
