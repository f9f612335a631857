//! Everything Pressroom stores about one person, gathered for an export, and erasing it: what
//! they wrote for the team (ideas, comments) stays, credited to a former member.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::db::schema::{
    api_tokens, audit_log, calendar_feeds, channels, idea_events, ideas, login_failures,
    mail_outbox, newsletter_deliveries, sessions, subscribers, users,
};
use crate::db::Conn;

diesel::define_sql_function!(fn replace(text: diesel::sql_types::Text, from: diesel::sql_types::Text, to: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// The name an erased person's work is credited to.
pub const FORMER_MEMBER: &str = "Former member";

fn at(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339()
}

pub fn export(conn: &mut Conn, user_id: i64) -> QueryResult<Option<Value>> {
    let Some(u) = super::users::find(conn, user_id)? else {
        return Ok(None);
    };
    let department = match u.department_id {
        Some(d) => super::departments::find(conn, d)?.map(|d| d.name),
        None => None,
    };
    let submitted: Vec<(i64, String, String, String, NaiveDateTime)> = ideas::table
        .filter(ideas::submitter_id.eq(user_id))
        .order(ideas::id.asc())
        .select((
            ideas::id,
            ideas::title,
            ideas::pitch,
            ideas::state,
            ideas::created_at,
        ))
        .load(conn)?;
    let assigned: Vec<i64> = ideas::table
        .filter(ideas::assignee_id.eq(user_id))
        .select(ideas::id)
        .load(conn)?;
    let events: Vec<(i64, NaiveDateTime, String, String)> = idea_events::table
        .filter(idea_events::actor_id.eq(user_id))
        .order(idea_events::id.asc())
        .select((
            idea_events::idea_id,
            idea_events::at,
            idea_events::kind,
            idea_events::comment,
        ))
        .load(conn)?;
    let tokens = super::tokens::list(conn, user_id)?;
    let feeds: Vec<(i64, NaiveDateTime, Option<NaiveDateTime>)> = calendar_feeds::table
        .filter(calendar_feeds::user_id.eq(user_id))
        .select((
            calendar_feeds::id,
            calendar_feeds::created_at,
            calendar_feeds::revoked_at,
        ))
        .load(conn)?;
    let session_times: Vec<(NaiveDateTime, NaiveDateTime)> = sessions::table
        .filter(sessions::user_id.eq(user_id))
        .select((sessions::created_at, sessions::expires_at))
        .load(conn)?;
    let audit: Vec<(NaiveDateTime, String, String, String)> = audit_log::table
        .filter(audit_log::actor_id.eq(user_id))
        .order(audit_log::id.asc())
        .select((
            audit_log::at,
            audit_log::action,
            audit_log::target,
            audit_log::ip,
        ))
        .load(conn)?;
    let mail: Vec<(String, NaiveDateTime, Option<NaiveDateTime>)> = mail_outbox::table
        .filter(mail_outbox::to_email.eq(&u.email))
        .order(mail_outbox::id.asc())
        .select((
            mail_outbox::subject,
            mail_outbox::created_at,
            mail_outbox::sent_at,
        ))
        .load(conn)?;
    Ok(Some(json!({
        "profile": {
            "id": u.id, "email": u.email, "name": u.name, "role": u.role,
            "department": department, "timezone": u.timezone, "locale": u.locale,
            "mail_off": crate::domain::ideas::split_list(&u.mail_off),
            "created_at": at(u.created_at), "disabled_at": u.disabled_at.map(at),
        },
        "ideas_handed_in": submitted.iter().map(|(id, title, pitch, state, created)| json!({
            "id": id, "title": title, "pitch": pitch, "state": state, "created_at": at(*created),
        })).collect::<Vec<_>>(),
        "ideas_assigned": assigned,
        "idea_history": events.iter().map(|(idea, when, kind, comment)| json!({
            "idea_id": idea, "at": at(*when), "kind": kind, "comment": comment,
        })).collect::<Vec<_>>(),
        "api_tokens": tokens.iter().map(|t| json!({
            "name": t.label, "created_at": at(t.created_at), "last_used_at": t.last_used_at.map(at),
        })).collect::<Vec<_>>(),
        "calendar_feeds": feeds.iter().map(|(id, created, revoked)| json!({
            "id": id, "created_at": at(*created), "revoked_at": revoked.map(at),
        })).collect::<Vec<_>>(),
        "sessions": session_times.iter().map(|(c, e)| json!({"created_at": at(*c), "expires_at": at(*e)})).collect::<Vec<_>>(),
        "audit_log": audit.iter().map(|(when, action, target, ip)| json!({
            "at": at(*when), "action": action, "target": target, "ip": ip,
        })).collect::<Vec<_>>(),
        "mail": mail.iter().map(|(subject, created, sent)| json!({
            "subject": subject, "created_at": at(*created), "sent_at": sent.map(at),
        })).collect::<Vec<_>>(),
    })))
}

/// Erases a person: their account can no longer sign in and holds no name, address or
/// preference; sessions, tokens, calendar feeds, login failures and mail to them are deleted.
/// Ideas, comments and history stay, credited to a former member.
pub fn erase(conn: &mut Conn, user_id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let Some(u) = super::users::find(conn, user_id)? else {
        return Ok(false);
    };
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(api_tokens::table.filter(api_tokens::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(calendar_feeds::table.filter(calendar_feeds::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::delete(login_failures::table.filter(login_failures::email.eq(&u.email)))
        .execute(conn)?;
    diesel::delete(mail_outbox::table.filter(mail_outbox::to_email.eq(&u.email))).execute(conn)?;
    // `.invalid` never resolves (RFC 2606): nothing can be sent to it, and it stays unique.
    let anonymous = format!("erased-{user_id}@erased.invalid");
    // The audit log keeps what happened, but not who they were: their address becomes the
    // anonymous one wherever it was written, and their own entries lose the IP address.
    diesel::update(
        audit_log::table.filter(
            audit_log::target
                .like(format!(
                    "%{}%",
                    u.email
                        .replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                ))
                .escape('\\'),
        ),
    )
    .set(audit_log::target.eq(replace(audit_log::target, &u.email, &anonymous)))
    .execute(conn)?;
    diesel::update(audit_log::table.filter(audit_log::actor_id.eq(user_id)))
        .set(audit_log::ip.eq(""))
        .execute(conn)?;
    diesel::update(users::table.find(user_id))
        .set((
            users::name.eq(FORMER_MEMBER),
            users::email.eq(&anonymous),
            // No password hash matches this, so nobody signs in as them.
            users::password_hash.eq("!erased"),
            users::disabled_at.eq(Some(u.disabled_at.unwrap_or(now))),
            users::mail_off.eq(""),
        ))
        .execute(conn)?;
    Ok(true)
}

/// (id, newsletter, language, state, subscribed, confirmed, unsubscribed)
type SubscriptionRow = (
    i64,
    String,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// Everything stored about one newsletter reader, across channels; `None` if the address
/// subscribed nowhere.
pub fn export_subscriber(conn: &mut Conn, email: &str) -> QueryResult<Option<Value>> {
    let rows: Vec<SubscriptionRow> = subscribers::table
        .inner_join(channels::table)
        .filter(subscribers::email.eq(email))
        .order(subscribers::id.asc())
        .select((
            subscribers::id,
            channels::name,
            subscribers::language,
            subscribers::state,
            subscribers::created_at,
            subscribers::confirmed_at,
            subscribers::unsubscribed_at,
        ))
        .load(conn)?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut subscriptions = vec![];
    for (id, channel, language, state, created, confirmed, unsubscribed) in rows {
        let sent: Vec<(Option<NaiveDateTime>, Option<NaiveDateTime>)> =
            newsletter_deliveries::table
                .filter(newsletter_deliveries::subscriber_id.eq(id))
                .select((
                    newsletter_deliveries::sent_at,
                    newsletter_deliveries::opened_at,
                ))
                .load(conn)?;
        subscriptions.push(json!({
            "newsletter": channel, "language": language, "state": state,
            "subscribed_at": at(created), "confirmed_at": confirmed.map(at),
            "unsubscribed_at": unsubscribed.map(at),
            "newsletters_sent": sent.iter().filter_map(|(s, _)| s.map(at)).collect::<Vec<_>>(),
            // Where the newsletter counts opens: when each mail was first opened.
            "newsletters_opened": sent.iter().filter_map(|(_, o)| o.map(at)).collect::<Vec<_>>(),
        }));
    }
    let mail: Vec<(String, NaiveDateTime)> = mail_outbox::table
        .filter(mail_outbox::to_email.eq(email))
        .select((mail_outbox::subject, mail_outbox::created_at))
        .load(conn)?;
    Ok(Some(json!({
        "email": email,
        "subscriptions": subscriptions,
        "mail": mail.iter().map(|(s, c)| json!({"subject": s, "created_at": at(*c)})).collect::<Vec<_>>(),
    })))
}

/// Erases a newsletter reader: every subscription of the address is ended and loses the
/// address (the record of which newsletters went out stays, by number only), and mail to it
/// is deleted. Returns how many subscriptions there were.
pub fn erase_subscriber(conn: &mut Conn, email: &str, now: NaiveDateTime) -> QueryResult<usize> {
    let ids: Vec<i64> = subscribers::table
        .filter(subscribers::email.eq(email))
        .select(subscribers::id)
        .load(conn)?;
    for id in &ids {
        diesel::update(subscribers::table.find(*id))
            .set((
                subscribers::email.eq(format!("erased-subscriber-{id}@erased.invalid")),
                subscribers::state.eq(super::subscribers::UNSUBSCRIBED),
                subscribers::unsubscribed_at.eq(Some(now)),
            ))
            .execute(conn)?;
    }
    diesel::delete(mail_outbox::table.filter(mail_outbox::to_email.eq(email))).execute(conn)?;
    Ok(ids.len())
}
