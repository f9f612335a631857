use reqwest::StatusCode;

use crate::both_backends;
use crate::helpers::{TestApp, ADMIN_EMAIL};

both_backends!(a_script_in_a_display_name_is_shown_escaped_everywhere);

async fn a_script_in_a_display_name_is_shown_escaped_everywhere(app: TestApp) {
    let evil = "<script>alert(1)</script>";
    let admin = app.setup_admin().await;
    let r = app
        .submit(
            &admin,
            "/account",
            "/account",
            &[
                ("name", evil),
                ("timezone", "Europe/Zurich"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.create_department(&admin, evil).await;
    app.create_department(&admin, "Sales").await;
    let id = app
        .create_user(
            &admin,
            "mallory@example.ch",
            evil,
            "contributor",
            Some("Sales"),
        )
        .await;
    let me = app.user_id(&admin, ADMIN_EMAIL).await;
    for page in [
        "/".to_string(),
        "/account".into(),
        "/admin/users".into(),
        format!("/admin/users/{id}"),
        format!("/admin/users/{me}"),
        "/admin/departments".into(),
        "/admin/audit".into(),
    ] {
        let (status, html) = app.get_html(&admin, &page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(!html.contains(evil), "{page} shows the name unescaped");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page} shows the name escaped"
        );
    }
}
