//! Accounts: creation, look-up, profile, role, password, disabling.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{departments, sessions, users};
use crate::db::Conn;
use crate::domain::roles::Role;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub role: String,
    pub department_id: Option<i64>,
    pub timezone: String,
    pub locale: String,
    #[diesel(deserialize_as = crate::db::Time)]
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = crate::db::OptTime)]
    pub disabled_at: Option<NaiveDateTime>,
    pub mail_off: String,
}

impl User {
    /// Unknown role text (never written by us) counts as the least privileged role.
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Contributor)
    }
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub department_id: Option<i64>,
    pub timezone: &'a str,
    pub locale: &'a str,
}

#[derive(Debug)]
pub enum CreateError {
    EmailTaken,
    Db(diesel::result::Error),
}

pub fn any_exists(conn: &mut Conn) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.select(users::id))).get_result(conn)
}

pub fn create(conn: &mut Conn, new: NewUser) -> Result<User, CreateError> {
    let inserted = diesel::insert_into(users::table)
        .values((
            users::email.eq(new.email),
            users::name.eq(new.name.trim()),
            users::password_hash.eq(new.password_hash),
            users::role.eq(new.role.as_str()),
            users::department_id.eq(new.department_id),
            users::timezone.eq(new.timezone),
            users::locale.eq(new.locale),
            users::created_at.eq(super::now()),
        ))
        .execute(conn);
    match inserted {
        Err(e) if super::is_unique_violation(&e) => Err(CreateError::EmailTaken),
        Err(e) => Err(CreateError::Db(e)),
        Ok(_) => find_by_email(conn, new.email)
            .and_then(|u| u.ok_or(diesel::result::Error::NotFound))
            .map_err(CreateError::Db),
    }
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut Conn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Every user with their department's name, for the admin's list.
pub fn list(conn: &mut Conn) -> QueryResult<Vec<(User, Option<String>)>> {
    users::table
        .left_join(departments::table)
        .select((User::as_select(), departments::name.nullable()))
        .order(users::name.asc())
        .load(conn)
}

pub fn count(conn: &mut Conn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// Admins who can still sign in; at least one must remain.
pub fn count_active_admins(conn: &mut Conn) -> QueryResult<i64> {
    users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::disabled_at.is_null())
        .count()
        .get_result(conn)
}

pub fn update_profile(
    conn: &mut Conn,
    id: i64,
    name: &str,
    timezone: &str,
    locale: &str,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::name.eq(name.trim()),
            users::timezone.eq(timezone),
            users::locale.eq(locale),
        ))
        .execute(conn)
}

pub fn update_role(
    conn: &mut Conn,
    id: i64,
    name: &str,
    role: Role,
    department_id: Option<i64>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::name.eq(name.trim()),
            users::role.eq(role.as_str()),
            users::department_id.eq(department_id),
        ))
        .execute(conn)
}

pub fn set_password(conn: &mut Conn, id: i64, password_hash: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::password_hash.eq(password_hash))
        .execute(conn)
}

/// Disabling ends every session of the user in the same transaction, so it takes effect at once.
pub fn set_disabled(conn: &mut Conn, id: i64, disabled: bool) -> QueryResult<usize> {
    crate::db::write_tx(conn, |conn| {
        let at = disabled.then(super::now);
        let n = diesel::update(users::table.find(id))
            .set(users::disabled_at.eq(at))
            .execute(conn)?;
        if disabled {
            diesel::delete(sessions::table.filter(sessions::user_id.eq(id))).execute(conn)?;
        }
        Ok(n)
    })
}

/// Stores the kinds of mail the user turned off, delimited like ",comment,".
pub fn set_mail_off(conn: &mut Conn, id: i64, kinds: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::mail_off.eq(kinds))
        .execute(conn)
}

/// Active editors and admins: who is told when a post cannot go out.
pub fn editors(conn: &mut Conn) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::role.eq_any(["editor", "admin"]))
        .filter(users::disabled_at.is_null())
        .order(users::id.asc())
        .select(User::as_select())
        .load(conn)
}
