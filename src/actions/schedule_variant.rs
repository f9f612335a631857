//! Puts a variant at a time: the next free slot of its channel's posting schedules, or a time
//! the actor chose. The publication and its job are planned in the same transaction, and when
//! every variant of the piece has a time the idea is scheduled.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::QueryResult;
use serde_json::Value;

use super::transition_idea::transition_idea;
use super::ActionError;
use crate::db::Conn;
use crate::domain::channels::Kind;
use crate::domain::slots::{next_slots, PostingSchedule};
use crate::domain::variants::{self as rules, VariantText};
use crate::domain::workflow::State;
use crate::mail::Composer;
use crate::store;
use crate::store::channels::Channel;
use crate::store::content::Variant;
use crate::store::users::User;

/// Where the variant should go.
pub enum Target {
    NextSlot,
    At(NaiveDateTime),
}

/// The length limit a Mastodon channel was configured with.
pub fn mastodon_limit(ch: &Channel) -> Option<usize> {
    serde_json::from_str::<serde_json::Map<String, Value>>(&ch.config)
        .ok()
        .and_then(|m| {
            m.get("max_characters")
                .and_then(|v| v.as_str())
                .and_then(|s| s.parse().ok())
        })
}

/// What keeps the variant from going out on its channel.
pub fn channel_problems(ch: &Channel, v: &Variant) -> Vec<rules::Problem> {
    let images = v.image_list();
    let kind = Kind::parse(&ch.kind).unwrap_or(Kind::Webhook);
    rules::check(
        kind,
        mastodon_limit(ch),
        &VariantText {
            text: &v.text,
            link: &v.link,
            subject: &v.subject,
            images: &images,
        },
    )
}

/// The channel's next `n` free slots after `now`; the variant `except`'s own time counts as
/// free. Only the times within reach of the slots looked through are read.
pub fn free_slots(
    c: &mut Conn,
    ch: &Channel,
    except: i64,
    now: NaiveDateTime,
    n: usize,
) -> QueryResult<Vec<DateTime<Utc>>> {
    let schedules: Vec<PostingSchedule> = store::channels::schedules(c, ch.id)?
        .iter()
        .filter_map(|r| PostingSchedule::parse(&r.cron, &r.timezone).ok())
        .collect();
    let candidates = next_slots(&schedules, now.and_utc(), rules::SLOTS_AHEAD);
    let taken: Vec<DateTime<Utc>> = match (candidates.first(), candidates.last()) {
        (Some(first), Some(last)) if !ch.several_per_slot => {
            store::content::taken(c, ch.id, (first.naive_utc(), last.naive_utc()), except)?
                .iter()
                .map(|t| t.and_utc())
                .collect()
        }
        _ => vec![],
    };
    Ok(rules::free_among(
        &candidates,
        &taken,
        ch.several_per_slot,
        n,
    ))
}

/// Schedules the variant and answers the time it got.
pub fn schedule_variant(
    c: &mut Conn,
    mail: &Composer,
    actor: &User,
    v: &Variant,
    ch: &Channel,
    target: Target,
    now: NaiveDateTime,
) -> Result<NaiveDateTime, ActionError> {
    if let Some(p) = channel_problems(ch, v).into_iter().next() {
        return Err(ActionError::ChannelRule(p));
    }
    let at = match target {
        Target::At(t) => t,
        Target::NextSlot => free_slots(c, ch, v.id, now, 1)?
            .first()
            .ok_or(ActionError::Refused("error-no-free-slot"))?
            .naive_utc(),
    };
    if at <= now {
        return Err(ActionError::Refused("error-schedule-past"));
    }
    crate::db::write_tx(c, |c| {
        let idea = store::content::idea_of(c, v.content_id)?;
        // Only pieces in production are planned; a rejected or archived idea's stay off.
        if !matches!(idea.state, State::InProduction | State::Scheduled) {
            return Err(ActionError::Refused("error-schedule-state"));
        }
        if !ch.several_per_slot && store::content::taken(c, ch.id, (at, at), v.id)?.contains(&at) {
            return Err(ActionError::Refused("error-slot-taken"));
        }
        store::content::set_time(c, v.id, Some(at))?;
        // A crash cannot leave a scheduled variant that nothing will publish.
        store::publications::plan(c, v.id, ch.id, at, now)?
            .map_err(|_| ActionError::Refused("error-publication-locked"))?;
        let all = store::content::variants_of(c, v.content_id)?;
        if all.iter().all(|v| v.scheduled_at.is_some()) && idea.state == State::InProduction {
            transition_idea(c, mail, actor, &idea, idea.version, State::Scheduled, "")?;
        }
        Ok(at)
    })
}
