//! Departments, channels, names and pillars are cached per instance; a change made through one
//! instance (or straight in the database) shows on the next page of every other instance.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{TestApp, ADMIN_EMAIL, PASSWORD};

both_backends!(a_change_on_one_instance_shows_at_once_on_another);

async fn a_change_on_one_instance_shows_at_once_on_another(a: TestApp) {
    let admin_a = a.setup_admin().await;
    a.create_department(&admin_a, "Marketing").await;
    let b = a.another_instance(&[]).await;
    let (admin_b, r) = b.login(ADMIN_EMAIL, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // b fills its cache.
    let (_, form) = b.get_html(&admin_b, "/ideas/new").await;
    assert!(form.contains("Marketing") && !form.contains("Legal"));
    let (_, list) = b.get_html(&admin_b, "/ideas").await;
    assert!(!list.contains("Sustainability"));

    // a adds a department through its page, a channel goes straight into the database, an idea
    // brings a new pillar, and a person is renamed.
    a.create_department(&admin_a, "Legal").await;
    a.add_channel("Newsroom blog", "feed");
    let api = a.api(ADMIN_EMAIL);
    let (s, idea) = api
        .call(
            "POST",
            "/api/v1/ideas",
            json!({"title": "Solar roof", "pillar": "Sustainability", "department_id": 1}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{idea}");
    let me = a.user_id(&admin_a, ADMIN_EMAIL).await;
    let r = a
        .submit(
            &admin_a,
            &format!("/admin/users/{me}"),
            &format!("/admin/users/{me}"),
            &[
                ("name", "Ada Renamed"),
                ("role", "admin"),
                ("department_id", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // b shows all of it on its next pages.
    let (_, form) = b.get_html(&admin_b, "/ideas/new").await;
    assert!(form.contains("Legal"), "new department on the hand-in form");
    assert!(
        form.contains("Newsroom blog"),
        "new channel on the hand-in form"
    );
    let (_, list) = b.get_html(&admin_b, "/ideas").await;
    assert!(list.contains("Sustainability"), "new pillar in the filter");
    let (_, page) = b
        .get_html(&admin_b, &format!("/ideas/{}", idea["id"]))
        .await;
    assert!(
        page.contains("Ada Renamed"),
        "the new name on the idea page"
    );
}
