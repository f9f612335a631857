//! Departments, where ideas come from.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::departments;
use crate::db::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = departments)]
pub struct Department {
    pub id: i64,
    pub name: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
}

pub fn list(conn: &mut Conn) -> QueryResult<Vec<Department>> {
    departments::table
        .select(Department::as_select())
        .order(departments::name.asc())
        .load(conn)
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<Department>> {
    departments::table
        .find(id)
        .select(Department::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_name(conn: &mut Conn, name: &str) -> QueryResult<Option<Department>> {
    departments::table
        .filter(departments::name.eq(name.trim()))
        .select(Department::as_select())
        .first(conn)
        .optional()
}

/// Returns the department of that name, creating it if needed; `true` when it was created.
pub fn find_or_create(conn: &mut Conn, name: &str) -> QueryResult<(Department, bool)> {
    let name = name.trim();
    if let Some(d) = find_by_name(conn, name)? {
        return Ok((d, false));
    }
    let inserted = diesel::insert_into(departments::table)
        .values((
            departments::name.eq(name),
            departments::created_at.eq(super::now()),
        ))
        .execute(conn);
    // Another request may have created it meanwhile: that is the same outcome.
    let created = match inserted {
        Ok(_) => true,
        Err(e) if super::is_unique_violation(&e) => false,
        Err(e) => return Err(e),
    };
    let d = find_by_name(conn, name)?.ok_or(diesel::result::Error::NotFound)?;
    Ok((d, created))
}
