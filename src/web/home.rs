//! `/`: the start page after sign-in: one's own ideas, what waits for review, what to do next.

use actix_web::HttpResponse;
use serde_json::json;

use crate::domain::roles::Role;
use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store;
use crate::store::ideas::Filter;
use crate::web::context::Ctx;
use crate::web::ideas::scope;
use crate::web::render::Page;

pub async fn show(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let is_admin = ctx.role() == Some(Role::Admin);
    let is_editor = ctx.role().is_some_and(|r| r != Role::Contributor);
    let (me, scope) = (ctx.me()?.id, scope(&ctx)?);
    let cache = ctx.state.reference.clone();
    let now = ctx.state.scheduler.clock().naive();
    let tz = ctx.me()?.timezone.clone();
    let (users, departments, mine, waiting, attention, inbox, results) = ctx
        .db(move |c| {
            let (users, departments) = if is_admin {
                (store::users::count(c)?, cache.get(c)?.departments.len())
            } else {
                (0, 0)
            };
            let count = |c: &mut crate::db::Conn, f: Filter| store::ideas::count(c, &scope, &f);
            let mine = count(
                c,
                Filter {
                    submitter_id: Some(me),
                    ..Default::default()
                },
            )?;
            // From the kept counts: this page is every visit's first.
            let waiting =
                store::ideas::count_by_state(c, &scope, &Filter::default(), &[State::Submitted])?
                    .iter()
                    .map(|(_, n)| n)
                    .sum::<i64>();
            let (attention, inbox) = if is_editor {
                (
                    store::publications::needing_attention(c)?,
                    store::inbox::open_counts(c, now)?,
                )
            } else {
                (0, (0, 0))
            };
            // What one's own published ideas earned, the latest eight.
            let results = store::insights::of_submitter(c, me, 8)?;
            Ok((users, departments, mine, waiting, attention, inbox, results))
        })
        .await?;
    Page::new("home", "home-title")
        .data(json!({
            "is_admin": is_admin,
            "user_count": users,
            "department_count": departments,
            "needs_departments": is_admin && departments == 0,
            "role_label": ctx.role().map(|r| ctx.t(&format!("role-{r}"))),
            "my_ideas": mine,
            "waiting": waiting,
            "attention": attention,
            "results": results.iter().map(|r| json!({
                "idea_id": r.idea_id,
                "title": r.title,
                "publications": r.publications,
                "clicks": r.clicks,
                "engagement": r.engagement,
                "published": crate::web::render::local_time(r.last_published_at, &tz),
            })).collect::<Vec<_>>(),
            "inbox_open": inbox.0,
            "inbox_overdue": inbox.1,
        }))
        .render(&ctx)
}
