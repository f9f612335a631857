//! `/l/{code}`: a tracked link sends the reader on to its target at once (302), counting the
//! click as a person's or a bot's.

use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::http::{header, Method};
use actix_web::{web, HttpRequest, HttpResponse};

use super::state::AppState;
use crate::domain::links;
use crate::error::AppError;
use crate::scheduler::clicks::Pending;
use crate::store;

/// Codes never change their target: each instance keeps the ones it has seen, so a redirect
/// reads the database once per code.
#[derive(Default)]
pub struct Codes(Mutex<HashMap<String, (i64, String)>>);

const CODES_KEPT: usize = 50_000;

impl Codes {
    fn get(&self, code: &str) -> Option<(i64, String)> {
        self.0.lock().expect("codes").get(code).cloned()
    }

    fn put(&self, code: String, link: (i64, String)) {
        let mut codes = self.0.lock().expect("codes");
        if codes.len() >= CODES_KEPT {
            codes.clear();
        }
        codes.insert(code, link);
    }
}

/// Headers with which browsers announce a prefetch or a preview rather than a visit.
const PREFETCH_HEADERS: [&str; 4] = ["purpose", "sec-purpose", "x-purpose", "x-moz"];

pub async fn follow(
    state: web::Data<AppState>,
    req: HttpRequest,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = code.into_inner();
    if code.is_empty() || code.len() > 32 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(AppError::NotFound);
    }
    let (link_id, target) = match state.codes.get(&code) {
        Some(found) => found,
        None => {
            let wanted = code.clone();
            let link = state
                .db(move |c| Ok(store::links::by_code(c, &wanted)?))
                .await?
                .ok_or(AppError::NotFound)?;
            let found = (link.id, link.target);
            state.codes.put(code, found.clone());
            found
        }
    };
    let headers = req.headers();
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let user_agent = text(header::USER_AGENT.as_str());
    let prefetch = PREFETCH_HEADERS.iter().any(|h| {
        text(h).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("prefetch") || v.contains("preview")
        })
    });
    state.clicks.push(Pending {
        link_id,
        at: state.scheduler.clock().naive(),
        bot: links::is_bot(user_agent, req.method() == Method::HEAD, prefetch),
        address: req
            .peer_addr()
            .map(|a| a.ip().to_string())
            .unwrap_or_default(),
        user_agent: user_agent.unwrap_or_default().to_string(),
    });
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, target))
        // Every click reaches us: no cache may answer for the redirect.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
