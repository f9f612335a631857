//! `/inbox`: mentions and replies from the channels, grouped into conversations, the oldest
//! unanswered first with their answer clocks; a conversation's page to reply, note, assign,
//! correct the tone, wave off, make an idea of it or boost a kind word.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::ActionError;
use crate::domain::inbox::ConvState;
use crate::domain::tone::Sentiment;
use crate::error::AppError;
use crate::store;
use crate::store::inbox::{Conversation, Filter, Message, IN, NOTE, OUT};
use crate::store::reference::Reference;
use crate::web::context::Ctx;
use crate::web::forms::FormPairs;
use crate::web::fragments::{self, InboxClock, InboxItem};
use crate::web::render::{label, local_time, local_time_in, redirect_with_flash, Page};

#[derive(Debug, Deserialize, Default)]
pub struct Query {
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub tone: String,
}

impl Query {
    /// The filter the page shows: open conversations unless another state (or `all`) is
    /// asked for; values that mean nothing are left out, as on the other pages' filters.
    pub fn filter(&self, me: i64) -> Filter {
        Filter {
            channel_id: self.channel.parse().ok(),
            assignee_id: match self.assignee.as_str() {
                "me" => Some(me),
                a => a.parse().ok(),
            },
            state: match self.state.as_str() {
                "" => Some(ConvState::Open),
                s => ConvState::parse(s),
            },
            sentiment: Sentiment::parse(&self.tone),
        }
    }
}

/// "35 min", "1 h 05 min", "2 d 3 h": a span people read at a glance.
pub fn span(d: chrono::Duration) -> String {
    let m = d.num_minutes().abs();
    match m {
        m if m < 60 => format!("{m} min"),
        m if m < 24 * 60 => format!("{} h {:02} min", m / 60, m % 60),
        m => format!("{} d {} h", m / (24 * 60), (m % (24 * 60)) / 60),
    }
}

/// The answer clock's two sentences, looked up once per page (a list shows a hundred clocks),
/// with a mark where each clock's own time goes.
struct ClockWords {
    due_in: String,
    overdue: String,
}

const TIME_MARK: &str = "\u{1}";

impl ClockWords {
    fn new(ctx: &Ctx) -> ClockWords {
        let text = |key| {
            ctx.state
                .i18n
                .text(ctx.lang, key, &[("time", TIME_MARK.to_string())])
        };
        ClockWords {
            due_in: text("inbox-due-in"),
            overdue: text("inbox-overdue"),
        }
    }
}

/// The answer clock as the page shows it: due in…, overdue by…, or stopped (`None`).
fn clock(
    words: &ClockWords,
    (state, received_at, due_at): (ConvState, NaiveDateTime, NaiveDateTime),
    now: NaiveDateTime,
) -> Option<InboxClock> {
    if state != ConvState::Open {
        return None;
    }
    let left = due_at - now;
    let total = (due_at - received_at).num_seconds().max(1) as f64;
    let used = ((now - received_at).num_seconds() as f64 / total).clamp(0.0, 1.0);
    let overdue = left < chrono::Duration::zero();
    let sentence = if overdue {
        &words.overdue
    } else {
        &words.due_in
    };
    Some(InboxClock {
        text: sentence.replace(TIME_MARK, &span(left)),
        percent: used * 100.0,
        warn: !overdue && used >= 0.75,
        overdue,
    })
}

/// The text on one line, cut to 160 characters. Joined only as far as the cut needs (a
/// list shows a hundred).
fn excerpt(text: &str) -> String {
    let mut flat = String::with_capacity(text.len().min(640));
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars > 160 {
            break;
        }
        if !flat.is_empty() {
            flat.push(' ');
            chars += 1;
        }
        flat.push_str(word);
        chars += word.chars().count();
    }
    if chars <= 160 {
        flat
    } else {
        flat.chars().take(157).collect::<String>() + "…"
    }
}

fn state_label(ctx: &Ctx, s: ConvState) -> String {
    ctx.t(&format!("inbox-state-{}", s.as_str()))
}

fn tone_label(ctx: &Ctx, s: &str) -> String {
    ctx.t(&format!("inbox-tone-{s}"))
}

/// A link that is safe to put in an `href`.
fn web_link(u: &Option<String>) -> Option<&str> {
    u.as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

/// Conversations a list shows at most: the most urgent first; filters reach the rest. (300
/// made a 200 KB page.)
const SHOWN: i64 = 100;

pub async fn list(ctx: Ctx, q: web::Query<Query>) -> Result<HttpResponse, AppError> {
    let me = ctx.me()?.clone();
    let filter = q.filter(me.id);
    let f = filter.clone();
    let now = ctx.state.scheduler.clock().naive();
    // One trip to the pool for everything the page reads.
    let cache = ctx.state.reference.clone();
    let (convs, (open, overdue), reference) = ctx
        .db(move |c| {
            let convs = store::inbox::list_rows(c, &f, SHOWN)?;
            Ok((convs, store::inbox::open_counts(c, now)?, cache.get(c)?))
        })
        .await?;
    // The rows are written in Rust: a hundred conversations through `{{#each}}` cost more
    // than the rest of the page. Their words are looked up once, not once per row.
    let state_labels: Vec<(ConvState, String)> = ConvState::ALL
        .iter()
        .map(|s| (*s, state_label(&ctx, *s)))
        .collect();
    let tone_labels: Vec<(Sentiment, String)> = Sentiment::ALL
        .iter()
        .map(|s| (*s, tone_label(&ctx, s.as_str())))
        .collect();
    let words = ClockWords::new(&ctx);
    let tz: chrono_tz::Tz = me.timezone.parse().unwrap_or(chrono_tz::UTC);
    let mut items_html = String::new();
    for cv in &convs {
        let item = InboxItem {
            id: cv.id,
            author: &cv.head_author,
            author_name: &cv.head_author_name,
            channel: reference.channel_name(cv.channel_id).unwrap_or(""),
            received: &local_time_in(cv.received_at, &tz),
            excerpt: &excerpt(&cv.head_text),
            count: cv.incoming.max(0) as usize,
            state_label: label(&state_labels, cv.state),
            tone: cv.sentiment.as_str(),
            tone_label: label(&tone_labels, cv.sentiment),
            assignee: cv
                .assignee_id
                .and_then(|a| reference.people.get(&a))
                .map(String::as_str),
            clock: clock(&words, (cv.state, cv.received_at, cv.due_at), now),
        };
        fragments::inbox_item(&mut items_html, &item);
    }
    let opt = |value: String, text: String, selected: bool| json!({"value": value, "text": text, "selected": selected});
    let channels: Vec<Value> = reference
        .channels
        .iter()
        .map(|(id, name)| opt(id.to_string(), name.clone(), filter.channel_id == Some(*id)))
        .collect();
    let mut assignees = vec![opt("me".into(), ctx.t("inbox-mine"), q.assignee == "me")];
    assignees.extend(
        reference
            .editors
            .iter()
            .map(|(id, name)| opt(id.to_string(), name.clone(), q.assignee == id.to_string())),
    );
    let mut states: Vec<Value> = state_labels
        .iter()
        .map(|(s, l)| opt(s.as_str().into(), l.clone(), filter.state == Some(*s)))
        .collect();
    states.push(opt("all".into(), ctx.t("filter-any"), q.state == "all"));
    let tones: Vec<Value> = tone_labels
        .iter()
        .map(|(s, l)| opt(s.as_str().into(), l.clone(), filter.sentiment == Some(*s)))
        .collect();
    Page::new("inbox/list", "inbox-title")
        .data(json!({
            "more": filter.state == Some(ConvState::Open) && open > convs.len() as i64,
            "shown": convs.len(),
            "any": !convs.is_empty(),
            "open": open,
            "overdue": overdue,
            "channels": channels,
            "assignees": assignees,
            "states": states,
            "tones": tones,
        }))
        .put("items_html", items_html)
        .render(&ctx)
}

/// What a failed form keeps: the text typed and what was wrong with it.
#[derive(Default)]
pub struct Kept {
    reply: String,
    reply_error: Option<String>,
    note: String,
    note_error: Option<String>,
    page_error: Option<String>,
}

/// A conversation as its page shows it: the messages, the piece it answers, its channel.
struct Loaded {
    conv: Conversation,
    messages: Vec<Message>,
    publication: Option<(i64, String)>,
    channel: Option<crate::store::channels::Channel>,
}

async fn load(ctx: &Ctx, id: i64) -> Result<Loaded, AppError> {
    ctx.db(move |c| {
        let conv = store::inbox::find(c, id)?.ok_or(AppError::NotFound)?;
        let messages = store::inbox::messages(c, &[id])?;
        let publication = match conv.publication_id {
            Some(p) => store::publications::overview_of(c, p)?,
            None => None,
        };
        let channel = store::channels::find(c, conv.channel_id)?;
        Ok(Loaded {
            conv,
            messages,
            publication,
            channel,
        })
    })
    .await
}

fn message_view(ctx: &Ctx, m: &Message, tz: &str, reference: &Reference, can_boost: bool) -> Value {
    json!({
        "id": m.id,
        "kind": m.kind,
        "incoming": m.kind == IN,
        "reply": m.kind == OUT,
        "note": m.kind == NOTE,
        "author": m.author,
        "author_name": if m.author_name.is_empty() { m.author.as_str() } else { m.author_name.as_str() },
        "author_url": web_link(&m.author_url),
        "by": m.user_id.and_then(|u| reference.people.get(&u)),
        "text": m.text,
        "url": web_link(&m.url),
        "at": local_time(m.at, tz),
        "tone": m.sentiment,
        "tone_label": m.sentiment.as_deref().map(|s| tone_label(ctx, s)),
        "send_state": m.send_state,
        "send_label": m.send_state.as_deref().map(|s| ctx.t(&format!("inbox-send-{s}"))),
        "error": m.error,
        "boosted": m.boosted_at.is_some(),
        "can_boost": can_boost && m.kind == IN && m.boosted_at.is_none() && m.sentiment.as_deref() == Some("positive"),
    })
}

pub async fn render(
    ctx: &Ctx,
    id: i64,
    kept: Kept,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let me = ctx.me()?.clone();
    let Loaded {
        conv,
        messages,
        publication,
        channel,
    } = load(ctx, id).await?;
    let reference = ctx.reference().await?;
    let now = ctx.state.scheduler.clock().naive();
    let kind = channel.as_ref().map(|c| c.kind.clone()).unwrap_or_default();
    let can_boost = kind == "mastodon";
    let moves: Vec<Value> = ConvState::ALL
        .iter()
        .filter(|to| conv.state.can_move_to(**to))
        .map(|to| json!({"to": to.as_str(), "text": ctx.t(&format!("inbox-move-{}", to.as_str()))}))
        .collect();
    let opt = |value: String, text: String, selected: bool| json!({"value": value, "text": text, "selected": selected});
    let editors: Vec<Value> = reference
        .editors
        .iter()
        .map(|(uid, name)| {
            opt(
                uid.to_string(),
                name.clone(),
                conv.assignee_id == Some(*uid),
            )
        })
        .collect();
    let tones: Vec<Value> = Sentiment::ALL
        .iter()
        .map(|s| {
            opt(
                s.as_str().into(),
                tone_label(ctx, s.as_str()),
                conv.sentiment == *s,
            )
        })
        .collect();
    let departments: Vec<Value> = reference
        .departments
        .iter()
        .map(|d| {
            opt(
                d.id.to_string(),
                d.name.clone(),
                me.department_id == Some(d.id),
            )
        })
        .collect();
    let limit = channel
        .as_ref()
        .and_then(|c| serde_json::from_str::<crate::domain::channels::Settings>(&c.config).ok())
        .and_then(|c| {
            c.get("max_characters")
                .and_then(|m| m.parse::<usize>().ok())
        })
        .unwrap_or(crate::domain::variants::MASTODON_DEFAULT_LIMIT);
    Page::new("inbox/show", "inbox-conversation")
        .status(status)
        .data(json!({
            "conv": {
                "id": conv.id,
                "state": conv.state,
                "state_label": state_label(ctx, conv.state),
                "tone": conv.sentiment,
                "tone_label": tone_label(ctx, conv.sentiment.as_str()),
                "tone_by_person": conv.sentiment_set_by.is_some(),
                "received": local_time(conv.received_at, &me.timezone),
                "due": local_time(conv.due_at, &me.timezone),
                "answered": conv.answered_at.map(|t| local_time(t, &me.timezone)),
                "idea_id": conv.idea_id,
                "assignee": conv.assignee_id.and_then(|a| reference.people.get(&a)),
            },
            "channel": channel.as_ref().map(|c| c.name.clone()),
            "is_mastodon": kind == "mastodon",
            "can_reply": (kind == "mastodon" || kind == "webhook") && messages.iter().any(|m| m.kind == IN),
            "limit": limit,
            "publication": publication.map(|(content_id, title)| json!({"content_id": content_id, "title": title})),
            "clock": clock(&ClockWords::new(ctx), (conv.state, conv.received_at, conv.due_at), now),
            "messages": messages.iter().map(|m| message_view(ctx, m, &me.timezone, &reference, can_boost)).collect::<Vec<_>>(),
            "moves": moves,
            "editors": editors,
            "tones": tones,
            "departments": departments,
            "kept_reply": kept.reply,
            "reply_error": kept.reply_error,
            "kept_note": kept.note,
            "note_error": kept.note_error,
            "page_error": kept.page_error,
        }))
        .render(ctx)
}

pub async fn show(ctx: Ctx, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    render(&ctx, *id, Kept::default(), StatusCode::OK).await
}

/// A refused form comes back with what was typed and why.
async fn refused(
    ctx: &Ctx,
    id: i64,
    e: ActionError,
    mut kept: Kept,
    field: &str,
) -> Result<HttpResponse, AppError> {
    let message = match &e {
        ActionError::Invalid(fields) => {
            ctx.t(fields.values().next().copied().unwrap_or("error-invalid"))
        }
        ActionError::ChannelRule(p) => ctx.problem_text(p),
        ActionError::Refused(key) => ctx.t(key),
        _ => return Err(e.into()),
    };
    match field {
        "reply" => kept.reply_error = Some(message),
        "note" => kept.note_error = Some(message),
        _ => kept.page_error = Some(message),
    }
    render(ctx, id, kept, StatusCode::UNPROCESSABLE_ENTITY).await
}

fn back(id: i64) -> String {
    format!("/inbox/{id}")
}

pub async fn reply(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (me, id, now, text) = (
        ctx.me()?.clone(),
        *id,
        ctx.state.scheduler.clock().naive(),
        form.one("text"),
    );
    let t = text.clone();
    let done = ctx
        .db(move |c| {
            Ok(crate::actions::reply_to_conversation::reply_to_conversation(c, &me, id, &t, now))
        })
        .await?;
    if let Err(e) = done {
        let kept = Kept {
            reply: text,
            ..Default::default()
        };
        return refused(&ctx, id, e, kept, "reply").await;
    }
    ctx.state.scheduler.wake();
    Ok(redirect_with_flash(&ctx, &back(id), "flash-reply-queued"))
}

pub async fn note(ctx: Ctx, id: web::Path<i64>, form: FormPairs) -> Result<HttpResponse, AppError> {
    let (me, id, now, text) = (
        ctx.me()?.clone(),
        *id,
        ctx.state.scheduler.clock().naive(),
        form.one("note"),
    );
    let t = text.clone();
    let done = ctx
        .db(move |c| {
            Ok(crate::actions::note_on_conversation::note_on_conversation(
                c, &me, id, &t, now,
            ))
        })
        .await?;
    if let Err(e) = done {
        let kept = Kept {
            note: text,
            ..Default::default()
        };
        return refused(&ctx, id, e, kept, "note").await;
    }
    Ok(redirect_with_flash(&ctx, &back(id), "flash-note-added"))
}

pub async fn state(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    let Some(to) = ConvState::parse(&form.one("to")) else {
        return refused(
            &ctx,
            id,
            ActionError::Refused("error-inbox-not-from-here"),
            Kept::default(),
            "",
        )
        .await;
    };
    let done = ctx
        .db(move |c| {
            Ok(crate::actions::move_conversation::move_conversation(
                c, &me, id, to, now,
            ))
        })
        .await?;
    match done {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &back(id),
            "flash-conversation-moved",
        )),
        Err(e) => refused(&ctx, id, e, Kept::default(), "").await,
    }
}

pub async fn assign(
    ctx: Ctx,
    id: web::Path<i64>,
    form: FormPairs,
) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    let who = match form.one("assignee_id").as_str() {
        "" => None,
        "me" => Some(me.id),
        a => Some(
            a.parse()
                .map_err(|_| AppError::BadRequest("assignee_id".into()))?,
        ),
    };
    let done = ctx
        .db(move |c| {
            Ok(crate::actions::assign_conversation::assign_conversation(
                c, &me, id, who, now,
            ))
        })
        .await?;
    match done {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            &back(id),
            "flash-conversation-assigned",
        )),
        Err(e) => refused(&ctx, id, e, Kept::default(), "").await,
    }
}

pub async fn tone(ctx: Ctx, id: web::Path<i64>, form: FormPairs) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    let s = Sentiment::parse(&form.one("sentiment"))
        .ok_or_else(|| AppError::BadRequest("sentiment: positive, neutral or negative".into()))?;
    ctx.db(move |c| {
        Ok(crate::actions::correct_sentiment::correct_sentiment(
            c, &me, id, s, now,
        )?)
    })
    .await?;
    Ok(redirect_with_flash(&ctx, &back(id), "flash-tone-corrected"))
}

pub async fn idea(ctx: Ctx, id: web::Path<i64>, form: FormPairs) -> Result<HttpResponse, AppError> {
    let (me, id, now) = (ctx.me()?.clone(), *id, ctx.state.scheduler.clock().naive());
    let department = form.one("department_id").parse().ok();
    let done = ctx
        .db(move |c| {
            Ok(crate::actions::conversation_to_idea::conversation_to_idea(
                c, &me, id, department, now,
            ))
        })
        .await?;
    match done {
        Ok(idea) => Ok(redirect_with_flash(
            &ctx,
            &format!("/ideas/{}", idea.id),
            "flash-idea-from-conversation",
        )),
        Err(e) => refused(&ctx, id, e, Kept::default(), "").await,
    }
}

pub async fn boost(ctx: Ctx, path: web::Path<(i64, i64)>) -> Result<HttpResponse, AppError> {
    let (id, message) = path.into_inner();
    let (me, now) = (ctx.me()?.clone(), ctx.state.scheduler.clock().naive());
    let done = ctx
        .db(move |c| {
            Ok(crate::actions::boost_message::boost_message(
                c, &me, id, message, now,
            ))
        })
        .await?;
    match done {
        Ok(()) => {
            ctx.state.scheduler.wake();
            Ok(redirect_with_flash(&ctx, &back(id), "flash-boost-queued"))
        }
        Err(e) => refused(&ctx, id, e, Kept::default(), "").await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_the_text_on_one_line_cut_to_160_characters() {
        let joined = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let long = "Grüezi  wohl,\n\tich habe eine Frage zu Ihrem Laden ".repeat(10);
        let cut: String = joined(&long).chars().take(157).collect::<String>() + "…";
        assert_eq!(excerpt(&long), cut);
        assert_eq!(excerpt(&long).chars().count(), 158);
        assert_eq!(
            excerpt("  When does\nthe shop open?  "),
            "When does the shop open?"
        );
        assert_eq!(excerpt(""), "");
        // Exactly 160 stays whole; 161 is cut.
        let at = |n: usize| "ä".repeat(n - 2) + " b";
        assert_eq!(excerpt(&at(160)), at(160));
        assert_eq!(excerpt(&at(161)).chars().count(), 158);
    }
}
