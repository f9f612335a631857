//! Queries per aggregate, each taking `&mut Conn`; handlers never build SQL.

pub mod audit;
pub mod calendar;
pub mod channels;
pub mod content;
pub mod departments;
pub mod ideas;
pub mod inbox;
pub mod insights;
pub mod jobs;
pub mod links;
pub mod metrics;
pub mod outbox;
pub mod personal_data;
pub mod publications;
pub mod reference;
pub mod search;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod subscribers;
pub mod targets;
pub mod throttle;
pub mod tokens;
pub mod users;

use chrono::NaiveDateTime;

/// The backend of a query built for either database (boxed queries, boxed conditions).
pub(crate) type Backend = <crate::db::Conn as diesel::Connection>::Backend;

/// Now, in UTC, as stored.
pub fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

pub(crate) fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
