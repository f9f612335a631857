//! Full-text search of ideas' titles and pitches: the one place where the two backends' SQL
//! differs for ideas. SQLite reads an FTS5 table that triggers keep in step with `ideas`;
//! PostgreSQL a GIN index over `to_tsvector('simple', …)` of the same text, with the characters
//! its parser would read as parts of versions, hosts, addresses and paths turned into spaces.
//! Both then split text into lower-case words and match every word of the query as a prefix.

use diesel::sql_types::{Bool, Text};

use super::ideas::Condition;
use crate::db::Conn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of(conn: &Conn) -> Dialect {
        match conn {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Pg(_) => Dialect::Postgres,
        }
    }
}

/// The words of a query, lower-cased; anything but letters and digits separates them (so no
/// query syntax of either engine can be smuggled in).
pub fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// Ideas whose title or pitch has a word starting with each word of `q`. A query with no
/// words finds nothing.
pub fn matches(dialect: Dialect, q: &str) -> Condition {
    let words = words(q);
    if words.is_empty() {
        return Box::new(diesel::dsl::sql::<Bool>("1 = 0"));
    }
    match dialect {
        Dialect::Sqlite => {
            let fts: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
            Box::new(
                diesel::dsl::sql::<Bool>(
                    "ideas.id IN (SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ",
                )
                .bind::<Text, _>(fts.join(" AND "))
                .sql(")"),
            )
        }
        Dialect::Postgres => {
            let ts: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
            Box::new(
                diesel::dsl::sql::<Bool>(
                    // The expression of the index `ideas_search` (migration 000007).
                    "to_tsvector('simple', translate(ideas.title || ' ' || ideas.pitch, \
                     './@:-', '     ')) @@ to_tsquery('simple', ",
                )
                .bind::<Text, _>(ts.join(" & "))
                .sql(")"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_letters_and_digits_only() {
        assert_eq!(words("Kick-off 2027!"), vec!["kick", "off", "2027"]);
        assert_eq!(words("\"x\" OR y:* & z"), vec!["x", "or", "y", "z"]);
        assert_eq!(words("Zürich Ça"), vec!["zürich", "ça"]);
        assert!(words("%%% --").is_empty());
    }
}
