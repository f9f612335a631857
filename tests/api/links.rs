//! Tracked links: a published variant's links go out as `/l/{code}`, which sends readers on
//! to the target with UTM parameters at once; people's clicks, bots' clicks and unique
//! visitors are counted exactly, and no address is stored.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use wiremock::ResponseTemplate;

use crate::helpers::{Backend, TestApp, ADMIN_EMAIL};
use crate::publishing::{hook_to, planned, ready, receiver, wait_for_state, LOOPBACK};
use pressroom::db::schema::{link_clicks, visitor_salts};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

fn client(from: [u8; 4], user_agent: Option<&str>) -> Client {
    let mut b = Client::builder()
        .local_address(std::net::IpAddr::from(from))
        .redirect(reqwest::redirect::Policy::none());
    if let Some(ua) = user_agent {
        b = b.user_agent(ua);
    }
    b.build().unwrap()
}

/// The tracked links in a delivered text, in order.
fn short_links(app: &TestApp, text: &str) -> Vec<String> {
    let prefix = app.url("/l/");
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| w.starts_with(&prefix))
        .map(|w| w.to_string())
        .collect()
}

async fn follow(client: &Client, method: reqwest::Method, url: &str) -> (StatusCode, String) {
    let r = client.request(method, url).send().await.unwrap();
    let to = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (r.status(), to)
}

crate::each_backend!(tracked_links_count_people_bots_and_visitors_apart);

async fn tracked_links_count_people_bots_and_visitors_apart(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let receiver = receiver(ResponseTemplate::new(200), 0).await;
    let ch = hook_to(&api, &receiver).await;
    let text = "Schnee! Mehr: https://example.ch/shop?size=xl#top (und https://example.ch/more).";
    let (_, variant) = planned(&api, "Links", ch, text, Utc::now() + Duration::minutes(5)).await;
    app.advance(Duration::minutes(6));
    let p = wait_for_state(&api, variant, "published").await;
    let id = p["id"].as_i64().unwrap();

    // The delivery carries tracked links in the text and as the link; the same link twice is
    // one code.
    let got = receiver.received_requests().await.unwrap();
    let body: Value = serde_json::from_slice(&got[0].body).unwrap();
    let sent = body["variant"]["text"].as_str().unwrap();
    let shorts = short_links(&app, sent);
    assert_eq!(shorts.len(), 2, "{sent}");
    let (shop, more) = (&shorts[0], shorts[1].trim_end_matches('.').to_string());
    assert_eq!(body["variant"]["link"], more.as_str());
    assert!(
        sent.starts_with("Schnee! Mehr: ") && sent.ends_with(")."),
        "{sent}"
    );
    for s in [shop, &more] {
        let code = s.rsplit('/').next().unwrap();
        assert!(
            code.len() >= 8 && code.chars().all(|c| c.is_ascii_alphanumeric()),
            "{s}"
        );
    }

    // People: two clicks from one address and browser, one from another address.
    let person = client([127, 0, 0, 1], Some(FIREFOX));
    let (s, to) = follow(&person, reqwest::Method::GET, shop).await;
    assert_eq!(s, StatusCode::FOUND);
    assert_eq!(
        to,
        format!(
            "https://example.ch/shop?size=xl&utm_source=Hook&utm_medium=webhook\
             &utm_campaign=pressroom&utm_content=variant-{variant}#top"
        )
    );
    let (s, to) = follow(&person, reqwest::Method::GET, &more).await;
    assert_eq!(s, StatusCode::FOUND);
    assert!(
        to.starts_with("https://example.ch/more?utm_source=Hook&utm_medium=webhook"),
        "{to}"
    );
    let other = client([127, 0, 0, 2], Some(FIREFOX));
    assert_eq!(
        follow(&other, reqwest::Method::GET, &more).await.0,
        StatusCode::FOUND
    );

    // Bots and previews are sent on too, and counted apart.
    let googlebot = client(
        [127, 0, 0, 1],
        Some("Googlebot/2.1 (+http://www.google.com/bot.html)"),
    );
    assert_eq!(
        follow(&googlebot, reqwest::Method::GET, &more).await.0,
        StatusCode::FOUND
    );
    assert_eq!(
        follow(&person, reqwest::Method::HEAD, &more).await.0,
        StatusCode::FOUND
    );
    let r = person
        .get(&more)
        .header("Sec-Purpose", "prefetch")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    let no_browser = client([127, 0, 0, 1], None);
    assert_eq!(
        follow(&no_browser, reqwest::Method::GET, shop).await.0,
        StatusCode::FOUND
    );

    // Codes that do not exist are a page saying so.
    for missing in ["/l/NoSuchCode1", "/l/bad%20code", "/l/..%2Fadmin"] {
        let r = person.get(app.url(missing)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{missing}");
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
    }

    // Clicks are written in batches, within about a second.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let m = loop {
        let (s, m) = api
            .call(
                "GET",
                &format!("/api/v1/publications/{id}/metrics"),
                serde_json::json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{m}");
        if m["clicks"].as_i64().unwrap() + m["bot_clicks"].as_i64().unwrap() >= 7 {
            break m;
        }
        assert!(std::time::Instant::now() < until, "clicks not written: {m}");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    crate::helpers::assert_matches_schema(&app, "Metrics", &m).await;
    assert_eq!(m["clicks"], 3, "{m}");
    assert_eq!(m["bot_clicks"], 4, "{m}");
    assert_eq!(m["unique_visitors"], 2, "{m}");
    let series = m["series"].as_array().unwrap();
    assert_eq!(series.len(), 1, "{m}");
    assert_eq!(series[0]["name"], "clicks");
    assert_eq!(series[0]["value"], 3);
    assert_eq!(m["links"].as_array().unwrap().len(), 2, "{m}");

    // No address is stored: people's visitors are hashes, bots have none.
    let mut c = app.conn();
    let rows: Vec<(bool, Option<String>)> = link_clicks::table
        .select((link_clicks::bot, link_clicks::visitor))
        .load(&mut c)
        .unwrap();
    assert_eq!(rows.len(), 7);
    for (bot, visitor) in &rows {
        assert_eq!(visitor.is_none(), *bot, "{rows:?}");
        if let Some(v) = visitor {
            assert!(v.len() == 32 && !v.contains("127.0.0"), "{v}");
        }
    }
    let salts: i64 = visitor_salts::table.count().get_result(&mut c).unwrap();
    assert_eq!(salts, 1, "one salt, today's");

    // Someone without editing rights sees no metrics.
    app.create_user(
        &admin,
        "carla@example.ch",
        "Carla",
        "contributor",
        Some("Marketing"),
    )
    .await;
    let (s, _) = app
        .api("carla@example.ch")
        .call(
            "GET",
            &format!("/api/v1/publications/{id}/metrics"),
            serde_json::json!({}),
        )
        .await;
    assert!(
        s == StatusCode::FORBIDDEN || s == StatusCode::UNAUTHORIZED,
        "{s}"
    );
}

/// Where a tracked link sends a person (its `Location`), checking it is one of ours.
pub async fn target_of(app: &TestApp, short: &str) -> String {
    assert!(
        short.starts_with(&app.url("/l/")),
        "a tracked link: {short}"
    );
    let (s, to) = follow(
        &client([127, 0, 0, 1], Some(FIREFOX)),
        reqwest::Method::GET,
        short,
    )
    .await;
    assert_eq!(s, StatusCode::FOUND, "{short}");
    to
}
