//! The request guard (who is asking, may they, which language, CSRF) and `Ctx`, what handlers
//! get of it.

use std::future::{ready, Ready};
use std::sync::Arc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::state::AppState;
use crate::domain::access::Access;
use crate::domain::roles::Role;
use crate::error::AppError;
use crate::store::reference::Reference;
use crate::store::users::User;
use crate::{i18n, security, store};

/// What a handler knows about the request beyond its own inputs.
#[derive(Clone)]
pub struct Ctx {
    pub state: web::Data<AppState>,
    pub user: Option<User>,
    /// The browser session's id, when signed in through the pages.
    pub session: Option<String>,
    pub csrf: String,
    pub lang: &'static str,
    pub ip: String,
    pub flash: Option<String>,
    pub path: String,
}

impl Ctx {
    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(User::role)
    }

    /// The signed-in user; the guard has made sure there is one on routes that need it.
    pub fn me(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }

    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut crate::db::Conn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.state.db(f).await
    }

    /// Departments, channels, names and pillars: the cached copy unless anything changed them.
    pub async fn reference(&self) -> Result<Arc<Reference>, AppError> {
        let cache = self.state.reference.clone();
        self.db(move |c| Ok(cache.get(c)?)).await
    }

    pub fn t(&self, key: &str) -> String {
        self.state.i18n.t(self.lang, key)
    }

    /// "X changed this meanwhile …", for a stale edit or step.
    pub fn changed_by(&self, name: &str) -> String {
        self.state
            .i18n
            .text(self.lang, "error-changed-by", &[("name", name.to_string())])
    }

    /// What a broken channel rule means, with its numbers, in the user's language.
    pub fn problem_text(&self, p: &crate::domain::variants::Problem) -> String {
        use crate::domain::variants::Problem;
        let args: Vec<(&str, String)> = match p {
            Problem::TooLong { count, limit } | Problem::TooManyImages { count, limit } => {
                vec![("count", count.to_string()), ("limit", limit.to_string())]
            }
            _ => vec![],
        };
        self.state.i18n.text(self.lang, p.key(), &args)
    }

    pub async fn audit(&self, action: &'static str, target: String) -> Result<(), AppError> {
        let actor = self.user.as_ref().map(|u| u.id);
        let ip = self.ip.clone();
        self.db(move |c| Ok(store::audit::record(c, actor, action, &target, &ip)?))
            .await
    }
}

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = Ready<Result<Ctx, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<Ctx>()
                .cloned()
                .ok_or_else(|| AppError::internal("request guard did not run")),
        )
    }
}

pub struct CookieNames {
    pub session: &'static str,
    pub csrf: &'static str,
    pub flash: &'static str,
}

/// `__Host-` cookies must be Secure, so the prefix is only used when served over https.
pub fn cookie_names(https: bool) -> CookieNames {
    if https {
        CookieNames {
            session: "__Host-pressroom_session",
            csrf: "__Host-pressroom_csrf",
            flash: "__Host-pressroom_flash",
        }
    } else {
        CookieNames {
            session: "pressroom_session",
            csrf: "pressroom_csrf",
            flash: "pressroom_flash",
        }
    }
}

pub fn cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .secure(state.config.https())
        .same_site(SameSite::Lax)
        .finish()
}

pub fn removal(state: &AppState, name: &'static str) -> Cookie<'static> {
    let mut c = cookie(state, name, String::new());
    c.make_removal();
    c
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/v1/")
}

/// Runs before every handler: identifies the user, checks the route's access entry, checks
/// CSRF on every state-changing form, and leaves a `Ctx` for the handler.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let path = req.path().to_string();
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .expect("AppState is registered on the App");
    // HEAD is served by the GET handler, under the GET route's rule.
    let method = if req.method() == Method::HEAD {
        Method::GET
    } else {
        req.method().clone()
    };
    let pattern = super::route_pattern(&req);
    // A route the app registered; anything else ends in the 404 or 405 page, shown to anyone.
    let rule = pattern
        .as_ref()
        .and_then(|p| state.routes.get(&format!("{method} {p}")).copied());
    let access = rule.map_or(Access::Public, |r| r.access);
    let machine = access.is_machine();

    let names = cookie_names(state.config.https());
    let session_cookie = req.cookie(names.session).map(|c| c.value().to_string());
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());

    // Scripts authenticate with a token: the API, and Prometheus on /metrics. A database that
    // does not answer is a 503, not a signed-out visitor sent to the login page.
    let identified = if machine {
        Ok((None, None))
    } else if is_api(&path) || path == "/metrics" {
        match bearer {
            Some(token) => state
                .db(move |c| Ok(store::tokens::authenticate(c, &token)?))
                .await
                .map(|u| (u, None)),
            None => Ok((None, None)),
        }
    } else {
        match session_cookie {
            Some(token) => {
                let t = token.clone();
                state
                    .db(move |c| Ok(store::sessions::user_for(c, &t)?))
                    .await
                    .map(|u| match u {
                        Some(user) => (Some(user), Some(token)),
                        None => (None, None),
                    })
            }
            None => Ok((None, None)),
        }
    };
    let unavailable = identified
        .as_ref()
        .err()
        .inspect(|e| tracing::warn!(error = %e, "cannot look up who is asking"))
        .is_some();
    let (user, session) = identified.unwrap_or((None, None));

    // CSRF tokens are bound to the session, or before sign-in to a random browser cookie.
    let anon = req.cookie(names.csrf).map(|c| c.value().to_string());
    let new_anon = (anon.is_none() && !machine).then(security::random_token);
    let basis = session
        .clone()
        .or(anon)
        .or_else(|| new_anon.clone())
        .unwrap_or_default();
    // Machine routes take no forms: no token to compute (health checks come often).
    let csrf = if machine {
        String::new()
    } else {
        security::hmac(&state.config.secret_key, format!("csrf:{basis}").as_bytes())
    };

    let lang = user
        .as_ref()
        .and_then(|u| i18n::LANGUAGES.iter().find(|(c, _, _)| *c == u.locale))
        .map(|(c, _, _)| *c)
        .unwrap_or_else(|| {
            i18n::negotiate(
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or(""),
            )
        });
    let flash = req
        .cookie(names.flash)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    let ip = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let query = req.query_string();
    let full_path = if query.is_empty() {
        path.clone()
    } else {
        format!("{path}?{query}")
    };
    let ctx = Ctx {
        state: state.clone(),
        user,
        session,
        csrf: csrf.clone(),
        lang,
        ip,
        flash,
        path: full_path.clone(),
    };
    let role = ctx.role();
    req.extensions_mut().insert(ctx);

    let denial = match access {
        _ if unavailable => Some(AppError::Unavailable),
        a if a.allows(role) => None,
        _ if role.is_some() => Some(AppError::Forbidden),
        _ if is_api(&path) => Some(AppError::Unauthorized),
        _ => Some(AppError::SignInRequired { next: full_path }),
    };
    if let Some(err) = denial {
        return Ok(req.error_response(err));
    }

    let form_route = rule.is_some_and(|r| !r.csrf_exempt && !r.access.is_machine());
    if form_route && method != Method::GET && method != Method::HEAD && !is_api(&path) {
        if let Err(err) = check_csrf(&mut req, &csrf).await {
            return Ok(req.error_response(err));
        }
    }

    let mut res = next.call(req).await?.map_into_boxed_body();
    state.metrics.request(res.status().as_u16());
    if let Some(value) = new_anon {
        let _ = res
            .response_mut()
            .add_cookie(&cookie(&state, names.csrf, value));
    }
    Ok(res)
}

/// Reads the form body, compares its `csrf_token` (or the `X-CSRF-Token` header), and puts the
/// body back for the handler. Done here so no form route can forget it.
async fn check_csrf(req: &mut ServiceRequest, expected: &str) -> Result<(), AppError> {
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = req
        .extract::<web::Bytes>()
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let form_token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .ok()
        .and_then(|pairs| {
            pairs
                .into_iter()
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v)
        });
    req.set_payload(Payload::from(body));
    match header_token.or(form_token) {
        Some(t) if security::constant_time_eq(&t, expected) => Ok(()),
        _ => Err(AppError::Csrf),
    }
}
