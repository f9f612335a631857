//! A channel's own counts: a Mastodon publication's favourites, boosts and replies are read
//! an hour after it went out, hourly on its first day, then daily until it is 30 days old,
//! into the series of its metrics.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::helpers::{Api, Backend, ADMIN_EMAIL};
use crate::publishing::{planned, ready, wait_for_state, LOOPBACK};
use pressroom::store;

/// A status whose counts grow by one step on every read.
struct Growing(AtomicI64);

impl Respond for Growing {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        ResponseTemplate::new(200).set_body_json(json!({
            "id": "1099", "favourites_count": 3 * n, "reblogs_count": n, "replies_count": n - 1,
        }))
    }
}

async fn metrics(api: &Api<'_>, id: i64) -> Value {
    let (s, m) = api
        .call(
            "GET",
            &format!("/api/v1/publications/{id}/metrics"),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{m}");
    m
}

/// The channel's readings in the series, as (name, value), waiting (bounded) for `n` of them.
async fn readings(api: &Api<'_>, id: i64, n: usize) -> Vec<(String, i64)> {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let m = metrics(api, id).await;
        let got: Vec<(String, i64)> = m["series"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["name"] != "clicks")
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_string(),
                    p["value"].as_i64().unwrap(),
                )
            })
            .collect();
        if got.len() >= n {
            assert_eq!(got.len(), n, "no read too many: {m}");
            return got;
        }
        assert!(
            std::time::Instant::now() < until,
            "waiting for {n} readings: {m}"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

crate::each_backend!(mastodon_counts_are_read_hourly_then_daily_for_thirty_days);

async fn mastodon_counts_are_read_hourly_then_daily_for_thirty_days(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let social = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/statuses"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "1099", "url": "https://social.example/@desk/1099"})),
        )
        .mount(&social)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/statuses/1099"))
        .respond_with(Growing(AtomicI64::new(0)))
        .mount(&social)
        .await;
    let api = app.api(ADMIN_EMAIL);
    let (s, ch) = api
        .call(
            "POST",
            "/api/v1/channels",
            json!({"name": "Mastodon", "kind": "mastodon", "config": {"instance_url": social.uri()}, "secrets": {"access_token": "tok-123"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    let ch = ch["id"].as_i64().unwrap();
    let (_, variant) = planned(
        &api,
        "Counts",
        ch,
        "Zählt!",
        Utc::now() + Duration::minutes(5),
    )
    .await;
    app.advance(Duration::minutes(6));
    let p = wait_for_state(&api, variant, "published").await;
    let id = p["id"].as_i64().unwrap();
    assert_eq!(
        metrics(&api, id).await["channel"],
        Value::Null,
        "nothing read yet"
    );

    // An hour after publishing, the first reading; an hour later, the next.
    app.advance(Duration::minutes(61));
    let first = readings(&api, id, 3).await;
    assert_eq!(
        first,
        [
            ("favourites".into(), 3),
            ("boosts".into(), 1),
            ("replies".into(), 0)
        ]
    );
    app.advance(Duration::minutes(61));
    let two = readings(&api, id, 6).await;
    assert_eq!(
        two[3..],
        [
            ("favourites".into(), 6),
            ("boosts".into(), 2),
            ("replies".into(), 1)
        ]
    );
    let m = metrics(&api, id).await;
    assert_eq!(
        m["channel"],
        json!({"favourites": 6, "boosts": 2, "replies": 1}),
        "{m}"
    );

    // After the first day, once a day.
    app.advance(Duration::hours(30));
    readings(&api, id, 9).await;
    let j = pull_job(&app, id).await;
    let wait = j.run_at - app.scheduler.clock().naive();
    assert!(
        wait > Duration::hours(23) && wait <= Duration::hours(24),
        "the next read is a day later: {wait}"
    );
    // At 30 days the reads end.
    app.advance(Duration::days(31));
    readings(&api, id, 12).await;
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while pull_job(&app, id).await.state != store::jobs::DONE {
        assert!(std::time::Instant::now() < until, "the pull job ends");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    app.advance(Duration::days(2));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    readings(&api, id, 12).await;
    let reads = social
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "GET" && r.url.path() == "/api/v1/statuses/1099")
        .count();
    assert_eq!(reads, 4, "one read per due time, none twice");
}

/// The publication's pull job as settled: just after a reading it may still be running, its
/// next time not written yet, so look again (bounded, yielding) until it is queued or done.
async fn pull_job(app: &crate::helpers::TestApp, id: i64) -> store::jobs::Job {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let mut c = app.conn();
        let found = store::jobs::list(&mut c, store::jobs::QUEUED, 100)
            .unwrap()
            .into_iter()
            .chain(store::jobs::list(&mut c, store::jobs::DONE, 100).unwrap())
            .find(|j| j.unique_key.as_deref() == Some(&format!("metrics:{id}")));
        if let Some(j) = found {
            return j;
        }
        assert!(std::time::Instant::now() < until, "the pull job");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Signs a push with the Standard Webhooks Python library (not our code): its headers.
pub fn signed_by_python(secret: &str, id: &str, body: &str) -> Vec<(String, String)> {
    let script = "import sys, json, datetime\n\
                  from standardwebhooks.webhooks import Webhook\n\
                  d = json.load(sys.stdin)\n\
                  now = datetime.datetime.now(tz=datetime.timezone.utc)\n\
                  sig = Webhook(d['secret']).sign(d['id'], now, d['body'])\n\
                  print(json.dumps({'webhook-id': d['id'], \
                  'webhook-timestamp': str(int(now.timestamp())), 'webhook-signature': sig}))\n";
    let input = json!({"secret": secret, "id": id, "body": body}).to_string();
    let headers = crate::helpers::python_json(script, &input, "standardwebhooks");
    headers
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

async fn push(
    app: &crate::helpers::TestApp,
    body: &str,
    headers: &[(String, String)],
) -> (StatusCode, Value) {
    push_to(app, "/api/v1/metrics", body, headers).await
}

/// POSTs a (signed or not) push to `path`.
pub async fn push_to(
    app: &crate::helpers::TestApp,
    path: &str,
    body: &str,
    headers: &[(String, String)],
) -> (StatusCode, Value) {
    let mut req = reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body.to_string());
    for (k, v) in headers {
        req = req.header(k, v);
    }
    let r = req.send().await.unwrap();
    let status = r.status();
    let answer = r.json().await.unwrap_or(Value::Null);
    // Every accepted push answers as the API document says.
    if status == StatusCode::ACCEPTED {
        let schema = match path {
            "/api/v1/metrics" => "MetricsStored",
            _ => "MessageReceived",
        };
        crate::helpers::assert_matches_schema(app, schema, &answer).await;
    }
    (status, answer)
}

/// The series as (name, value).
async fn stored(api: &Api<'_>, id: i64) -> Vec<(String, i64)> {
    metrics(api, id).await["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["value"].as_i64().unwrap(),
            )
        })
        .collect()
}

crate::each_backend!(webhook_receivers_push_signed_counts_and_nothing_else_is_stored);

async fn webhook_receivers_push_signed_counts_and_nothing_else_is_stored(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let secret = crate::publishing::new_secret();
    let hook =
        crate::publishing::webhook_channel(&api, "Intranet", "http://127.0.0.1:9/in", &secret)
            .await;
    let (_, variant) = planned(&api, "Pushed", hook, "x", Utc::now() + Duration::hours(1)).await;
    let id = crate::publishing::publication(&api, variant).await["id"]
        .as_i64()
        .unwrap();
    let body = json!({"publication_id": id, "at": "2026-11-26T10:00:00+01:00",
                      "metrics": {"likes": 12, "shares": 3, "comments": 0}})
    .to_string();
    let headers = signed_by_python(&secret, "msg_1", &body);
    let (s, answer) = push(&app, &body, &headers).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{answer}");
    assert_eq!(answer["stored"], 3);
    // The same push again (a receiver's retry) stores nothing new.
    let (s, answer) = push(&app, &body, &headers).await;
    assert_eq!(s, StatusCode::ACCEPTED);
    assert_eq!(answer["stored"], 0);
    let got = stored(&api, id).await;
    assert_eq!(
        got,
        [
            ("comments".into(), 0),
            ("likes".into(), 12),
            ("shares".into(), 3)
        ]
    );
    let m = metrics(&api, id).await;
    assert_eq!(m["series"][0]["at"], "2026-11-26T09:00:00+00:00", "{m}");

    // Unsigned, signed with another secret, or for a publication of another channel: 401.
    let later = json!({"publication_id": id, "metrics": {"likes": 99}}).to_string();
    let (s, doc) = push(&app, &later, &[]).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{doc}");
    assert_eq!(doc["status"], 401);
    let forged = signed_by_python(&crate::publishing::new_secret(), "msg_2", &later);
    assert_eq!(
        push(&app, &later, &forged).await.0,
        StatusCode::UNAUTHORIZED
    );
    // Signed, then changed on the way.
    let tampered = signed_by_python(&secret, "msg_3", &later);
    let other_body = json!({"publication_id": id, "metrics": {"likes": 100000}}).to_string();
    assert_eq!(
        push(&app, &other_body, &tampered).await.0,
        StatusCode::UNAUTHORIZED
    );
    let unknown = json!({"publication_id": id + 1000, "metrics": {"likes": 1}}).to_string();
    let signed = signed_by_python(&secret, "msg_4", &unknown);
    assert_eq!(
        push(&app, &unknown, &signed).await.0,
        StatusCode::UNAUTHORIZED
    );

    // Signed but malformed: 422 naming the field.
    for (bad, field) in [
        (
            json!({"publication_id": id, "metrics": {"Likes!": 1}}).to_string(),
            "metrics",
        ),
        (
            json!({"publication_id": id, "metrics": {"likes": -1}}).to_string(),
            "metrics",
        ),
        (
            json!({"publication_id": id, "metrics": {"likes": "many"}}).to_string(),
            "metrics",
        ),
        (
            json!({"publication_id": id, "metrics": {}}).to_string(),
            "metrics",
        ),
        (
            json!({"publication_id": id, "at": "yesterday", "metrics": {"likes": 1}}).to_string(),
            "at",
        ),
        ("{not json".to_string(), "body"),
    ] {
        let headers = signed_by_python(&secret, "msg_5", &bad);
        let (s, doc) = push(&app, &bad, &headers).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {doc}");
        assert!(doc["errors"][field].is_string(), "{bad}: {doc}");
    }
    assert_eq!(stored(&api, id).await.len(), 3, "nothing else stored");
}
