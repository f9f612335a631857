//! Turns errors into what the client reads: an HTML page in the user's language, or an
//! RFC 9457 problem document under `/api/`.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse};
use serde_json::json;

use super::context::Ctx;
use super::render::Page;
use crate::error::AppError;

pub async fn render_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res);
    }
    // Handlers that answer an error status with their own page (a form with field errors) set
    // a body and no error; only bare error responses are rendered here.
    let app_error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>());
    let has_own_body = res.response().error().is_none()
        && res.response().headers().contains_key(header::CONTENT_TYPE);
    if has_own_body {
        return Ok(res);
    }
    let title_key = app_error.map(AppError::title_key).unwrap_or(match status {
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::METHOD_NOT_ALLOWED => "error-method",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "error-media-type",
        s if s.is_client_error() => "error-bad-request",
        _ => "error-internal",
    });
    let ctx = res.request().extensions().get::<Ctx>().cloned();
    let detail = match (app_error, &ctx) {
        (Some(AppError::BadRequest(d)), _) | (Some(AppError::Unprocessable(d)), _) => {
            Some(d.clone())
        }
        (Some(AppError::Conflict { by }), Some(ctx)) => Some(ctx.changed_by(by)),
        (Some(AppError::ChannelRule(p)), Some(ctx)) => Some(ctx.problem_text(p)),
        _ => None,
    };
    let fields = match app_error {
        Some(AppError::Invalid(f)) => Some(f.clone()),
        _ => None,
    };
    // A general error has a title and a "-text" message; a rule's refusal has one sentence,
    // which becomes the message under a general title (never a raw catalog key).
    let (title_key, message_key) = match &ctx {
        Some(ctx) if !ctx.state.i18n.has(&format!("{title_key}-text")) => {
            ("error-refused", title_key.to_string())
        }
        _ => (title_key, format!("{title_key}-text")),
    };
    let (req, old) = res.into_parts();
    let mut new = match ctx {
        Some(ctx) if req.path().starts_with("/api/") => {
            problem(&ctx, status, title_key, &message_key, detail, fields)
        }
        Some(ctx) => Page::new("errors/error", title_key)
            .status(status)
            .data(json!({"status": status.as_u16(), "message_key": message_key, "detail": detail}))
            .render(&ctx)
            .unwrap_or_else(|_| HttpResponse::build(status).finish()),
        // Paths outside the guard (static files): a plain answer is enough.
        None => HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body(status.canonical_reason().unwrap_or("error")),
    };
    // Keep headers the error set (Location, Retry-After, WWW-Authenticate).
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.headers_mut().insert(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(req, new))
}

fn problem(
    ctx: &Ctx,
    status: StatusCode,
    title_key: &str,
    message_key: &str,
    detail: Option<String>,
    fields: Option<crate::domain::validate::FieldErrors>,
) -> HttpResponse {
    let mut body = json!({
        "type": "about:blank",
        "status": status.as_u16(),
        "title": ctx.t(title_key),
        "detail": detail.unwrap_or_else(|| ctx.t(message_key)),
    });
    if let Some(fields) = fields {
        body["errors"] = fields
            .iter()
            .map(|(f, k)| (f.to_string(), json!(ctx.t(k))))
            .collect();
    }
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "application/problem+json"))
        .body(body.to_string())
}

pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// 405 with the methods the address does take (RFC 9110 asks for `Allow`).
pub fn method_not_allowed(allow: &str) -> HttpResponse {
    HttpResponse::MethodNotAllowed()
        .insert_header(("Allow", allow.to_string()))
        .finish()
}
