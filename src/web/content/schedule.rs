//! `POST /variants/{id}/schedule` (next free slot, a chosen slot, or a time) and `/unschedule`.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDateTime};

use super::{load_variant, parse_local, problem_text, problems, render, VariantError};
use crate::domain::slots::PostingSchedule;
use crate::domain::variants::next_free_slot;
use crate::error::AppError;
use crate::store;
use crate::store::channels::Channel;
use crate::store::content::Variant;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::redirect_with_flash;

/// Where the variant should go: `slot=next`, `slot=<RFC 3339>` or `at=<local date-time>`.
pub enum Target {
    NextSlot,
    At(NaiveDateTime),
}

/// Checks the variant against its channel's rules, resolves the target to a time and
/// schedules it; a broken rule is `Unprocessable` with the message in the user's language.
pub async fn schedule_variant(
    ctx: &Ctx,
    v: &Variant,
    ch: &Channel,
    target: Target,
) -> Result<NaiveDateTime, AppError> {
    if let Some(p) = problems(ch, v).first() {
        return Err(AppError::Unprocessable(problem_text(ctx, p)));
    }
    let at = match target {
        Target::At(t) => t,
        Target::NextSlot => {
            let (cid, vid, several) = (ch.id, v.id, ch.several_per_slot);
            let (rows, taken) = ctx
                .db(move |c| {
                    Ok((
                        store::channels::schedules(c, cid)?,
                        store::content::taken(c, cid, store::now(), vid)?,
                    ))
                })
                .await?;
            let schedules: Vec<PostingSchedule> = rows
                .iter()
                .filter_map(|r| PostingSchedule::parse(&r.cron, &r.timezone).ok())
                .collect();
            let taken: Vec<_> = taken.iter().map(|t| t.and_utc()).collect();
            next_free_slot(&schedules, &taken, several, chrono::Utc::now())
                .ok_or(AppError::Refused("error-no-free-slot"))?
                .naive_utc()
        }
    };
    let (me, mail, variant, several) = (
        ctx.me()?.clone(),
        ctx.state.mail.clone(),
        v.clone(),
        ch.several_per_slot,
    );
    ctx.db(move |c| store::content::schedule(c, &mail, &me, &variant, at, several))
        .await?;
    Ok(at)
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
        Ok(target) => schedule_variant(&ctx, &v, &ch, target).await,
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
        Err(AppError::Unprocessable(message)) => {
            render(
                &ctx,
                v.content_id,
                Some(VariantError {
                    variant_id: v.id,
                    message,
                }),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

pub async fn unschedule(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (v, _) = load_variant(&ctx, *id).await?;
    let (me, mail, variant) = (ctx.me()?.clone(), ctx.state.mail.clone(), v.clone());
    ctx.db(move |c| store::content::unschedule(c, &mail, &me, &variant))
        .await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("/content/{}#variant-{}", v.content_id, v.id),
        "flash-variant-unscheduled",
    ))
}
