//! Each channel kind against a real server on loopback: Mastodon (media first, then the
//! status), the Atom and RSS feeds read back by Python's feedparser, a paused channel that
//! holds its posts, a DST day, and the guard that keeps requests off private addresses.

use chrono::{Duration, TimeZone, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::{Api, Backend, TestApp, ADMIN_EMAIL};
use crate::publishing::{
    hook_to, new_secret, planned, publication, ready, receiver, wait_for_state, webhook_channel,
    LOOPBACK,
};

async fn channel(api: &Api<'_>, body: Value) -> i64 {
    let (s, ch) = api.call("POST", "/api/v1/channels", body).await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    ch["id"].as_i64().unwrap()
}

crate::each_backend!(
    mastodon_gets_the_image_then_the_status_with_language_and_key,
    feeds_list_published_variants_newest_first_for_real_feed_readers,
    a_paused_channel_holds_its_posts_until_resumed,
);

async fn mastodon_gets_the_image_then_the_status_with_language_and_key(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let social = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/img/cat.png"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(vec![0x89, b'P', b'N', b'G'], "image/png"),
        )
        .mount(&social)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/media"))
        .and(header("authorization", "Bearer tok-123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "m1"})))
        .mount(&social)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/statuses"))
        .and(header("authorization", "Bearer tok-123"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "1099", "url": "https://social.example/@desk/1099"})),
        )
        .mount(&social)
        .await;
    let api = app.api(ADMIN_EMAIL);
    let ch = channel(&api, json!({"name": "Mastodon", "kind": "mastodon", "config": {"instance_url": social.uri()}, "secrets": {"access_token": "tok-123"}})).await;
    let (_, variant) = planned(
        &api,
        "Cat day",
        ch,
        "Katzen!",
        Utc::now() + Duration::hours(1),
    )
    .await;
    set_images(
        &app,
        variant,
        &format!("{}/img/cat.png", social.uri()),
        "A cat in the snow",
    );

    app.advance(Duration::minutes(61));
    let p = wait_for_state(&api, variant, "published").await;
    assert_eq!(p["external_id"], "1099");
    assert_eq!(p["url"], "https://social.example/@desk/1099");

    let got = social.received_requests().await.unwrap();
    let upload = got
        .iter()
        .find(|r| r.url.path() == "/api/v2/media")
        .expect("image uploaded");
    let upload_body = String::from_utf8_lossy(&upload.body);
    assert!(
        upload_body.contains("A cat in the snow"),
        "alt text sent as description"
    );
    let status = got
        .iter()
        .find(|r| r.url.path() == "/api/v1/statuses")
        .expect("status posted");
    let pos = |p: &str| got.iter().position(|r| r.url.path() == p).unwrap();
    assert!(
        pos("/api/v2/media") < pos("/api/v1/statuses"),
        "media first"
    );
    assert_eq!(
        status.headers.get("idempotency-key").unwrap(),
        p["idempotency_key"].as_str().unwrap()
    );
    let body: Value = serde_json::from_slice(&status.body).unwrap();
    let status = body["status"].as_str().unwrap();
    let link = status.strip_prefix("Katzen!\n\n").expect(status);
    let target = crate::links::target_of(&app, link).await;
    assert!(
        target.starts_with("https://example.ch/more?utm_source=")
            && target.contains("&utm_medium=social&"),
        "{target}"
    );
    assert_eq!(body["language"], "de");
    assert_eq!(body["visibility"], "public");
    assert_eq!(body["media_ids"], json!(["m1"]));
}

/// Images are part of the variant's editing; set here straight in the table.
fn set_images(app: &TestApp, variant: i64, url: &str, alt: &str) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::variants;
    diesel::update(variants::table.find(variant))
        .set(variants::images.eq(json!([{"url": url, "alt": alt}]).to_string()))
        .execute(&mut app.conn())
        .unwrap();
}

fn feedparser(xml: &str) -> Value {
    let script = "import json, sys, feedparser\n\
                  f = feedparser.parse(sys.stdin.read())\n\
                  print(json.dumps({'bozo': bool(f.bozo), 'title': f.feed.get('title'), \
                  'entries': [{'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), \
                  'summary': e.get('summary') or (e.get('content') or [{}])[0].get('value')} for e in f.entries]}))\n";
    crate::helpers::python_json(script, xml, "feedparser")
}

async fn feeds_list_published_variants_newest_first_for_real_feed_readers(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = channel(&api, json!({"name": "Blog", "kind": "feed", "config": {"title": "Desk news", "description": "What we publish"}})).await;
    let t = Utc::now() + Duration::hours(1);
    let (_, first) = planned(
        &api,
        "First post",
        ch,
        "Hello **world** <script>x</script>",
        t,
    )
    .await;
    let (_, second) = planned(&api, "Second post", ch, "Again", t + Duration::hours(1)).await;
    let anon = reqwest::Client::new();
    let fetch = |fmt: &'static str| {
        let (anon, url) = (anon.clone(), app.url(&format!("/feeds/{ch}.{fmt}")));
        async move {
            let r = anon.get(url).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            let ct = r.headers()["content-type"].to_str().unwrap().to_string();
            (ct, r.text().await.unwrap())
        }
    };
    // Nothing before its time.
    let (ct, xml) = fetch("atom").await;
    assert!(ct.starts_with("application/atom+xml"), "{ct}");
    let f = feedparser(&xml);
    assert_eq!(f["bozo"], false, "{xml}");
    assert_eq!(f["title"], "Desk news");
    assert_eq!(f["entries"].as_array().unwrap().len(), 0);

    app.advance(Duration::minutes(61));
    wait_for_state(&api, first, "published").await;
    app.advance(Duration::minutes(60));
    wait_for_state(&api, second, "published").await;
    for fmt in ["atom", "rss"] {
        let (_, xml) = fetch(fmt).await;
        let f = feedparser(&xml);
        assert_eq!(f["bozo"], false, "{fmt}: {xml}");
        let entries = f["entries"].as_array().unwrap();
        let titles: Vec<&str> = entries
            .iter()
            .map(|e| e["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Second post", "First post"], "{fmt}: newest first");
        let target = crate::links::target_of(&app, entries[0]["link"].as_str().unwrap()).await;
        assert!(
            target.starts_with("https://example.ch/more?") && target.contains("utm_medium=feed"),
            "{fmt}: {target}"
        );
        assert!(entries[1]["id"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/variants/{first}")));
        let summary = entries[1]["summary"].as_str().unwrap();
        assert!(summary.contains("<strong>world</strong>"), "{summary}");
        assert!(!summary.contains("<script"), "{summary}");
    }
    // Readers that send what they have get 304.
    let r = anon
        .get(app.url(&format!("/feeds/{ch}.atom")))
        .send()
        .await
        .unwrap();
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    assert!(r.headers().contains_key("last-modified"));
    let r = anon
        .get(app.url(&format!("/feeds/{ch}.atom")))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    // Only feed channels have feeds.
    let r = anon.get(app.url("/feeds/999.atom")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

async fn a_paused_channel_holds_its_posts_until_resumed(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    let receiver = receiver(ResponseTemplate::new(200), 0).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = hook_to(&api, &receiver).await;
    let (_, variant) = planned(
        &api,
        "Held",
        ch,
        "Wait for it",
        Utc::now() + Duration::minutes(10),
    )
    .await;
    let page = format!("/admin/channels/{ch}");
    let r = app
        .submit(&admin, &page, &format!("{page}/pause"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.advance(Duration::minutes(30));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(receiver.received_requests().await.unwrap().is_empty());
    assert_eq!(
        publication(&api, variant).await["state"],
        "pending",
        "held, not lost"
    );
    let r = app
        .submit(&admin, &page, &format!("{page}/resume"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    wait_for_state(&api, variant, "published").await;
    assert_eq!(receiver.received_requests().await.unwrap().len(), 1);
}

#[actix_web::test]
async fn on_the_spring_dst_day_a_post_goes_out_at_its_zurich_time() {
    let (app, _) = ready(Backend::Sqlite, LOOPBACK).await;
    let receiver = receiver(ResponseTemplate::new(200), 0).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = hook_to(&api, &receiver).await;
    // 28 March 2027: clocks in Zurich jump from 02:00 to 03:00; 09:00 local is 07:00 UTC.
    let nine = chrono_tz::Europe::Zurich
        .with_ymd_and_hms(2027, 3, 28, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(nine, Utc.with_ymd_and_hms(2027, 3, 28, 7, 0, 0).unwrap());
    let (_, variant) = planned(&api, "Spring", ch, "Frühling", nine).await;
    app.scheduler.clock().set(nine - Duration::seconds(2));
    app.scheduler.wake();
    actix_web::rt::time::sleep(std::time::Duration::from_millis(600)).await;
    assert!(
        receiver.received_requests().await.unwrap().is_empty(),
        "not before 09:00"
    );
    app.scheduler.clock().set(nine + Duration::seconds(1));
    app.scheduler.wake();
    let p = wait_for_state(&api, variant, "published").await;
    let published =
        chrono::DateTime::parse_from_rfc3339(p["published_at"].as_str().unwrap()).unwrap();
    let late = published.with_timezone(&Utc) - nine;
    assert!(
        late >= Duration::zero() && late < Duration::seconds(5),
        "{late}"
    );
}

#[actix_web::test]
async fn requests_to_private_addresses_are_refused_after_dns_and_on_redirects() {
    let trap = MockServer::start().await; // on loopback, but not allow-listed
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&trap)
        .await;
    let bouncer = MockServer::start().await; // allow-listed, and redirects elsewhere
    Mock::given(method("POST"))
        .and(path("/to-private"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", "https://10.0.0.1/hook"))
        .mount(&bouncer)
        .await;
    Mock::given(method("POST"))
        .and(path("/to-trap"))
        .respond_with(ResponseTemplate::new(307).insert_header(
            "location",
            format!("https://localhost:{}/hook", trap.address().port()).as_str(),
        ))
        .mount(&bouncer)
        .await;
    let allowed = bouncer.address().to_string(); // 127.0.0.1:port
    let (app, _) = ready(Backend::Sqlite, &[("PRESSROOM_ALLOWED_HOSTS", &allowed)]).await;
    let api = app.api(ADMIN_EMAIL);
    let port = trap.address().port();
    let table = [
        (
            format!("https://127.0.0.1:{port}/hook"),
            "127.0.0.1 is not a public address",
        ),
        (
            format!("https://[::1]:{port}/hook"),
            "::1 is not a public address",
        ),
        (
            "https://10.0.0.1/hook".into(),
            "10.0.0.1 is not a public address",
        ),
        (
            "https://169.254.169.254/latest/meta-data".into(),
            "169.254.169.254 is not a public address",
        ),
        (
            "https://0.0.0.0/hook".into(),
            "0.0.0.0 is not a public address",
        ),
        (
            format!("https://[::ffff:127.0.0.1]:{port}/hook"),
            "is not a public address",
        ),
        (
            format!("https://localhost:{port}/hook"),
            "localhost resolves to",
        ),
        (
            format!("http://{allowed}/to-private"),
            "10.0.0.1 is not a public address",
        ),
        (format!("http://{allowed}/to-trap"), "localhost resolves to"),
    ];
    let at = Utc::now() + Duration::minutes(5);
    let mut planned_ids = vec![];
    for (i, (url, _)) in table.iter().enumerate() {
        let ch = webhook_channel(&api, &format!("Target {i}"), url, &new_secret()).await;
        planned_ids.push(planned(&api, &format!("Probe {i}"), ch, "x", at).await.1);
    }
    // http:// is refused for a host that is not allow-listed, when the channel is saved.
    let (s, e) = api
        .call("POST", "/api/v1/channels", json!({"name": "Plain", "kind": "webhook", "config": {"url": format!("http://127.0.0.1:{port}/hook")}, "secrets": {"signing_secret": new_secret()}}))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(e["errors"]["url"].is_string(), "{e}");

    app.advance(Duration::minutes(6));
    for ((url, needle), variant) in table.iter().zip(&planned_ids) {
        let p = wait_for_state(&api, *variant, "failed").await;
        let error = p["last_error"].as_str().unwrap();
        assert!(error.contains(needle), "{url}: {error}");
        assert_eq!(p["attempts"], 1, "{url}: a refusal is not retried");
    }
    assert!(
        trap.received_requests().await.unwrap().is_empty(),
        "nothing reached the private server"
    );
}
