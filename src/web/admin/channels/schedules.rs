//! `POST /admin/channels/{id}/schedules`: preview or add a posting schedule; and delete one.

use actix_web::{web, HttpResponse};

use super::edit::{load, render, EditState, ScheduleInput};
use super::slot_preview;
use crate::domain::channels::Settings;
use crate::domain::slots::{PostingSchedule, ScheduleError};
use crate::domain::validate::FieldErrors;
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

fn message(ctx: &Ctx, e: &ScheduleError) -> String {
    match e {
        ScheduleError::Cron(why) => {
            ctx.state
                .i18n
                .text(ctx.lang, "error-cron", &[("why", why.clone())])
        }
        ScheduleError::Timezone(_) => ctx.t("error-timezone"),
        ScheduleError::NeverFires => ctx.t("error-cron-never"),
    }
}

pub async fn add(ctx: Ctx, id: web::Path<i64>, form: FormPairs) -> Result<HttpResponse, AppError> {
    let (ch, schedules) = load(&ctx, *id).await?;
    let (cron, timezone) = (form.one("cron"), form.one("timezone"));
    let parsed = PostingSchedule::parse(&cron, &timezone);
    let preview_only = form.one("intent") == "preview";
    let schedule = match &parsed {
        Err(e) => Some(ScheduleInput {
            cron: cron.clone(),
            timezone: timezone.clone(),
            error: Some(message(&ctx, e)),
            preview: vec![],
        }),
        Ok(p) if preview_only => Some(ScheduleInput {
            cron: cron.clone(),
            timezone: timezone.clone(),
            error: None,
            preview: slot_preview(&ctx, std::slice::from_ref(p)),
        }),
        Ok(_) => None,
    };
    if let Some(schedule) = schedule {
        let plain: Settings = serde_json::from_str(&ch.config).unwrap_or_default();
        let errors = FieldErrors::new();
        let st = EditState {
            name: &ch.name,
            plain: &plain,
            several: ch.several_per_slot,
            errors: &errors,
            schedule,
        };
        return render(&ctx, &ch, &schedules, st).await;
    }
    let p = parsed.map_err(|_| AppError::internal("checked above"))?;
    let (expr, tz, cid) = (p.expression.clone(), p.timezone.name().to_string(), ch.id);
    ctx.db(move |c| Ok(store::channels::add_schedule(c, cid, &expr, &tz)?))
        .await?;
    ctx.audit(
        "channel.schedule_added",
        format!("{}: {}", ch.name, p.expression),
    )
    .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/channels/{}", ch.id),
        "flash-schedule-added",
    ))
}

pub async fn delete(ctx: Ctx, path: web::Path<(i64, i64)>) -> Result<HttpResponse, AppError> {
    let (id, schedule_id) = path.into_inner();
    let (ch, _) = load(&ctx, id).await?;
    let n = ctx
        .db(move |c| Ok(store::channels::delete_schedule(c, id, schedule_id)?))
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    ctx.audit("channel.schedule_removed", ch.name).await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/channels/{id}"),
        "flash-schedule-removed",
    ))
}
