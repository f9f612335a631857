//! Reference data that nearly every page shows and that rarely changes: departments, channels,
//! people's names, the editors, the pillars in use. Each instance keeps one copy in memory.
//! Database triggers bump `reference_version` on every write to what it holds (migration
//! 000008), and one read of that row per use says whether the copy is current — also when
//! another instance sharing the database made the change.

use std::collections::HashMap;
use std::sync::Arc;

use diesel::prelude::*;

use super::departments::Department;
use crate::db::schema::{reference_version, users};
use crate::db::Conn;
use crate::domain::roles::Role;

#[derive(Debug, Default)]
pub struct Reference {
    pub version: i64,
    /// By name.
    pub departments: Vec<Department>,
    /// (id, name) by name.
    pub channels: Vec<(i64, String)>,
    /// Everyone's name by id, disabled people included (their ideas still show them).
    pub people: HashMap<i64, String>,
    /// Active editors and admins, (id, name) by name: who can take an idea.
    pub editors: Vec<(i64, String)>,
    pub pillars: Vec<String>,
}

impl Reference {
    pub fn department_name(&self, id: i64) -> Option<&str> {
        self.departments
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.name.as_str())
    }

    pub fn channel_name(&self, id: i64) -> Option<&str> {
        self.channels
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, n)| n.as_str())
    }
}

/// Read on every page: kept written (`Kept`).
fn version(conn: &mut Conn) -> QueryResult<i64> {
    crate::db::Kept::always(
        reference_version::table
            .find(1)
            .select(reference_version::n)
            .limit(1),
    )
    .get_result(conn)
}

fn load(conn: &mut Conn, version: i64) -> QueryResult<Reference> {
    let people: Vec<(i64, String, String, bool)> = users::table
        .select((
            users::id,
            users::name,
            users::role,
            users::disabled_at.is_null(),
        ))
        .order(users::name.asc())
        .load(conn)?;
    Ok(Reference {
        version,
        departments: super::departments::list(conn)?,
        channels: super::channels::names(conn)?,
        editors: people
            .iter()
            .filter(|(_, _, role, active)| {
                *active && Role::parse(role).is_some_and(|r| r != Role::Contributor)
            })
            .map(|(id, name, _, _)| (*id, name.clone()))
            .collect(),
        people: people
            .into_iter()
            .map(|(id, name, _, _)| (id, name))
            .collect(),
        pillars: super::ideas::pillars(conn)?,
    })
}

/// The reference data, kept until any instance writes to it (`kept::Kept`).
pub struct Cache(super::kept::Kept<(), Reference>);

impl Default for Cache {
    fn default() -> Self {
        Cache(super::kept::Kept::new(version))
    }
}

impl Cache {
    /// The current reference data: the kept copy if no write happened since it was loaded.
    pub fn get(&self, conn: &mut Conn) -> QueryResult<Arc<Reference>> {
        self.0.get_or_read(conn, (), load)
    }
}
