//! A channel's own counts of its publications over time, as the pulls read them.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use crate::db::schema::publication_metrics;
use crate::db::Conn;

/// One reading: each named count at `at`. A count already read at that time is kept as it
/// is (a push sent twice); answers how many were new.
pub fn record(
    conn: &mut Conn,
    publication_id: i64,
    at: NaiveDateTime,
    counts: &[(&str, i64)],
) -> QueryResult<usize> {
    let mut new = 0;
    for (name, value) in counts {
        // ON CONFLICT rather than catching the violation: on PostgreSQL a failed statement
        // would abort the caller's transaction.
        new += diesel::sql_query(
            "INSERT INTO publication_metrics (publication_id, at, name, value) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (publication_id, at, name) DO NOTHING",
        )
        .bind::<BigInt, _>(publication_id)
        .bind::<Timestamp, _>(at)
        .bind::<Text, _>(*name)
        .bind::<BigInt, _>(*value)
        .execute(conn)?;
    }
    if new > 0 {
        // The publication's engagement as insights add it up: the last reading of each count.
        diesel::sql_query(
            "UPDATE publications SET engagement = COALESCE((\
               SELECT sum(m.value) FROM publication_metrics m \
               WHERE m.publication_id = publications.id \
                 AND m.at = (SELECT max(m2.at) FROM publication_metrics m2 \
                             WHERE m2.publication_id = m.publication_id AND m2.name = m.name)\
             ), 0) WHERE id = $1",
        )
        .bind::<BigInt, _>(publication_id)
        .execute(conn)?;
    }
    Ok(new)
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
