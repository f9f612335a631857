//! The mail outbox: rows written with the change that causes them, each sent by a mail job.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::mail_outbox;
use crate::db::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub struct Mail {
    pub id: i64,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::Time)]
    pub next_attempt_at: NaiveDateTime,
    pub attempts: i32,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
}

/// Writes the mail and queues the job that sends it, in the caller's transaction.
pub fn enqueue(conn: &mut Conn, to: &str, subject: &str, body: &str) -> QueryResult<()> {
    let now = super::now();
    let id: i64 = diesel::insert_into(mail_outbox::table)
        .values((
            mail_outbox::to_email.eq(to),
            mail_outbox::subject.eq(subject),
            mail_outbox::body.eq(body),
            mail_outbox::created_at.eq(now),
            mail_outbox::next_attempt_at.eq(now),
            mail_outbox::attempts.eq(0),
        ))
        .returning(mail_outbox::id)
        .get_result(conn)?;
    super::jobs::enqueue(
        conn,
        super::jobs::NewJob {
            kind: crate::mail::JOB_KIND,
            payload: serde_json::json!({ "mail_id": id }).to_string(),
            unique_key: Some(format!("mail:{id}")),
            run_at: now,
            // Mail is never dropped: it waits for the server however long it is away.
            max_attempts: i32::MAX,
        },
        now,
    )?;
    Ok(())
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Mail>> {
    mail_outbox::table
        .find(id)
        .select(Mail::as_select())
        .first(conn)
        .optional()
}

pub fn mark_sent(conn: &mut Conn, id: i64) -> QueryResult<usize> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::sent_at.eq(super::now()),
            mail_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
}

pub fn mark_failed(
    conn: &mut Conn,
    mail: &Mail,
    error: &str,
    next: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(mail_outbox::table.find(mail.id))
        .set((
            mail_outbox::attempts.eq(mail.attempts + 1),
            mail_outbox::next_attempt_at.eq(next),
            mail_outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)
}

/// Unsent mail that failed at least once, for the admins' view.
pub fn failing(conn: &mut Conn, limit: i64) -> QueryResult<Vec<Mail>> {
    mail_outbox::table
        .filter(mail_outbox::sent_at.is_null())
        .filter(mail_outbox::attempts.gt(0))
        .order(mail_outbox::id.desc())
        .limit(limit)
        .select(Mail::as_select())
        .load(conn)
}

/// Makes every waiting mail due now (an admin's "retry now" after fixing SMTP).
pub fn retry_all_now(conn: &mut Conn) -> QueryResult<usize> {
    let now = super::now();
    diesel::update(mail_outbox::table.filter(mail_outbox::sent_at.is_null()))
        .set(mail_outbox::next_attempt_at.eq(now))
        .execute(conn)?;
    super::jobs::due_now_of_kind(conn, crate::mail::JOB_KIND, now)
}
