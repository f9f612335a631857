//! Channels: settings per kind, secrets sealed at rest and never shown back, posting schedules.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{location, TestApp};

/// A signing secret in the Standard Webhooks form, to look for in every answer.
const SIGNING: &str = "whsec_VE9QU0VDUkVULVRPUFNFQ1JFVC1UT1BTRUNSRVQ=";

both_backends!(
    channel_secrets_are_sealed_and_never_shown,
    schedules_are_checked_and_show_their_next_slots
);

const TOKEN: &str = "tok-SECRET-4242-mastodon";

fn stored_secrets(app: &TestApp, id: i64) -> String {
    use diesel::{QueryDsl, RunQueryDsl};
    use pressroom::db::schema::channels;
    channels::table
        .find(id)
        .select(channels::secrets)
        .first(&mut app.conn())
        .unwrap()
}

fn opened(app: &TestApp, sealed: &str) -> Value {
    let key_hex = std::fs::read_to_string(app.data_dir.path().join("secret.key")).unwrap();
    let key = pressroom::config::parse_key(&key_hex).unwrap();
    serde_json::from_slice(&pressroom::security::open(&[key], sealed).unwrap()).unwrap()
}

async fn channel_secrets_are_sealed_and_never_shown(app: TestApp) {
    let admin = app.setup_admin().await;
    let r = app
        .submit(
            &admin,
            "/admin/channels/new?kind=mastodon",
            "/admin/channels",
            &[
                ("kind", "mastodon"),
                ("name", "Mastodon DE"),
                ("instance_url", "https://social.example"),
                ("access_token", TOKEN),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = location(&r);
    let id: i64 = page.trim_start_matches("/admin/channels/").parse().unwrap();

    let sealed = stored_secrets(&app, id);
    assert!(
        sealed.starts_with("v1.") && !sealed.contains(TOKEN),
        "sealed at rest: {sealed}"
    );
    assert_eq!(opened(&app, &sealed)["access_token"], TOKEN);

    // Saving without typing the token keeps it; typing a new one replaces it.
    let r = app
        .submit(
            &admin,
            &page,
            &page,
            &[
                ("name", "Mastodon DE"),
                ("instance_url", "https://social.example"),
                ("access_token", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        opened(&app, &stored_secrets(&app, id))["access_token"],
        TOKEN
    );

    // A webhook's fields on a Mastodon channel, or a missing token on a new one: refused.
    let token = app.create_token(crate::helpers::ADMIN_EMAIL, "ops");
    let api = reqwest::Client::new();
    let r = api
        .post(app.url("/api/v1/channels"))
        .bearer_auth(&token)
        .json(&json!({"name": "Hook", "kind": "webhook", "config": {"url": "https://hooks.example/in"}, "secrets": {"access_token": TOKEN}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = r.json().await.unwrap();
    assert!(problem["errors"]["secrets"].is_string(), "{problem}");
    // A pasted signing secret must be in the Standard Webhooks form.
    let r = api
        .post(app.url("/api/v1/channels"))
        .bearer_auth(&token)
        .json(&json!({"name": "Hook", "kind": "webhook", "config": {"url": "https://hooks.example/in"}, "secrets": {"signing_secret": "whsec-TOPSECRET"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = r.json().await.unwrap();
    assert!(problem["errors"]["signing_secret"].is_string(), "{problem}");
    // Left out, Pressroom makes one and shows it once.
    let r = api
        .post(app.url("/api/v1/channels"))
        .bearer_auth(&token)
        .json(&json!({"name": "Made hook", "kind": "webhook", "config": {"url": "https://hooks.example/made"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let made: Value = r.json().await.unwrap();
    let made_secret = made["signing_secret"].as_str().unwrap().to_string();
    assert!(
        made_secret.starts_with("whsec_") && made_secret.len() > 40,
        "{made}"
    );
    assert_eq!(made["secrets_set"], json!(["signing_secret"]));
    let r = api
        .post(app.url("/api/v1/channels"))
        .bearer_auth(&token)
        .json(&json!({"name": "Hook", "kind": "webhook", "config": {"url": "https://hooks.example/in"}, "secrets": {"signing_secret": SIGNING}, "schedules": [{"cron": "0 0 9 * * Mon-Fri *", "timezone": "Europe/Zurich"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let hook: Value = r.json().await.unwrap();
    assert_eq!(hook["secrets_set"], json!(["signing_secret"]));
    assert_eq!(hook["next_slots"].as_array().unwrap().len(), 10);

    // No page or API answer contains a secret.
    let mut bodies = vec![];
    for p in [
        "/admin/channels",
        page.as_str(),
        &format!("/admin/channels/{}", hook["id"]),
        "/admin/audit",
    ] {
        bodies.push(app.get_html(&admin, p).await.1);
    }
    for p in [
        "/api/v1/channels",
        &format!("/api/v1/channels/{id}"),
        &format!("/api/v1/channels/{}", hook["id"]),
    ] {
        bodies.push(
            api.get(app.url(p))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
    }
    for body in &bodies {
        assert!(
            !body.contains(TOKEN) && !body.contains(SIGNING) && !body.contains(&made_secret),
            "a secret leaked: {body}"
        );
    }
    assert!(bodies[1].contains("set — type to replace"));

    // Contributors see no channel settings.
    app.create_department(&admin, "HR").await;
    app.create_user(&admin, "hr@example.ch", "Hanna", "contributor", Some("HR"))
        .await;
    let hr = app.create_token("hr@example.ch", "x");
    assert_eq!(
        api.get(app.url("/api/v1/channels"))
            .bearer_auth(&hr)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
}

async fn schedules_are_checked_and_show_their_next_slots(app: TestApp) {
    let admin = app.setup_admin().await;
    let r = app
        .submit(
            &admin,
            "/admin/channels/new?kind=feed",
            "/admin/channels",
            &[
                ("kind", "feed"),
                ("name", "News feed"),
                ("title", "Our news"),
            ],
        )
        .await;
    let page = location(&r);
    let action = format!("{page}/schedules");

    let r = app
        .submit(
            &admin,
            &page,
            &action,
            &[
                ("cron", "every monday at nine"),
                ("timezone", "Europe/Zurich"),
                ("intent", "add"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("This is not a valid cron expression"),
        "{html}"
    );
    assert!(
        html.contains("value=\"every monday at nine\""),
        "the typed line is kept"
    );

    let r = app
        .submit(
            &admin,
            &page,
            &action,
            &[
                ("cron", "0 0 9 * * Mon-Fri *"),
                ("timezone", "Europe/Zurich"),
                ("intent", "preview"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert_eq!(
        html.matches(" 09:00</li>").count(),
        10,
        "ten slots in the admin's zone: {html}"
    );
    assert!(
        !html.contains("<code>0 0 9 * * Mon-Fri *</code>"),
        "a preview saves nothing"
    );

    let r = app
        .submit(
            &admin,
            &page,
            &action,
            &[
                ("cron", "0 0 9 * * Mon-Fri *"),
                ("timezone", "Europe/Zurich"),
                ("intent", "add"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&admin, &page).await;
    assert!(html.contains("<code>0 0 9 * * Mon-Fri *</code>"));
    assert!(
        !html.contains("Sat ") && !html.contains("Sun "),
        "weekdays only"
    );

    let r = app
        .submit(
            &admin,
            &page,
            &action,
            &[
                ("cron", "0 0 9 * * *"),
                ("timezone", "Mars/Base"),
                ("intent", "add"),
            ],
        )
        .await;
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Pick a time zone from the list."));
}

#[actix_web::test]
async fn rekey_moves_channel_secrets_to_a_new_key() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let admin = app.setup_admin().await;
    let r = app
        .submit(
            &admin,
            "/admin/channels/new?kind=mastodon",
            "/admin/channels",
            &[
                ("kind", "mastodon"),
                ("name", "M"),
                ("instance_url", "https://social.example"),
                ("access_token", TOKEN),
            ],
        )
        .await;
    let id: i64 = location(&r)
        .trim_start_matches("/admin/channels/")
        .parse()
        .unwrap();
    let old_key = std::fs::read_to_string(app.data_dir.path().join("secret.key")).unwrap();
    let new_key = "ab".repeat(32);
    let run = |prev: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_pressroom"));
        cmd.arg("rekey")
            .env("DATABASE_URL", &app.database_url)
            .env("PRESSROOM_DATA_DIR", app.data_dir.path())
            .env("PRESSROOM_SECRET_KEY", &new_key);
        if let Some(p) = prev {
            cmd.env("PRESSROOM_PREVIOUS_SECRET_KEYS", p);
        }
        cmd.output().unwrap()
    };
    let without_old = run(None);
    assert_eq!(
        without_old.status.code(),
        Some(2),
        "the old key is needed to read the secrets"
    );
    assert!(String::from_utf8_lossy(&without_old.stderr).contains("PRESSROOM_PREVIOUS_SECRET_KEYS"));
    let out = run(Some(old_key.trim()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("re-sealed the secrets of 1 channels"));
    let sealed = stored_secrets(&app, id);
    let key = pressroom::config::parse_key(&new_key).unwrap();
    let opened: Value =
        serde_json::from_slice(&pressroom::security::open(&[key], &sealed).unwrap()).unwrap();
    assert_eq!(opened["access_token"], TOKEN, "the new key alone opens it");
}
