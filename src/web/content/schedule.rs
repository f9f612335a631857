//! `POST /variants/{id}/schedule` (next free slot, a chosen slot, or a time) and `/unschedule`.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDateTime};

use super::{load_variant, parse_local, render, VariantError};
use crate::actions::schedule_variant::schedule_variant;
pub use crate::actions::schedule_variant::Target;
use crate::actions::unschedule_variant::unschedule_variant;
use crate::error::AppError;
use crate::store;
use crate::store::channels::Channel;
use crate::store::content::Variant;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

/// Schedules the variant for the signed-in user and answers the time it got.
pub async fn schedule(
    ctx: &Ctx,
    v: &Variant,
    ch: &Channel,
    target: Target,
) -> Result<NaiveDateTime, AppError> {
    let (me, mail, v, ch) = (
        ctx.me()?.clone(),
        ctx.state.mail.clone(),
        v.clone(),
        ch.clone(),
    );
    ctx.db(move |c| {
        Ok(schedule_variant(
            c,
            &mail,
            &me,
            &v,
            &ch,
            target,
            store::now(),
        )?)
    })
    .await
}

/// Takes the variant's time away for the signed-in user.
pub async fn unschedule(ctx: &Ctx, v: &Variant) -> Result<(), AppError> {
    let (me, mail, v) = (ctx.me()?.clone(), ctx.state.mail.clone(), v.clone());
    ctx.db(move |c| Ok(unschedule_variant(c, &mail, &me, &v, store::now())?))
        .await
}

pub fn target_from_form(ctx: &Ctx, form: &FormPairs) -> Result<Target, AppError> {
    let slot = form.one("slot");
    let at = form.one("at");
    if slot == "next" {
        return Ok(Target::NextSlot);
    }
    if !slot.is_empty() {
        let t = DateTime::parse_from_rfc3339(&slot)
            .map_err(|_| AppError::Refused("error-time-invalid"))?;
        return Ok(Target::At(t.naive_utc()));
    }
    let tz = ctx.me()?.timezone.clone();
    parse_local(&at, &tz)
        .map(Target::At)
        .ok_or(AppError::Refused("error-time-invalid"))
}

pub async fn submit(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (v, ch) = load_variant(&ctx, *id).await?;
    let result = match target_from_form(&ctx, &form) {
        Ok(target) => schedule(&ctx, &v, &ch, target).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &format!("/content/{}#variant-{}", v.content_id, v.id),
            "flash-variant-scheduled",
        )),
        Err(AppError::Refused(key)) => {
            render(
                &ctx,
                v.content_id,
                Some(VariantError {
                    variant_id: v.id,
                    message: ctx.t(key),
                }),
            )
            .await
        }
        Err(AppError::ChannelRule(p)) => {
            render(
                &ctx,
                v.content_id,
                Some(VariantError {
                    variant_id: v.id,
                    message: ctx.problem_text(&p),
                }),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

pub async fn unschedule_submit(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (v, _) = load_variant(&ctx, *id).await?;
    unschedule(&ctx, &v).await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/content/{}#variant-{}", v.content_id, v.id),
        "flash-variant-unscheduled",
    ))
}
