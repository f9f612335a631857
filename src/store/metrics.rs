//! A channel's own counts of its publications over time, as the pulls read them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::publication_metrics;
use crate::db::Conn;

/// One reading: each named count at `at`.
pub fn record(
    conn: &mut Conn,
    publication_id: i64,
    at: NaiveDateTime,
    counts: &[(&str, i64)],
) -> QueryResult<()> {
    for (name, value) in counts {
        diesel::insert_into(publication_metrics::table)
            .values((
                publication_metrics::publication_id.eq(publication_id),
                publication_metrics::at.eq(at),
                publication_metrics::name.eq(*name),
                publication_metrics::value.eq(*value),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Every reading of a publication, oldest first: `(at, name, value)`.
pub fn series_of(
    conn: &mut Conn,
    publication_id: i64,
) -> QueryResult<Vec<(NaiveDateTime, String, i64)>> {
    publication_metrics::table
        .filter(publication_metrics::publication_id.eq(publication_id))
        .order((publication_metrics::at, publication_metrics::id))
        .select((
            publication_metrics::at,
            publication_metrics::name,
            publication_metrics::value,
        ))
        .load(conn)
}
