//! The inbox: conversations, their messages (in, replies out, internal notes), and where each
//! channel's pull goes on from.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Backend;
use crate::db::schema::{
    channels, conversation_counts, conversations, inbox_cursors, inbox_messages, open_due_hours,
    publications,
};
use crate::db::Conn;
use crate::domain::inbox::{Clock, ConvState};
use crate::domain::tone::{self, Sentiment};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = conversations)]
pub struct Conversation {
    pub id: i64,
    pub channel_id: i64,
    pub thread_key: String,
    pub publication_id: Option<i64>,
    #[diesel(deserialize_as = String)]
    pub state: ConvState,
    #[diesel(deserialize_as = String)]
    pub sentiment: Sentiment,
    pub sentiment_set_by: Option<i64>,
    pub assignee_id: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub received_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub due_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub alerted_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub answered_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub last_message_at: NaiveDateTime,
    pub idea_id: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = inbox_messages)]
pub struct Message {
    pub id: i64,
    pub conversation_id: i64,
    pub channel_id: i64,
    /// `in`, `out` (our reply) or `note` (internal).
    pub kind: String,
    pub external_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub author: String,
    pub author_name: String,
    pub author_url: Option<String>,
    pub user_id: Option<i64>,
    pub text: String,
    pub url: Option<String>,
    pub visibility: Option<String>,
    pub sentiment: Option<String>,
    pub idempotency_key: Option<String>,
    pub send_state: Option<String>,
    pub error: Option<String>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub clock_from: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub clock_due: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub boosted_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
}

pub const PULL_JOB: &str = "pull_inbox";

/// Queues (again, at `run_at`) the job that pulls a Mastodon channel's mentions; it puts
/// itself back in the queue after each pull.
pub fn plan_pull(
    c: &mut Conn,
    channel_id: i64,
    run_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<()> {
    super::jobs::requeue_unique(
        c,
        super::jobs::NewJob {
            kind: PULL_JOB,
            payload: serde_json::json!({ "channel_id": channel_id }).to_string(),
            unique_key: Some(format!("inbox:{channel_id}")),
            run_at,
            // It never gives up: a channel that cannot be read is tried again every round.
            max_attempts: i32::MAX,
        },
        now,
    )
}

/// Makes sure every Mastodon channel has its pull queued (at start-up), leaving queued and
/// running ones as they are.
pub fn ensure_pulls(c: &mut Conn, now: NaiveDateTime) -> QueryResult<()> {
    let ids: Vec<i64> = channels::table
        .filter(channels::kind.eq("mastodon"))
        .select(channels::id)
        .load(c)?;
    for id in ids {
        super::jobs::enqueue(
            c,
            super::jobs::NewJob {
                kind: PULL_JOB,
                payload: serde_json::json!({ "channel_id": id }).to_string(),
                unique_key: Some(format!("inbox:{id}")),
                run_at: now,
                max_attempts: i32::MAX,
            },
            now,
        )?;
    }
    Ok(())
}

pub const IN: &str = "in";
pub const OUT: &str = "out";
pub const NOTE: &str = "note";

/// A message that came in on a channel.
#[derive(Debug, Clone, Default)]
pub struct Incoming {
    pub external_id: String,
    pub in_reply_to: Option<String>,
    pub author: String,
    pub author_name: String,
    pub author_url: Option<String>,
    pub text: String,
    pub url: Option<String>,
    pub visibility: Option<String>,
    pub at: NaiveDateTime,
}

/// What storing a message started: the conversation, and the answer clock if it (re)started
/// (when it began, and when the editors are warned).
pub struct Received {
    pub conversation_id: i64,
    pub clock: Option<(NaiveDateTime, NaiveDateTime)>,
}

/// Stores a message that came in, once: a message the channel already gave us is skipped
/// (`None`). It joins the conversation of the status it answers (one of our publications, or a
/// message of the thread), else starts one; an answered or closed conversation opens again.
pub fn receive(
    c: &mut Conn,
    channel_id: i64,
    m: &Incoming,
    clock: &Clock,
    tz: chrono_tz::Tz,
    now: NaiveDateTime,
) -> QueryResult<Option<Received>> {
    let known = inbox_messages::table
        .filter(inbox_messages::channel_id.eq(channel_id))
        .filter(inbox_messages::external_id.eq(&m.external_id))
        .select(inbox_messages::id)
        .first::<i64>(c)
        .optional()?;
    if known.is_some() {
        return Ok(None);
    }
    let (mut thread_key, mut publication_id, mut conversation) =
        (format!("s:{}", m.external_id), None, None);
    if let Some(parent) = m.in_reply_to.as_deref() {
        let ours: Option<i64> = publications::table
            .filter(publications::channel_id.eq(channel_id))
            .filter(publications::external_id.eq(parent))
            .select(publications::id)
            .first(c)
            .optional()?;
        if let Some(p) = ours {
            thread_key = format!("s:{parent}");
            publication_id = Some(p);
        } else {
            conversation = inbox_messages::table
                .filter(inbox_messages::channel_id.eq(channel_id))
                .filter(inbox_messages::external_id.eq(parent))
                .select(inbox_messages::conversation_id)
                .first::<i64>(c)
                .optional()?;
        }
    }
    let existing: Option<Conversation> = match conversation {
        Some(id) => find(c, id)?,
        None => conversations::table
            .filter(conversations::channel_id.eq(channel_id))
            .filter(conversations::thread_key.eq(&thread_key))
            .select(Conversation::as_select())
            .first(c)
            .optional()?,
    };
    let sentiment = tone::score(&m.text);
    let (due, alert) = (clock.due(m.at, tz), clock.alert(m.at, tz));
    let (id, started) = match existing {
        None => {
            let id = diesel::insert_into(conversations::table)
                .values((
                    conversations::channel_id.eq(channel_id),
                    conversations::thread_key.eq(&thread_key),
                    conversations::publication_id.eq(publication_id),
                    conversations::state.eq(ConvState::Open.as_str()),
                    conversations::sentiment.eq(sentiment.as_str()),
                    conversations::received_at.eq(m.at),
                    conversations::due_at.eq(due),
                    conversations::last_message_at.eq(m.at),
                    conversations::created_at.eq(now),
                    conversations::updated_at.eq(now),
                ))
                .returning(conversations::id)
                .get_result::<i64>(c)?;
            (id, true)
        }
        // Still waiting for an answer: the clock keeps running from the first message.
        Some(conv) if conv.state == ConvState::Open => {
            diesel::update(conversations::table.find(conv.id))
                .set((
                    conversations::sentiment.eq(sentiment.as_str()),
                    conversations::sentiment_set_by.eq(None::<i64>),
                    conversations::last_message_at.eq(conv.last_message_at.max(m.at)),
                    conversations::updated_at.eq(now),
                ))
                .execute(c)?;
            (conv.id, false)
        }
        Some(conv) => {
            diesel::update(conversations::table.find(conv.id))
                .set((
                    conversations::state.eq(ConvState::Open.as_str()),
                    conversations::sentiment.eq(sentiment.as_str()),
                    conversations::sentiment_set_by.eq(None::<i64>),
                    conversations::received_at.eq(m.at),
                    conversations::due_at.eq(due),
                    conversations::alerted_at.eq(None::<NaiveDateTime>),
                    conversations::answered_at.eq(None::<NaiveDateTime>),
                    conversations::last_message_at.eq(conv.last_message_at.max(m.at)),
                    conversations::updated_at.eq(now),
                ))
                .execute(c)?;
            (conv.id, true)
        }
    };
    diesel::insert_into(inbox_messages::table)
        .values((
            inbox_messages::conversation_id.eq(id),
            inbox_messages::channel_id.eq(channel_id),
            inbox_messages::kind.eq(IN),
            inbox_messages::external_id.eq(&m.external_id),
            inbox_messages::in_reply_to.eq(&m.in_reply_to),
            inbox_messages::author.eq(&m.author),
            inbox_messages::author_name.eq(&m.author_name),
            inbox_messages::author_url.eq(&m.author_url),
            inbox_messages::text.eq(&m.text),
            inbox_messages::url.eq(&m.url),
            inbox_messages::visibility.eq(&m.visibility),
            inbox_messages::sentiment.eq(sentiment.as_str()),
            inbox_messages::at.eq(m.at),
            inbox_messages::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(Some(Received {
        conversation_id: id,
        clock: started.then_some((m.at, alert)),
    }))
}

/// Mastodon ids are decimal numbers of varying length: compare them as numbers.
pub fn newer(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

pub fn cursor(c: &mut Conn, channel_id: i64) -> QueryResult<Option<String>> {
    inbox_cursors::table
        .find(channel_id)
        .select(inbox_cursors::since_id)
        .first(c)
        .optional()
}

/// Moves the channel's cursor on to `id`, never back (two pulls may overlap).
pub fn advance_cursor(
    c: &mut Conn,
    channel_id: i64,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    match cursor(c, channel_id)? {
        Some(old) if !newer(id, &old) => Ok(()),
        Some(_) => diesel::update(inbox_cursors::table.find(channel_id))
            .set((
                inbox_cursors::since_id.eq(id),
                inbox_cursors::updated_at.eq(now),
            ))
            .execute(c)
            .map(|_| ()),
        None => diesel::insert_into(inbox_cursors::table)
            .values((
                inbox_cursors::channel_id.eq(channel_id),
                inbox_cursors::since_id.eq(id),
                inbox_cursors::updated_at.eq(now),
            ))
            .execute(c)
            .map(|_| ()),
    }
}

pub fn find(c: &mut Conn, id: i64) -> QueryResult<Option<Conversation>> {
    conversations::table
        .find(id)
        .select(Conversation::as_select())
        .first(c)
        .optional()
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub channel_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub state: Option<ConvState>,
    pub sentiment: Option<Sentiment>,
}

/// Conversations; open ones oldest unanswered first (the most urgent on top), negative ones
/// first among equals; the others newest first.
pub fn list(c: &mut Conn, f: &Filter, limit: i64) -> QueryResult<Vec<Conversation>> {
    // The API's limit is the caller's: bound, so that each one is not a statement of its own.
    crate::db::Kept::always(listed(f).select(Conversation::as_select()).limit(limit)).load(c)
}

/// What the inbox page shows of a conversation in its list.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = conversations)]
pub struct Listed {
    pub id: i64,
    pub channel_id: i64,
    #[diesel(deserialize_as = String)]
    pub state: ConvState,
    #[diesel(deserialize_as = String)]
    pub sentiment: Sentiment,
    pub assignee_id: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub received_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub due_at: NaiveDateTime,
    /// Its latest incoming message and how many came in, kept on the conversation by
    /// triggers (migration 000030).
    pub head_author: String,
    pub head_author_name: String,
    pub head_text: String,
    pub incoming: i64,
}

/// `list` with only the columns the page shows (a hundred rows of sixteen columns, six of them
/// timestamps, were most of the page's reading), and its limit, always the page's, written
/// into the statement.
pub fn list_rows(c: &mut Conn, f: &Filter, limit: i64) -> QueryResult<Vec<Listed>> {
    crate::db::Kept::always(super::Limited(listed(f).select(Listed::as_select()), limit)).load(c)
}

/// Conversations under the filter, the most urgent first when open, else the latest first.
fn listed<'a>(f: &Filter) -> conversations::BoxedQuery<'a, Backend> {
    let mut q = conversations::table.into_boxed();
    if let Some(ch) = f.channel_id {
        q = q.filter(conversations::channel_id.eq(ch));
    }
    if let Some(a) = f.assignee_id {
        q = q.filter(conversations::assignee_id.eq(a));
    }
    if let Some(s) = f.state {
        q = q.filter(conversations::state.eq(s.as_str()));
    }
    if let Some(s) = f.sentiment {
        q = q.filter(conversations::sentiment.eq(s.as_str()));
    }
    // The same expression as the index `conversations_urgent`, so the order is read from it.
    let negative_first = diesel::dsl::sql::<diesel::sql_types::Integer>(
        "CASE sentiment WHEN 'negative' THEN 0 WHEN 'neutral' THEN 1 ELSE 2 END",
    );
    if f.state == Some(ConvState::Open) {
        q.order((
            conversations::due_at.asc(),
            negative_first.asc(),
            conversations::id.asc(),
        ))
    } else {
        q.order((
            conversations::last_message_at.desc(),
            conversations::id.desc(),
        ))
    }
}

/// How many conversations wait for an answer, and how many of them are overdue.
pub fn open_counts(c: &mut Conn, now: NaiveDateTime) -> QueryResult<(i64, i64)> {
    // One statement (the start page and the inbox ask on every visit): the open ones from
    // the count the triggers keep (migration 000036); the overdue from the counts per hour
    // they keep (migration 000041) for the hours gone by, and off the (state, due_at) index
    // for the hour under way. Counting every overdue one off the index read 2,000 entries on
    // each view of a busy inbox.
    let hour = now.and_utc().timestamp().div_euclid(3600);
    let hour_start =
        chrono::DateTime::from_timestamp(hour * 3600, 0).map_or(now, |t| t.naive_utc());
    let open = ConvState::Open.as_str();
    // Kept prepared although the sum is written as SQL (diesel's `sum` of a BIGINT is a
    // NUMERIC on PostgreSQL): the text is ours, its plan the same for every hour.
    let counts = diesel::select((
        conversation_counts::table
            .filter(conversation_counts::state.eq(open))
            .select(conversation_counts::n)
            .single_value(),
        open_due_hours::table
            .filter(open_due_hours::due_hour.lt(hour))
            .select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "CAST(SUM(open_due_hours.n) AS BIGINT)",
            ))
            .single_value(),
        conversations::table
            .filter(conversations::state.eq(open))
            .filter(conversations::due_at.ge(hour_start))
            .filter(conversations::due_at.lt(now))
            .count()
            .single_value(),
    ));
    let (all, gone_by, this_hour): (Option<i64>, Option<i64>, Option<i64>) =
        crate::db::Kept::always(counts).get_result(c)?;
    Ok((
        all.unwrap_or(0),
        gone_by.unwrap_or(0) + this_hour.unwrap_or(0),
    ))
}

/// The messages of these conversations, oldest first.
pub fn messages(c: &mut Conn, conversation_ids: &[i64]) -> QueryResult<Vec<Message>> {
    let mut out = vec![];
    for chunk in conversation_ids.chunks(500) {
        out.extend(
            inbox_messages::table
                .filter(inbox_messages::conversation_id.eq_any(chunk))
                .order((inbox_messages::at.asc(), inbox_messages::id.asc()))
                .select(Message::as_select())
                .load(c)?,
        );
    }
    Ok(out)
}

/// The messages of each conversation, in the order given (one pass, for lists).
pub fn by_conversation(messages: &[Message]) -> std::collections::HashMap<i64, Vec<&Message>> {
    let mut out: std::collections::HashMap<i64, Vec<&Message>> = Default::default();
    for m in messages {
        out.entry(m.conversation_id).or_default().push(m);
    }
    out
}

/// A message and the channel it came in on (or goes out on).
pub fn message_on_channel(
    c: &mut Conn,
    id: i64,
) -> QueryResult<Option<(Message, super::channels::Channel)>> {
    let Some(m) = message(c, id)? else {
        return Ok(None);
    };
    Ok(super::channels::find(c, m.channel_id)?.map(|ch| (m, ch)))
}

pub fn message(c: &mut Conn, id: i64) -> QueryResult<Option<Message>> {
    inbox_messages::table
        .find(id)
        .select(Message::as_select())
        .first(c)
        .optional()
}

/// Moves a conversation from `from` to `to`; `false` if it was not in `from` any more.
pub fn set_state(
    c: &mut Conn,
    id: i64,
    from: ConvState,
    to: ConvState,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = conversations::table
        .filter(conversations::id.eq(id))
        .filter(conversations::state.eq(from.as_str()));
    let n = if to == ConvState::Open {
        // Opened again by hand: the clock starts now.
        diesel::update(target)
            .set((
                conversations::state.eq(to.as_str()),
                conversations::answered_at.eq(None::<NaiveDateTime>),
                conversations::alerted_at.eq(None::<NaiveDateTime>),
                conversations::updated_at.eq(now),
            ))
            .execute(c)?
    } else {
        diesel::update(target)
            .set((
                conversations::state.eq(to.as_str()),
                conversations::updated_at.eq(now),
            ))
            .execute(c)?
    };
    Ok(n == 1)
}

/// Restarts an opened conversation's clock at `from`, due at `due`.
pub fn restart_clock(
    c: &mut Conn,
    id: i64,
    from: NaiveDateTime,
    due: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(conversations::table.find(id))
        .set((
            conversations::received_at.eq(from),
            conversations::due_at.eq(due),
        ))
        .execute(c)
        .map(|_| ())
}

pub fn assign(c: &mut Conn, id: i64, user: Option<i64>, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(conversations::table.find(id))
        .set((
            conversations::assignee_id.eq(user),
            conversations::updated_at.eq(now),
        ))
        .execute(c)
        .map(|_| ())
}

pub fn set_sentiment(
    c: &mut Conn,
    id: i64,
    s: Sentiment,
    by: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(conversations::table.find(id))
        .set((
            conversations::sentiment.eq(s.as_str()),
            conversations::sentiment_set_by.eq(Some(by)),
            conversations::updated_at.eq(now),
        ))
        .execute(c)
        .map(|_| ())
}

pub fn link_idea(c: &mut Conn, id: i64, idea_id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(conversations::table.find(id))
        .set((
            conversations::idea_id.eq(Some(idea_id)),
            conversations::updated_at.eq(now),
        ))
        .execute(c)
        .map(|_| ())
}

/// Takes the warning of the clock that started at `from`: `false` if the conversation was
/// answered, opened again or warned meanwhile (by another run of the job).
pub fn take_alert(
    c: &mut Conn,
    id: i64,
    from: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        conversations::table
            .filter(conversations::id.eq(id))
            .filter(conversations::state.eq(ConvState::Open.as_str()))
            .filter(conversations::received_at.eq(from))
            .filter(conversations::alerted_at.is_null()),
    )
    .set(conversations::alerted_at.eq(Some(now)))
    .execute(c)?;
    Ok(n == 1)
}

/// A message of ours: an internal note, or a reply waiting to be sent (`key` set).
pub struct Ours<'a> {
    pub conversation_id: i64,
    pub channel_id: i64,
    pub kind: &'a str,
    pub user_id: i64,
    pub author_name: &'a str,
    pub text: &'a str,
    pub in_reply_to: Option<&'a str>,
    pub visibility: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

pub fn add_ours(c: &mut Conn, m: &Ours, now: NaiveDateTime) -> QueryResult<i64> {
    diesel::insert_into(inbox_messages::table)
        .values((
            inbox_messages::conversation_id.eq(m.conversation_id),
            inbox_messages::channel_id.eq(m.channel_id),
            inbox_messages::kind.eq(m.kind),
            inbox_messages::in_reply_to.eq(m.in_reply_to),
            inbox_messages::author.eq(""),
            inbox_messages::author_name.eq(m.author_name),
            inbox_messages::user_id.eq(Some(m.user_id)),
            inbox_messages::text.eq(m.text),
            inbox_messages::visibility.eq(m.visibility),
            inbox_messages::idempotency_key.eq(m.idempotency_key),
            inbox_messages::send_state.eq(m.idempotency_key.map(|_| "pending")),
            inbox_messages::at.eq(now),
            inbox_messages::created_at.eq(now),
        ))
        .returning(inbox_messages::id)
        .get_result(c)
}

/// A reply went out: its id and address on the channel are kept, and if the conversation was
/// waiting, it is answered now and the reply records the clock it stopped.
pub fn reply_sent(
    c: &mut Conn,
    message_id: i64,
    external_id: Option<&str>,
    url: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let Some(m) = message(c, message_id)? else {
        return Ok(());
    };
    let conv = find(c, m.conversation_id)?;
    let stopped = conv
        .as_ref()
        .filter(|cv| cv.state == ConvState::Open)
        .map(|cv| (cv.received_at, cv.due_at));
    diesel::update(inbox_messages::table.find(message_id))
        .set((
            inbox_messages::send_state.eq("sent"),
            inbox_messages::external_id.eq(external_id.filter(|e| !e.is_empty())),
            inbox_messages::url.eq(url),
            inbox_messages::error.eq(None::<String>),
            inbox_messages::clock_from.eq(stopped.map(|s| s.0)),
            inbox_messages::clock_due.eq(stopped.map(|s| s.1)),
            inbox_messages::at.eq(now),
        ))
        .execute(c)?;
    if stopped.is_some() {
        diesel::update(conversations::table.find(m.conversation_id))
            .set((
                conversations::state.eq(ConvState::Answered.as_str()),
                conversations::answered_at.eq(Some(now)),
                conversations::updated_at.eq(now),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// A reply that did not go out (`failed`), or may have (`unconfirmed`).
pub fn reply_not_sent(c: &mut Conn, message_id: i64, state: &str, error: &str) -> QueryResult<()> {
    diesel::update(inbox_messages::table.find(message_id))
        .set((
            inbox_messages::send_state.eq(state),
            inbox_messages::error.eq(Some(error)),
        ))
        .execute(c)
        .map(|_| ())
}

pub fn mark_boosted(c: &mut Conn, message_id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(inbox_messages::table.find(message_id))
        .set(inbox_messages::boosted_at.eq(Some(now)))
        .execute(c)
        .map(|_| ())
}

/// Replies that stopped a clock in `[from, to)`: (channel, who answered, clock start, due,
/// sent).
#[allow(clippy::type_complexity)]
pub fn answers(
    c: &mut Conn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<
    Vec<(
        String,
        Option<String>,
        NaiveDateTime,
        NaiveDateTime,
        NaiveDateTime,
    )>,
> {
    use diesel::sql_types::{Nullable, Text, Timestamp};
    // `kind = 'out'` written out, not bound: the partial index `inbox_messages_answers`
    // (migration 000029) serves only a query that says so in its text. Prepared once per
    // connection: PostgreSQL parsed and planned it on every insights page (0.5 ms).
    let rows: Vec<(
        String,
        Option<String>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        NaiveDateTime,
    )> = crate::db::cached(format!(
        "SELECT c.name, u.name, m.clock_from, m.clock_due, m.at FROM inbox_messages m \
         JOIN channels c ON c.id = m.channel_id LEFT JOIN users u ON u.id = m.user_id \
         WHERE m.kind = '{OUT}' AND m.clock_from IS NOT NULL AND m.at >= $1 AND m.at < $2"
    ))
    .bind::<Timestamp, _>(from)
    .bind::<Timestamp, _>(to)
    .typed::<(
        Text,
        Nullable<Text>,
        Nullable<Timestamp>,
        Nullable<Timestamp>,
        Timestamp,
    )>()
    .load(c)?;
    Ok(rows
        .into_iter()
        .filter_map(|(ch, who, from, due, at)| Some((ch, who, from?, due?, at)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;
    use diesel::Connection;

    /// What the list shows of a conversation (its latest incoming message and how many came
    /// in) is kept by triggers, whoever writes the messages: new ones, one moved to another
    /// conversation, one deleted. Replies are not counted.
    #[test]
    fn a_conversations_head_follows_its_incoming_messages() {
        let mut conn = Conn::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        crate::db::migrate(&mut conn).unwrap();
        let Conn::Sqlite(c) = &mut conn else {
            unreachable!()
        };
        c.batch_execute(
            "INSERT INTO channels (id, name, kind, created_at) VALUES (1, 'Social', 'mastodon', '2026-11-27 08:00:00');
             INSERT INTO conversations (id, channel_id, thread_key, state, sentiment, received_at, due_at, last_message_at, created_at, updated_at)
               VALUES (1, 1, 'a', 'open', 'neutral', '2026-11-27 08:00:00', '2026-11-27 09:00:00', '2026-11-27 08:00:00', '2026-11-27 08:00:00', '2026-11-27 08:00:00'),
                      (2, 1, 'b', 'open', 'neutral', '2026-11-27 08:00:00', '2026-11-27 10:00:00', '2026-11-27 08:00:00', '2026-11-27 08:00:00', '2026-11-27 08:00:00');
             INSERT INTO inbox_messages (id, conversation_id, channel_id, kind, author, author_name, text, at, created_at) VALUES
               (1, 1, 1, 'in', 'ana@social.example', 'Ana', 'First', '2026-11-27 08:00:00', '2026-11-27 08:00:00'),
               (2, 1, 1, 'in', 'ben@social.example', 'Ben', 'Second', '2026-11-27 08:05:00', '2026-11-27 08:05:00'),
               (3, 1, 1, 'out', 'desk', 'Desk', 'Our reply', '2026-11-27 08:10:00', '2026-11-27 08:10:00');",
        )
        .unwrap();
        let heads = |conn: &mut Conn| -> Vec<(i64, String, String, i64)> {
            let f = Filter {
                state: Some(ConvState::Open),
                ..Filter::default()
            };
            list_rows(conn, &f, 10)
                .unwrap()
                .into_iter()
                .map(|l| (l.id, l.head_author_name, l.head_text, l.incoming))
                .collect()
        };
        assert_eq!(
            heads(&mut conn),
            vec![
                (1, "Ben".into(), "Second".into(), 2),
                (2, String::new(), String::new(), 0)
            ]
        );
        let Conn::Sqlite(c) = &mut conn else {
            unreachable!()
        };
        c.batch_execute(
            "UPDATE inbox_messages SET conversation_id = 2 WHERE id = 2;
             UPDATE inbox_messages SET text = 'First, edited' WHERE id = 1;",
        )
        .unwrap();
        assert_eq!(
            heads(&mut conn),
            vec![
                (1, "Ana".into(), "First, edited".into(), 1),
                (2, "Ben".into(), "Second".into(), 1)
            ],
            "moved and edited"
        );
        let Conn::Sqlite(c) = &mut conn else {
            unreachable!()
        };
        c.batch_execute("DELETE FROM inbox_messages WHERE id = 1;")
            .unwrap();
        assert_eq!(heads(&mut conn)[0], (1, String::new(), String::new(), 0));
    }
}
