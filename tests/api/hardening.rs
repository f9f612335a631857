//! Careless and hostile input through the API: control characters, invisible titles and text
//! that turns itself around get a clear 4xx and leave nothing behind, the same on both
//! backends (PostgreSQL refuses NUL outright, SQLite would have stored it).

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{TestApp, ADMIN_EMAIL};

both_backends!(control_and_invisible_characters_are_refused_not_stored);

fn field_error(body: &Value, field: &str) -> bool {
    body["errors"].get(field).is_some()
}

async fn control_and_invisible_characters_are_refused_not_stored(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let channel = app.add_channel("Blog", "feed");
    let api = app.api(ADMIN_EMAIL);

    // Ideas: (body, field that is refused).
    let bad_ideas = [
        (json!({"title": "Nul\u{0}title"}), "title"),
        (
            json!({"title": "ok", "pitch": "a pitch with a \u{0} byte"}),
            "pitch",
        ),
        (json!({"title": "ok", "pitch": "bell \u{7}"}), "pitch"),
        (
            json!({"title": "ok", "links": ["https://example.ch/\u{0}"]}),
            "links",
        ),
        (json!({"title": "\u{200B}\u{200D}\u{FEFF}"}), "title"),
        (json!({"title": "invoice\u{202E}fdp.exe"}), "title"),
        (json!({"title": "line\rSUMMARY:forged"}), "title"),
    ];
    for (mut body, field) in bad_ideas {
        body["department_id"] = json!(1);
        let (s, problem) = api.call("POST", "/api/v1/ideas", body.clone()).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert!(field_error(&problem, field), "{body}: {problem}");
    }
    let (_, list) = api.call("GET", "/api/v1/ideas", json!({})).await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        0,
        "nothing was stored"
    );

    // Filters with control characters are bad requests that name the parameter.
    for (param, value) in [("q", "%00"), ("tag", "a%00"), ("pillar", "x%0D")] {
        let (s, problem) = api
            .call("GET", &format!("/api/v1/ideas?{param}={value}"), json!({}))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{param}: {problem}");
        assert!(
            problem["detail"].as_str().unwrap_or("").starts_with(param),
            "{problem}"
        );
    }
    // Values that mean nothing are named too, instead of answering the unfiltered list.
    for (param, value) in [
        ("from", "2024-13-45"),
        ("to", "yesterday"),
        ("department", "abc"),
        ("assignee", "you"),
        ("language", "klingon"),
        ("sort", "random"),
    ] {
        let (s, problem) = api
            .call("GET", &format!("/api/v1/ideas?{param}={value}"), json!({}))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{param}: {problem}");
        assert!(
            problem["detail"].as_str().unwrap_or("").starts_with(param),
            "{problem}"
        );
    }
    let (s, _) = api
        .call(
            "GET",
            "/api/v1/ideas?from=2024-01-31&department=1&assignee=me&language=DE&sort=oldest",
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "good values pass");
    let s = app.get(&admin, "/ideas?q=%00").await.status();
    assert_eq!(s, StatusCode::BAD_REQUEST, "the page says so too");

    // Comments and review steps.
    let id = api.approved_idea("Winter campaign").await;
    let (s, problem) = api
        .call(
            "POST",
            &format!("/api/v1/ideas/{id}/comments"),
            json!({"text": "hi \u{0}"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");

    // Content pieces and variants.
    let (s, problem) = api
        .call(
            "POST",
            "/api/v1/content",
            json!({"idea_id": id, "title": "Title\rBCC: x", "body": "ok"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(field_error(&problem, "title"), "{problem}");
    let (_, idea) = api
        .call("GET", &format!("/api/v1/ideas/{id}"), json!({}))
        .await;
    assert_eq!(idea["state"], "approved", "no piece was made");
    let (s, problem) = api
        .call(
            "POST",
            "/api/v1/content",
            json!({"idea_id": id, "body": "body \u{0}"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (s, content) = api
        .call(
            "POST",
            "/api/v1/content",
            json!({"idea_id": id, "title": "Winter", "body": "Fine\r\nlines\tand tabs"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{content}");
    for (texts, field) in [
        (json!({"text": "nul \u{0}"}), "text"),
        (json!({"text": "ok", "subject": "Sub\nject"}), "subject"),
        (
            json!({"text": "ok", "link": "https://example.ch/\u{0}"}),
            "link",
        ),
    ] {
        let mut body = texts.clone();
        body["channel_id"] = json!(channel);
        body["language"] = json!("de");
        let (s, problem) = api
            .call(
                "POST",
                &format!("/api/v1/content/{}/variants", content["id"]),
                body,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{texts}: {problem}");
        assert!(field_error(&problem, field), "{texts}: {problem}");
    }
    let (_, piece) = api
        .call(
            "GET",
            &format!("/api/v1/content/{}", content["id"]),
            json!({}),
        )
        .await;
    assert_eq!(
        piece["variants"].as_array().map(Vec::len),
        Some(0),
        "{piece}"
    );
}

both_backends!(refusals_say_what_happened_in_words_not_catalog_keys);

async fn refusals_say_what_happened_in_words_not_catalog_keys(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    let (_, idea) = api
        .call(
            "POST",
            "/api/v1/ideas",
            json!({"title": "Spring fair", "department_id": 1}),
        )
        .await;
    let id = idea["id"].as_i64().unwrap();
    for (path, body) in [
        (
            format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": "bogus"}),
        ),
        (
            format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": "published"}),
        ),
        (
            format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": "rejected"}),
        ),
        ("/api/v1/content".to_string(), json!({"idea_id": id})),
    ] {
        let (s, problem) = api.call("POST", &path, body.clone()).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        for part in ["title", "detail"] {
            let text = problem[part].as_str().unwrap_or("");
            assert!(
                !text.is_empty() && !text.contains("error-"),
                "{body}: {part} is {text:?}"
            );
        }
    }
    let (_, problem) = api
        .call(
            "POST",
            &format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": "rejected"}),
        )
        .await;
    assert_eq!(problem["detail"], "Please say why in a comment.");
}
