//! Headless Chromium drives first-run set-up and login through the real pages and keeps
//! screenshots under `target/screenshots/`.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::helpers::{Backend, TestApp, PASSWORD};

struct Driver {
    child: Child,
    _profile: tempfile::TempDir,
    client: Client,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn chromium() -> Driver {
    let driver =
        std::env::var("PRESSROOM_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let browser =
        std::env::var("PRESSROOM_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&driver).exists() && std::path::Path::new(&browser).exists(),
        "browser tests need Chromium and ChromeDriver: `apt-get install chromium chromium-driver` \
         (.ci/run installs them), or set PRESSROOM_CHROMIUM and PRESSROOM_CHROMEDRIVER"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": browser,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let mut last_error = String::new();
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => {
                return Driver {
                    child,
                    _profile: profile,
                    client,
                }
            }
            Err(e) => last_error = e.to_string(),
        }
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("chromedriver did not start: {last_error}");
}

async fn screenshot(c: &Client, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = c.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// A screenshot of one element, scrolled into view (e.g. the calendar grid).
async fn screenshot_of(c: &Client, css: &str, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = c
        .find(Locator::Css(css))
        .await
        .unwrap()
        .screenshot()
        .await
        .expect("element screenshot");
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

async fn fill(c: &Client, css: &str, text: &str) {
    let field = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// The text of an element, waiting for it: a click's navigation may still be under way, so an
/// element found on the old page is looked up again.
async fn text_of(c: &Client, css: &str) -> String {
    for _ in 0..100 {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(text) = e.text().await {
                return text;
            }
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{css} did not appear on {}",
        c.source().await.unwrap_or_default()
    );
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Waits until the browser shows `path` and `css` is on the page.
async fn wait_for(c: &Client, path: &str, css: &str) {
    for _ in 0..100 {
        if c.current_url().await.unwrap().path() == path && c.find(Locator::Css(css)).await.is_ok()
        {
            return;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "did not reach {path} with {css}: {}",
        c.current_url().await.unwrap()
    );
}

#[actix_web::test]
async fn first_run_setup_and_login_in_a_real_browser() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let driver = chromium().await;
    let c = &driver.client;

    // A newcomer on a fresh install lands on set-up, not on a login no account can pass.
    c.goto(&app.url("/")).await.unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/setup");
    fill(c, "#f-name", "Ada Admin").await;
    fill(c, "#f-email", "ada@example.ch").await;
    fill(c, "#f-password", PASSWORD).await;
    fill(c, "#f-password_repeat", "not the same password").await;
    c.find(Locator::Css("#f-timezone"))
        .await
        .unwrap()
        .select_by_value("Europe/Zurich")
        .await
        .unwrap();
    click(c, "form button[type=submit]").await;
    // The form comes back with the error beside the field and the name kept.
    assert!(text_of(c, ".error-summary")
        .await
        .contains("The two passwords differ."));
    let kept = c
        .find(Locator::Css("#f-name"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Ada Admin"));
    screenshot(c, "setup-errors").await;

    fill(c, "#f-password", PASSWORD).await;
    fill(c, "#f-password_repeat", PASSWORD).await;
    screenshot(c, "setup").await;
    click(c, "form button[type=submit]").await;
    wait_for(c, "/", ".cards").await;
    assert!(text_of(c, "h1").await.contains("Hello, Ada Admin"));
    screenshot(c, "home-after-setup").await;

    click(c, ".me form button").await;
    wait_for(c, "/login", ".flash").await;
    assert!(text_of(c, ".flash").await.contains("You are logged out."));
    fill(c, "#f-email", "ada@example.ch").await;
    fill(c, "#f-password", "wrong password").await;
    click(c, "form button[type=submit]").await;
    assert!(text_of(c, ".error-summary")
        .await
        .contains("The email or password is wrong."));
    screenshot(c, "login-error").await;
    fill(c, "#f-password", PASSWORD).await;
    click(c, "form button[type=submit]").await;
    wait_for(c, "/", ".cards").await;

    c.goto(&app.url("/admin/departments")).await.unwrap();
    click(c, "form[action='/admin/departments/starter'] button").await;
    wait_for(c, "/admin/departments", ".flash").await;
    assert!(text_of(c, ".chips").await.contains("Customer care"));
    c.goto(&app.url("/admin/users")).await.unwrap();
    fill(c, "#f-name", "Carla Care").await;
    fill(c, "#f-email", "carla@example.ch").await;
    c.find(Locator::Css("#f-department_id"))
        .await
        .unwrap()
        .select_by_label("Customer care")
        .await
        .unwrap();
    fill(c, "#f-password", PASSWORD).await;
    click(c, "form[action='/admin/users'] button").await;
    wait_for(c, "/admin/users", ".flash").await;
    assert!(text_of(c, ".table").await.contains("Carla Care"));
    screenshot(c, "admin-users").await;
    // Carla's page: her tokens, her data's export and erasure.
    app.create_token("carla@example.ch", "import script");
    let carla = pressroom::store::users::find_by_email(&mut app.conn(), "carla@example.ch")
        .unwrap()
        .unwrap()
        .id;
    c.goto(&app.url(&format!("/admin/users/{carla}")))
        .await
        .unwrap();
    assert!(text_of(c, "main").await.contains("import script"));
    screenshot_of(c, "main", "admin-user-edit").await;
    c.goto(&app.url("/account")).await.unwrap();
    screenshot(c, "account").await;
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&app.url("/admin/users")).await.unwrap();
    screenshot(c, "admin-users-phone").await;
    driver.client.clone().close().await.unwrap();
}

async fn log_in(c: &Client, app: &TestApp, email: &str) {
    c.goto(&app.url("/login")).await.unwrap();
    fill(c, "#f-email", email).await;
    fill(c, "#f-password", PASSWORD).await;
    click(c, "form button[type=submit]").await;
    wait_for(c, "/", ".cards").await;
}

async fn log_out(c: &Client) {
    click(c, ".me form button").await;
    wait_for(c, "/login", ".flash").await;
}

/// Clicks the review step button labelled `label` on the idea page.
async fn take_step(c: &Client, label: &str, comment: &str) {
    if !comment.is_empty() {
        fill(c, "#f-comment", comment).await;
    }
    let old = c.find(Locator::Css("html")).await.unwrap();
    let buttons = c.find_all(Locator::Css(".moves button")).await.unwrap();
    for b in buttons {
        if b.text().await.unwrap().trim() == label {
            b.click().await.unwrap();
            wait_until_gone(&old).await;
            return;
        }
    }
    panic!("no step {label}");
}

#[actix_web::test]
async fn an_idea_goes_through_review_in_a_real_browser() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Customer care").await;
    app.create_user(&admin, "eddie@example.ch", "Eddie Editor", "editor", None)
        .await;
    app.create_user(
        &admin,
        "carla@example.ch",
        "Carla Care",
        "contributor",
        Some("Customer care"),
    )
    .await;
    app.add_channel("Mastodon", "mastodon");
    app.add_channel("Newsletter", "newsletter");
    for title in [
        "FAQ: changing your delivery address",
        "Holiday opening hours",
        "Video: unboxing the new model",
    ] {
        let r = app
            .submit(
                &admin,
                "/ideas/new",
                "/ideas",
                &[
                    ("title", title),
                    ("department_id", "1"),
                    ("pillar", "Service"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
    }
    let driver = chromium().await;
    let c = &driver.client;

    log_in(c, &app, "carla@example.ch").await;
    c.goto(&app.url("/ideas/new")).await.unwrap();
    fill(
        c,
        "#f-title",
        "Customer story: how Bakery Huber saves 2 hours a day",
    )
    .await;
    fill(
        c,
        "#f-pitch",
        "Mrs Huber runs **three shops** and plans her week with us.\n\n- a quote\n- two photos",
    )
    .await;
    fill(c, "#f-audience", "Small retailers").await;
    fill(c, "#f-pillar", "Customer stories").await;
    fill(c, "#f-tags", "stories, retail").await;
    fill(c, "#f-wished_date", "01012099").await;
    click(c, "input[name=channels]").await;
    click(c, "input[name=languages][value=de]").await;
    click(c, "input[name=languages][value=fr]").await;
    fill(c, "#f-links", "https://example.ch/huber").await;
    screenshot(c, "idea-submit-form").await;
    click(c, "button[value=submit]").await;
    assert!(text_of(c, ".flash")
        .await
        .contains("Your idea was handed in."));
    let idea_url = c.current_url().await.unwrap();
    log_out(c).await;

    log_in(c, &app, "eddie@example.ch").await;
    c.goto(&app.url("/ideas/board")).await.unwrap();
    assert!(text_of(c, ".board").await.contains("Bakery Huber"));
    screenshot(c, "board").await;
    c.goto(idea_url.as_str()).await.unwrap();
    take_step(c, "Request changes", "Please add a quote from Mrs Huber.").await;
    assert!(text_of(c, ".flash").await.contains("The idea moved on."));
    log_out(c).await;

    log_in(c, &app, "carla@example.ch").await;
    c.goto(idea_url.as_str()).await.unwrap();
    assert!(text_of(c, ".history")
        .await
        .contains("Please add a quote from Mrs Huber."));
    click(c, ".head-actions a").await;
    wait_for(c, &format!("{}/edit", idea_url.path()), "#f-pitch").await;
    fill(
        c,
        "#f-pitch",
        "Mrs Huber: \"We finally have our Sundays back.\"",
    )
    .await;
    click(c, ".idea-form button[type=submit]").await;
    assert!(text_of(c, ".flash").await.contains("The idea was saved."));
    take_step(c, "Resubmit", "Quote is in.").await;
    assert!(text_of(c, ".flash").await.contains("The idea moved on."));
    log_out(c).await;

    log_in(c, &app, "eddie@example.ch").await;
    c.goto(idea_url.as_str()).await.unwrap();
    take_step(c, "Approve", "").await;
    assert!(text_of(c, ".badge.state-approved")
        .await
        .contains("Approved"));
    let history = text_of(c, ".history").await;
    for step in [
        "handed in the idea",
        "Please add a quote",
        "edited the idea",
        "Quote is in.",
        "Approved",
    ] {
        assert!(history.contains(step), "history shows {step}: {history}");
    }
    screenshot(c, "idea-page").await;
    c.goto(&app.url("/ideas")).await.unwrap();
    screenshot(c, "ideas-list").await;
    c.set_window_size(390, 844).await.unwrap();
    c.goto(idea_url.as_str()).await.unwrap();
    screenshot(c, "idea-page-phone").await;
    c.goto(&app.url("/ideas/board")).await.unwrap();
    screenshot(c, "board-phone").await;
    let page_width: i64 = c
        .execute(
            "return document.documentElement.scrollWidth - window.innerWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_i64()
        .unwrap();
    assert!(
        page_width <= 0,
        "the board scrolls inside the page, not the page: {page_width}px too wide"
    );
    driver.client.clone().close().await.unwrap();
}

/// Submits the form around `css` (a button), then waits for the next page: first for the old
/// page to go (its root element turns stale), then for `then_css` on `then_path`.
async fn press(c: &Client, css: &str, then_path: &str, then_css: &str) {
    let old = c.find(Locator::Css("html")).await.unwrap();
    click(c, css).await;
    wait_until_gone(&old).await;
    wait_for(c, then_path, then_css).await;
}

/// Waits for a page's element to go stale: the browser has left that page.
async fn wait_until_gone(old: &fantoccini::elements::Element) {
    for _ in 0..200 {
        if old.tag_name().await.is_err() {
            return;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the page did not change");
}

#[actix_web::test]
async fn a_piece_is_planned_on_two_channels_in_a_real_browser() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let token = app.create_token("admin@example.ch", "setup");
    let api = reqwest::Client::new();
    for body in [
        json!({"name": "Mastodon", "kind": "mastodon", "config": {"instance_url": "https://social.example"}, "secrets": {"access_token": "t"}, "schedules": [{"cron": "0 0 9 * * Mon-Fri *"}]}),
        json!({"name": "Newsletter", "kind": "newsletter", "config": {"from_address": "news@example.ch"}, "secrets": {"smtp_url": "smtp://x"}, "schedules": [{"cron": "0 0 7 * * Tue *"}]}),
    ] {
        let r = api
            .post(app.url("/api/v1/channels"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 201);
    }
    let idea: serde_json::Value = api
        .post(app.url("/api/v1/ideas"))
        .bearer_auth(&token)
        .json(&json!({"title": "Winter opening hours", "department_id": 1, "pitch": "All shops, all days."}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = idea["id"].as_i64().unwrap();
    api.post(app.url(&format!("/api/v1/ideas/{id}/transitions")))
        .bearer_auth(&token)
        .json(&json!({"to": "approved"}))
        .send()
        .await
        .unwrap();

    let driver = chromium().await;
    let c = &driver.client;
    log_in(c, &app, "admin@example.ch").await;
    c.goto(&app.url(&format!("/ideas/{id}"))).await.unwrap();
    click(c, "form[action$='/content'] button").await;
    assert!(text_of(c, ".flash").await.contains("Production started"));
    let page = c.current_url().await.unwrap().path().to_string();

    for (channel, language) in [("Mastodon", "de"), ("Newsletter", "fr")] {
        c.find(Locator::Css("#f-channel_id"))
            .await
            .unwrap()
            .select_by_label(channel)
            .await
            .unwrap();
        c.find(Locator::Css("#f-language"))
            .await
            .unwrap()
            .select_by_value(language)
            .await
            .unwrap();
        press(c, "form[action$='/variants'] button", &page, ".flash").await;
    }
    // The Mastodon variant: the counter follows the typing, a link counts 23.
    fill(
        c,
        ".variant:nth-of-type(1) textarea[name=text]",
        "Neue Öffnungszeiten im Winter: https://example.ch/winter",
    )
    .await;
    assert_eq!(
        text_of(c, ".variant:nth-of-type(1) output").await,
        (31 + 23).to_string()
    );
    press(
        c,
        ".variant:nth-of-type(1) .variant-form button",
        &page,
        ".flash",
    )
    .await;
    press(
        c,
        ".variant:nth-of-type(1) form.schedule button.primary",
        &page,
        ".flash",
    )
    .await;
    assert!(text_of(c, ".flash").await.contains("on the calendar"));
    fill(
        c,
        ".variant:nth-of-type(2) input[name=subject]",
        "Horaires d'hiver",
    )
    .await;
    fill(
        c,
        ".variant:nth-of-type(2) textarea[name=text]",
        "Tous les magasins, tous les jours.",
    )
    .await;
    press(
        c,
        ".variant:nth-of-type(2) .variant-form button",
        &page,
        ".flash",
    )
    .await;
    press(
        c,
        ".variant:nth-of-type(2) form.schedule button.primary",
        &page,
        ".flash",
    )
    .await;
    let heads = text_of(c, ".columns").await;
    assert_eq!(heads.matches("Scheduled:").count(), 2, "{heads}");
    screenshot_of(c, ".variant:nth-of-type(1)", "variant-editor").await;

    let when = text_of(c, ".variant:nth-of-type(1) .variant-head .badge.ok").await;
    let date = when
        .trim_start_matches("Scheduled: ")
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    c.set_window_size(1280, 1500).await.unwrap();
    c.goto(&app.url(&format!("/calendar?view=month&date={date}")))
        .await
        .unwrap();
    let calendar = text_of(c, ".calendar").await;
    assert!(
        calendar.matches("Winter opening hours").count() >= 1,
        "{calendar}"
    );
    screenshot(c, "calendar-month").await;
    screenshot_of(c, ".calendar", "calendar-month-grid").await;
    c.goto(&app.url(&format!("/calendar?view=week&date={date}")))
        .await
        .unwrap();
    screenshot(c, "calendar-week").await;
    c.set_window_size(1280, 1100).await.unwrap();
    c.goto(&app.url("/admin/channels/1")).await.unwrap();
    assert!(
        text_of(c, ".slots").await.contains("09:00"),
        "the next slots are listed"
    );
    assert!(
        !c.source().await.unwrap().contains("value=\"t\""),
        "the token is not in the form"
    );
    screenshot(c, "channel-settings").await;
    // The newsletter's settings: counting opens is a checkbox, off until an admin ticks it.
    c.goto(&app.url("/admin/channels/2")).await.unwrap();
    let opens = c
        .find(fantoccini::Locator::Css("input[name=track_opens]"))
        .await
        .unwrap();
    assert_eq!(
        opens.attr("type").await.unwrap().as_deref(),
        Some("checkbox")
    );
    assert_eq!(
        opens.prop("checked").await.unwrap().as_deref(),
        Some("false")
    );
    screenshot(c, "channel-settings-newsletter").await;
    driver.client.clone().close().await.unwrap();
}

#[actix_web::test]
async fn posts_that_need_a_person_are_settled_in_a_real_browser() {
    use crate::publishing::{new_secret, planned, wait_for_state, webhook_channel, LOOPBACK};
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let app = TestApp::spawn_with(Backend::Sqlite, LOOPBACK).await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/slow"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3)))
        .mount(&receiver)
        .await;
    Mock::given(method("POST"))
        .and(path("/locked"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&receiver)
        .await;
    let api = app.api("admin@example.ch");
    let slow = webhook_channel(
        &api,
        "Intranet",
        &format!("{}/slow", receiver.uri()),
        &new_secret(),
    )
    .await;
    let locked = webhook_channel(
        &api,
        "Partner portal",
        &format!("{}/locked", receiver.uri()),
        &new_secret(),
    )
    .await;
    let at = chrono::Utc::now() + chrono::Duration::minutes(5);
    let (_, v1) = planned(
        &api,
        "Opening hours at Christmas",
        slow,
        "Open every day but the 25th.",
        at,
    )
    .await;
    let (_, v2) = planned(&api, "New partner programme", locked, "Join us.", at).await;
    app.advance(chrono::Duration::minutes(6));
    wait_for_state(&api, v1, "unconfirmed").await;
    wait_for_state(&api, v2, "failed").await;

    let driver = chromium().await;
    let c = &driver.client;
    log_in(c, &app, "admin@example.ch").await;
    assert!(text_of(c, ".callout.warning")
        .await
        .contains("2 posts need a look"));
    screenshot(c, "home-publication-banner").await;
    click(c, ".callout.warning a").await;
    wait_for(c, "/publications", "table").await;
    let list = text_of(c, "table").await;
    assert!(
        list.contains("Unconfirmed") && list.contains("Failed"),
        "{list}"
    );
    assert!(
        list.contains("401"),
        "the channel's answer is shown: {list}"
    );
    screenshot(c, "publications-attention").await;
    // The refused one: fixed on the partner's side, then sent again from the list.
    Mock::given(method("POST"))
        .and(path("/locked"))
        .respond_with(ResponseTemplate::new(200))
        .with_priority(1)
        .mount(&receiver)
        .await;
    click(c, "form[action$='/retry'] button").await;
    assert!(text_of(c, ".flash").await.contains("sent again"));
    wait_for_state(&api, v2, "published").await;
    // The unconfirmed one, on its piece's page.
    c.goto(&app.url("/publications?state=unconfirmed"))
        .await
        .unwrap();
    click(c, "td a").await;
    text_of(c, ".publication").await;
    screenshot_of(c, ".variant", "variant-unconfirmed").await;
    fill(
        c,
        ".pub-confirm input[type=url]",
        "https://intranet.example/news/42",
    )
    .await;
    click(c, ".pub-confirm button").await;
    assert!(text_of(c, ".flash").await.contains("Marked as published"));
    assert!(text_of(c, ".publication").await.contains("Published"));
    screenshot_of(c, ".variant", "variant-published").await;
    // Both are out now: the insights count them per channel. Readers clicked and liked one.
    {
        use pressroom::store;
        let mut conn = app.conn();
        let now = app.scheduler.clock().naive();
        let p1 = wait_for_state(&api, v1, "published").await["id"]
            .as_i64()
            .unwrap();
        let p2 = wait_for_state(&api, v2, "published").await["id"]
            .as_i64()
            .unwrap();
        let url = "https://example.ch/x".to_string();
        let link = store::links::ensure(&mut conn, p1, &[(url.clone(), url.clone())], now).unwrap()
            [&url]
            .id;
        let clicks: Vec<store::links::NewClick> = (0..14)
            .map(|i| store::links::NewClick {
                link_id: link,
                clicked_at: now,
                bot: false,
                visitor: Some(format!("v{i}")),
            })
            .collect();
        store::links::record(&mut conn, &clicks).unwrap();
        store::metrics::record(&mut conn, p1, now, &[("likes", 9)]).unwrap();
        store::metrics::record(&mut conn, p2, now, &[("likes", 4)]).unwrap();
    }
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    for (scope, id, metric, amount) in [
        ("channel", slow, "clicks", 40),
        ("channel", locked, "publications", 1),
    ] {
        let (s, t) = api
            .call(
                "POST",
                "/api/v1/targets",
                serde_json::json!({"scope": scope, "scope_id": id, "metric": metric, "month": month, "amount": amount}),
            )
            .await;
        assert_eq!(s, reqwest::StatusCode::CREATED, "{t}");
    }
    c.goto(&app.url("/insights?days=7&by=channel"))
        .await
        .unwrap();
    let table = text_of(c, ".insights-table").await;
    assert!(
        table.contains("Intranet") && table.contains("Partner portal"),
        "{table}"
    );
    assert!(
        c.source().await.unwrap().contains("<svg role=\"img\""),
        "the chart"
    );
    screenshot(c, "insights").await;
    c.set_window_size(1280, 2600).await.unwrap();
    screenshot(c, "insights-full").await;
    driver.client.clone().close().await.unwrap();
}

#[actix_web::test]
async fn the_inbox_is_worked_through_in_a_real_browser() {
    use crate::inbox::{social, wait_for_count};
    use crate::publishing::{ready, LOOPBACK};
    let (app, _) = ready(Backend::Sqlite, LOOPBACK).await;
    let api = app.api("admin@example.ch");
    let (server, notes, _) = social(&api, serde_json::json!({})).await;
    let step = |m: i64| app.advance(chrono::Duration::minutes(m));
    notes.mention(
        1,
        "lena@social.example",
        "Seit dem Update funktioniert die App nicht mehr. Leider kein Login möglich!",
        None,
    );
    step(20);
    wait_for_count(&api, 1).await;
    notes.mention(
        2,
        "marco@mastodon.example",
        "Grazie, bellissimo articolo sui sentieri del Ticino! 😍",
        None,
    );
    step(28);
    wait_for_count(&api, 2).await;
    notes.mention(
        3,
        "sam@social.example",
        "When does the winter timetable start?",
        None,
    );
    notes.mention(
        4,
        "anna@social.example",
        "Wo finde ich die neuen Öffnungszeiten?",
        None,
    );
    step(1);
    wait_for_count(&api, 4).await;
    step(20);

    let driver = chromium().await;
    let c = &driver.client;
    log_in(c, &app, "admin@example.ch").await;
    assert_eq!(
        text_of(c, ".callout.warning p").await,
        "4 conversations wait for an answer, 1 overdue."
    );
    click(c, ".callout.warning a").await;
    wait_for(c, "/inbox", ".inbox-list").await;
    let list = text_of(c, ".inbox-list").await;
    assert!(list.starts_with("overdue by"), "the oldest first: {list}");
    assert!(
        list.contains("Negative") && list.contains("Positive"),
        "{list}"
    );
    screenshot(c, "inbox").await;
    click(c, ".inbox-item:nth-of-type(1) a").await;
    text_of(c, ".thread").await;
    fill(
        c,
        "#reply-text",
        "Das tut uns leid! Bitte App neu starten, wir haben den Fehler behoben.",
    )
    .await;
    click(c, ".reply-form button").await;
    assert!(text_of(c, ".flash").await.contains("on its way"));
    screenshot(c, "inbox-conversation").await;
    crate::helpers::eventually(10, "the reply reaches Mastodon", || async {
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .any(|r| r.url.path() == "/api/v1/statuses")
    })
    .await;
    c.goto(&app.url("/inbox")).await.unwrap();
    let list = text_of(c, ".inbox-list").await;
    assert!(!list.contains("Seit dem Update"), "answered: {list}");
    driver.client.clone().close().await.unwrap();
}
