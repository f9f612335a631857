//! An admin (on the page or the CLI) adds a person with a role, a department if the role needs
//! one, and a first password. They get the team's time zone.

use super::ActionError;
use crate::db::Conn;
use crate::domain::roles::Role;
use crate::domain::validate::{self, FieldErrors};
use crate::store;
use crate::store::users::{CreateError, NewUser, User};

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    pub role: Option<Role>,
    pub department_id: Option<i64>,
    pub locale: &'static str,
    /// The zone a person gets when the team has not set one.
    pub fallback_timezone: &'a str,
    /// Who added them (none from the CLI) and from where, for the audit log.
    pub actor: Option<i64>,
    pub origin: &'a str,
}

/// The role and department fields' errors, shared with the edit form.
pub fn check_role(errors: &mut FieldErrors, role: Option<Role>, department: Option<i64>) {
    if role.is_none() {
        errors.insert("role", "error-role");
    }
    if role.is_some_and(Role::needs_department) && department.is_none() {
        errors
            .entry("department_id")
            .or_insert("error-department-required");
    }
}

pub fn add_user(c: &mut Conn, new: &NewAccount) -> Result<User, ActionError> {
    let mut errors = FieldErrors::new();
    validate::email(&mut errors, "email", new.email);
    validate::name(&mut errors, "name", new.name);
    if new.password.chars().count() < validate::MIN_PASSWORD {
        errors.insert("password", "error-password-short");
    }
    check_role(&mut errors, new.role, new.department_id);
    if let Some(d) = new.department_id {
        if store::departments::find(c, d)?.is_none() {
            errors.insert("department_id", "error-department-unknown");
        }
    }
    let Some(role) = new.role.filter(|_| errors.is_empty()) else {
        return Err(ActionError::Invalid(errors));
    };
    let hash = crate::security::hash_password(new.password).map_err(ActionError::Storage)?;
    let email = validate::normalise_email(new.email);
    let timezone = store::settings::get(c, store::settings::TEAM_TIMEZONE)?
        .unwrap_or_else(|| new.fallback_timezone.to_string());
    crate::db::write_tx(c, |c| {
        let user = store::users::create(
            c,
            NewUser {
                email: &email,
                name: new.name,
                password_hash: &hash,
                role,
                department_id: new.department_id,
                timezone: &timezone,
                locale: new.locale,
            },
        )
        .map_err(|e| match e {
            CreateError::EmailTaken => ActionError::field("email", "error-email-taken"),
            CreateError::Db(e) => e.into(),
        })?;
        store::audit::record(
            c,
            new.actor,
            "user.created",
            &format!("{} ({})", user.email, user.role),
            new.origin,
        )?;
        Ok(user)
    })
}
