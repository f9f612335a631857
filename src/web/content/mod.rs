//! Content pieces: made from an approved idea, with a variant per channel and language, each
//! checked against its channel's rules and put into a slot or at a time.

pub mod create;
pub mod edit;
pub mod schedule;
pub mod variants;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use chrono::{NaiveDateTime, TimeZone};
use serde_json::{json, Value};

use crate::actions::schedule_variant::{channel_problems, free_slots, mastodon_limit};
use crate::domain::ideas::LANGUAGES;
use crate::domain::variants::{self as rules, mastodon_length};
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
pub use crate::web::loaders::{content as load, variant as load_variant};
use crate::web::markdown::to_safe_html;
use crate::web::render::{local_time, Page};

/// Parses a `datetime-local` value in the user's zone; `None` for a time that does not exist.
pub fn parse_local(value: &str, tz: &str) -> Option<NaiveDateTime> {
    let tz: chrono_tz::Tz = tz.parse().ok()?;
    let naive = NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.naive_utc())
}

/// What failed for one variant, shown beside it with the user's input.
pub struct VariantError {
    pub variant_id: i64,
    pub message: String,
}

pub async fn render(
    ctx: &Ctx,
    content_id: i64,
    error: Option<VariantError>,
) -> Result<HttpResponse, AppError> {
    let (content, idea) = load(ctx, content_id).await?;
    let tz = ctx.me()?.timezone.clone();
    let (vars, channels, free, pubs) = ctx
        .db(move |c| {
            let vars = store::content::variants_of(c, content_id)?;
            let channels = store::channels::list(c)?;
            // Each variant's free slots, its own time counting as free.
            let now = store::now();
            let mut free = std::collections::HashMap::new();
            for v in &vars {
                if let Some(ch) = channels.iter().find(|ch| ch.id == v.channel_id) {
                    let slots = free_slots(c, ch, v.id, now, 10)?;
                    free.insert(v.id, slots);
                }
            }
            let ids: Vec<i64> = vars.iter().map(|v| v.id).collect();
            let pubs = store::publications::for_variants(c, &ids)?;
            Ok((vars, channels, free, pubs))
        })
        .await?;
    let pub_labels = crate::web::publications::list::labels(ctx);
    let variants_view: Vec<Value> = vars
        .iter()
        .filter_map(|v| {
            let ch = channels.iter().find(|ch| ch.id == v.channel_id)?;
            let free: Vec<Value> = free
                .get(&v.id)
                .into_iter()
                .flatten()
                .map(|t| json!({"value": t.to_rfc3339(), "text": local_time(t.naive_utc(), &tz)}))
                .collect();
            let images = v.image_list();
            let kind = ch.kind.as_str();
            Some(json!({
                "id": v.id,
                "channel": ch.name,
                "kind": kind,
                "kind_label": ctx.t(&format!("channel-kind-{kind}")),
                "is_mastodon": kind == "mastodon",
                "has_subject": kind == "newsletter" || kind == "feed",
                "subject_label": ctx.t(if kind == "feed" { "variant-title" } else { "variant-subject" }),
                "is_newsletter": kind == "newsletter",
                "language": v.language,
                "language_label": ctx.t(&format!("language-{}", v.language)),
                "text": v.text,
                "link": v.link,
                "subject": v.subject,
                "preheader": v.preheader,
                "images": images.iter().map(|i| format!("{} | {}", i.url, i.alt)).collect::<Vec<_>>().join("\n"),
                "count": mastodon_length(&v.text, &v.link),
                "limit": mastodon_limit(ch).unwrap_or(rules::MASTODON_DEFAULT_LIMIT),
                "problems": channel_problems(ch, v).iter().map(|p| ctx.problem_text(p)).collect::<Vec<_>>(),
                "preview_html": to_safe_html(&v.text),
                "scheduled": v.scheduled_at.map(|t| local_time(t, &tz)),
                "free_slots": free,
                "error": error.as_ref().filter(|e| e.variant_id == v.id).map(|e| e.message.clone()),
                "publication_html": pubs.iter().find(|p| p.variant_id == v.id).map(|p| {
                    let back = format!("/content/{content_id}#variant-{}", v.id);
                    let (state, actions) = crate::web::publications::list::cells(ctx, &pub_labels, p, &tz, &back);
                    format!("{state} {actions}")
                }),
            }))
        })
        .collect();
    let channel_options: Vec<Value> = channels
        .iter()
        .map(|ch| json!({"value": ch.id, "text": ch.name}))
        .collect();
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}"))}))
        .collect();
    let failed = error.is_some();
    Page::new("content/edit", "content-title")
        .status(if failed { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK })
        .data(json!({
            "content": {"id": content.id, "title": content.title, "body": content.body},
            "idea": {"id": idea.id, "title": idea.title, "state": idea.state, "state_label": ctx.t(&format!("state-{}", idea.state))},
            "variants": variants_view,
            "channels": channel_options,
            "languages": languages,
        }))
        .render(ctx)
}
