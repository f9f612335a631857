//! The route × role matrix: every route the app registers, for anonymous, contributor, editor
//! and admin, answers exactly as the route table (`web::routes`) says.

use pressroom::domain::roles::Role;
use reqwest::{Client, StatusCode};

use crate::both_backends;
use crate::helpers::{csrf_in, location, TestApp, ADMIN_EMAIL, PASSWORD};

both_backends!(every_route_answers_each_role_as_the_access_table_says);

struct Caller {
    role: Option<Role>,
    browser: Client,
    token: Option<String>,
}

async fn every_route_answers_each_role_as_the_access_table_says(app: TestApp) {
    let admin_browser = app.setup_admin().await;
    app.create_department(&admin_browser, "HR").await;
    let target = app
        .create_user(
            &admin_browser,
            "target@example.ch",
            "Target",
            "editor",
            None,
        )
        .await;
    app.create_user(&admin_browser, "ed@example.ch", "Ed", "editor", None)
        .await;
    app.create_user(
        &admin_browser,
        "hr@example.ch",
        "Hanna",
        "contributor",
        Some("HR"),
    )
    .await;

    let mut callers = vec![Caller {
        role: None,
        browser: app.browser(),
        token: None,
    }];
    for (role, email) in [
        (Role::Contributor, "hr@example.ch"),
        (Role::Editor, "ed@example.ch"),
        (Role::Admin, ADMIN_EMAIL),
    ] {
        let (browser, r) = app.login(email, PASSWORD).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let token = app.create_token(email, "matrix");
        callers.push(Caller {
            role: Some(role),
            browser,
            token: Some(token),
        });
    }

    let mut routes = pressroom::web::route_list();
    // Logging out ends the caller's session: do it last.
    routes.sort_by_key(|(_, p, _)| p == "/logout");
    let mut failures = vec![];
    let (mut checked, mut refused) = (0, vec![]);
    for caller in &callers {
        let csrf = {
            let page = if caller.role.is_some() {
                "/account"
            } else {
                "/login"
            };
            let html = app.get(&caller.browser, page).await.text().await.unwrap();
            csrf_in(&html).expect("a form with a token")
        };
        for (method, pattern, rule) in &routes {
            // A token id nobody has: revoking the caller's own token would end its session.
            let id = if pattern.contains("/tokens/") {
                "999999".to_string()
            } else {
                target.to_string()
            };
            let path = pattern
                .replace("{id}", &id)
                .replace("{path:.*}", "css/app.css")
                .replace("{schedule_id}", "1")
                .replace("{token_id}", "999999");
            let is_api = path.starts_with("/api/v1/");
            let mut req = match method.as_str() {
                "GET" => caller.browser.get(app.url(&path)),
                "POST" if is_api => caller
                    .browser
                    .post(app.url(&path))
                    .json(&serde_json::json!({})),
                "POST" => caller
                    .browser
                    .post(app.url(&path))
                    .form(&[("csrf_token", csrf.as_str())]),
                "DELETE" => caller.browser.delete(app.url(&path)),
                "PATCH" => caller
                    .browser
                    .patch(app.url(&path))
                    .json(&serde_json::json!({})),
                m => panic!("no case for method {m}"),
            };
            if is_api {
                if let Some(t) = &caller.token {
                    req = req.bearer_auth(t);
                }
            }
            let r = req.send().await.unwrap();
            let status = r.status();
            checked += 1;
            let allowed = rule.access.allows(caller.role);
            let to_login =
                status == StatusCode::SEE_OTHER && location(&r).starts_with("/login?next=");
            if !allowed {
                refused.push(caller.role);
            }
            let ok = if rule.access == pressroom::domain::access::Access::Signed {
                // Its own check: unsigned, every caller is refused alike.
                status == StatusCode::UNAUTHORIZED
                    && r.headers()["content-type"] == "application/problem+json"
            } else if allowed {
                // (A failed sign-in on the login page is a 401 page, not a refusal of the route.)
                status != StatusCode::FORBIDDEN
                    && !(is_api && status == StatusCode::UNAUTHORIZED)
                    && !to_login
            } else if caller.role.is_some() {
                status == StatusCode::FORBIDDEN
            } else if is_api {
                status == StatusCode::UNAUTHORIZED
                    && r.headers()["content-type"] == "application/problem+json"
            } else {
                to_login
            };
            if !ok {
                failures.push(format!(
                    "{:?} {method} {path}: {status} (allowed: {allowed})",
                    caller.role
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "route × role mismatches:\n{}",
        failures.join("\n")
    );
    // Not vacuous: every route was tried by every caller, and each non-admin was refused some.
    assert!(routes.len() >= 60, "{} routes", routes.len());
    assert_eq!(checked, routes.len() * callers.len());
    for role in [None, Some(Role::Contributor), Some(Role::Editor)] {
        assert!(refused.contains(&role), "{role:?} was never refused");
    }
    drop(admin_browser);
}
