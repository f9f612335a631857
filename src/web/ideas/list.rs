//! `/ideas`: every idea the user may see, with filters, sorting and pages.

use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{editors, names_for, scope};
use crate::domain::roles::Role;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
use crate::store::ideas::{Filter, Sort};
use crate::web::context::Ctx;
use crate::web::render::Page;
use crate::web::views::card;

pub const PAGE_SIZE: i64 = 50;

/// The list's query string; unknown or malformed values are ignored, never an error page.
#[derive(Debug, Default, Deserialize, serde::Serialize, Clone)]
pub struct ListQuery {
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub pillar: String,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub mine: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default, skip_serializing)]
    pub cursor: String,
}

impl ListQuery {
    pub fn filter(&self, ctx: &Ctx) -> Filter {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let tz = ctx.state.config.timezone;
        let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        // Days are the team's days: from the start of `from` to the end of `to`, in UTC.
        let start_of = |d: NaiveDate| {
            d.and_time(NaiveTime::MIN)
                .and_local_timezone(tz)
                .earliest()
                .map(|t| t.naive_utc())
        };
        Filter {
            state: State::parse(self.state.trim()),
            department_id: self.department.trim().parse().ok(),
            pillar: some(&self.pillar),
            tag: some(&self.tag).map(|t| crate::domain::ideas::normalise_tag(&t)),
            language: some(&self.language).map(|l| l.to_lowercase()),
            assignee_id: match self.assignee.trim() {
                "me" => ctx.user.as_ref().map(|u| u.id),
                a => a.parse().ok(),
            },
            submitter_id: (self.mine == "1")
                .then(|| ctx.user.as_ref().map(|u| u.id))
                .flatten(),
            submitted_from: day(&self.from).and_then(start_of),
            submitted_to: day(&self.to).and_then(|d| d.succ_opt()).and_then(start_of),
            q: some(&self.q),
        }
    }

    pub fn sort(&self) -> Sort {
        if self.sort == "oldest" {
            Sort::Oldest
        } else {
            Sort::Newest
        }
    }

    /// This query with another cursor, for the next page's link.
    pub fn with_cursor(&self, cursor: i64) -> String {
        let mut pairs = serde_urlencoded::to_string(self).unwrap_or_default();
        pairs.push_str(&format!("&cursor={cursor}"));
        pairs
    }
}

/// What the filter form shows: handed to its partial as one small object, so that the
/// partial does not copy the page's data.
pub async fn filters(
    ctx: &Ctx,
    q: &ListQuery,
    action: &str,
    hide_state: bool,
) -> Result<Value, AppError> {
    Ok(json!({
        "action": action,
        "hide_state": hide_state,
        "q": q,
        "choices": filter_choices(ctx, q).await?,
    }))
}

async fn filter_choices(ctx: &Ctx, q: &ListQuery) -> Result<Value, AppError> {
    let reference = ctx.reference().await?;
    let (departments, pillars) = (&reference.departments, &reference.pillars);
    let is_contributor = ctx.role() == Some(Role::Contributor);
    Ok(json!({
        "states": State::ALL.iter().map(|s| json!({"value": s.as_str(), "text": ctx.t(&format!("state-{s}")), "selected": q.state == s.as_str()})).collect::<Vec<_>>(),
        "departments": if is_contributor { vec![] } else { departments.iter().map(|d| json!({"value": d.id, "text": d.name, "selected": q.department == d.id.to_string()})).collect::<Vec<_>>() },
        "pillars": pillars.iter().map(|p| json!({"value": p, "text": p, "selected": &q.pillar == p})).collect::<Vec<_>>(),
        "languages": crate::domain::ideas::LANGUAGES.iter().map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}")), "selected": q.language == *l})).collect::<Vec<_>>(),
        "assignees": editors(&reference, q.assignee.parse().ok()),
    }))
}

pub async fn list(ctx: Ctx, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let scope = scope(&ctx)?;
    let filter = q.filter(&ctx);
    let cursor = q.cursor.trim().parse::<i64>().ok();
    let sort = q.sort();
    let (ideas, next) = ctx
        .db(move |c| {
            Ok(store::ideas::cards(
                c, &scope, &filter, sort, cursor, PAGE_SIZE,
            )?)
        })
        .await?;
    let names = names_for(&ctx, ideas.iter().map(|i| i.id).collect()).await?;
    let tz = ctx.me()?.timezone.clone();
    let rows: Vec<Value> = ideas.iter().map(|i| card(&ctx, i, &names, &tz)).collect();
    let is_editor = matches!(ctx.role(), Some(Role::Editor | Role::Admin));
    Page::new("ideas/list", "ideas-title")
        .data(json!({
            "ideas": rows,
            "filters": filters(&ctx, &q, "/ideas", false).await?,
            "next": next.map(|n| format!("/ideas?{}", q.with_cursor(n))),
            "is_editor": is_editor,
            "mine": q.mine == "1",
            "filtered": !(q.state.is_empty() && q.department.is_empty() && q.pillar.is_empty() && q.tag.is_empty() && q.language.is_empty() && q.assignee.is_empty() && q.from.is_empty() && q.to.is_empty() && q.q.is_empty()),
        }))
        .render(&ctx)
}
