//! The application error: what went wrong for the user, and how it becomes a response.
//! The response here is bare; `web::errors` renders it as an HTML page or a problem document,
//! because only there are the request's language and path known.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

use crate::domain::validate::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// A browser without a session on a page that needs one: sent to the login page.
    #[error("sign-in required")]
    SignInRequired { next: String },
    /// A machine without a valid token on the API.
    #[error("authentication required")]
    Unauthorized,
    #[error("the form was stale or forged (CSRF check failed)")]
    Csrf,
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Well-formed but refused, with a message already in the user's language.
    #[error("unprocessable: {0}")]
    Unprocessable(String),
    /// Someone else changed the object since the user loaded it.
    #[error("changed meanwhile by {by}")]
    Conflict { by: String },
    /// A workflow step the rules do not allow; the key says which rule.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A variant breaks its channel's rules; the message is made in the user's language.
    #[error("breaks a channel rule: {0:?}")]
    ChannelRule(crate::domain::variants::Problem),
    #[error("too many attempts")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(e: impl std::fmt::Display) -> AppError {
        AppError::Internal(e.to_string())
    }

    /// The translation key of the page title shown to users.
    pub fn title_key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::SignInRequired { .. } | AppError::Unauthorized => "error-unauthorized",
            AppError::Csrf => "error-csrf",
            AppError::Invalid(_) => "error-invalid",
            AppError::BadRequest(_) => "error-bad-request",
            AppError::UnsupportedMediaType => "error-media-type",
            AppError::Unprocessable(_) => "error-invalid",
            AppError::Conflict { .. } => "error-conflict",
            AppError::Refused(key) => key,
            AppError::ChannelRule(_) => "error-invalid",
            AppError::TooManyRequests { .. } => "error-too-many",
            AppError::Unavailable => "error-unavailable",
            AppError::Internal(_) => "error-internal",
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::NotFound,
            e => AppError::Internal(format!("database: {e}")),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Refused(_) | AppError::ChannelRule(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        match self {
            AppError::SignInRequired { next } => {
                let target = format!("/login?next={}", urlencode(next));
                res.insert_header((header::LOCATION, target));
            }
            AppError::TooManyRequests { retry_after_secs } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            AppError::Unauthorized => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            AppError::Internal(cause) => tracing::error!(%cause, "request failed"),
            _ => {}
        }
        res.finish()
    }
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|x| x.trim_start_matches('=').to_string())
        .unwrap_or_default()
}
