//! `/insights`: what went out in a period and what it earned, per channel, department,
//! pillar or language; the same table as CSV at `/insights.csv`.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::inbox::{answer_times as domain_answer_times, Answer, AnswerTimes};
use crate::domain::insights::{csv_cell, period, By, PERIODS};
use crate::error::AppError;
use crate::store;
use crate::store::insights::Row;
use crate::web::context::Ctx;
use crate::web::render::Page;

#[derive(Debug, Deserialize)]
pub struct Query {
    #[serde(default)]
    days: String,
    #[serde(default)]
    by: String,
}

impl Query {
    /// The period and grouping asked for, strictly (the API): a value that means nothing is
    /// a 400 naming its parameter.
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

/// Answer times in the inbox over the period: per channel and per person, each with the
/// figures of all answers last.
async fn answer_times(
    ctx: &Ctx,
    days: i64,
) -> Result<(Vec<AnswerTimes>, Vec<AnswerTimes>), AppError> {
    let tz: chrono_tz::Tz = ctx.me()?.timezone.parse().unwrap_or(chrono_tz::UTC);
    let (from, to) = period(ctx.state.scheduler.clock().naive(), days, tz);
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

async fn rows(ctx: &Ctx, days: i64, by: By) -> Result<(Vec<Row>, Row), AppError> {
    let tz: chrono_tz::Tz = ctx.me()?.timezone.parse().unwrap_or(chrono_tz::UTC);
    let (from, to) = period(ctx.state.scheduler.clock().naive(), days, tz);
    ctx.db(move |c| Ok(store::insights::rollup(c, from, to, by)?))
        .await
}

pub async fn show(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let (days, by) = q.read();
    let (rows, total) = rows(&ctx, days, by).await?;
    let (answers_by_channel, answers_by_person) = answer_times(&ctx, days).await?;
    Page::new("insights/show", "insights-title")
        .data(json!({
            "has_answers": answers_by_channel.last().is_some_and(|t| t.answers > 0),
            "answers_by_channel": answers_by_channel.iter().map(answer_view).collect::<Vec<_>>(),
            "answers_by_person": answers_by_person.iter().map(answer_view).collect::<Vec<_>>(),
            "rows": rows.iter().map(view).collect::<Vec<_>>(),
            "total": view(&total),
            "by_label": ctx.t(&format!("insights-by-{}", by.as_str())),
            "periods": PERIODS.iter().map(|d| json!({"value": d, "text": ctx.state.i18n.text(ctx.lang, "insights-days", &[("n", d.to_string())]), "selected": *d == days})).collect::<Vec<_>>(),
            "groupings": By::ALL.iter().map(|b| json!({"value": b.as_str(), "text": ctx.t(&format!("insights-by-{}", b.as_str())), "selected": *b == by})).collect::<Vec<_>>(),
            "csv": format!("/insights.csv?days={days}&by={}", by.as_str()),
        }))
        .render(&ctx)
}

pub async fn csv(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let (days, by) = q.read();
    let (rows, total) = rows(&ctx, days, by).await?;
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
    for r in &rows {
        write(line(&r.key, r)).map_err(AppError::internal)?;
    }
    write(line(&total_label, &total)).map_err(AppError::internal)?;
    let body = out.into_inner().map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"insights-{}-{days}d.csv\"",
                by.as_str()
            ),
        ))
        .body(body))
}

/// `GET /api/v1/insights?days=&by=`: the page's table as JSON.
pub async fn api(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let (days, by) = q.strict()?;
    let (rows, total) = rows(&ctx, days, by).await?;
    let (by_channel, by_person) = answer_times(&ctx, days).await?;
    Ok(HttpResponse::Ok().json(json!({
        "answer_times": {"by_channel": by_channel, "by_person": by_person},
        "days": days,
        "by": by.as_str(),
        "items": rows.iter().map(view).collect::<Vec<_>>(),
        "total": view(&total),
    })))
}
