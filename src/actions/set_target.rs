//! An editor sets a target for a channel or a department and a month (publications, people's
//! clicks or engagement); setting it again replaces it. Removing one is `remove_target`.

use chrono::NaiveDateTime;

use super::ActionError;
use crate::db::Conn;
use crate::domain::targets::{parse_month, Metric, Scope};
use crate::domain::validate::FieldErrors;
use crate::store;
use crate::store::targets::NewTarget;
use crate::store::users::User;

/// A target as a form or the API hands it in.
pub struct TargetInput {
    pub scope: String,
    pub scope_id: Option<i64>,
    pub metric: String,
    /// `2026-11`
    pub month: String,
    pub amount: Option<i64>,
}

pub fn set_target(
    c: &mut Conn,
    actor: &User,
    t: &TargetInput,
    now: NaiveDateTime,
) -> Result<i64, ActionError> {
    let mut errors = FieldErrors::new();
    let scope = Scope::parse(&t.scope);
    if scope.is_none() {
        errors.insert("scope", "error-target-scope");
    }
    let metric = Metric::parse(&t.metric);
    if metric.is_none() {
        errors.insert("metric", "error-target-metric");
    }
    let month = parse_month(&t.month);
    if month.is_none() {
        errors.insert("month", "error-target-month");
    }
    let amount = t.amount.filter(|a| (1..=1_000_000_000).contains(a));
    if amount.is_none() {
        errors.insert("amount", "error-target-amount");
    }
    let known = match (scope, t.scope_id) {
        (Some(Scope::Channel), Some(id)) => store::channels::find(c, id)?.is_some(),
        (Some(Scope::Department), Some(id)) => {
            store::departments::list(c)?.iter().any(|d| d.id == id)
        }
        _ => false,
    };
    if scope.is_some() && !known {
        errors.insert("scope_id", "error-target-scope");
    }
    let (Some(scope), Some(metric), Some(month), Some(amount), Some(scope_id), true) =
        (scope, metric, month, amount, t.scope_id, errors.is_empty())
    else {
        return Err(ActionError::Invalid(errors));
    };
    crate::db::write_tx(c, |c| {
        let id = store::targets::set(
            c,
            &NewTarget {
                scope: scope.as_str(),
                scope_id,
                metric: metric.as_str(),
                month,
                amount,
            },
            actor.id,
            now,
        )?;
        store::audit::record(
            c,
            Some(actor.id),
            "target.set",
            &format!("{} {scope_id}", scope.as_str()),
            &format!("{} {} {amount}", month.format("%Y-%m"), metric.as_str()),
        )?;
        Ok(id)
    })
}

pub fn remove_target(c: &mut Conn, actor: &User, id: i64) -> Result<(), ActionError> {
    crate::db::write_tx(c, |c| {
        if !store::targets::remove(c, id)? {
            return Err(ActionError::NotFound);
        }
        store::audit::record(
            c,
            Some(actor.id),
            "target.removed",
            &format!("target {id}"),
            "",
        )?;
        Ok(())
    })
}
