//! `/insights`: what went out in a period and what it earned, per channel, department,
//! pillar or language; the same table as CSV at `/insights.csv`; the best and weakest pieces,
//! the way from idea to post per department, and the month's targets.

pub mod chart;
pub mod targets;

use std::sync::Arc;

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::inbox::{answer_times as domain_answer_times, Answer, AnswerTimes};
use crate::domain::insights::{csv_cell, open_end, period, range, By, PERIODS};
use crate::error::AppError;
use crate::store;
use crate::store::insights::{Dashboard, Row};
use crate::web::context::Ctx;
use crate::web::render::Page;

#[derive(Debug, Deserialize, Default)]
pub struct Query {
    #[serde(default)]
    days: String,
    #[serde(default)]
    by: String,
    /// A custom range, whole days in the reader's zone (`2026-11-01`), both ends included.
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// The period a request asks for: the last `days` days, or a custom range.
#[derive(Debug, Clone, Copy)]
pub enum Span {
    Days(i64),
    Range(chrono::NaiveDate, chrono::NaiveDate),
}

impl Span {
    fn bounds(
        self,
        now: chrono::NaiveDateTime,
        tz: chrono_tz::Tz,
    ) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
        match self {
            Span::Days(d) => period(now, d, tz),
            Span::Range(a, b) => range(a, b, tz).unwrap_or_else(|| period(now, 30, tz)),
        }
    }

    /// The query string that asks for it again (links, CSV).
    fn query(self) -> String {
        match self {
            Span::Days(d) => format!("days={d}"),
            Span::Range(a, b) => format!("from={a}&to={b}"),
        }
    }
}

impl Query {
    /// A custom range, if one is asked for: `Some(Err(parameter))` when it means nothing.
    fn range(&self) -> Option<Result<Span, &'static str>> {
        if self.from.is_empty() && self.to.is_empty() {
            return None;
        }
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        Some(match (day(&self.from), day(&self.to)) {
            (None, _) => Err("from"),
            (_, None) => Err("to"),
            (Some(a), Some(b)) if range(a, b, chrono_tz::UTC).is_none() => Err("to"),
            (Some(a), Some(b)) => Ok(Span::Range(a, b)),
        })
    }

    /// The period and grouping asked for, strictly (the API): a value that means nothing is
    /// a 400 naming its parameter.
    fn strict_span(&self) -> Result<(Span, By), AppError> {
        let (days, by) = self.strict()?;
        match self.range() {
            None => Ok((Span::Days(days), by)),
            Some(Ok(span)) => Ok((span, by)),
            Some(Err(p)) => Err(AppError::BadRequest(format!(
                "{p}: a day like 2026-11-01; from no later than to, at most three years apart"
            ))),
        }
    }

    /// Like `read`, with a custom range when it is a good one.
    fn read_span(&self) -> (Span, By, bool) {
        let (days, by) = self.read();
        match self.range() {
            None => (Span::Days(days), by, false),
            Some(Ok(span)) => (span, by, false),
            Some(Err(_)) => (Span::Days(days), by, true),
        }
    }

    fn strict(&self) -> Result<(i64, By), AppError> {
        let days = match self.days.as_str() {
            "" => 30,
            d => d
                .parse()
                .ok()
                .filter(|d| PERIODS.contains(d))
                .ok_or_else(|| {
                    AppError::BadRequest(format!("days: one of {PERIODS:?}, not {d:?}"))
                })?,
        };
        let by = match self.by.as_str() {
            "" => By::Channel,
            b => By::parse(b).ok_or_else(|| {
                AppError::BadRequest(format!(
                    "by: channel, department, pillar or language, not {b:?}"
                ))
            })?,
        };
        Ok((days, by))
    }

    /// The period and grouping asked for; values that mean nothing fall back to 30 days by
    /// channel, as the pages' filters do.
    fn read(&self) -> (i64, By) {
        let days = self
            .days
            .parse()
            .ok()
            .filter(|d| PERIODS.contains(d))
            .unwrap_or(30);
        (days, By::parse(&self.by).unwrap_or(By::Channel))
    }
}

/// A row as the page and the API show it.
fn view(r: &Row) -> Value {
    json!({"key": r.key, "publications": r.publications, "clicks": r.clicks, "engagement": r.engagement})
}

fn tz_of(ctx: &Ctx) -> Result<chrono_tz::Tz, AppError> {
    Ok(ctx.me()?.timezone.parse().unwrap_or(chrono_tz::UTC))
}

/// Answer times in the inbox over the period: per channel and per person, each with the
/// figures of all answers last.
async fn answer_times(
    ctx: &Ctx,
    span: Span,
) -> Result<(Vec<AnswerTimes>, Vec<AnswerTimes>), AppError> {
    let (from, to) = span.bounds(ctx.state.scheduler.clock().naive(), tz_of(ctx)?);
    let rows = ctx
        .db(move |c| Ok(store::inbox::answers(c, from, to)?))
        .await?;
    let total = ctx.t("insights-total");
    let answers = |person: bool| -> Vec<Answer> {
        rows.iter()
            .map(|(channel, who, start, due, sent)| Answer {
                key: if person {
                    who.clone().unwrap_or_default()
                } else {
                    channel.clone()
                },
                waited: *sent - *start,
                in_time: sent <= due,
            })
            .collect()
    };
    Ok((
        domain_answer_times(&answers(false), &total),
        domain_answer_times(&answers(true), &total),
    ))
}

/// A row of answer times as the page shows it, the share as a percentage.
fn answer_view(t: &AnswerTimes) -> Value {
    let mut v = json!(t);
    v["within"] = json!(format!("{:.0} %", t.within_target * 100.0));
    v
}

/// The period's dashboard (kept until something it adds up is written).
async fn dashboard(ctx: &Ctx, span: Span, by: By) -> Result<Arc<Dashboard>, AppError> {
    // "The last n days" read to no end: see `open_end`.
    let (from, to) = match span.bounds(ctx.state.scheduler.clock().naive(), tz_of(ctx)?) {
        (from, _) if matches!(span, Span::Days(_)) => (from, open_end()),
        bounds => bounds,
    };
    let names = ctx.reference().await?;
    let cache = ctx.state.insights.clone();
    ctx.db(move |c| Ok(store::insights::dashboard(c, &cache, &names, from, to, by)?))
        .await
}

pub async fn show(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    show_with(ctx, q.into_inner(), None, actix_web::http::StatusCode::OK).await
}

/// The page; `kept` is a target form that came back with errors.
pub async fn show_with(
    ctx: Ctx,
    q: Query,
    kept: Option<Value>,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, AppError> {
    let (span, by, bad_range) = q.read_span();
    let d = dashboard(&ctx, span, by).await?;
    let (answers_by_channel, answers_by_person) = answer_times(&ctx, span).await?;
    let month = targets::this_month(&ctx)?;
    let goals = targets::progress_of(&ctx, month).await?;
    let days = match span {
        Span::Days(d) => Some(d),
        Span::Range(..) => None,
    };
    let (from_value, to_value) = match span {
        Span::Range(a, b) => (a.to_string(), b.to_string()),
        Span::Days(_) => (String::new(), String::new()),
    };
    let chart = chart::bars(
        &d.rows
            .iter()
            .map(|r| (r.key.clone(), r.clicks, r.engagement))
            .collect::<Vec<_>>(),
        &ctx.t("insights-clicks"),
        &ctx.t("insights-engagement"),
    );
    Page::new("insights/show", "insights-title")
        .status(status)
        .data(json!({
            "kept_target": kept,
            "has_answers": answers_by_channel.last().is_some_and(|t| t.answers > 0),
            "answers_by_channel": answers_by_channel.iter().map(answer_view).collect::<Vec<_>>(),
            "answers_by_person": answers_by_person.iter().map(answer_view).collect::<Vec<_>>(),
            "rows": d.rows.iter().map(view).collect::<Vec<_>>(),
            "total": view(&d.total),
            "top": d.top,
            "bottom": d.bottom,
            "funnel": d.funnel.iter().map(|f| {
                let mut v = json!(f);
                v["lead"] = json!(f.lead_days_p50.map(|d| format!("{d:.1} d")).unwrap_or_else(|| "—".into()));
                v
            }).collect::<Vec<_>>(),
            "chart_svg": chart,
            "targets": goals,
            "target_form": targets::form(&ctx, month).await?,
            "bad_range": bad_range,
            "from": from_value,
            "to": to_value,
            "by_label": ctx.t(&format!("insights-by-{}", by.as_str())),
            "periods": PERIODS.iter().map(|d| json!({"value": d, "text": ctx.state.i18n.text(ctx.lang, "insights-days", &[("n", d.to_string())]), "selected": Some(*d) == days})).collect::<Vec<_>>(),
            "groupings": By::ALL.iter().map(|b| json!({"value": b.as_str(), "text": ctx.t(&format!("insights-by-{}", b.as_str())), "selected": *b == by})).collect::<Vec<_>>(),
            "csv": format!("/insights.csv?{}&by={}", span.query(), by.as_str()),
        }))
        .render(&ctx)
}

pub async fn csv(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let (span, by, _) = q.read_span();
    let d = dashboard(&ctx, span, by).await?;
    let mut out = csv::Writer::from_writer(vec![]);
    let header = [
        ctx.t(&format!("insights-by-{}", by.as_str())),
        ctx.t("insights-publications"),
        ctx.t("insights-clicks"),
        ctx.t("insights-engagement"),
    ];
    let total_label = ctx.t("insights-total");
    let mut write = |cells: [String; 4]| out.write_record(cells.iter().map(|c| csv_cell(c)));
    let line = |key: &str, r: &Row| {
        [
            key.to_string(),
            r.publications.to_string(),
            r.clicks.to_string(),
            r.engagement.to_string(),
        ]
    };
    write(header).map_err(AppError::internal)?;
    for r in &d.rows {
        write(line(&r.key, r)).map_err(AppError::internal)?;
    }
    write(line(&total_label, &d.total)).map_err(AppError::internal)?;
    let body = out.into_inner().map_err(AppError::internal)?;
    let name = match span {
        Span::Days(days) => format!("{days}d"),
        Span::Range(a, b) => format!("{a}-{b}"),
    };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"insights-{}-{name}.csv\"",
                by.as_str()
            ),
        ))
        .body(body))
}

/// `GET /api/v1/insights?days=&by=` (or `from=&to=`): the page's tables as JSON.
pub async fn api(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let (span, by) = q.strict_span()?;
    let d = dashboard(&ctx, span, by).await?;
    let (by_channel, by_person) = answer_times(&ctx, span).await?;
    let (from, to) = span.bounds(ctx.state.scheduler.clock().naive(), tz_of(&ctx)?);
    Ok(HttpResponse::Ok().json(json!({
        "answer_times": {"by_channel": by_channel, "by_person": by_person},
        "days": match span { Span::Days(d) => Some(d), Span::Range(..) => None },
        "from": from.and_utc().to_rfc3339(),
        "to": to.and_utc().to_rfc3339(),
        "by": by.as_str(),
        "items": d.rows.iter().map(view).collect::<Vec<_>>(),
        "total": view(&d.total),
        "top": d.top,
        "bottom": d.bottom,
        "funnel": d.funnel,
    })))
}
