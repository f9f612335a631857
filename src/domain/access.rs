//! Who may use which route: one table, read by the request guard and by the route × role test.

use super::roles::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (login, set-up, health, static files).
    Public,
    /// Any signed-in user, whatever the role.
    SignedIn,
    /// Signed-in users with one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Roles(roles), Some(r)) => roles.contains(&r),
        }
    }
}

const ADMIN: Access = Access::Roles(&[Role::Admin]);
const EDITORS: Access = Access::Roles(&[Role::Editor, Role::Admin]);
/// Per-object rules (department, own drafts, who may edit) are checked by the handlers.
const MEMBERS: Access = Access::SignedIn;

/// (method, route pattern as registered, access). A registered route missing here is refused
/// to everyone, and the route × role test fails for it.
pub const ROUTES: &[(&str, &str, Access)] = &[
    ("GET", "/healthz", Access::Public),
    ("GET", "/static/{path:.*}", Access::Public),
    ("GET", "/api/openapi.json", Access::Public),
    ("GET", "/setup", Access::Public),
    ("POST", "/setup", Access::Public),
    ("GET", "/login", Access::Public),
    ("POST", "/login", Access::Public),
    ("POST", "/logout", Access::SignedIn),
    ("GET", "/", Access::SignedIn),
    ("GET", "/account", Access::SignedIn),
    ("POST", "/account", Access::SignedIn),
    ("POST", "/account/password", Access::SignedIn),
    ("GET", "/admin/users", ADMIN),
    ("POST", "/admin/users", ADMIN),
    ("GET", "/admin/users/{id}", ADMIN),
    ("POST", "/admin/users/{id}", ADMIN),
    ("POST", "/admin/users/{id}/disable", ADMIN),
    ("POST", "/admin/users/{id}/enable", ADMIN),
    ("GET", "/admin/departments", ADMIN),
    ("POST", "/admin/departments", ADMIN),
    ("POST", "/admin/departments/starter", ADMIN),
    ("GET", "/admin/audit", ADMIN),
    ("GET", "/admin/channels", ADMIN),
    ("POST", "/admin/channels", ADMIN),
    ("GET", "/admin/channels/new", ADMIN),
    ("GET", "/admin/channels/{id}", ADMIN),
    ("POST", "/admin/channels/{id}", ADMIN),
    ("POST", "/admin/channels/{id}/pause", ADMIN),
    ("POST", "/admin/channels/{id}/resume", ADMIN),
    ("POST", "/admin/channels/{id}/schedules", ADMIN),
    (
        "POST",
        "/admin/channels/{id}/schedules/{schedule_id}/delete",
        ADMIN,
    ),
    ("GET", "/admin/mail", ADMIN),
    ("POST", "/admin/mail/retry", ADMIN),
    ("GET", "/admin/jobs", ADMIN),
    ("POST", "/admin/jobs/{id}/retry", ADMIN),
    ("POST", "/admin/jobs/{id}/cancel", ADMIN),
    // Admins' tokens or loopback, checked by the handler (Prometheus sends no session).
    ("GET", "/metrics", Access::Public),
    // Feed readers send no credentials; a feed lists only what was published.
    ("GET", "/feeds/{file}", Access::Public),
    // Newsletter readers have no account; confirm and unsubscribe carry a signed token.
    ("GET", "/newsletters/{id}", Access::Public),
    ("POST", "/newsletters/{id}", Access::Public),
    ("GET", "/newsletters/confirm/{token}", Access::Public),
    ("POST", "/newsletters/confirm/{token}", Access::Public),
    ("GET", "/newsletters/unsubscribe/{token}", Access::Public),
    ("POST", "/newsletters/unsubscribe/{token}", Access::Public),
    ("GET", "/publications", EDITORS),
    ("POST", "/publications/{id}/retry", EDITORS),
    ("POST", "/publications/{id}/confirm", EDITORS),
    ("POST", "/account/notifications", Access::SignedIn),
    ("GET", "/ideas", MEMBERS),
    ("POST", "/ideas", MEMBERS),
    ("GET", "/ideas/new", MEMBERS),
    ("GET", "/ideas/board", EDITORS),
    ("POST", "/ideas/bulk", EDITORS),
    ("GET", "/ideas/{id}", MEMBERS),
    ("POST", "/ideas/{id}", MEMBERS),
    ("GET", "/ideas/{id}/edit", MEMBERS),
    ("POST", "/ideas/{id}/transitions", MEMBERS),
    ("POST", "/ideas/{id}/comments", MEMBERS),
    ("POST", "/ideas/{id}/assignee", EDITORS),
    ("POST", "/ideas/{id}/content", EDITORS),
    ("GET", "/content/{id}", EDITORS),
    ("POST", "/content/{id}", EDITORS),
    ("POST", "/content/{id}/variants", EDITORS),
    ("POST", "/variants/{id}", EDITORS),
    ("POST", "/variants/{id}/schedule", EDITORS),
    ("POST", "/variants/{id}/unschedule", EDITORS),
    ("GET", "/calendar", MEMBERS),
    ("POST", "/account/calendar-feeds", MEMBERS),
    ("POST", "/account/calendar-feeds/{id}/revoke", MEMBERS),
    // The secret in the address is the credential (calendar apps send no cookies).
    ("GET", "/calendar/{secret}", Access::Public),
    ("GET", "/api/v1/me", Access::SignedIn),
    // Contributors do not see channel settings.
    ("GET", "/api/v1/channels", EDITORS),
    ("POST", "/api/v1/channels", ADMIN),
    ("GET", "/api/v1/channels/{id}", EDITORS),
    ("POST", "/api/v1/content", EDITORS),
    ("GET", "/api/v1/content/{id}", EDITORS),
    ("POST", "/api/v1/content/{id}/variants", EDITORS),
    ("POST", "/api/v1/variants/{id}/schedule", EDITORS),
    ("DELETE", "/api/v1/variants/{id}/schedule", EDITORS),
    ("POST", "/api/v1/me/calendar-feeds", MEMBERS),
    ("GET", "/api/v1/publications", EDITORS),
    ("GET", "/api/v1/publications/{id}", EDITORS),
    ("POST", "/api/v1/publications/{id}/retry", EDITORS),
    ("POST", "/api/v1/publications/{id}/confirm", EDITORS),
    ("GET", "/api/v1/ideas", MEMBERS),
    ("POST", "/api/v1/ideas", MEMBERS),
    ("GET", "/api/v1/ideas/{id}", MEMBERS),
    ("PATCH", "/api/v1/ideas/{id}", MEMBERS),
    ("POST", "/api/v1/ideas/{id}/transitions", MEMBERS),
    ("POST", "/api/v1/ideas/{id}/comments", MEMBERS),
];

/// Form routes that take no CSRF token: RFC 8058's one-click unsubscribe is POSTed by the
/// reader's mail client, which has no form; the signed token in the address is the credential.
pub const CSRF_EXEMPT: &[(&str, &str)] = &[("POST", "/newsletters/unsubscribe/{token}")];

pub fn lookup(method: &str, pattern: &str) -> Option<Access> {
    ROUTES
        .iter()
        .find(|(m, p, _)| *m == method && *p == pattern)
        .map(|(_, _, a)| *a)
}

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

    pub fn sees(&self, idea_department: i64, state: &str, submitter_id: i64) -> bool {
        self.department_id.is_none_or(|d| d == idea_department)
            && (state != "draft" || submitter_id == self.viewer_id)
    }
}

/// Who may change an idea's fields: editors while it is under review, its submitter while it is
/// a draft or sent back.
pub fn may_edit_idea(
    actor_id: i64,
    role: Role,
    submitter_id: i64,
    state: crate::domain::workflow::State,
) -> bool {
    match role {
        Role::Editor | Role::Admin => state.editable_by_editor(),
        Role::Contributor => actor_id == submitter_id && state.editable_by_submitter(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_routes_refuse_editors_and_contributors() {
        let a = lookup("GET", "/admin/users").unwrap();
        assert!(a.allows(Some(Role::Admin)));
        assert!(!a.allows(Some(Role::Editor)));
        assert!(!a.allows(Some(Role::Contributor)));
        assert!(!a.allows(None));
    }

    #[test]
    fn public_routes_need_no_sign_in() {
        assert!(lookup("GET", "/login").unwrap().allows(None));
        assert!(!lookup("GET", "/account").unwrap().allows(None));
    }

    #[test]
    fn contributors_see_their_department_and_nobody_sees_others_drafts() {
        let hr = IdeaScope::of(1, Role::Contributor, Some(10));
        assert!(hr.sees(10, "submitted", 2));
        assert!(!hr.sees(11, "submitted", 2));
        assert!(!hr.sees(10, "draft", 2));
        assert!(hr.sees(10, "draft", 1));
        let editor = IdeaScope::of(3, Role::Editor, Some(10));
        assert!(editor.sees(11, "approved", 2));
        assert!(!editor.sees(11, "draft", 2));
        let lost = IdeaScope::of(4, Role::Contributor, None);
        assert!(!lost.sees(10, "submitted", 2));
    }

    #[test]
    fn each_route_appears_once() {
        for (i, (m, p, _)) in ROUTES.iter().enumerate() {
            assert!(
                !ROUTES[..i].iter().any(|(m2, p2, _)| m2 == m && p2 == p),
                "{m} {p} is listed twice"
            );
        }
    }
}
