//! `/ideas/board`: one column per state with counts on top, for the editors' triage.

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::list::{filters, ListQuery};
use super::scope;
use crate::domain::workflow::{self, State};
use crate::error::AppError;
use crate::store;
use crate::web::context::Ctx;
use crate::web::fragments::{self, BoardCard};
use crate::web::render::{put, Page};

/// Drafts are private and archived ideas done: the board shows the states in between.
pub const COLUMNS: [State; 8] = [
    State::Submitted,
    State::InReview,
    State::ChangesRequested,
    State::Approved,
    State::InProduction,
    State::Scheduled,
    State::Published,
    State::Rejected,
];
pub const CARDS_PER_COLUMN: i64 = 25;

pub async fn show(ctx: Ctx, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let scope = scope(&ctx)?;
    let mut filter = q.filter(&ctx)?;
    filter.state = None;
    let counts_filter = filter.clone();
    let cache = ctx.state.reference.clone();
    let (counts, columns, reference) = ctx
        .db(move |c| {
            let counts = store::ideas::count_by_state(c, &scope, &counts_filter, &COLUMNS)?;
            let columns = store::ideas::columns(c, &scope, &filter, &COLUMNS, CARDS_PER_COLUMN)?;
            Ok((counts, columns, cache.get(c)?))
        })
        .await?;
    let me = ctx.me()?;
    // Each step's label once per page, not once per card.
    let labels: HashMap<&'static str, String> = workflow::TRANSITIONS
        .iter()
        .map(|t| (t.action, ctx.t(t.action)))
        .collect();
    let move_label = ctx.t("board-move");
    let cols: Vec<Value> = columns
        .iter()
        .map(|(state, ideas)| {
            let count = counts
                .iter()
                .find(|(s, _)| s == state)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            let cards: Vec<BoardCard> = ideas
                .iter()
                .map(|i| BoardCard {
                    id: i.id,
                    title: &i.title,
                    version: i.version,
                    department: reference.department_name(i.department_id).unwrap_or(""),
                    assignee: i
                        .assignee_id
                        .and_then(|a| reference.people.get(&a))
                        .map(String::as_str),
                    tags: &i.tags.0,
                    moves: workflow::available(i.state, me.role(), me.id == i.submitter_id)
                        .into_iter()
                        .map(|t| (t, labels[t.action].as_str()))
                        .collect(),
                })
                .collect();
            let mut html = String::with_capacity(cards.len() * 900);
            fragments::board_cards(&mut html, &cards, &ctx.csrf, &move_label);
            let mut col = json!({
                "state": state.as_str(),
                "label": ctx.t(&format!("state-{state}")),
                "count": count,
                "more": count > ideas.len() as i64,
            });
            put(&mut col, "cards_html", html);
            col
        })
        .collect();
    Page::new("ideas/board", "board-title")
        .put(
            "filters",
            filters(&ctx, &reference, &q, "/ideas/board", true),
        )
        .put("columns", cols)
        .render(&ctx)
}
