//! Reading times without diesel's search through date formats on SQLite.
//!
//! SQLite keeps a time as text, and diesel parses each with chrono against up to eighteen
//! format strings, compiling the format again every time: for the inbox's list of a hundred
//! conversations that was a tenth of the page's instructions. The text we and SQLite write is
//! always `YYYY-MM-DD HH:MM:SS[.f…]`, read here directly; anything else still goes to diesel.
//! PostgreSQL sends times as binary microseconds and keeps diesel's reading.
//!
//! A field reads through these with `#[diesel(deserialize_as = crate::db::Time)]` (or
//! `OptTime` for a nullable column) and stays a `NaiveDateTime`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::pg::Pg;
use diesel::sql_types::{Nullable, Timestamp};
use diesel::sqlite::Sqlite;

use super::multi_connection_impl::{MultiBackend, MultiRawValue};

/// A time column read as `NaiveDateTime`; see the module's comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromSqlRow)]
pub struct Time(pub NaiveDateTime);

/// A nullable time column read as `Option<NaiveDateTime>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromSqlRow)]
pub struct OptTime(pub Option<NaiveDateTime>);

impl From<Time> for NaiveDateTime {
    fn from(t: Time) -> Self {
        t.0
    }
}

impl From<OptTime> for Option<NaiveDateTime> {
    fn from(t: OptTime) -> Self {
        t.0
    }
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`), then optionally `.` and one to nine digits; `None` for
/// anything else, which diesel then reads.
fn parse(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b' ' || b[10] == b'T')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            num(20, b.len())? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?.and_hms_nano_opt(
        num(11, 13)?,
        num(14, 16)?,
        num(17, 19)?,
        nanos,
    )
}

impl FromSql<Timestamp, Sqlite> for Time {
    fn from_sql(mut value: diesel::sqlite::SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        if let Some(t) = parse(value.read_text()) {
            return Ok(Time(t));
        }
        <NaiveDateTime as FromSql<Timestamp, Sqlite>>::from_sql(value).map(Time)
    }
}

impl FromSql<Timestamp, Pg> for Time {
    fn from_sql(value: diesel::pg::PgValue<'_>) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value).map(Time)
    }
}

impl FromSql<Timestamp, MultiBackend> for Time {
    fn from_sql(value: MultiRawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Time, Timestamp>()
    }
}

impl<DB: Backend> FromSql<Nullable<Timestamp>, DB> for OptTime
where
    Time: FromSql<Timestamp, DB>,
{
    fn from_sql(value: DB::RawValue<'_>) -> deserialize::Result<Self> {
        Time::from_sql(value).map(|t| OptTime(Some(t.0)))
    }

    fn from_nullable_sql(value: Option<DB::RawValue<'_>>) -> deserialize::Result<Self> {
        match value {
            Some(v) => Self::from_sql(v),
            None => Ok(OptTime(None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_texts_sqlite_and_diesel_write_as_chrono_does() {
        for text in [
            "2026-11-27 21:30:00",
            "2026-02-28 23:59:59.5",
            "2026-11-27 21:30:00.123456",
            "2026-11-27 21:30:00.123456789",
            "2026-11-27T08:05:09",
            "0999-01-01 00:00:00",
        ] {
            let chrono = NaiveDateTime::parse_from_str(&text.replace('T', " "), "%F %T%.f")
                .expect("chrono reads it");
            assert_eq!(parse(text), Some(chrono), "{text}");
        }
    }

    #[test]
    fn leaves_other_texts_and_impossible_dates_to_diesel() {
        for text in [
            "2026-11-27 21:30",
            "2026-11-27 21:30:00Z",
            "2026-11-27 21:30:00+01:00",
            "2026-11-27 21:30:00.",
            "2026-11-27 21:30:00.1234567890",
            "2026-02-30 10:00:00",
            "2026-11-27 24:00:00",
            "2026-1a-27 10:00:00",
            "2461372.5",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
