//! Public newsletter pages: subscribe (double opt-in), confirm, unsubscribe (also RFC 8058
//! one-click from the mail client). The token in the address is the credential.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::json;

use crate::domain::channels::Kind;
use crate::domain::ideas::LANGUAGES;
use crate::domain::validate::{self, FieldErrors};
use crate::error::AppError;
use crate::security;
use crate::store;
use crate::store::channels::Channel;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::Page;

async fn newsletter(ctx: &Ctx, id: i64) -> Result<Channel, AppError> {
    let ch = ctx
        .db(move |c| store::channels::find(c, id)?.ok_or(AppError::NotFound))
        .await?;
    if Kind::parse(&ch.kind) != Some(Kind::Newsletter) {
        return Err(AppError::NotFound);
    }
    Ok(ch)
}

fn form_page(
    ctx: &Ctx,
    ch: &Channel,
    email: &str,
    language: &str,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let languages: Vec<_> = LANGUAGES
        .iter()
        .map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}")), "selected": *l == language}))
        .collect();
    Page::new("newsletters/subscribe", "newsletter-subscribe-title")
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        })
        .data(json!({
            "channel": {"id": ch.id, "name": ch.name},
            "email": email,
            "languages": languages,
            "email_error": errors.get("email").map(|k| ctx.t(k)),
            "language_error": errors.get("language").map(|k| ctx.t(k)),
        }))
        .render(ctx)
}

fn message(
    ctx: &Ctx,
    title: &'static str,
    text: &str,
    action: Option<(String, &str)>,
) -> Result<HttpResponse, AppError> {
    Page::new("newsletters/message", title)
        .data(json!({
            "heading": ctx.t(title),
            "text": text,
            "action": action.map(|(url, label)| json!({"url": url, "label": ctx.t(label)})),
        }))
        .render(ctx)
}

pub async fn form(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let ch = newsletter(&ctx, *id).await?;
    form_page(&ctx, &ch, "", ctx.lang, &FieldErrors::new())
}

pub async fn subscribe(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let ch = newsletter(&ctx, *id).await?;
    let (email, language) = (form.one("email"), form.one("language"));
    let mut errors = FieldErrors::new();
    validate::email(&mut errors, "email", &email);
    if email.trim().parse::<lettre::Address>().is_err() {
        errors.insert("email", "error-email-invalid");
    }
    if !LANGUAGES.contains(&language.as_str()) {
        errors.insert("language", "error-language-unknown");
    }
    if !errors.is_empty() {
        return form_page(&ctx, &ch, &email, &language, &errors);
    }
    let address = validate::normalise_email(&email);
    let (key, base, i18n) = (
        ctx.state.config.secret_key,
        ctx.state.config.base_url.clone(),
        ctx.state.i18n.clone(),
    );
    let (channel_id, channel_name, now) = (ch.id, ch.name.clone(), store::now());
    ctx.db(move |c| {
        crate::db::write_tx(c, |c| {
            let done = store::subscribers::subscribe(c, channel_id, &address, &language, now)?;
            if done.needs_confirmation {
                let token = security::subscriber_token(&key, "confirm", done.subscriber.id);
                let link = format!("{base}/newsletters/confirm/{token}");
                let args = [("newsletter", channel_name.clone()), ("link", link)];
                let subject = i18n.text(&language, "newsletter-confirm-subject", &args);
                let body = i18n.text(&language, "newsletter-confirm-body", &args);
                store::outbox::enqueue(c, &address, &subject, &body)?;
            }
            Ok::<_, AppError>(())
        })
    })
    .await?;
    // The same answer whether or not the address was subscribed already: the page tells
    // nobody who is on the list.
    message(
        &ctx,
        "newsletter-check-mail-title",
        &ctx.t("newsletter-check-mail-text"),
        None,
    )
}

fn subscriber_of(ctx: &Ctx, purpose: &str, token: &str) -> Result<i64, AppError> {
    security::open_subscriber_token(&ctx.state.config.keys(), purpose, token)
        .ok_or(AppError::NotFound)
}

/// A link scanner that follows the mail's link must not confirm: the page asks for a click.
pub async fn confirm_form(ctx: Ctx, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let id = subscriber_of(&ctx, "confirm", &token)?;
    ctx.db(move |c| store::subscribers::find(c, id)?.ok_or(AppError::NotFound))
        .await?;
    message(
        &ctx,
        "newsletter-confirm-title",
        &ctx.t("newsletter-confirm-text"),
        Some((
            format!("/newsletters/confirm/{token}"),
            "newsletter-confirm-button",
        )),
    )
}

pub async fn confirm(ctx: Ctx, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let id = subscriber_of(&ctx, "confirm", &token)?;
    let now = store::now();
    let ok = ctx
        .db(move |c| Ok(store::subscribers::confirm(c, id, now)?))
        .await?;
    if !ok {
        return Err(AppError::NotFound);
    }
    message(
        &ctx,
        "newsletter-confirmed-title",
        &ctx.t("newsletter-confirmed-text"),
        None,
    )
}

pub async fn unsubscribe_form(
    ctx: Ctx,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = subscriber_of(&ctx, "unsubscribe", &token)?;
    ctx.db(move |c| store::subscribers::find(c, id)?.ok_or(AppError::NotFound))
        .await?;
    message(
        &ctx,
        "newsletter-unsubscribe-title",
        &ctx.t("newsletter-unsubscribe-text"),
        Some((
            format!("/newsletters/unsubscribe/{token}"),
            "newsletter-unsubscribe-button",
        )),
    )
}

/// From the page's button, or straight from the mail client (`List-Unsubscribe-Post`).
pub async fn unsubscribe(ctx: Ctx, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let id = subscriber_of(&ctx, "unsubscribe", &token)?;
    let now = store::now();
    let found = ctx
        .db(move |c| {
            let s = store::subscribers::find(c, id)?;
            if s.is_some() {
                store::subscribers::unsubscribe(c, id, now)?;
            }
            Ok(s.is_some())
        })
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    message(
        &ctx,
        "newsletter-unsubscribed-title",
        &ctx.t("newsletter-unsubscribed-text"),
        None,
    )
}

/// A transparent 1×1 GIF.
const PIXEL: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

/// `/o/{publication}/{token}.gif`: the invisible image in the mails of a newsletter whose
/// admin turned on counting opens. Loading it counts an open of that subscriber's mail; a
/// `HEAD` (a checker, not a reader) does not. Tokens are signed per publication and
/// subscriber, so opens cannot be made up.
pub async fn opened(
    state: web::Data<crate::web::state::AppState>,
    req: actix_web::HttpRequest,
    path: web::Path<(i64, String)>,
) -> Result<HttpResponse, AppError> {
    let (publication, file) = path.into_inner();
    let token = file.strip_suffix(".gif").ok_or(AppError::NotFound)?;
    let purpose = crate::channels::newsletter::open_purpose(publication);
    let subscriber = security::open_subscriber_token(&state.config.keys(), &purpose, token)
        .ok_or(AppError::NotFound)?;
    if req.method() == actix_web::http::Method::GET {
        let now = state.scheduler.clock().naive();
        state
            .db(move |c| {
                Ok(store::subscribers::record_open(
                    c,
                    publication,
                    subscriber,
                    now,
                )?)
            })
            .await?;
    }
    Ok(HttpResponse::Ok()
        .content_type("image/gif")
        // Every open reaches us: no cache may answer for the image.
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store, private"))
        .body(PIXEL))
}
