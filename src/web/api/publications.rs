//! `/api/v1/publications`: what went out where, every attempt, and an editor's retry or
//! confirmation after checking the channel.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::{
    confirm_publication::confirm_publication, retry_publication::retry_publication,
};
use crate::domain::publications::PubState;
use crate::error::AppError;
use crate::store;
use crate::store::publications::{Attempt, Filter, Publication};
use crate::web::api::ideas::Page;
use crate::web::context::Ctx;

fn time(t: Option<chrono::NaiveDateTime>) -> Value {
    t.map(|t| Value::String(t.and_utc().to_rfc3339()))
        .unwrap_or(Value::Null)
}

pub fn view(p: &Publication) -> Value {
    json!({
        "id": p.id,
        "variant_id": p.variant_id,
        "channel_id": p.channel_id,
        "state": p.state,
        "attempts": p.attempts,
        "idempotency_key": p.idempotency_key,
        "scheduled_at": time(Some(p.scheduled_at)),
        "next_retry_at": time(p.next_retry_at),
        "published_at": time(p.published_at),
        "external_id": p.external_id,
        "url": p.url,
        "last_error": p.last_error,
    })
}

fn attempt_view(a: &Attempt) -> Value {
    json!({
        "at": time(Some(a.at)),
        "outcome": a.outcome,
        "http_status": a.http_status,
        "error": a.error,
        "duration_ms": a.duration_ms,
    })
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    variant_id: Option<i64>,
    channel_id: Option<i64>,
    state: Option<String>,
}

pub async fn list(
    ctx: Ctx,
    query: web::Query<ListQuery>,
    page: web::Query<Page>,
) -> Result<HttpResponse, AppError> {
    let (cursor, limit) = page.checked()?;
    let state = match query.state.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(PubState::parse(s).ok_or_else(|| {
            AppError::Invalid([("state", "error-state-unknown")].into_iter().collect())
        })?),
    };
    let filter = Filter {
        variant_id: query.variant_id,
        channel_id: query.channel_id,
        state,
        before_id: cursor,
    };
    let items = ctx
        .db(move |c| Ok(store::publications::list(c, &filter, limit + 1)?))
        .await?;
    let more = items.len() as i64 > limit;
    let items = &items[..items.len().min(limit as usize)];
    Ok(HttpResponse::Ok().json(json!({
        "items": items.iter().map(view).collect::<Vec<_>>(),
        "next": if more { items.last().map(|p| p.id.to_string()) } else { None },
    })))
}

async fn answer(ctx: &Ctx, id: i64) -> Result<HttpResponse, AppError> {
    let (p, attempts) = ctx
        .db(move |c| {
            let p = store::publications::find(c, id)?.ok_or(AppError::NotFound)?;
            Ok((p, store::publications::attempts(c, id)?))
        })
        .await?;
    let mut v = view(&p);
    v["attempt_log"] = attempts.iter().map(attempt_view).collect();
    Ok(HttpResponse::Ok().json(v))
}

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    answer(&ctx, *id).await
}

pub async fn retry(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    ctx.db(move |c| Ok(retry_publication(c, &me, id, now)?))
        .await?;
    ctx.state.scheduler.wake();
    answer(&ctx, id).await
}

#[derive(Debug, Deserialize, Default)]
pub struct ConfirmBody {
    url: Option<String>,
}

pub async fn confirm(
    ctx: Ctx,
    id: web::Path<i64>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let body: Option<ConfirmBody> = crate::web::json::optional_object(&body)?;
    let url = body.and_then(|b| b.url);
    let (me, id, now, mail) = (
        ctx.me()?.clone(),
        *id,
        ctx.state.scheduler.clock().naive(),
        ctx.state.mail.clone(),
    );
    ctx.db(move |c| Ok(confirm_publication(c, &mail, &me, id, url.as_deref(), now)?))
        .await?;
    answer(&ctx, id).await
}

/// `GET /api/v1/publications/{id}/metrics`: what it earned: people's clicks on its tracked
/// links, bots' clicks apart, unique visitors (per day), and a series of people's clicks per
/// day and the channel's own readings (favourites, boosts, replies).
pub async fn metrics(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let id = *id;
    let (clicks, links, readings, mails, opens) = ctx
        .db(move |c| {
            let p = store::publications::find(c, id)?.ok_or(AppError::NotFound)?;
            let ch = store::channels::find(c, p.channel_id)?.filter(|ch| ch.kind == "newsletter");
            use crate::domain::channels::{switched_on, Settings, TRACK_OPENS};
            let counts_opens = ch.as_ref().is_some_and(|ch| {
                let config: Settings = serde_json::from_str(&ch.config).unwrap_or_default();
                switched_on(&config, TRACK_OPENS)
            });
            Ok((
                store::links::clicks_of(c, id)?,
                store::links::of_publication(c, id)?,
                store::metrics::series_of(c, id)?,
                ch.map(|_| store::subscribers::mails_sent(c, id))
                    .transpose()?,
                counts_opens
                    .then(|| store::subscribers::opens(c, id))
                    .transpose()?,
            ))
        })
        .await?;
    // People's clicks per day and the channel's own readings, in time order.
    let mut series: Vec<(chrono::NaiveDateTime, String, i64)> = clicks
        .per_day
        .iter()
        .filter_map(|(day, n)| Some((day.and_hms_opt(0, 0, 0)?, "clicks".to_string(), *n)))
        .collect();
    let mut latest = serde_json::Map::new();
    for (_, name, value) in &readings {
        latest.insert(name.clone(), json!(value));
    }
    series.extend(readings);
    series.sort_by_key(|p| p.0);
    let base = &ctx.state.config.base_url;
    Ok(HttpResponse::Ok().json(json!({
        "publication_id": id,
        "clicks": clicks.clicks,
        "bot_clicks": clicks.bot_clicks,
        "unique_visitors": clicks.unique_visitors,
        // Newsletters: how many mails went out, and where the channel counts opens, how
        // often they were opened and how many of them at least once (null where not counted).
        "mails_sent": mails,
        "opens": opens.map(|(all, _)| all),
        "unique_opens": opens.map(|(_, unique)| unique),
        "series": series.iter().map(|(at, name, value)| json!({
            "at": at.and_utc().to_rfc3339(),
            "name": name,
            "value": value,
        })).collect::<Vec<_>>(),
        // The channel's own counts as last read (favourites, boosts, replies), if it has any.
        "channel": if latest.is_empty() { Value::Null } else { Value::Object(latest) },
        "links": links.iter().map(|l| json!({
            "url": l.url,
            "short_url": crate::domain::links::short_url(base, &l.code),
            "target": l.target,
        })).collect::<Vec<_>>(),
    })))
}
