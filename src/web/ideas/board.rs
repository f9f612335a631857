//! `/ideas/board`: one column per state with counts on top, for the editors' triage.

use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::list::{filters, ListQuery};
use super::{names_for, scope};
use crate::domain::workflow::{self, State};
use crate::error::AppError;
use crate::store;
use crate::store::ideas::Sort;
use crate::web::context::Ctx;
use crate::web::render::Page;
use crate::web::views::card;

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
    let mut filter = q.filter(&ctx);
    filter.state = None;
    let counts_filter = filter.clone();
    let (counts, columns) = ctx
        .db(move |c| {
            let counts = store::ideas::count_by_state(c, &scope, &counts_filter, &COLUMNS)?;
            let mut columns = vec![];
            for state in COLUMNS {
                let f = store::ideas::Filter {
                    state: Some(state),
                    ..filter.clone()
                };
                columns.push((
                    state,
                    store::ideas::cards(c, &scope, &f, Sort::Oldest, None, CARDS_PER_COLUMN)?.0,
                ));
            }
            Ok((counts, columns))
        })
        .await?;
    let all: Vec<i64> = columns
        .iter()
        .flat_map(|(_, ideas)| ideas.iter().map(|i| i.id))
        .collect();
    let names = names_for(&ctx, all).await?;
    let me = ctx.me()?;
    let tz = me.timezone.clone();
    let cols: Vec<Value> = columns
        .iter()
        .map(|(state, ideas)| {
            let count = counts.iter().find(|(s, _)| s == state).map(|(_, n)| *n).unwrap_or(0);
            let cards: Vec<Value> = ideas
                .iter()
                .map(|i| {
                    let mut v = card(&ctx, i, &names, &tz);
                    let moves: Vec<Value> = workflow::available(i.state, me.role(), me.id == i.submitter_id)
                        .into_iter()
                        .map(|t| json!({"to": t.to.as_str(), "text": ctx.t(t.action), "needs_comment": t.needs_comment}))
                        .collect();
                    v["moves"] = json!(moves);
                    v
                })
                .collect();
            json!({
                "state": state.as_str(),
                "label": ctx.t(&format!("state-{state}")),
                "count": count,
                "more": count > ideas.len() as i64,
                "cards": cards,
            })
        })
        .collect();
    Page::new("ideas/board", "board-title")
        .data(json!({"columns": cols, "filters": filters(&ctx, &q, "/ideas/board", true).await?}))
        .render(&ctx)
}
