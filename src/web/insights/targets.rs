//! Targets on the insights page and in the API: what a channel or department should reach in
//! a month, how far it got, and whether it is behind.

use crate::web::json::JsonObject;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{Datelike, NaiveDate, TimeZone};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::set_target::{remove_target, set_target, TargetInput};
use crate::actions::ActionError;
use crate::domain::targets::{month_span, parse_month, progress, Metric, Scope};
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{field_errors, redirect_with_flash};

/// The first day of the reader's current month.
pub fn this_month(ctx: &Ctx) -> Result<NaiveDate, AppError> {
    let tz: chrono_tz::Tz = ctx.me()?.timezone.parse().unwrap_or(chrono_tz::UTC);
    let today = tz
        .from_utc_datetime(&ctx.state.scheduler.clock().naive())
        .date_naive();
    Ok(today.with_day(1).unwrap_or(today))
}

/// The month's targets with their progress, for the page and the API.
pub async fn progress_of(ctx: &Ctx, month: NaiveDate) -> Result<Vec<Value>, AppError> {
    let tz: chrono_tz::Tz = ctx.me()?.timezone.parse().unwrap_or(chrono_tz::UTC);
    let span = month_span(month, tz);
    let (targets, actual) = ctx
        .db(move |c| {
            let targets = store::targets::of_month(c, month)?;
            // No targets, nothing to add up.
            let actual = if targets.is_empty() {
                Default::default()
            } else {
                store::insights::by_scope(c, span.0, span.1)?
            };
            Ok((targets, actual))
        })
        .await?;
    let reference = ctx.reference().await?;
    let now = ctx.state.scheduler.clock().naive();
    Ok(targets
        .iter()
        .filter_map(|t| {
            let scope = Scope::parse(&t.scope)?;
            let metric = Metric::parse(&t.metric)?;
            let name = match scope {
                Scope::Channel => reference.channel_name(t.scope_id),
                Scope::Department => reference.department_name(t.scope_id),
            }
            .unwrap_or("?")
            .to_string();
            let row = actual.get(&(scope, t.scope_id)).cloned().unwrap_or_default();
            let got = match metric {
                Metric::Publications => row.publications,
                Metric::Clicks => row.clicks,
                Metric::Engagement => row.engagement,
            };
            let (status, expected) = progress(t.amount, got, span, now);
            Some(json!({
                "id": t.id,
                "scope": scope,
                "scope_id": t.scope_id,
                "name": name,
                "metric": metric,
                "metric_label": ctx.t(&format!("insights-{}", metric.as_str())),
                "month": t.month.format("%Y-%m").to_string(),
                "amount": t.amount,
                "actual": got,
                "expected": expected,
                "percent": (100 * got / t.amount.max(1)).min(100),
                "status": status,
                "status_label": ctx.t(&format!("target-{}", serde_json::to_value(status).ok()?.as_str()?)),
                "behind": matches!(status, crate::domain::targets::Status::Behind | crate::domain::targets::Status::Missed),
            }))
        })
        .collect())
}

/// The form to set a target: what (channels and departments), which count, month, amount.
pub async fn form(ctx: &Ctx, month: NaiveDate) -> Result<Value, AppError> {
    let reference = ctx.reference().await?;
    Ok(json!({
        "channels": reference.channels.iter().map(|(id, name)| json!({"value": format!("channel:{id}"), "text": name})).collect::<Vec<_>>(),
        "departments": reference.departments.iter().map(|d| json!({"value": format!("department:{}", d.id), "text": d.name})).collect::<Vec<_>>(),
        "metrics": Metric::ALL.iter().map(|m| json!({"value": m.as_str(), "text": ctx.t(&format!("insights-{}", m.as_str()))})).collect::<Vec<_>>(),
        "month": month.format("%Y-%m").to_string(),
    }))
}

/// `channel:3` → (scope, id).
fn split_scope(s: &str) -> (String, Option<i64>) {
    match s.split_once(':') {
        Some((scope, id)) => (scope.to_string(), id.parse().ok()),
        None => (s.to_string(), None),
    }
}

pub async fn create(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let (me, now) = (ctx.me()?.clone(), ctx.state.scheduler.clock().naive());
    let (scope, scope_id) = split_scope(&form.one("target"));
    let input = TargetInput {
        scope,
        scope_id,
        metric: form.one("metric"),
        month: form.one("month"),
        amount: form.one("amount").trim().parse().ok(),
    };
    match ctx.db(move |c| Ok(set_target(c, &me, &input, now))).await? {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            "/insights#targets",
            "flash-target-set",
        )),
        Err(ActionError::Invalid(errors)) => {
            // Back with what was typed and what is wrong with it.
            let kept = json!({
                "target": form.one("target"),
                "metric": form.one("metric"),
                "month": form.one("month"),
                "amount": form.one("amount"),
                "errors": field_errors(&ctx, &errors),
            });
            super::show_with(
                ctx,
                Default::default(),
                Some(kept),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (me, id) = (ctx.me()?.clone(), *id);
    ctx.db(move |c| Ok(remove_target(c, &me, id)?)).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/insights#targets",
        "flash-target-removed",
    ))
}

#[derive(Debug, Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

/// `GET /api/v1/targets?month=2026-11`: that month's targets (this month's by default) with
/// their progress.
pub async fn api_list(ctx: Ctx, q: web::Query<MonthQuery>) -> Result<HttpResponse, AppError> {
    let month = match q.month.as_str() {
        "" => this_month(&ctx)?,
        m => parse_month(m).ok_or_else(|| {
            AppError::BadRequest(format!("month: a month like 2026-11, not {m:?}"))
        })?,
    };
    let items = progress_of(&ctx, month).await?;
    Ok(
        HttpResponse::Ok()
            .json(json!({"month": month.format("%Y-%m").to_string(), "items": items})),
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetBody {
    scope: String,
    scope_id: i64,
    metric: String,
    month: String,
    amount: i64,
}

/// `POST /api/v1/targets {"scope", "scope_id", "metric", "month", "amount"}` → 201.
pub async fn api_create(ctx: Ctx, body: JsonObject<TargetBody>) -> Result<HttpResponse, AppError> {
    let (me, now) = (ctx.me()?.clone(), ctx.state.scheduler.clock().naive());
    let b = body.into_inner();
    let month = b.month.clone();
    let input = TargetInput {
        scope: b.scope,
        scope_id: Some(b.scope_id),
        metric: b.metric,
        month: b.month,
        amount: Some(b.amount),
    };
    let id = ctx
        .db(move |c| Ok(set_target(c, &me, &input, now)?))
        .await?;
    let month = parse_month(&month).unwrap_or_default();
    let item = progress_of(&ctx, month)
        .await?
        .into_iter()
        .find(|t| t["id"] == id)
        .unwrap_or(Value::Null);
    Ok(HttpResponse::Created().json(item))
}

pub async fn api_delete(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (me, id) = (ctx.me()?.clone(), *id);
    ctx.db(move |c| Ok(remove_target(c, &me, id)?)).await?;
    Ok(HttpResponse::NoContent().finish())
}
