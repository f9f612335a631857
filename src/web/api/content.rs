//! `/api/v1/content` and `/api/v1/variants`: production and scheduling for scripts.

use crate::web::json::JsonObject;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::DateTime;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::add_variant::add_variant as add;
use crate::actions::create_content::create_content;
use crate::actions::edit_content::edit_content;
use crate::actions::edit_variant::VariantTexts;
use crate::actions::schedule_variant::{schedule_variant, Target};
use crate::actions::unschedule_variant::unschedule_variant;
use crate::error::AppError;
use crate::store;
use crate::store::content::Variant;
use crate::web::context::Ctx;
use crate::web::loaders::{content as load, variant as load_variant};

fn variant_view(v: &Variant) -> Value {
    json!({
        "id": v.id, "content_id": v.content_id, "channel_id": v.channel_id, "language": v.language,
        "text": v.text, "link": v.link, "subject": v.subject, "preheader": v.preheader, "images": v.image_list(),
        "scheduled_at": v.scheduled_at.map(|t| t.and_utc().to_rfc3339()),
    })
}

async fn content_view(ctx: &Ctx, id: i64, status: StatusCode) -> Result<HttpResponse, AppError> {
    let (content, idea) = load(ctx, id).await?;
    let vars = ctx
        .db(move |c| Ok(store::content::variants_of(c, id)?))
        .await?;
    Ok(HttpResponse::build(status).json(json!({
        "id": content.id, "idea_id": idea.id, "idea_state": idea.state, "title": content.title, "body": content.body,
        "variants": vars.iter().map(variant_view).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct ContentBody {
    idea_id: i64,
    title: Option<String>,
    body: Option<String>,
}

pub async fn create(ctx: Ctx, body: JsonObject<ContentBody>) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let idea = crate::web::loaders::idea(&ctx, body.idea_id).await?;
    // Checked before the piece is made, so a refused title leaves nothing behind.
    crate::actions::edit_content::check(
        body.title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&idea.title),
        body.body.as_deref().unwrap_or(""),
    )?;
    let (me, mail) = (ctx.me()?.clone(), ctx.state.mail.clone());
    let id = ctx
        .db(move |c| Ok(create_content(c, &mail, &me, &idea)?))
        .await?;
    if body.title.is_some() || body.body.is_some() {
        let (content, _) = load(&ctx, id).await?;
        ctx.db(move |c| {
            Ok(edit_content(
                c,
                &content,
                body.title.as_deref(),
                body.body.as_deref(),
            )?)
        })
        .await?;
    }
    content_view(&ctx, id, StatusCode::CREATED).await
}

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    content_view(&ctx, *id, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct VariantBody {
    channel_id: i64,
    language: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    preheader: String,
    #[serde(default)]
    images: Vec<crate::domain::variants::Image>,
}

pub async fn add_variant(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<VariantBody>,
) -> Result<HttpResponse, AppError> {
    let (content, _) = load(&ctx, *id).await?;
    let b = body.into_inner();
    let texts = VariantTexts {
        text: b.text,
        link: b.link,
        subject: b.subject,
        preheader: b.preheader,
        images: b.images,
    };
    let cid = content.id;
    let vid = ctx
        .db(move |c| Ok(add(c, cid, b.channel_id, &b.language, &texts)?))
        .await?;
    let (v, _) = load_variant(&ctx, vid).await?;
    Ok(HttpResponse::Created().json(variant_view(&v)))
}

#[derive(Deserialize)]
pub struct ScheduleBody {
    at: Option<String>,
    slot: Option<String>,
}

pub async fn schedule(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<ScheduleBody>,
) -> Result<HttpResponse, AppError> {
    let (v, ch) = load_variant(&ctx, *id).await?;
    let b = body.into_inner();
    let target = match (b.slot.as_deref(), b.at.as_deref()) {
        (Some("next"), _) => Target::NextSlot,
        (_, Some(at)) => Target::At(
            DateTime::parse_from_rfc3339(at)
                .map_err(|_| {
                    AppError::Invalid([("at", "error-time-invalid")].into_iter().collect())
                })?
                .naive_utc(),
        ),
        _ => {
            return Err(AppError::Invalid(
                [("at", "error-time-invalid")].into_iter().collect(),
            ))
        }
    };
    let (me, mail, vid) = (ctx.me()?.clone(), ctx.state.mail.clone(), v.id);
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
    .await?;
    let (v, _) = load_variant(&ctx, vid).await?;
    Ok(HttpResponse::Ok().json(variant_view(&v)))
}

pub async fn unschedule(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let (v, _) = load_variant(&ctx, *id).await?;
    let (me, mail, variant) = (ctx.me()?.clone(), ctx.state.mail.clone(), v.clone());
    ctx.db(move |c| Ok(unschedule_variant(c, &mail, &me, &variant, store::now())?))
        .await?;
    let (v, _) = load_variant(&ctx, v.id).await?;
    Ok(HttpResponse::Ok().json(variant_view(&v)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedBody {
    channel_id: Option<i64>,
}

pub async fn create_feed(ctx: Ctx, body: web::Bytes) -> Result<HttpResponse, AppError> {
    let body: Option<FeedBody> = crate::web::json::optional_object(&body)?;
    let channel_id = body.and_then(|b| b.channel_id);
    let user_id = ctx.me()?.id;
    let secret = ctx
        .db(move |c| {
            Ok(crate::actions::create_calendar_feed::create_calendar_feed(
                c, user_id, channel_id,
            )?)
        })
        .await?;
    Ok(HttpResponse::Created()
        .json(json!({"url": format!("{}/calendar/{secret}.ics", ctx.state.config.base_url)})))
}
