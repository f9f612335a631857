//! `/admin/channels`: channels of each kind, their settings (secrets sealed, never shown back),
//! posting schedules with a preview of the next slots, pausing.

pub mod edit;
pub mod list;
pub mod schedules;

use serde_json::{json, Value};

use crate::config::Config;
use crate::domain::channels::{self, Kind, Settings};
use crate::domain::ideas::{join_list, split_list};
use crate::domain::slots::{next_slots, PostingSchedule};
use crate::domain::validate::{self, FieldErrors};
use crate::security;
use crate::store::channels::{Channel, ChannelWrite, ScheduleRow};
use crate::web::context::Ctx;
use crate::web::render::local_time;

/// What saving a channel stores, and a secret Pressroom made for it, to show once.
pub struct Prepared {
    pub write: ChannelWrite,
    pub new_signing_secret: Option<String>,
}

/// Checks a channel's settings and seals its secrets; a blank secret keeps the stored one.
/// A webhook without a signing secret gets a new one.
pub fn prepare(
    config: &Config,
    kind: Kind,
    existing: Option<&Channel>,
    name: &str,
    plain: &Settings,
    secrets: &Settings,
    several_per_slot: bool,
) -> Result<Prepared, FieldErrors> {
    let mut errors = FieldErrors::new();
    validate::name(&mut errors, "name", name);
    let already: Vec<String> = existing
        .map(|c| split_list(&c.secrets_set))
        .unwrap_or_default();
    let plain_http_ok = |u: &str| config.allowed_hosts.allows_plain_http(u);
    let checked = channels::check(kind, plain, secrets, &already, &plain_http_ok);
    let (clean, new_secrets) = match checked {
        Ok(ok) if errors.is_empty() => ok,
        Ok(_) => return Err(errors),
        Err(e) => {
            errors.extend(e);
            return Err(errors);
        }
    };
    // Keep the stored secrets, replaced by those given now, and seal again with the current key.
    let mut all: Settings = existing
        .filter(|c| !c.secrets.is_empty())
        .and_then(|c| security::open(&config.keys(), &c.secrets).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    all.extend(new_secrets);
    let new_signing_secret = (kind == Kind::Webhook && !all.contains_key("signing_secret"))
        .then(security::new_webhook_secret);
    if let Some(s) = &new_signing_secret {
        all.insert("signing_secret".into(), s.clone());
    }
    let names: Vec<&String> = all.keys().collect();
    let write = ChannelWrite {
        name: name.trim().to_string(),
        config: serde_json::to_string(&clean).unwrap_or_else(|_| "{}".into()),
        secrets: if all.is_empty() {
            String::new()
        } else {
            security::seal(
                &config.secret_key,
                serde_json::to_string(&all).unwrap_or_default().as_bytes(),
            )
        },
        secrets_set: join_list(&names),
        several_per_slot,
    };
    Ok(Prepared {
        write,
        new_signing_secret,
    })
}

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

pub fn parsed_schedules(rows: &[ScheduleRow]) -> Vec<PostingSchedule> {
    rows.iter()
        .filter_map(|r| PostingSchedule::parse(&r.cron, &r.timezone).ok())
        .collect()
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
