//! `/admin/channels/{id}`: a channel's settings, schedules and pause switch.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::{fields_view, kind_label, settings_from_form, slot_preview};
use crate::actions::save_channel::{prepare, Prepared};
use crate::domain::channels::{Kind, Settings};
use crate::domain::ideas::split_list;
use crate::domain::validate::FieldErrors;
use crate::error::AppError;
use crate::store;
use crate::store::channels::parsed_schedules;
use crate::store::channels::{Channel, ScheduleRow};
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{field_errors, redirect_with_flash, timezone_options, Page};

pub async fn load(ctx: &Ctx, id: i64) -> Result<(Channel, Vec<ScheduleRow>), AppError> {
    ctx.db(move |c| {
        let ch = store::channels::find(c, id)?.ok_or(AppError::NotFound)?;
        let s = store::channels::schedules(c, id)?;
        Ok((ch, s))
    })
    .await
}

/// What the schedule form brings back: the typed line, its error, or its preview.
#[derive(Default)]
pub struct ScheduleInput {
    pub cron: String,
    pub timezone: String,
    pub error: Option<String>,
    pub preview: Vec<String>,
}

pub struct EditState<'a> {
    pub name: &'a str,
    pub plain: &'a Settings,
    pub several: bool,
    pub errors: &'a FieldErrors,
    pub schedule: ScheduleInput,
}

pub async fn render(
    ctx: &Ctx,
    ch: &Channel,
    schedules: &[ScheduleRow],
    st: EditState<'_>,
) -> Result<HttpResponse, AppError> {
    let kind = Kind::parse(&ch.kind)
        .ok_or_else(|| AppError::internal("stored channel of unknown kind"))?;
    let failed = !st.errors.is_empty() || st.schedule.error.is_some();
    let rows: Vec<Value> = schedules
        .iter()
        .map(|s| json!({"id": s.id, "cron": s.cron, "timezone": s.timezone}))
        .collect();
    let tz = if st.schedule.timezone.is_empty() {
        ctx.me()?.timezone.clone()
    } else {
        st.schedule.timezone.clone()
    };
    Page::new("admin/channels/edit", "channel-edit-title")
        .status(if failed { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK })
        .data(json!({
            "channel": {"id": ch.id, "kind": ch.kind, "kind_label": kind_label(ctx, &ch.kind), "paused": ch.paused_at.is_some()},
            "name": st.name,
            "several": st.several,
            "fields": fields_view(ctx, kind, st.plain, &split_list(&ch.secrets_set), st.errors),
            "errors": field_errors(ctx, st.errors),
            "schedules": rows,
            "slots": slot_preview(ctx, &parsed_schedules(schedules)),
            "schedule": {"cron": st.schedule.cron, "error": st.schedule.error, "preview": st.schedule.preview},
            "timezones": timezone_options(&tz),
        }))
        .render(ctx)
}

pub async fn edit(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (ch, schedules) = load(&ctx, *id).await?;
    let plain: Settings = serde_json::from_str(&ch.config).unwrap_or_default();
    let st = EditState {
        name: &ch.name,
        plain: &plain,
        several: ch.several_per_slot,
        errors: &FieldErrors::new(),
        schedule: ScheduleInput::default(),
    };
    render(&ctx, &ch, &schedules, st).await
}

pub async fn update(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (ch, schedules) = load(&ctx, *id).await?;
    let kind = Kind::parse(&ch.kind)
        .ok_or_else(|| AppError::internal("stored channel of unknown kind"))?;
    let name = form.one("name");
    let several = form.one("several_per_slot") == "1";
    let (plain, secrets) = settings_from_form(kind, &form);
    let Prepared {
        write,
        new_signing_secret,
    } = match prepare(
        &ctx.state.config,
        kind,
        Some(&ch),
        &name,
        &plain,
        &secrets,
        several,
    ) {
        Ok(w) => w,
        Err(errors) => {
            let st = EditState {
                name: &name,
                plain: &plain,
                several,
                errors: &errors,
                schedule: ScheduleInput::default(),
            };
            return render(&ctx, &ch, &schedules, st).await;
        }
    };
    let cid = ch.id;
    let saved = ctx
        .db(move |c| Ok(store::channels::update(c, cid, &write)?))
        .await?;
    if !saved {
        let errors: FieldErrors = [("name", "error-channel-name-taken")].into_iter().collect();
        let st = EditState {
            name: &name,
            plain: &plain,
            several,
            errors: &errors,
            schedule: ScheduleInput::default(),
        };
        return render(&ctx, &ch, &schedules, st).await;
    }
    ctx.audit("channel.updated", name).await?;
    if let Some(secret) = new_signing_secret {
        return super::secret_once(&ctx, ch.id, &secret);
    }
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/channels/{}", ch.id),
        "flash-channel-saved",
    ))
}

pub async fn pause(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    set_paused(ctx, *id, true).await
}

pub async fn resume(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    set_paused(ctx, *id, false).await
}

async fn set_paused(ctx: Ctx, id: i64, paused: bool) -> Result<HttpResponse, AppError> {
    let (ch, _) = load(&ctx, id).await?;
    let now = ctx.state.scheduler.clock().naive();
    ctx.db(move |c| {
        store::channels::set_paused(c, id, paused)?;
        // Posts held while it was paused go out now, not at their next check.
        if !paused {
            store::publications::release_channel(c, id, now)?;
        }
        Ok(())
    })
    .await?;
    ctx.state.scheduler.wake();
    ctx.audit(
        if paused {
            "channel.paused"
        } else {
            "channel.resumed"
        },
        ch.name,
    )
    .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/channels/{id}"),
        if paused {
            "flash-channel-paused"
        } else {
            "flash-channel-resumed"
        },
    ))
}
