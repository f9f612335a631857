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
    ("GET", "/api/v1/me", Access::SignedIn),
];

pub fn lookup(method: &str, pattern: &str) -> Option<Access> {
    ROUTES
        .iter()
        .find(|(m, p, _)| *m == method && *p == pattern)
        .map(|(_, _, a)| *a)
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
    fn each_route_appears_once() {
        for (i, (m, p, _)) in ROUTES.iter().enumerate() {
            assert!(
                !ROUTES[..i].iter().any(|(m2, p2, _)| m2 == m && p2 == p),
                "{m} {p} is listed twice"
            );
        }
    }
}
