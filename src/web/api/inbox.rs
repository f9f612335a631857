//! `/api/v1/inbox`: conversations with their messages, replies, state changes, and signed
//! pushes of messages from other systems.

use crate::web::json::JsonObject;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::{
    assign_conversation::assign_conversation, correct_sentiment::correct_sentiment,
    move_conversation::move_conversation, push_inbox::push_inbox,
    reply_to_conversation::reply_to_conversation,
};
use crate::domain::inbox::ConvState;
use crate::domain::tone::Sentiment;
use crate::error::AppError;
use crate::store;
use crate::store::inbox::{Conversation, Filter, Message};
use crate::web::context::Ctx;
use crate::web::state::AppState;

fn time(t: Option<chrono::NaiveDateTime>) -> Value {
    t.map(|t| Value::String(t.and_utc().to_rfc3339()))
        .unwrap_or(Value::Null)
}

fn message_view(m: &Message) -> Value {
    json!({
        "id": m.id,
        "kind": m.kind,
        "external_id": m.external_id,
        "in_reply_to": m.in_reply_to,
        "author": m.author,
        "author_name": m.author_name,
        "user_id": m.user_id,
        "text": m.text,
        "url": m.url,
        "sentiment": m.sentiment,
        "send_state": m.send_state,
        "error": m.error,
        "boosted": m.boosted_at.is_some(),
        "at": time(Some(m.at)),
    })
}

/// A conversation with its messages (`messages`: those of this conversation).
pub fn view(c: &Conversation, messages: &[&Message]) -> Value {
    json!({
        "id": c.id,
        "channel_id": c.channel_id,
        "publication_id": c.publication_id,
        "state": c.state,
        "sentiment": c.sentiment,
        "assignee_id": c.assignee_id,
        "received_at": time(Some(c.received_at)),
        "due_at": time(Some(c.due_at)),
        "answered_at": time(c.answered_at),
        "idea_id": c.idea_id,
        "messages": messages.iter().map(|m| message_view(m)).collect::<Vec<_>>(),
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    channel_id: Option<String>,
    assignee_id: Option<String>,
    state: Option<String>,
    sentiment: Option<String>,
    limit: Option<String>,
}

fn bad(name: &str, want: &str, got: &str) -> AppError {
    AppError::BadRequest(format!("{name}: {want}, not {got:?}"))
}

impl ListQuery {
    /// Strict: a value that means nothing is a 400 naming its parameter.
    fn read(&self) -> Result<(Filter, i64), AppError> {
        let id = |name: &str, v: &Option<String>| -> Result<Option<i64>, AppError> {
            match v.as_deref() {
                None | Some("") => Ok(None),
                Some(s) => s.parse().map(Some).map_err(|_| bad(name, "a number", s)),
            }
        };
        let state = match self.state.as_deref() {
            None | Some("") => None,
            Some(s) => Some(
                ConvState::parse(s)
                    .ok_or_else(|| bad("state", "open, answered, no_reply or closed", s))?,
            ),
        };
        let sentiment = match self.sentiment.as_deref() {
            None | Some("") => None,
            Some(s) => Some(
                Sentiment::parse(s)
                    .ok_or_else(|| bad("sentiment", "positive, neutral or negative", s))?,
            ),
        };
        let limit = match self.limit.as_deref() {
            None | Some("") => 50,
            Some(s) => s
                .parse()
                .ok()
                .filter(|l| (1..=200).contains(l))
                .ok_or_else(|| bad("limit", "1 to 200", s))?,
        };
        Ok((
            Filter {
                channel_id: id("channel_id", &self.channel_id)?,
                assignee_id: id("assignee_id", &self.assignee_id)?,
                state,
                sentiment,
            },
            limit,
        ))
    }
}

/// `GET /api/v1/inbox`: open conversations by default, the most urgent first.
pub async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let (mut filter, limit) = q.read()?;
    if q.state.is_none() {
        filter.state = Some(ConvState::Open);
    }
    let (convs, messages) = ctx
        .db(move |c| {
            let convs = store::inbox::list(c, &filter, limit)?;
            let ids: Vec<i64> = convs.iter().map(|cv| cv.id).collect();
            Ok((convs, store::inbox::messages(c, &ids)?))
        })
        .await?;
    let grouped = store::inbox::by_conversation(&messages);
    let none = vec![];
    Ok(HttpResponse::Ok().json(json!({
        "items": convs.iter().map(|c| view(c, grouped.get(&c.id).unwrap_or(&none))).collect::<Vec<_>>(),
    })))
}

async fn answer(
    ctx: &Ctx,
    status: actix_web::http::StatusCode,
    id: i64,
) -> Result<HttpResponse, AppError> {
    let (conv, messages) = ctx
        .db(move |c| {
            let conv = store::inbox::find(c, id)?.ok_or(AppError::NotFound)?;
            Ok((conv, store::inbox::messages(c, &[id])?))
        })
        .await?;
    let messages: Vec<&Message> = messages.iter().collect();
    Ok(HttpResponse::build(status).json(view(&conv, &messages)))
}

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    answer(&ctx, actix_web::http::StatusCode::OK, *id).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    text: String,
}

/// `POST /api/v1/inbox/{id}/reply {"text"}`: 202, the reply queued; the conversation shows it
/// as `pending`, then `sent`.
pub async fn reply(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<ReplyBody>,
) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    let text = body.into_inner().text;
    ctx.db(move |c| Ok(reply_to_conversation(c, &me, id, &text, now)?))
        .await?;
    ctx.state.scheduler.wake();
    answer(&ctx, actix_web::http::StatusCode::ACCEPTED, id).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    state: Option<String>,
    /// A user id, or null for nobody.
    #[serde(default, deserialize_with = "present")]
    assignee_id: Option<Option<i64>>,
    sentiment: Option<String>,
}

/// A field that is there, even as null (`Some(None)`), apart from one left out (`None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(d).map(Some)
}

/// `PATCH /api/v1/inbox/{id}`: `state`, `assignee_id` (null for nobody), `sentiment`.
pub async fn update(
    ctx: Ctx,
    id: web::Path<i64>,
    body: JsonObject<Change>,
) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    let change = body.into_inner();
    let state = match change.state.as_deref() {
        None => None,
        Some(s) => Some(ConvState::parse(s).ok_or_else(|| {
            AppError::Invalid([("state", "error-state-unknown")].into_iter().collect())
        })?),
    };
    let sentiment = match change.sentiment.as_deref() {
        None => None,
        Some(s) => Some(Sentiment::parse(s).ok_or_else(|| {
            AppError::Invalid(
                [("sentiment", "error-sentiment-unknown")]
                    .into_iter()
                    .collect(),
            )
        })?),
    };
    let assignee = change.assignee_id;
    ctx.db(move |c| {
        crate::db::write_tx(c, |c| {
            if let Some(a) = assignee {
                assign_conversation(c, &me, id, a, now)?;
            }
            if let Some(s) = sentiment {
                correct_sentiment(c, &me, id, s, now)?;
            }
            if let Some(to) = state {
                move_conversation(c, &me, id, to, now)?;
            }
            Ok::<_, crate::actions::ActionError>(())
        })?;
        Ok(())
    })
    .await?;
    answer(&ctx, actix_web::http::StatusCode::OK, id).await
}

/// `POST /api/v1/inbox`: a signed push of a message from another system; see
/// `actions::push_inbox`. 202 with the conversation it joined (`null`: already there).
pub async fn push(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let headers = super::metrics::signature_headers(&req);
    let (keys, now) = (state.config.keys(), state.scheduler.clock().naive());
    let conversation = state
        .db(move |c| Ok(push_inbox(c, &keys, &body, &headers, now)?))
        .await?;
    if conversation.is_some() {
        state.scheduler.wake();
    }
    Ok(HttpResponse::Accepted().json(json!({ "conversation_id": conversation })))
}
