//! `/admin/channels`: channels of each kind, their settings (secrets sealed, never shown back),
//! posting schedules with a preview of the next slots, pausing.

pub mod edit;
pub mod list;
pub mod schedules;

use serde_json::{json, Value};

use crate::domain::channels::{Kind, Settings};
use crate::domain::slots::{next_slots, PostingSchedule};
use crate::domain::validate::FieldErrors;
use crate::web::context::Ctx;
use crate::web::render::local_time;

/// The channel's settings form: plain values shown, secrets only as "set".
pub fn fields_view(
    ctx: &Ctx,
    kind: Kind,
    plain: &Settings,
    secrets_set: &[String],
    errors: &FieldErrors,
) -> Value {
    kind.fields()
        .iter()
        .map(|f| {
            json!({
                "name": f.name,
                "label": ctx.t(&format!("channel-field-{}", f.name.replace('_', "-"))),
                "secret": f.secret,
                "required": f.required,
                "value": if f.secret { String::new() } else { plain.get(f.name).cloned().unwrap_or_default() },
                "switch": f.value == crate::domain::channels::Value::Switch,
                "checked": crate::domain::channels::switched_on(plain, f.name),
                "is_set": f.secret && secrets_set.iter().any(|s| s == f.name),
                "error": errors.get(f.name).map(|k| ctx.t(k)),
            })
        })
        .collect()
}

/// The page that shows a signing secret Pressroom made, once: it is stored sealed and
/// never shown again.
pub fn secret_once(
    ctx: &Ctx,
    channel_id: i64,
    secret: &str,
) -> Result<actix_web::HttpResponse, crate::error::AppError> {
    crate::web::render::Page::new("admin/channels/secret", "channel-secret-title")
        .data(json!({"channel_id": channel_id, "secret": secret}))
        .render(ctx)
}

/// The next ten slots, in the viewer's time zone.
pub fn slot_preview(ctx: &Ctx, schedules: &[PostingSchedule]) -> Vec<String> {
    let tz = ctx
        .user
        .as_ref()
        .map(|u| u.timezone.clone())
        .unwrap_or_else(|| "UTC".into());
    next_slots(schedules, chrono::Utc::now(), 10)
        .into_iter()
        .map(|t| {
            let local = local_time(t.naive_utc(), &tz);
            let day = t
                .with_timezone(&tz.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC))
                .format("%a")
                .to_string();
            format!("{day} {local}")
        })
        .collect()
}

pub fn kind_label(ctx: &Ctx, kind: &str) -> String {
    ctx.t(&format!("channel-kind-{kind}"))
}

/// Plain and secret settings from a form whose fields are named after the kind's fields.
pub fn settings_from_form(kind: Kind, form: &crate::web::forms::FormPairs) -> (Settings, Settings) {
    let (mut plain, mut secrets) = (Settings::new(), Settings::new());
    for f in kind.fields() {
        let v = form.one(f.name);
        if f.secret {
            secrets.insert(f.name.to_string(), v);
        } else {
            plain.insert(f.name.to_string(), v);
        }
    }
    (plain, secrets)
}
