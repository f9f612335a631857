//! #12: an admin exports everything stored about one person and erases them; what they wrote
//! for the team stays, credited to a former member, and the audit log says who did it.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{TestApp, ADMIN_EMAIL, PASSWORD};

both_backends!(a_person_is_exported_then_erased_and_their_ideas_stay);

async fn a_person_is_exported_then_erased_and_their_ideas_stay(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Care").await;
    let hanna_id = app
        .create_user(
            &admin,
            "hanna@example.ch",
            "Hanna Huber",
            "contributor",
            Some("Care"),
        )
        .await;
    let hanna = app.api("hanna@example.ch");
    let (s, idea) = hanna
        .call(
            "POST",
            "/api/v1/ideas",
            json!({"title": "Winter opening hours", "pitch": "Shorter days"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{idea}");
    let id = idea["id"].as_i64().unwrap();
    let (s, _) = hanna
        .call(
            "POST",
            &format!("/api/v1/ideas/{id}/comments"),
            json!({"text": "Ask the shop managers"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (hanna_browser, r) = app.login("hanna@example.ch", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The export holds what is stored about her, as JSON.
    let r = admin
        .get(app.url(&format!("/admin/users/{hanna_id}/export")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let data: Value = r.json().await.unwrap();
    assert_eq!(data["profile"]["email"], "hanna@example.ch");
    assert_eq!(data["profile"]["department"], "Care");
    assert_eq!(data["ideas_handed_in"][0]["title"], "Winter opening hours");
    assert!(data["idea_history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["comment"] == "Ask the shop managers"));
    assert_eq!(data["api_tokens"][0]["name"], "test");
    assert!(!data["sessions"].as_array().unwrap().is_empty());
    // A contributor may not export anyone.
    let r = hanna_browser
        .get(app.url(&format!("/admin/users/{hanna_id}/export")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Erased: signed out, no token, no login; her idea and comment stay with a former member.
    let r = app
        .submit(
            &admin,
            &format!("/admin/users/{hanna_id}"),
            &format!("/admin/users/{hanna_id}/erase"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&hanna_browser, "/").await.status(),
        StatusCode::SEE_OTHER
    );
    let (s, _) = hanna.call("GET", "/api/v1/me", json!({})).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (_, r) = app.login("hanna@example.ch", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let (_, page) = app.get_html(&admin, &format!("/ideas/{id}")).await;
    assert!(page.contains("Winter opening hours") && page.contains("Ask the shop managers"));
    assert!(
        page.contains("Former member") && !page.contains("Hanna Huber"),
        "{page}"
    );
    let (_, users) = app.get_html(&admin, "/admin/users").await;
    assert!(!users.contains("hanna@example.ch") && !users.contains("Hanna Huber"));
    let (_, audit) = app.get_html(&admin, "/admin/audit").await;
    assert!(
        audit.contains("user.erased") && audit.contains("user.exported"),
        "{audit}"
    );
    let again: Value = admin
        .get(app.url(&format!("/admin/users/{hanna_id}/export")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!again.to_string().contains("hanna@example.ch"), "{again}");

    // Nobody erases themselves.
    let me = app.user_id(&admin, ADMIN_EMAIL).await;
    let r = app
        .submit(
            &admin,
            &format!("/admin/users/{me}"),
            &format!("/admin/users/{me}/erase"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

both_backends!(a_newsletter_reader_is_exported_then_erased_everywhere);

async fn a_newsletter_reader_is_exported_then_erased_everywhere(app: TestApp) {
    let admin = app.setup_admin().await;
    let de = app.add_channel("Brief", "newsletter");
    let fr = app.add_channel("Lettre", "newsletter");
    let now = chrono::Utc::now().naive_utc();
    let mut c = app.conn();
    for (channel, lang) in [(de, "de"), (fr, "fr")] {
        let s = pressroom::store::subscribers::subscribe(
            &mut c,
            channel,
            "reader@example.ch",
            lang,
            now,
        )
        .unwrap();
        pressroom::store::subscribers::confirm(&mut c, s.subscriber.id, now).unwrap();
    }
    let export = |email: &str| {
        let url = app.url(&format!(
            "/admin/subscribers/export?email={}",
            pressroom::error::urlencode(email)
        ));
        let admin = admin.clone();
        async move { admin.get(url).send().await.unwrap() }
    };
    let r = export(" Reader@Example.ch ").await;
    assert_eq!(r.status(), StatusCode::OK);
    let data: Value = r.json().await.unwrap();
    assert_eq!(data["subscriptions"].as_array().unwrap().len(), 2, "{data}");
    assert_eq!(data["subscriptions"][0]["state"], "confirmed");

    let r = app
        .submit(
            &admin,
            "/admin/channels",
            "/admin/subscribers/erase",
            &[("email", "reader@example.ch")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        export("reader@example.ch").await.status(),
        StatusCode::NOT_FOUND
    );
    let left: i64 = {
        use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
        use pressroom::db::schema::subscribers;
        subscribers::table
            .filter(subscribers::email.eq("reader@example.ch"))
            .count()
            .get_result(&mut c)
            .unwrap()
    };
    assert_eq!(left, 0, "no subscription keeps the address");
    let (_, audit) = app.get_html(&admin, "/admin/audit").await;
    assert!(audit.contains("subscriber.erased") && !audit.contains("reader@example.ch"));
    let r = app
        .submit(
            &admin,
            "/admin/channels",
            "/admin/subscribers/erase",
            &[("email", "nobody@example.ch")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
