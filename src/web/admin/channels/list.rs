//! `/admin/channels` and `/admin/channels/new`: the channels, and adding one of a kind.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{fields_view, kind_label, settings_from_form};
use crate::actions::save_channel::{prepare, Prepared};
use crate::domain::channels::{Kind, Settings};
use crate::domain::slots::next_slots;
use crate::domain::validate::FieldErrors;
use crate::error::AppError;
use crate::store;
use crate::store::channels::parsed_schedules;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::render::{field_errors, local_time, redirect_with_flash, Page};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let channels = ctx
        .db(|c| {
            let list = store::channels::list(c)?;
            let mut out = vec![];
            for ch in list {
                let s = store::channels::schedules(c, ch.id)?;
                out.push((ch, s));
            }
            Ok(out)
        })
        .await?;
    let tz = ctx.me()?.timezone.clone();
    let rows: Vec<Value> = channels
        .iter()
        .map(|(ch, s)| {
            let next = next_slots(&parsed_schedules(s), chrono::Utc::now(), 1).first().map(|t| local_time(t.naive_utc(), &tz));
            json!({"id": ch.id, "name": ch.name, "kind": kind_label(&ctx, &ch.kind), "paused": ch.paused_at.is_some(), "schedules": s.len(), "next": next})
        })
        .collect();
    let kinds: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| json!({"value": k.as_str(), "text": kind_label(&ctx, k.as_str())}))
        .collect();
    Page::new("admin/channels/list", "channels-title")
        .data(json!({"channels": rows, "kinds": kinds}))
        .render(&ctx)
}

#[derive(Deserialize)]
pub struct KindQuery {
    #[serde(default)]
    kind: String,
}

async fn render_new(
    ctx: &Ctx,
    kind: Kind,
    name: &str,
    plain: &Settings,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    Page::new("admin/channels/new", "channel-new-title")
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        })
        .data(json!({
            "kind": kind.as_str(),
            "kind_label": kind_label(ctx, kind.as_str()),
            "name": name,
            "fields": fields_view(ctx, kind, plain, &[], errors),
            "errors": field_errors(ctx, errors),
        }))
        .render(ctx)
}

pub async fn new_form(ctx: Ctx, q: web::Query<KindQuery>) -> Result<HttpResponse, AppError> {
    let kind = Kind::parse(&q.kind).ok_or(AppError::NotFound)?;
    render_new(&ctx, kind, "", &Settings::new(), &FieldErrors::new()).await
}

pub async fn create(ctx: Ctx, form: FormPairs) -> Result<HttpResponse, AppError> {
    let kind = Kind::parse(&form.one("kind"))
        .ok_or_else(|| AppError::BadRequest("unknown channel kind".into()))?;
    let name = form.one("name");
    let (plain, secrets) = settings_from_form(kind, &form);
    let Prepared {
        write,
        new_signing_secret,
    } = match prepare(
        &ctx.state.config,
        kind,
        None,
        &name,
        &plain,
        &secrets,
        form.one("several_per_slot") == "1",
    ) {
        Ok(w) => w,
        Err(errors) => return render_new(&ctx, kind, &name, &plain, &errors).await,
    };
    let created = ctx
        .db(move |c| Ok(store::channels::create(c, kind.as_str(), &write)?))
        .await?;
    let Some(channel) = created else {
        let errors: FieldErrors = [("name", "error-channel-name-taken")].into_iter().collect();
        return render_new(&ctx, kind, &name, &plain, &errors).await;
    };
    ctx.audit(
        "channel.created",
        format!("{} ({})", channel.name, channel.kind),
    )
    .await?;
    if let Some(secret) = new_signing_secret {
        return super::secret_once(&ctx, channel.id, &secret);
    }
    Ok(redirect_with_flash(
        &ctx,
        &format!("/admin/channels/{}", channel.id),
        "flash-channel-saved",
    ))
}
