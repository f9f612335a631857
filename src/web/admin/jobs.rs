//! `/admin/jobs`: due, running, retrying and dead jobs with their errors; run now or cancel.

use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use crate::actions::retry_publication::retry_publication;
use crate::error::AppError;
use crate::store;
use crate::store::jobs::{Job, DEAD, QUEUED, RUNNING};
use crate::web::context::Ctx;
use crate::web::render::{local_time, redirect_with_flash, Page};

const SHOWN: i64 = 100;

fn rows(jobs: &[Job], tz: &str) -> Vec<Value> {
    jobs.iter()
        .map(|j| {
            json!({
                "id": j.id, "kind": j.kind, "key": j.unique_key, "attempts": j.attempts,
                "max_attempts": if j.max_attempts == i32::MAX { None } else { Some(j.max_attempts) },
                "run_at": local_time(j.run_at, tz), "error": j.last_error, "worker": j.locked_by,
            })
        })
        .collect()
}

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let now = ctx.state.scheduler.clock().naive();
    let (queued, running, dead) = ctx
        .db(move |c| {
            Ok((
                store::jobs::list(c, QUEUED, SHOWN * 2)?,
                store::jobs::list(c, RUNNING, SHOWN)?,
                store::jobs::list(c, DEAD, SHOWN)?,
            ))
        })
        .await?;
    let tz = ctx.me()?.timezone.clone();
    let (retrying, waiting): (Vec<Job>, Vec<Job>) =
        queued.into_iter().partition(|j| j.attempts > 0);
    let due: Vec<Job> = waiting
        .into_iter()
        .filter(|j| j.run_at <= now + chrono::Duration::hours(24))
        .take(SHOWN as usize)
        .collect();
    Page::new("admin/jobs", "jobs-title")
        .data(json!({
            "sections": [
                {"title": ctx.t("jobs-running"), "jobs": rows(&running, &tz), "can_retry": false, "can_cancel": false},
                {"title": ctx.t("jobs-retrying"), "jobs": rows(&retrying, &tz), "can_retry": true, "can_cancel": true},
                {"title": ctx.t("jobs-dead"), "jobs": rows(&dead, &tz), "can_retry": true, "can_cancel": true},
                {"title": ctx.t("jobs-due"), "jobs": rows(&due, &tz), "can_retry": true, "can_cancel": true},
            ],
        }))
        .render(&ctx)
}

pub async fn retry(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (id, now, me) = (*id, ctx.state.scheduler.clock().naive(), ctx.me()?.clone());
    ctx.db(move |c| {
        let job = store::jobs::find(c, id)?.ok_or(AppError::NotFound)?;
        // A publication is sent again the one way editors do it, so its state follows.
        if job.kind == store::publications::JOB_KIND {
            let publication = serde_json::from_str::<Value>(&job.payload)
                .ok()
                .and_then(|v| v["publication_id"].as_i64())
                .ok_or(AppError::NotFound)?;
            retry_publication(c, &me, publication, now)?;
            return Ok(());
        }
        match store::jobs::retry_now(c, id, now)? {
            0 => Err(AppError::NotFound),
            _ => Ok(()),
        }
    })
    .await?;
    ctx.audit("job.retried", format!("job {id}")).await?;
    ctx.state.scheduler.wake();
    Ok(redirect_with_flash(
        &ctx,
        "/admin/jobs",
        "flash-job-retried",
    ))
}

pub async fn cancel(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (id, now) = (*id, ctx.state.scheduler.clock().naive());
    let n = ctx
        .db(move |c| Ok(store::jobs::cancel(c, id, now)?))
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    ctx.audit("job.cancelled", format!("job {id}")).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/admin/jobs",
        "flash-job-cancelled",
    ))
}
