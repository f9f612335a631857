//! A contributor hands in an idea (or saves a draft) for their department; an editor may pick
//! the department.

use chrono::NaiveDate;

use super::ActionError;
use crate::db::Conn;
use crate::domain::ideas::{self, RawIdea};
use crate::domain::roles::Role;
use crate::domain::validate::FieldErrors;
use crate::domain::workflow::State;
use crate::store;
use crate::store::ideas::Idea;
use crate::store::users::User;

pub struct HandIn {
    pub raw: RawIdea,
    /// The department an editor picked; contributors always hand in for their own.
    pub department: Option<i64>,
    pub draft: bool,
}

pub fn hand_in_idea(
    c: &mut Conn,
    actor: &User,
    input: &HandIn,
    today: NaiveDate,
) -> Result<Idea, ActionError> {
    let channels = store::channels::ids(c)?;
    let known: Vec<i64> = store::departments::list(c)?
        .into_iter()
        .map(|d| d.id)
        .collect();
    let department = match actor.role() {
        Role::Contributor => actor.department_id,
        _ => input.department.or(actor.department_id),
    }
    .filter(|d| known.contains(d));
    let mut errors = FieldErrors::new();
    if department.is_none() {
        errors.insert("department_id", "error-department-required");
    }
    let checked = ideas::check(&input.raw, &channels, today);
    let (fields, department) = match (checked, department) {
        (Ok(f), Some(d)) if errors.is_empty() => (f, d),
        (checked, _) => {
            errors.extend(checked.err().unwrap_or_default());
            return Err(ActionError::Invalid(errors));
        }
    };
    let state = if input.draft {
        State::Draft
    } else {
        State::Submitted
    };
    Ok(store::ideas::create(c, actor, department, &fields, state)?)
}
