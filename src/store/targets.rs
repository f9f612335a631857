//! Targets per channel or department and month.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::targets;
use crate::db::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = targets)]
pub struct Target {
    pub id: i64,
    pub scope: String,
    pub scope_id: i64,
    pub metric: String,
    pub month: NaiveDate,
    pub amount: i64,
    pub created_by: Option<i64>,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
}

pub struct NewTarget<'a> {
    pub scope: &'a str,
    pub scope_id: i64,
    pub metric: &'a str,
    pub month: NaiveDate,
    pub amount: i64,
}

/// Sets the target (replacing one for the same scope, metric and month); answers its id.
pub fn set(c: &mut Conn, t: &NewTarget, by: i64, now: NaiveDateTime) -> QueryResult<i64> {
    crate::db::write_tx(c, |c| {
        diesel::delete(
            targets::table
                .filter(targets::scope.eq(t.scope))
                .filter(targets::scope_id.eq(t.scope_id))
                .filter(targets::metric.eq(t.metric))
                .filter(targets::month.eq(t.month)),
        )
        .execute(c)?;
        diesel::insert_into(targets::table)
            .values((
                targets::scope.eq(t.scope),
                targets::scope_id.eq(t.scope_id),
                targets::metric.eq(t.metric),
                targets::month.eq(t.month),
                targets::amount.eq(t.amount),
                targets::created_by.eq(Some(by)),
                targets::created_at.eq(now),
            ))
            .returning(targets::id)
            .get_result(c)
    })
}

pub fn remove(c: &mut Conn, id: i64) -> QueryResult<bool> {
    Ok(diesel::delete(targets::table.find(id)).execute(c)? == 1)
}

/// The targets of a month, by scope, then id.
pub fn of_month(c: &mut Conn, month: NaiveDate) -> QueryResult<Vec<Target>> {
    targets::table
        .filter(targets::month.eq(month))
        .order((targets::scope.asc(), targets::id.asc()))
        .select(Target::as_select())
        .load(c)
}
