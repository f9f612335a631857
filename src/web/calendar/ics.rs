//! `GET /calendar/{secret}.ics`: what is planned, for calendar apps (RFC 5545, times in UTC).

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Duration;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::domain::access::IdeaScope;
use crate::error::AppError;
use crate::store;
use crate::store::content::CalendarFilter;
use crate::web::state::AppState;

pub async fn feed(
    state: web::Data<AppState>,
    secret: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let secret = secret
        .strip_suffix(".ics")
        .ok_or(AppError::NotFound)?
        .to_string();
    let base = state.config.base_url.clone();
    let cache = state.reference.clone();
    let (entries, reference) = state
        .db(move |c| {
            let (user, channel_id) =
                store::calendar::owner(c, &secret)?.ok_or(AppError::NotFound)?;
            let scope = IdeaScope::of(user.id, user.role(), user.department_id);
            let now = store::now();
            let filter = CalendarFilter {
                channel_id,
                ..Default::default()
            };
            let entries = store::content::calendar(
                c,
                &scope,
                now - Duration::days(90),
                now + Duration::days(400),
                &filter,
            )?;
            Ok((entries, cache.get(c)?))
        })
        .await?;
    let domain = base
        .split("://")
        .nth(1)
        .unwrap_or("pressroom")
        .split('/')
        .next()
        .unwrap_or("pressroom")
        .to_string();
    let mut cal = Calendar::new();
    cal.name("Pressroom");
    for e in entries {
        let start = e.at().and_utc();
        let channel = reference.channel_name(e.channel_id).unwrap_or("");
        cal.push(
            Event::new()
                // Stable across edits and re-schedules: one variant is one event.
                .uid(&format!("variant-{}@{domain}", e.variant_id))
                .summary(&format!("{} [{} · {}]", e.title, channel, e.language))
                .description(&format!("{base}/content/{}", e.content_id))
                .url(&format!("{base}/content/{}", e.content_id))
                .starts(start)
                .ends(start + Duration::minutes(15))
                .done(),
        );
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .body(cal.done().to_string()))
}
