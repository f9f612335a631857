use reqwest::StatusCode;

use crate::both_backends;
use crate::helpers::{Backend, TestApp};

both_backends!(
    healthz_says_ok_while_the_database_answers,
    unknown_paths_and_methods_get_pages
);

async fn healthz_says_ok_while_the_database_answers(app: TestApp) {
    let r = app.get(&app.browser(), "/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body, serde_json::json!({"status": "ok"}));
}

async fn unknown_paths_and_methods_get_pages(app: TestApp) {
    let b = app.browser();
    let (status, html) = app.get_html(&b, "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Not found") && html.contains("<html"));
    let r = b.delete(app.url("/login")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.text().await.unwrap().contains("Method not allowed"));
    let r = b.get(app.url("/api/v1/nothing")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    // Security headers on every page.
    let r = app.get(&app.browser(), "/login").await;
    let csp = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert!(r.headers().contains_key("referrer-policy"));
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // Static files come with cache headers.
    let r = app.get(&b, "/static/css/app.css").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("max-age"));
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    let head = b.head(app.url("/healthz")).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK, "HEAD answers like GET");
    let head = b.head(app.url("/admin/users")).send().await.unwrap();
    assert_eq!(
        head.status(),
        StatusCode::SEE_OTHER,
        "and is guarded like GET"
    );
    let api = app.get(&b, "/api/openapi.json").await;
    let doc: serde_json::Value = api.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
}

#[actix_web::test]
async fn healthz_says_unavailable_when_the_database_is_gone() {
    let mut app = TestApp::spawn(Backend::Postgres).await;
    assert_eq!(
        app.get(&app.browser(), "/healthz").await.status(),
        StatusCode::OK
    );
    let signed_in = app.setup_admin().await;
    let token = app.create_token(crate::helpers::ADMIN_EMAIL, "script");
    app.kill_database();
    let r = app.get(&app.browser(), "/healthz").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    // Pages say so too, instead of failing obscurely.
    let (status, html) = app.get_html(&app.browser(), "/setup").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("Temporarily unavailable"));
    // Someone signed in is told the same, not sent to a login page that cannot work either.
    let r = app.get(&signed_in, "/ideas").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let r = app
        .browser()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    // Files and feeds need no session, so static files still come.
    let r = app.get(&app.browser(), "/static/css/app.css").await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[actix_web::test]
async fn behind_https_cookies_are_secure_and_host_prefixed() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        &[("PRESSROOM_BASE_URL", "https://press.example.ch")],
    )
    .await;
    let r = app.get(&app.browser(), "/login").await;
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("__Host-pressroom_csrf="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Domain="),
        "__Host- cookies carry no domain"
    );
    assert!(r.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
}
