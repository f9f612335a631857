//! `/ideas/{id}`: the idea, its history, comments, the review steps this user can take.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::{editors, scope, view};
use crate::domain::roles::Role;
use crate::domain::workflow;
use crate::error::AppError;
use crate::store;
use crate::store::ideas::Idea;
use crate::web::context::Ctx;
use crate::web::markdown::to_safe_html;
use crate::web::render::{local_time, Page};
use crate::web::views::names_in;

/// What a failed step or comment brings back: the text the user typed and why it failed.
#[derive(Default)]
pub struct Kept {
    pub comment: String,
    pub error: Option<String>,
    pub status: Option<StatusCode>,
}

pub fn can_edit(ctx: &Ctx, idea: &Idea) -> bool {
    ctx.user.as_ref().is_some_and(|me| {
        crate::domain::access::may_edit_idea(me.id, me.role(), idea.submitter_id, idea.state)
    })
}

/// What the idea page shows besides the idea, read in one trip to the database.
struct Gathered {
    events: Vec<store::ideas::Event>,
    similar: Vec<store::ideas::Alike>,
    content_id: Option<i64>,
    results: Vec<store::insights::PostResult>,
    names: super::Names,
}

fn gather(
    c: &mut crate::db::Conn,
    scope: &crate::domain::access::IdeaScope,
    idea: &Idea,
    is_editor: bool,
    cache: &store::reference::Cache,
) -> Result<Gathered, AppError> {
    let content_id = store::content::for_idea(c, idea.id)?;
    Ok(Gathered {
        events: store::ideas::events(c, idea.id)?,
        similar: if is_editor {
            store::ideas::similar(c, scope, idea, 5)?
        } else {
            vec![]
        },
        // An idea without a piece has no posts: no statement for them.
        results: match content_id {
            Some(id) => store::insights::of_piece(c, id)?,
            None => vec![],
        },
        content_id,
        names: names_in(c, cache, &[idea.id])?,
    })
}

pub async fn render(ctx: &Ctx, idea: &Idea, kept: Kept) -> Result<HttpResponse, AppError> {
    let scope = scope(ctx)?;
    let is_editor = ctx.me()?.role() != Role::Contributor;
    let cache = ctx.state.reference.clone();
    let gathered = {
        let idea = idea.clone();
        ctx.db(move |c| gather(c, &scope, &idea, is_editor, &cache))
            .await?
    };
    present(ctx, idea, gathered, kept)
}

fn present(
    ctx: &Ctx,
    idea: &Idea,
    gathered: Gathered,
    kept: Kept,
) -> Result<HttpResponse, AppError> {
    let me = ctx.me()?.clone();
    let is_editor = me.role() != Role::Contributor;
    let Gathered {
        events,
        similar,
        content_id,
        results,
        names,
    } = gathered;
    let history: Vec<Value> = events
        .iter()
        .map(|e| {
            let changes: Value = serde_json::from_str(&e.changes).unwrap_or(json!({}));
            let fields: Vec<Value> = changes
                .as_object()
                .map(|m| {
                    m.iter()
                        .filter(|(k, _)| *k != "assignee")
                        .map(|(k, v)| json!({"field": ctx.t(&format!("field-{}", k.replace('_', "-"))), "old": v[0], "new": v[1]}))
                        .collect()
                })
                .unwrap_or_default();
            json!({
                "at": local_time(e.at, &me.timezone),
                "actor": e.actor,
                "kind": e.kind,
                "is_comment": e.kind == "comment",
                "from": e.from_state.as_ref().map(|s| ctx.t(&format!("state-{s}"))),
                "to": e.to_state.as_ref().map(|s| ctx.t(&format!("state-{s}"))),
                "comment": e.comment,
                "changes": fields,
                "label": ctx.t(&format!("event-{}", e.kind)),
            })
        })
        .collect();
    let moves: Vec<Value> = workflow::available(
        idea.state,
        me.role(),
        me.id == idea.submitter_id,
    )
    .into_iter()
    .map(
        |t| json!({"to": t.to.as_str(), "text": ctx.t(t.action), "needs_comment": t.needs_comment}),
    )
    .collect();
    let similar: Vec<Value> = similar
        .into_iter()
        .map(|a| json!({"id": a.id, "title": a.title, "state": ctx.t(&format!("state-{}", a.state)), "score": format!("{:.0}%", a.score * 100.0)}))
        .collect();
    Page::new("ideas/show", "idea-title")
        .status(kept.status.unwrap_or(StatusCode::OK))
        .data(json!({
            "idea": view(ctx, idea, &names),
            "pitch_html": to_safe_html(&idea.pitch),
            "history": history,
            "moves": moves,
            "can_edit": can_edit(ctx, idea),
            "content_id": content_id,
            "can_produce": is_editor && content_id.is_none() && idea.state == crate::domain::workflow::State::Approved,
            "is_editor": is_editor,
            "editors": if is_editor { editors(&names.reference, idea.assignee_id) } else { json!([]) },
            "similar": similar,
            "results": results.iter().map(|r| json!({
                "channel": r.channel,
                "language": r.language,
                "published": r.published_at.map(|t| local_time(t, &me.timezone)),
                "url": r.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                "clicks": r.clicks,
                "engagement": r.engagement,
            })).collect::<Vec<_>>(),
            "kept_comment": kept.comment,
            "page_error": kept.error,
        }))
        .render(ctx)
}

/// The idea and all the page shows of it in one trip to the database.
pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let scope = scope(&ctx)?;
    let is_editor = ctx.me()?.role() != Role::Contributor;
    let cache = ctx.state.reference.clone();
    let id = *id;
    let (idea, gathered) = ctx
        .db(move |c| {
            let idea = crate::web::loaders::idea_in(c, &scope, id)?;
            let gathered = gather(c, &scope, &idea, is_editor, &cache)?;
            Ok((idea, gathered))
        })
        .await?;
    present(&ctx, &idea, gathered, Kept::default())
}
