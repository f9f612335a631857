//! Newsletter subscribers (double opt-in) and the record of who got which newsletter.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{newsletter_deliveries, subscribers};
use crate::db::Conn;

pub const PENDING: &str = "pending";
pub const CONFIRMED: &str = "confirmed";
pub const UNSUBSCRIBED: &str = "unsubscribed";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = subscribers)]
pub struct Subscriber {
    pub id: i64,
    pub channel_id: i64,
    pub email: String,
    pub language: String,
    pub state: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub confirmation_sent_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub confirmed_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub unsubscribed_at: Option<NaiveDateTime>,
}

/// What a subscribe form did: the subscriber, and whether a confirmation mail is due.
pub struct Subscribed {
    pub subscriber: Subscriber,
    pub needs_confirmation: bool,
}

/// How often one address may be sent a confirmation: the form is public, and must not become
/// a way to flood someone's inbox.
pub const CONFIRMATION_EVERY: chrono::Duration = chrono::Duration::minutes(10);

/// Subscribes `email` (pending until confirmed). Subscribing again changes the language
/// and, unless already confirmed, sends a new confirmation (at most every ten minutes); it
/// never makes a second row.
pub fn subscribe(
    conn: &mut Conn,
    channel_id: i64,
    email: &str,
    language: &str,
    now: NaiveDateTime,
) -> QueryResult<Subscribed> {
    crate::db::write_tx(conn, |conn| {
        let existing = subscribers::table
            .filter(subscribers::channel_id.eq(channel_id))
            .filter(subscribers::email.eq(email))
            .select(Subscriber::as_select())
            .first(conn)
            .optional()?;
        let (id, needs_confirmation) = match existing {
            Some(s) if s.state == CONFIRMED => {
                diesel::update(subscribers::table.find(s.id))
                    .set(subscribers::language.eq(language))
                    .execute(conn)?;
                (s.id, false)
            }
            Some(s) => {
                diesel::update(subscribers::table.find(s.id))
                    .set((
                        subscribers::language.eq(language),
                        subscribers::state.eq(PENDING),
                        subscribers::unsubscribed_at.eq(None::<NaiveDateTime>),
                    ))
                    .execute(conn)?;
                let recent = s
                    .confirmation_sent_at
                    .is_some_and(|t| now - t < CONFIRMATION_EVERY);
                (s.id, !recent)
            }
            None => (
                diesel::insert_into(subscribers::table)
                    .values((
                        subscribers::channel_id.eq(channel_id),
                        subscribers::email.eq(email),
                        subscribers::language.eq(language),
                        subscribers::state.eq(PENDING),
                        subscribers::created_at.eq(now),
                    ))
                    .returning(subscribers::id)
                    .get_result(conn)?,
                true,
            ),
        };
        if needs_confirmation {
            diesel::update(subscribers::table.find(id))
                .set(subscribers::confirmation_sent_at.eq(Some(now)))
                .execute(conn)?;
        }
        let subscriber = subscribers::table
            .find(id)
            .select(Subscriber::as_select())
            .first(conn)?;
        Ok(Subscribed {
            subscriber,
            needs_confirmation,
        })
    })
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Subscriber>> {
    subscribers::table
        .find(id)
        .select(Subscriber::as_select())
        .first(conn)
        .optional()
}

/// pending → confirmed (an unsubscribed one stays out: they subscribe again).
pub fn confirm(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        subscribers::table
            .filter(subscribers::id.eq(id))
            .filter(subscribers::state.eq_any([PENDING, CONFIRMED])),
    )
    .set((
        subscribers::state.eq(CONFIRMED),
        subscribers::confirmed_at.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn unsubscribe(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        subscribers::table
            .filter(subscribers::id.eq(id))
            .filter(subscribers::state.ne(UNSUBSCRIBED)),
    )
    .set((
        subscribers::state.eq(UNSUBSCRIBED),
        subscribers::unsubscribed_at.eq(Some(now)),
    ))
    .execute(conn)
}

/// The next confirmed subscribers of `language` who have no delivery of this publication yet.
pub fn next_recipients(
    conn: &mut Conn,
    channel_id: i64,
    language: &str,
    publication_id: i64,
    limit: i64,
) -> QueryResult<Vec<Subscriber>> {
    subscribers::table
        .left_join(
            newsletter_deliveries::table.on(newsletter_deliveries::subscriber_id
                .eq(subscribers::id)
                .and(newsletter_deliveries::publication_id.eq(publication_id))),
        )
        .filter(subscribers::channel_id.eq(channel_id))
        .filter(subscribers::state.eq(CONFIRMED))
        .filter(subscribers::language.eq(language))
        .filter(newsletter_deliveries::id.is_null())
        .order(subscribers::id.asc())
        .limit(limit)
        .select(Subscriber::as_select())
        .load(conn)
}

/// Claims the recipient before the mail goes out; `false` if someone else has (a resumed
/// send, another instance).
pub fn begin_delivery(
    conn: &mut Conn,
    publication_id: i64,
    subscriber_id: i64,
) -> QueryResult<bool> {
    let rows: Vec<Id> = diesel::sql_query(
        "INSERT INTO newsletter_deliveries (publication_id, subscriber_id) VALUES ($1, $2) \
         ON CONFLICT (publication_id, subscriber_id) DO NOTHING RETURNING id",
    )
    .bind::<diesel::sql_types::BigInt, _>(publication_id)
    .bind::<diesel::sql_types::BigInt, _>(subscriber_id)
    .load(conn)?;
    Ok(!rows.is_empty())
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    #[allow(dead_code)]
    id: i64,
}

pub fn end_delivery(
    conn: &mut Conn,
    publication_id: i64,
    subscriber_id: i64,
    error: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        newsletter_deliveries::table
            .filter(newsletter_deliveries::publication_id.eq(publication_id))
            .filter(newsletter_deliveries::subscriber_id.eq(subscriber_id)),
    )
    .set((
        newsletter_deliveries::sent_at.eq(error.is_none().then_some(now)),
        newsletter_deliveries::error.eq(error),
    ))
    .execute(conn)
}

/// Forgets a begun delivery whose mail the server did not take, so it is sent again.
pub fn cancel_delivery(
    conn: &mut Conn,
    publication_id: i64,
    subscriber_id: i64,
) -> QueryResult<usize> {
    diesel::delete(
        newsletter_deliveries::table
            .filter(newsletter_deliveries::publication_id.eq(publication_id))
            .filter(newsletter_deliveries::subscriber_id.eq(subscriber_id))
            .filter(newsletter_deliveries::sent_at.is_null()),
    )
    .execute(conn)
}

/// Counts an open of the mail this subscriber was sent (nothing if no such mail went out),
/// keeping when it was first opened.
pub fn record_open(
    conn: &mut Conn,
    publication_id: i64,
    subscriber_id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        newsletter_deliveries::table
            .filter(newsletter_deliveries::publication_id.eq(publication_id))
            .filter(newsletter_deliveries::subscriber_id.eq(subscriber_id))
            .filter(newsletter_deliveries::sent_at.is_not_null()),
    )
    .set((
        newsletter_deliveries::opens.eq(newsletter_deliveries::opens + 1),
        newsletter_deliveries::opened_at.eq(diesel::dsl::sql::<
            diesel::sql_types::Nullable<diesel::sql_types::Timestamp>,
        >("COALESCE(opened_at, ")
        .bind::<diesel::sql_types::Timestamp, _>(now)
        .sql(")")),
    ))
    .execute(conn)?;
    Ok(())
}

/// A newsletter publication's opens: (all opens, mails opened at least once).
pub fn opens(conn: &mut Conn, publication_id: i64) -> QueryResult<(i64, i64)> {
    use diesel::dsl::{count, sum};
    let (all, opened): (Option<i64>, i64) = newsletter_deliveries::table
        .filter(newsletter_deliveries::publication_id.eq(publication_id))
        .select((
            sum(newsletter_deliveries::opens),
            count(newsletter_deliveries::opened_at),
        ))
        .get_result(conn)?;
    Ok((all.unwrap_or(0), opened))
}

/// How many mails of a newsletter publication went out.
pub fn mails_sent(conn: &mut Conn, publication_id: i64) -> QueryResult<i64> {
    newsletter_deliveries::table
        .filter(newsletter_deliveries::publication_id.eq(publication_id))
        .filter(newsletter_deliveries::sent_at.is_not_null())
        .count()
        .get_result(conn)
}
