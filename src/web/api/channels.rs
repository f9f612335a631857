//! `/api/v1/channels`: channels for scripts. Secrets are write-only: answers name which are set.

use crate::web::json::JsonObject;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::save_channel::{prepare, Prepared};
use crate::domain::channels::{Kind, Settings};
use crate::domain::ideas::split_list;
use crate::domain::slots::{next_slots, PostingSchedule};
use crate::domain::validate::FieldErrors;
use crate::error::AppError;
use crate::store;
use crate::store::channels::parsed_schedules;
use crate::store::channels::{Channel, ScheduleRow};
use crate::web::context::Ctx;

#[derive(Debug, Deserialize)]
pub struct ScheduleBody {
    cron: String,
    timezone: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ChannelBody {
    name: String,
    kind: String,
    #[serde(default)]
    config: Settings,
    #[serde(default)]
    secrets: Settings,
    #[serde(default)]
    schedules: Vec<ScheduleBody>,
    #[serde(default)]
    several_per_slot: bool,
}

fn view(ch: &Channel, schedules: &[ScheduleRow]) -> Value {
    let config: Value = serde_json::from_str(&ch.config).unwrap_or(json!({}));
    json!({
        "id": ch.id,
        "name": ch.name,
        "kind": ch.kind,
        "config": config,
        "secrets_set": split_list(&ch.secrets_set),
        "several_per_slot": ch.several_per_slot,
        "paused": ch.paused_at.is_some(),
        "schedules": schedules.iter().map(|s| json!({"id": s.id, "cron": s.cron, "timezone": s.timezone})).collect::<Vec<_>>(),
        "next_slots": next_slots(&parsed_schedules(schedules), chrono::Utc::now(), 10).iter().map(|t| t.to_rfc3339()).collect::<Vec<_>>(),
    })
}

pub async fn create(ctx: Ctx, body: JsonObject<ChannelBody>) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let kind = Kind::parse(&body.kind)
        .ok_or_else(|| AppError::Invalid([("kind", "error-channel-kind")].into_iter().collect()))?;
    let team_tz = ctx.state.config.timezone.name().to_string();
    let mut errors = FieldErrors::new();
    let mut schedules = vec![];
    for s in &body.schedules {
        match PostingSchedule::parse(&s.cron, s.timezone.as_deref().unwrap_or(&team_tz)) {
            Ok(p) => schedules.push(p),
            Err(crate::domain::slots::ScheduleError::Timezone(_)) => {
                errors.insert("schedules", "error-timezone");
            }
            Err(_) => {
                errors.insert("schedules", "error-cron-short");
            }
        }
    }
    let write = prepare(
        &ctx.state.config,
        kind,
        None,
        &body.name,
        &body.config,
        &body.secrets,
        body.several_per_slot,
    );
    let Prepared {
        write,
        new_signing_secret,
    } = match write {
        Ok(w) if errors.is_empty() => w,
        Ok(_) => return Err(AppError::Invalid(errors)),
        Err(e) => {
            errors.extend(e);
            return Err(AppError::Invalid(errors));
        }
    };
    let created = ctx
        .db(move |c| {
            crate::db::write_tx(c, |c| {
                let Some(ch) = store::channels::create(c, kind.as_str(), &write)? else {
                    return Ok(None);
                };
                for s in &schedules {
                    store::channels::add_schedule(c, ch.id, &s.expression, s.timezone.name())?;
                }
                let rows = store::channels::schedules(c, ch.id)?;
                Ok::<_, diesel::result::Error>(Some((ch, rows)))
            })
            .map_err(AppError::from)
        })
        .await?;
    let (ch, rows) = created.ok_or_else(|| {
        AppError::Invalid([("name", "error-channel-name-taken")].into_iter().collect())
    })?;
    ctx.audit("channel.created", format!("{} ({})", ch.name, ch.kind))
        .await?;
    let mut answer = view(&ch, &rows);
    // Made by Pressroom: shown this once, never again.
    if let Some(secret) = new_signing_secret {
        answer["signing_secret"] = json!(secret);
    }
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/channels/{}", ch.id)))
        .json(answer))
}

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let all = ctx
        .db(|c| {
            let mut out = vec![];
            for ch in store::channels::list(c)? {
                let rows = store::channels::schedules(c, ch.id)?;
                out.push((ch, rows));
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(
        json!({"items": all.iter().map(|(c, s)| view(c, s)).collect::<Vec<_>>(), "next": null}),
    ))
}

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let id = *id;
    let (ch, rows) = ctx
        .db(move |c| {
            let ch = store::channels::find(c, id)?.ok_or(AppError::NotFound)?;
            Ok((ch, store::channels::schedules(c, id)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(view(&ch, &rows)))
}
