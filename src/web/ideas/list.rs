//! `/ideas`: every idea the user may see, with filters, sorting and pages.

use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::{editors, scope};
use crate::domain::roles::Role;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
use crate::store::reference::Reference;
use crate::web::context::Ctx;
use crate::web::fragments::{self, ListRow};
pub use crate::web::idea_query::ListQuery;
use crate::web::render::{put, Page};

pub const PAGE_SIZE: i64 = 50;

/// What the filter form shows: handed to its partial as one small object, so that the
/// partial does not copy the page's data.
pub fn filters(
    ctx: &Ctx,
    reference: &Reference,
    q: &ListQuery,
    action: &str,
    hide_state: bool,
) -> Value {
    let mut filters = json!({"action": action, "hide_state": hide_state, "q": q});
    put(&mut filters, "choices", filter_choices(ctx, reference, q));
    filters
}

/// Each list moved into its place (`json!` would copy every option once more).
fn filter_choices(ctx: &Ctx, reference: &Reference, q: &ListQuery) -> Value {
    let (departments, pillars) = (&reference.departments, &reference.pillars);
    let is_contributor = ctx.role() == Some(Role::Contributor);
    let mut choices = json!({});
    put(&mut choices, "states", State::ALL.iter().map(|s| json!({"value": s.as_str(), "text": ctx.t(&format!("state-{s}")), "selected": q.state == s.as_str()})).collect::<Vec<_>>());
    put(
        &mut choices,
        "departments",
        if is_contributor {
            vec![]
        } else {
            departments.iter().map(|d| json!({"value": d.id, "text": d.name, "selected": q.department == d.id.to_string()})).collect::<Vec<_>>()
        },
    );
    put(
        &mut choices,
        "pillars",
        pillars
            .iter()
            .map(|p| json!({"value": p, "text": p, "selected": &q.pillar == p}))
            .collect::<Vec<_>>(),
    );
    put(&mut choices, "languages", crate::domain::ideas::LANGUAGES.iter().map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}")), "selected": q.language == *l})).collect::<Vec<_>>());
    put(
        &mut choices,
        "assignees",
        editors(reference, q.assignee.parse().ok()),
    );
    choices
}

pub async fn list(ctx: Ctx, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let scope = scope(&ctx)?;
    let filter = q.filter(&ctx)?;
    let cursor = q.cursor.trim().parse::<i64>().ok();
    let sort = q.sort();
    let cache = ctx.state.reference.clone();
    let (ideas, next, reference) = ctx
        .db(move |c| {
            let (ideas, next) = store::ideas::cards(c, &scope, &filter, sort, cursor, PAGE_SIZE)?;
            Ok((ideas, next, cache.get(c)?))
        })
        .await?;
    let is_editor = matches!(ctx.role(), Some(Role::Editor | Role::Admin));
    let rows_html = rows(&ctx, &ideas, &reference, is_editor)?;
    Page::new("ideas/list", "ideas-title")
        .data(json!({
            "any": !ideas.is_empty(),
            "next": next.map(|n| format!("/ideas?{}", q.with_cursor(n))),
            "is_editor": is_editor,
            "mine": q.mine == "1",
            "filtered": !(q.state.is_empty() && q.department.is_empty() && q.pillar.is_empty() && q.tag.is_empty() && q.language.is_empty() && q.assignee.is_empty() && q.from.is_empty() && q.to.is_empty() && q.q.is_empty()),
        }))
        .put("rows_html", rows_html)
        .put("filters", filters(&ctx, &reference, &q, "/ideas", false))
        .render(&ctx)
}

/// The page's rows as HTML (see `fragments`): state labels looked up once per state, not per
/// row, and the reader's time zone parsed once.
fn rows(
    ctx: &Ctx,
    ideas: &[store::ideas::Card],
    reference: &Reference,
    selectable: bool,
) -> Result<String, AppError> {
    let tz: chrono_tz::Tz = ctx.me()?.timezone.parse().unwrap_or(chrono_tz::UTC);
    let labels: std::collections::HashMap<State, String> = State::ALL
        .iter()
        .map(|s| (*s, ctx.t(&format!("state-{s}"))))
        .collect();
    let created: Vec<String> = ideas
        .iter()
        .map(|i| crate::web::render::local_time_in(i.created_at, &tz))
        .collect();
    let person = |id: i64| reference.people.get(&id).map_or("", String::as_str);
    let rows: Vec<ListRow> = ideas
        .iter()
        .zip(&created)
        .map(|(i, created)| ListRow {
            id: i.id,
            title: &i.title,
            submitter: person(i.submitter_id),
            created,
            tags: &i.tags.0,
            state: i.state.as_str(),
            state_label: &labels[&i.state],
            department: reference.department_name(i.department_id).unwrap_or(""),
            assignee: i.assignee_id.map(person),
            wished_date: i.wished_date,
        })
        .collect();
    let mut html = String::with_capacity(rows.len() * 600);
    fragments::list_rows(&mut html, &rows, selectable);
    Ok(html)
}
