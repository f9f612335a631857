//! `GET /publications`: newest first; `?attention=1` shows those that failed or were not
//! confirmed, `?state=` one state.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::html::esc;
use crate::domain::publications::PubState;
use crate::error::AppError;
use crate::store;
use crate::store::publications::{Filter, Publication};
use crate::web::context::Ctx;
use crate::web::fragments::{self, PublicationCell, PublicationLabels};
use crate::web::render::{local_time, Page};
use std::fmt::Write;

#[derive(Debug, Deserialize)]
pub struct Query {
    #[serde(default)]
    attention: Option<String>,
    #[serde(default)]
    state: Option<String>,
    /// Older than this publication: the next page.
    #[serde(default)]
    before: Option<String>,
}

/// Rows a page shows; older ones are a "next page" away.
const PER_PAGE: usize = 50;

/// The words of a publication's cells in the reader's language.
pub fn labels(ctx: &Ctx) -> PublicationLabels {
    PublicationLabels {
        live_link: ctx.t("pub-live-link"),
        next_retry: ctx.t("pub-next-retry"),
        last_error: ctx.t("pub-last-error"),
        unconfirmed_help: ctx.t("pub-unconfirmed-help"),
        retry: ctx.t("pub-retry"),
        confirm: ctx.t("pub-confirm"),
        confirm_url: ctx.t("pub-confirm-url"),
    }
}

/// One publication's state (label, live link, error) and what may be done about it, as HTML:
/// (state, actions).
pub fn cells(
    ctx: &Ctx,
    labels: &PublicationLabels,
    p: &Publication,
    tz: &str,
    back: &str,
) -> (String, String) {
    let s = p.state;
    let label = ctx.t(&format!("pub-state-{}", s.as_str()));
    let next_retry = p.next_retry_at.map(|t| local_time(t, tz));
    let cell = PublicationCell {
        id: p.id,
        state: s.as_str(),
        state_label: &label,
        url: p
            .url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        next_retry: next_retry.as_deref(),
        error: p.last_error.as_deref(),
        can_retry: s.can_retry(),
        can_confirm: s.can_confirm(),
        unconfirmed: s == PubState::Unconfirmed,
        back,
    };
    let (mut state, mut actions) = (String::new(), String::new());
    fragments::publication_state(&mut state, &cell, labels);
    fragments::publication_actions(&mut actions, &cell, labels, &ctx.csrf);
    (state, actions)
}

pub async fn list(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let attention = q.attention.as_deref() == Some("1");
    let state = q.state.as_deref().and_then(PubState::parse);
    let filter = Filter {
        state,
        before_id: q.before.as_deref().and_then(|b| b.parse().ok()),
        ..Default::default()
    };
    // One more than shown tells whether there is a next page.
    let mut rows = ctx
        .db(move |c| {
            Ok(store::publications::overview(
                c,
                &filter,
                attention,
                PER_PAGE as i64 + 1,
            )?)
        })
        .await?;
    let next = (rows.len() > PER_PAGE).then(|| {
        rows.truncate(PER_PAGE);
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        if attention {
            url.append_pair("attention", "1");
        }
        if let Some(s) = state {
            url.append_pair("state", s.as_str());
        }
        let last = rows.last().map(|r| r.publication.id).unwrap_or_default();
        url.append_pair("before", &last.to_string());
        format!("/publications?{}", url.finish())
    });
    let tz = ctx.me()?.timezone.clone();
    let reference = ctx.reference().await?;
    // The rows are written in Rust: a partial per row would copy the page's data each time.
    let labels = labels(&ctx);
    let mut html = String::new();
    for r in &rows {
        let (state, actions) = cells(
            &ctx,
            &labels,
            &r.publication,
            &tz,
            "/publications?attention=1",
        );
        let _ = write!(
            html,
            r#"<tr><td><a href="/content/{}">{}</a> <span class="muted">{}</span></td><td>{}</td><td class="nowrap">{}</td><td>{state}</td><td>{actions}</td></tr>"#,
            r.content_id,
            esc(&r.title),
            esc(&r.language),
            esc(reference
                .channel_name(r.publication.channel_id)
                .unwrap_or("")),
            esc(&local_time(r.publication.scheduled_at, &tz)),
        );
    }
    let filters: Vec<Value> = PubState::ALL
        .iter()
        .map(|s| json!({"value": s.as_str(), "text": ctx.t(&format!("pub-state-{}", s.as_str())), "selected": state == Some(*s)}))
        .collect();
    Page::new("publications/list", "publications-title")
        .data(json!({"any": !rows.is_empty(), "states": filters, "attention": attention, "next": next}))
        .put("rows_html", html)
        .render(&ctx)
}
