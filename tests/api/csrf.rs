//! Every state-changing form route refuses a missing or wrong CSRF token with 403.

use reqwest::StatusCode;

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(every_form_route_refuses_missing_or_wrong_csrf_tokens);

async fn every_form_route_refuses_missing_or_wrong_csrf_tokens(app: TestApp) {
    let admin = app.setup_admin().await;
    let visitor = app.browser();
    use pressroom::domain::access::Access;
    // (path to call, whether anonymous callers get that far), for every form route but the
    // one-click unsubscribe, which mail clients POST without a form (tested in newsletter).
    let routes = pressroom::web::route_list();
    let exempt: Vec<_> = routes.iter().filter(|(_, _, r)| r.csrf_exempt).collect();
    assert_eq!(exempt.len(), 1, "exemptions are rare and named: {exempt:?}");
    let form_routes: Vec<(String, bool)> = routes
        .iter()
        .filter(|(m, p, _)| m != "GET" && !p.starts_with("/api/"))
        .filter(|(_, _, r)| !r.csrf_exempt)
        .map(|(_, p, r)| {
            let public = r.access == Access::Public;
            (p.replace("{id}", "1").replace("{token}", "1.x"), public)
        })
        .collect();
    assert!(
        form_routes.len() >= 10,
        "found the form routes: {form_routes:?}"
    );
    // An anonymous browser's token is no good for the admin's session either.
    let foreign = app.csrf(&visitor, "/login").await;
    for (path, public) in &form_routes {
        for (client, signed_in) in [(&admin, true), (&visitor, false)] {
            for token in [None, Some("forged"), Some(foreign.as_str())] {
                if !signed_in && token == Some(foreign.as_str()) {
                    continue; // that is the visitor's own valid token
                }
                let mut form = vec![("name", "Smuggled")];
                if let Some(t) = token {
                    form.push(("csrf_token", t));
                }
                let r = client.post(app.url(path)).form(&form).send().await.unwrap();
                // Anonymous callers of member routes are sent to login before any form is read.
                let expected_login = !signed_in && !public;
                if expected_login {
                    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
                } else {
                    assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path} with {token:?}");
                    let html = r.text().await.unwrap();
                    assert!(
                        html.contains("Form expired"),
                        "{path}: a page that says what happened"
                    );
                }
            }
        }
    }
    let (_, html) = app.get_html(&admin, "/admin/departments").await;
    assert!(
        !html.contains("Smuggled"),
        "nothing was changed by forged forms"
    );
}
