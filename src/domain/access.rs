//! Who may do what: the access levels routes are registered with, and the per-object rules
//! (which ideas a user sees, who may edit one).

use super::roles::Role;
use super::workflow::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Machines and people with no account: health checks, static files, feeds, calendar
    /// feeds. Nobody signs in here, so the guard looks up no session and sets no cookie.
    Machine,
    /// Machines that prove who they are with a signature over the request (a channel's
    /// receiver pushing its counts): let through as `Machine` is, and the route itself answers
    /// 401 to a request whose signature does not check out.
    Signed,
    /// Anyone, signed in or not (login, set-up, newsletter sign-up).
    Public,
    /// Any signed-in user, whatever the role.
    SignedIn,
    /// Signed-in users with one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Routes for machines: no session is looked up, no cookie set, no form token asked.
    pub fn is_machine(self) -> bool {
        matches!(self, Access::Machine | Access::Signed)
    }

    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Machine | Access::Signed | Access::Public, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Roles(roles), Some(r)) => roles.contains(&r),
        }
    }
}

pub const ADMIN: Access = Access::Roles(&[Role::Admin]);
pub const EDITORS: Access = Access::Roles(&[Role::Editor, Role::Admin]);
/// Per-object rules (department, own drafts, who may edit) are checked by the actions.
pub const MEMBERS: Access = Access::SignedIn;

/// Which ideas a user may see: editors and admins all, a contributor their department's.
/// Drafts are seen by their submitter only, whatever the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdeaScope {
    pub viewer_id: i64,
    pub department_id: Option<i64>,
}

impl IdeaScope {
    pub fn of(viewer_id: i64, role: Role, department_id: Option<i64>) -> IdeaScope {
        let department_id = match role {
            // A contributor without department sees nothing but their own drafts.
            Role::Contributor => Some(department_id.unwrap_or(-1)),
            Role::Editor | Role::Admin => None,
        };
        IdeaScope {
            viewer_id,
            department_id,
        }
    }

    pub fn sees(&self, idea_department: i64, state: State, submitter_id: i64) -> bool {
        self.department_id.is_none_or(|d| d == idea_department)
            && (state != State::Draft || submitter_id == self.viewer_id)
    }
}

/// Who may change an idea's fields: editors while it is under review, its submitter while it is
/// a draft or sent back.
pub fn may_edit_idea(actor_id: i64, role: Role, submitter_id: i64, state: State) -> bool {
    match role {
        Role::Editor | Role::Admin => state.editable_by_editor(),
        Role::Contributor => actor_id == submitter_id && state.editable_by_submitter(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_levels_admit_exactly_their_roles() {
        assert!(ADMIN.allows(Some(Role::Admin)));
        assert!(!ADMIN.allows(Some(Role::Editor)));
        assert!(!EDITORS.allows(Some(Role::Contributor)));
        assert!(EDITORS.allows(Some(Role::Editor)));
        assert!(!MEMBERS.allows(None));
        assert!(Access::Public.allows(None) && Access::Machine.allows(None));
    }

    #[test]
    fn contributors_see_their_department_and_nobody_sees_others_drafts() {
        let hr = IdeaScope::of(1, Role::Contributor, Some(10));
        assert!(hr.sees(10, State::Submitted, 2));
        assert!(!hr.sees(11, State::Submitted, 2));
        assert!(!hr.sees(10, State::Draft, 2));
        assert!(hr.sees(10, State::Draft, 1));
        let editor = IdeaScope::of(3, Role::Editor, Some(10));
        assert!(editor.sees(11, State::Approved, 2));
        assert!(!editor.sees(11, State::Draft, 2));
        let lost = IdeaScope::of(4, Role::Contributor, None);
        assert!(!lost.sees(10, State::Submitted, 2));
    }
}
