//! Publishing: scheduled variants go out at their time, exactly once, signed per the Standard
//! Webhooks specification (checked with that spec's Python library); failures are retried,
//! answers that never came make a post unconfirmed, and a person settles it.

use base64::Engine;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::{eventually, Api, Backend, TestApp, ADMIN_EMAIL};

/// Lets the app reach the mock receivers on loopback, and gives up on silent ones quickly.
pub const LOOPBACK: &[(&str, &str)] = &[
    ("PRESSROOM_ALLOWED_HOSTS", "127.0.0.1"),
    ("PRESSROOM_HTTP_TIMEOUT_SECONDS", "1"),
];

pub fn new_secret() -> String {
    let bytes: [u8; 24] = rand::random();
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// A webhook channel to `url`; returns its id.
pub async fn webhook_channel(api: &Api<'_>, name: &str, url: &str, secret: &str) -> i64 {
    let (s, ch) = api
        .call(
            "POST",
            "/api/v1/channels",
            json!({"name": name, "kind": "webhook", "config": {"url": url}, "secrets": {"signing_secret": secret}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    ch["id"].as_i64().unwrap()
}

/// An approved idea with a piece and one variant on `channel`, scheduled at `at`.
/// Returns (idea id, variant id).
pub async fn planned(
    api: &Api<'_>,
    title: &str,
    channel: i64,
    text: &str,
    at: chrono::DateTime<Utc>,
) -> (i64, i64) {
    let idea = api.approved_idea(title).await;
    let (s, piece) = api
        .call("POST", "/api/v1/content", json!({"idea_id": idea}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{piece}");
    let content = piece["id"].as_i64().unwrap();
    let (s, v) = api
        .call(
            "POST",
            &format!("/api/v1/content/{content}/variants"),
            json!({"channel_id": channel, "language": "de", "text": text, "link": "https://example.ch/more", "subject": title}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let variant = v["id"].as_i64().unwrap();
    let (s, v) = api
        .call(
            "POST",
            &format!("/api/v1/variants/{variant}/schedule"),
            json!({"at": at.to_rfc3339()}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    (idea, variant)
}

pub async fn publication(api: &Api<'_>, variant: i64) -> Value {
    let (s, list) = api
        .call(
            "GET",
            &format!("/api/v1/publications?variant_id={variant}"),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{list}");
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "one publication per variant: {list}");
    items[0].clone()
}

/// Waits (real time, bounded) until the variant's publication satisfies `ok`.
pub async fn wait_until(
    api: &Api<'_>,
    variant: i64,
    what: &str,
    ok: impl Fn(&Value) -> bool,
) -> Value {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let p = publication(api, variant).await;
        if ok(&p) {
            return p;
        }
        assert!(
            std::time::Instant::now() < until,
            "timed out waiting for {what}: {p}"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

pub async fn wait_for_state(api: &Api<'_>, variant: i64, state: &str) -> Value {
    wait_until(api, variant, state, |p| p["state"] == state).await
}

/// Verifies one delivery with the Standard Webhooks Python library; returns its JSON body.
fn verify_with_python(secret: &str, req: &wiremock::Request) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let headers: serde_json::Map<String, Value> =
        ["webhook-id", "webhook-timestamp", "webhook-signature"]
            .iter()
            .map(|h| {
                (
                    h.to_string(),
                    Value::String(req.headers.get(*h).unwrap().to_str().unwrap().to_string()),
                )
            })
            .collect();
    std::fs::write(dir.path().join("body"), &req.body).unwrap();
    std::fs::write(
        dir.path().join("headers.json"),
        serde_json::to_vec(&headers).unwrap(),
    )
    .unwrap();
    let script = "import json, sys\n\
                  from standardwebhooks.webhooks import Webhook\n\
                  d = sys.argv[2]\n\
                  body = open(d + '/body', 'rb').read()\n\
                  headers = json.load(open(d + '/headers.json'))\n\
                  Webhook(sys.argv[1]).verify(body, headers)\n\
                  print('verified')\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script, secret, &dir.path().to_string_lossy()])
        .output()
        .expect("python3 runs (pip install standardwebhooks)");
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("verified"),
        "the Standard Webhooks library refused our signature: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A forged body must fail the same check, or the check proves nothing.
    std::fs::write(dir.path().join("body"), b"{\"event\":\"forged\"}").unwrap();
    let forged = std::process::Command::new("python3")
        .args(["-c", script, secret, &dir.path().to_string_lossy()])
        .output()
        .unwrap();
    assert!(
        !forged.status.success(),
        "a forged body passed verification"
    );
    serde_json::from_slice(&req.body).unwrap()
}

/// The id of the piece the idea became.
pub async fn content_of(api: &Api<'_>, idea: i64) -> i64 {
    let (_, p) = api
        .call("POST", "/api/v1/content", json!({"idea_id": idea}))
        .await;
    p["id"].as_i64().unwrap()
}

/// An app with `env`, its admin signed in, and the Marketing department.
pub async fn ready(backend: Backend, env: &[(&str, &str)]) -> (TestApp, reqwest::Client) {
    let app = TestApp::spawn_with(backend, env).await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    (app, admin)
}

/// A receiver on loopback that answers `first` to the first `times` posts, then 200.
pub async fn receiver(first: ResponseTemplate, times: u64) -> MockServer {
    let server = MockServer::start().await;
    if times > 0 {
        Mock::given(method("POST"))
            .respond_with(first)
            .up_to_n_times(times)
            .with_priority(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

/// A webhook channel named "Hook" to `receiver`.
pub async fn hook_to(api: &Api<'_>, receiver: &MockServer) -> i64 {
    webhook_channel(
        api,
        "Hook",
        &format!("{}/in", receiver.uri()),
        &new_secret(),
    )
    .await
}

crate::each_backend!(
    webhook_posts_go_out_signed_once_at_their_time_and_the_idea_is_published,
    server_errors_are_retried_with_back_off_under_one_key,
    a_429_waits_for_its_retry_after,
    no_answer_makes_a_post_unconfirmed_until_a_person_settles_it,
    the_publications_page_pages_through_every_publication_once,
);

/// Fifty to a page, newest first; "Next page" leads on to the rest, each shown once.
async fn the_publications_page_pages_through_every_publication_once(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = webhook_channel(&api, "Hook", "https://hooks.example/in", &new_secret()).await;
    let at = (Utc::now() + Duration::days(30)).naive_utc();
    pressroom::store::seed::due_variants(&mut app.conn(), ch, 61, at, Duration::hours(61)).unwrap();
    let (mut seen, mut pages) = (vec![], 0);
    let mut url = Some("/publications?state=pending".to_string());
    while let Some(u) = url.take() {
        let (s, html) = app.get_html(&admin, &u).await;
        assert_eq!(s, StatusCode::OK);
        // Each row links its piece: `<a href="/content/N">Due #n (b)</a>`.
        let titles: Vec<String> = html
            .split("<a href=\"/content/")
            .skip(1)
            .filter_map(|r| Some(r.split_once('>')?.1.split_once("</a>")?.0.to_string()))
            .collect();
        assert!(titles.len() <= 50, "{} rows on one page", titles.len());
        assert_eq!(
            html.matches("<td>Hook</td>").count(),
            titles.len(),
            "each row names its channel"
        );
        seen.extend(titles);
        url = html
            .split_once(r#"<p class="pager"><a class="button" href=""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(href, _)| href.replace("&amp;", "&").replace("&#x3D;", "="));
        pages += 1;
    }
    assert_eq!(pages, 2);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (61, 61), "{seen:?}");
    // The newest first: the last one planned heads the first page.
    assert!(seen[0].starts_with("Due #60"), "{seen:?}");
}

async fn webhook_posts_go_out_signed_once_at_their_time_and_the_idea_is_published(
    backend: Backend,
) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/hook"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&receiver)
        .await;
    let api = app.api(ADMIN_EMAIL);
    let secret = new_secret();
    let ch = webhook_channel(
        &api,
        "Intranet",
        &format!("{}/hook", receiver.uri()),
        &secret,
    )
    .await;
    let at = Utc::now() + Duration::hours(2);
    let (idea, variant) = planned(&api, "Winter campaign", ch, "Schnee!", at).await;

    let p = publication(&api, variant).await;
    assert_eq!(p["state"], "pending");
    assert_eq!(p["attempts"], 0);
    // Not before its time.
    app.advance(Duration::minutes(119));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(receiver.received_requests().await.unwrap().is_empty());
    assert_eq!(publication(&api, variant).await["state"], "pending");

    app.advance(Duration::minutes(2));
    let p = wait_for_state(&api, variant, "published").await;
    assert_eq!(p["attempts"], 1);
    let got = receiver.received_requests().await.unwrap();
    assert_eq!(got.len(), 1);
    let body = verify_with_python(&secret, &got[0]);
    let key = p["idempotency_key"].as_str().unwrap();
    assert_eq!(got[0].headers.get("webhook-id").unwrap(), key);
    assert_eq!(got[0].headers.get("idempotency-key").unwrap(), key);
    assert_eq!(body["event"], "publication");
    assert_eq!(body["publication_id"], p["id"]);
    assert_eq!(body["variant"]["id"], variant);
    assert_eq!(body["variant"]["text"], "Schnee!");
    assert_eq!(body["variant"]["language"], "de");
    // Links go out tracked, leading to the target with the campaign's parameters.
    let target = crate::links::target_of(&app, body["variant"]["link"].as_str().unwrap()).await;
    assert_eq!(
        target,
        format!(
            "https://example.ch/more?utm_source=Intranet&utm_medium=webhook\
             &utm_campaign=pressroom&utm_content=variant-{variant}"
        )
    );
    let sent_at =
        chrono::DateTime::parse_from_rfc3339(body["variant"]["scheduled_at"].as_str().unwrap())
            .unwrap();
    assert_eq!(sent_at.timestamp(), at.timestamp());
    assert_eq!(body["content"]["title"], "Winter campaign");
    assert_eq!(body["idea"]["id"], idea);
    assert_eq!(body["idea"]["department"], "Marketing");

    // The idea's only variant is out: the idea is published.
    let (_, i) = api
        .call("GET", &format!("/api/v1/ideas/{idea}"), json!({}))
        .await;
    assert_eq!(i["state"], "published");
    // Once out, it cannot be moved or taken off the plan.
    let (s, _) = api
        .call(
            "DELETE",
            &format!("/api/v1/variants/{variant}/schedule"),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

    // Time goes on; nothing is sent twice.
    app.advance(Duration::days(2));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(receiver.received_requests().await.unwrap().len(), 1);
}

async fn server_errors_are_retried_with_back_off_under_one_key(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let receiver = receiver(ResponseTemplate::new(503), 2).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = hook_to(&api, &receiver).await;
    let (_, variant) = planned(
        &api,
        "Retry me",
        ch,
        "Hallo",
        Utc::now() + Duration::minutes(5),
    )
    .await;

    app.advance(Duration::minutes(6));
    let p = wait_until(&api, variant, "first failed attempt", |p| {
        p["attempts"] == 1 && p["state"] == "pending"
    })
    .await;
    assert!(p["last_error"].as_str().unwrap().contains("503"), "{p}");
    let next = chrono::DateTime::parse_from_rfc3339(p["next_retry_at"].as_str().unwrap()).unwrap();
    let wait = next.with_timezone(&Utc) - app.scheduler.clock().now();
    assert!(
        wait > Duration::seconds(5) && wait <= Duration::seconds(13),
        "first back-off about 10 s: {wait}"
    );
    app.advance(Duration::seconds(15));
    wait_until(&api, variant, "second attempt", |p| {
        p["attempts"] == 2 && p["state"] == "pending"
    })
    .await;
    app.advance(Duration::seconds(30));
    let p = wait_for_state(&api, variant, "published").await;
    assert_eq!(p["attempts"], 3);

    let got = receiver.received_requests().await.unwrap();
    assert_eq!(got.len(), 3);
    let keys: std::collections::BTreeSet<_> = got
        .iter()
        .map(|r| {
            r.headers
                .get("webhook-id")
                .unwrap()
                .to_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        keys.len(),
        1,
        "every attempt carries the same idempotency key"
    );
    let (_, full) = api
        .call(
            "GET",
            &format!("/api/v1/publications/{}", p["id"]),
            json!({}),
        )
        .await;
    let outcomes: Vec<&str> = full["attempt_log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["retry", "retry", "published"]);
    assert_eq!(full["attempt_log"][0]["http_status"], 503);
}

async fn a_429_waits_for_its_retry_after(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let receiver = receiver(
        ResponseTemplate::new(429).insert_header("retry-after", "600"),
        1,
    )
    .await;
    let api = app.api(ADMIN_EMAIL);
    let ch = hook_to(&api, &receiver).await;
    let (_, variant) = planned(
        &api,
        "Slow down",
        ch,
        "Hallo",
        Utc::now() + Duration::minutes(5),
    )
    .await;
    app.advance(Duration::minutes(6));
    wait_until(&api, variant, "the 429 recorded", |p| {
        p["attempts"] == 1 && p["state"] == "pending"
    })
    .await;
    // Five minutes later it has not asked again: the channel said ten.
    app.advance(Duration::minutes(5));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(receiver.received_requests().await.unwrap().len(), 1);
    app.advance(Duration::minutes(6));
    let p = wait_for_state(&api, variant, "published").await;
    assert_eq!(p["attempts"], 2);
}

async fn no_answer_makes_a_post_unconfirmed_until_a_person_settles_it(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    let receiver = MockServer::start().await;
    // The receiver takes the request and answers only after our timeout (1 s).
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_delay(std::time::Duration::from_secs(3)))
        .mount(&receiver)
        .await;
    let api = app.api(ADMIN_EMAIL);
    let ch = webhook_channel(
        &api,
        "Slow",
        &format!("{}/in", receiver.uri()),
        &new_secret(),
    )
    .await;
    let (idea, variant) = planned(
        &api,
        "Maybe out",
        ch,
        "Hallo",
        Utc::now() + Duration::minutes(5),
    )
    .await;
    let (_, variant2) = {
        let (i2, v2) = planned(
            &api,
            "Maybe out too",
            ch,
            "Salut",
            Utc::now() + Duration::minutes(6),
        )
        .await;
        (i2, v2)
    };
    app.advance(Duration::minutes(7));
    let p = wait_for_state(&api, variant, "unconfirmed").await;
    assert!(
        p["last_error"].as_str().unwrap().contains("no answer"),
        "{p}"
    );
    wait_for_state(&api, variant2, "unconfirmed").await;

    // Not sent again on its own, however long we wait.
    app.advance(Duration::hours(3));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(receiver.received_requests().await.unwrap().len(), 2);

    // Editors are told, by mail and on the start page.
    let subjects = crate::ideas::outbox_to(&app, ADMIN_EMAIL);
    assert!(
        subjects
            .iter()
            .any(|s| s.contains("Maybe out") && s.contains("check")),
        "{subjects:?}"
    );
    let (_, home) = app.get_html(&admin, "/").await;
    assert!(home.contains("2 posts need a look"), "{home}");

    // The list of what needs a person shows both, with their buttons.
    let (_, list) = app.get_html(&admin, "/publications?attention=1").await;
    assert!(
        list.contains("Maybe out") && list.contains("Maybe out too"),
        "{list}"
    );
    assert_eq!(list.matches("/confirm\"").count(), 2, "{list}");
    // One was live after all: the editor says so on the piece's page.
    let piece = format!("/content/{}", content_of(&api, idea).await);
    let (_, html) = app.get_html(&admin, &piece).await;
    assert!(html.contains("Unconfirmed"), "{html}");
    let r = app
        .submit(
            &admin,
            &piece,
            &format!("/publications/{}/confirm", p["id"]),
            &[("url", "https://intranet.example/news/1"), ("back", &piece)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(crate::helpers::location(&r), piece);
    let c = publication(&api, variant).await;
    assert_eq!(c["state"], "published");
    assert_eq!(c["url"], "https://intranet.example/news/1");
    let (_, i) = api
        .call("GET", &format!("/api/v1/ideas/{idea}"), json!({}))
        .await;
    assert_eq!(i["state"], "published");
    let (_, html) = app.get_html(&admin, &piece).await;
    assert!(
        html.contains("href=\"https://intranet.example/news/1\""),
        "live link shown"
    );
    // The other was not: sent again, with the same key.
    let p2 = publication(&api, variant2).await;
    let (s, _) = api
        .call(
            "POST",
            &format!("/api/v1/publications/{}/retry", p2["id"]),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    eventually(10, "the retry reached the receiver", || {
        let r = &receiver;
        async move { r.received_requests().await.unwrap().len() == 3 }
    })
    .await;
    let got = receiver.received_requests().await.unwrap();
    let key2 = p2["idempotency_key"].as_str().unwrap();
    let sent_with_key2 = got
        .iter()
        .filter(|r| r.headers.get("webhook-id").unwrap() == key2)
        .count();
    assert_eq!(sent_with_key2, 2, "the retry carries the publication's key");
    // A published one cannot be retried.
    let (s, _) = api
        .call(
            "POST",
            &format!("/api/v1/publications/{}/retry", p["id"]),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}
