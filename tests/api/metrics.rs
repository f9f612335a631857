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
    let job = |app: &crate::helpers::TestApp| {
        let mut c = app.conn();
        store::jobs::list(&mut c, store::jobs::QUEUED, 100)
            .unwrap()
            .into_iter()
            .chain(store::jobs::list(&mut c, store::jobs::DONE, 100).unwrap())
            .find(|j| j.unique_key.as_deref() == Some(&format!("metrics:{id}")))
            .expect("the pull job")
    };
    app.advance(Duration::hours(30));
    readings(&api, id, 9).await;
    let j = job(&app);
    let wait = j.run_at - app.scheduler.clock().naive();
    assert!(
        wait > Duration::hours(23) && wait <= Duration::hours(24),
        "the next read is a day later: {wait}"
    );
    // At 30 days the reads end.
    app.advance(Duration::days(31));
    readings(&api, id, 12).await;
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while job(&app).state != store::jobs::DONE {
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
        .filter(|r| r.method.as_str() == "GET")
        .count();
    assert_eq!(reads, 4, "one read per due time, none twice");
}
