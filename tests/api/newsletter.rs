//! Newsletters end to end with real SMTP listeners on loopback: double opt-in through the
//! public pages, sending to confirmed subscribers of the variant's language only, one-click
//! unsubscribe (RFC 8058), and a resumed send that mails nobody twice.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Backend, TestApp, ADMIN_EMAIL};
use crate::publishing::{planned, wait_for_state};
use crate::smtp::{free_port, listen, Inbox};

/// The confirmation link in the last confirmation mail to `to`.
fn confirm_link(inbox: &Inbox, to: &str) -> String {
    let mail = inbox.to(to).pop().expect("a confirmation mail");
    let at = mail
        .text
        .find("/newsletters/confirm/")
        .unwrap_or_else(|| panic!("no confirmation link in {}", mail.text));
    let start = mail.text[..at].rfind("http").unwrap();
    mail.text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

async fn subscribe(
    app: &TestApp,
    channel: i64,
    email: &str,
    language: &str,
) -> (StatusCode, String) {
    let reader = app.browser();
    let page = format!("/newsletters/{channel}");
    let r = app
        .submit(
            &reader,
            &page,
            &page,
            &[("email", email), ("language", language)],
        )
        .await;
    let s = r.status();
    (s, r.text().await.unwrap())
}

/// Subscribes and confirms through the pages, as a reader would.
async fn confirmed(app: &TestApp, inbox: &Inbox, channel: i64, email: &str, language: &str) {
    let before = inbox.to(email).len();
    let (s, _) = subscribe(app, channel, email, language).await;
    assert_eq!(s, StatusCode::OK);
    wait_mails(inbox, email, before + 1).await;
    let link = confirm_link(inbox, email);
    let path = link.trim_start_matches(&app.address).to_string();
    let reader = app.browser();
    let (s, page) = app.get_html(&reader, &path).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Confirm"), "{page}");
    let r = app.submit(&reader, &path, &path, &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("Subscribed"));
}

async fn wait_mails(inbox: &Inbox, to: &str, n: usize) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while inbox.to(to).len() < n {
        assert!(
            std::time::Instant::now() < until,
            "{to} got {} of {n} mails",
            inbox.to(to).len()
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// An app that mails its notices to one SMTP listener, with another for newsletters to use.
struct Desk {
    notices: Inbox,
    letters: Inbox,
    news_port: u16,
    app: TestApp,
    admin: reqwest::Client,
}

async fn desk(backend: Backend) -> Desk {
    let (notify_port, news_port) = (free_port(), free_port());
    let notices = listen(notify_port);
    let letters = listen(news_port);
    let notify_url = format!("smtp://127.0.0.1:{notify_port}");
    let app = TestApp::spawn_with(
        backend,
        &[
            ("PRESSROOM_ALLOWED_HOSTS", "127.0.0.1"),
            ("PRESSROOM_SMTP_URL", &notify_url),
        ],
    )
    .await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    Desk {
        notices,
        letters,
        news_port,
        app,
        admin,
    }
}

crate::each_backend!(newsletters_go_to_confirmed_subscribers_of_their_language_once);

async fn newsletters_go_to_confirmed_subscribers_of_their_language_once(backend: Backend) {
    let Desk {
        notices,
        letters,
        news_port,
        app,
        ..
    } = desk(backend).await;
    let api = app.api(ADMIN_EMAIL);
    let (s, ch) = api
        .call("POST", "/api/v1/channels", json!({"name": "Winter letter", "kind": "newsletter", "config": {"from_address": "news@example.ch", "max_per_minute": "6000"}, "secrets": {"smtp_url": format!("smtp://127.0.0.1:{news_port}")}}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    let ch = ch["id"].as_i64().unwrap();

    // Bad input comes back with the reader's text and a message; nothing is stored.
    let (s, page) = subscribe(&app, ch, "not an address", "de").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("value=\"not an address\"") && page.contains("Enter an email address"),
        "{page}"
    );
    // Other kinds of channel have no subscribe page.
    let (s, _) = app.get_html(&app.browser(), "/newsletters/999").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    confirmed(&app, &notices, ch, "reader@example.org", "de").await;
    confirmed(&app, &notices, ch, "dora@example.org", "de").await;
    confirmed(&app, &notices, ch, "francine@example.org", "fr").await;
    // Subscribing twice is one subscription; a pending one gets nothing.
    let (s, _) = subscribe(&app, ch, "pat@example.org", "de").await;
    assert_eq!(s, StatusCode::OK);
    let (s, again) = subscribe(&app, ch, "Pat@Example.org ", "de").await;
    assert_eq!(s, StatusCode::OK);
    assert!(again.contains("Check your mail"));
    let rows: i64 = {
        use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
        use pressroom::db::schema::subscribers;
        subscribers::table
            .filter(subscribers::email.eq("pat@example.org"))
            .count()
            .get_result(&mut app.conn())
            .unwrap()
    };
    assert_eq!(rows, 1);
    // Subscribing again at once sends no second confirmation: the form cannot flood anyone.
    wait_mails(&notices, "pat@example.org", 1).await;
    actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(notices.to("pat@example.org").len(), 1);
    // A forged confirmation does nothing.
    let link = confirm_link(&notices, "pat@example.org");
    let forged = format!("{}x", link.trim_start_matches(&app.address));
    let (s, _) = app.get_html(&app.browser(), &forged).await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    let (_, first) = planned(
        &api,
        "Winter news",
        ch,
        "Snow is *here*.",
        Utc::now() + Duration::hours(1),
    )
    .await;
    app.advance(Duration::minutes(61));
    wait_for_state(&api, first, "published").await;
    wait_mails(&letters, "dora@example.org", 1).await;
    let all = letters.all();
    let mut to: Vec<String> = all.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(
        to,
        ["dora@example.org", "reader@example.org"],
        "confirmed German readers only"
    );
    // Its metrics count the mails that went out.
    let p = wait_for_state(&api, first, "published").await;
    let (_, m) = api
        .call(
            "GET",
            &format!("/api/v1/publications/{}/metrics", p["id"]),
            json!({}),
        )
        .await;
    assert_eq!(m["mails_sent"], 2, "{m}");
    assert!(
        m["opens"].is_null(),
        "opens are not counted unless turned on: {m}"
    );
    let mail = &letters.to("dora@example.org")[0];
    assert_eq!(
        images(&mail.text),
        Vec::<String>::new(),
        "no tracking image"
    );
    assert_eq!(mail.subject, "Winter news");
    assert!(mail.text.contains("From: news@example.ch"), "{}", mail.text);
    assert!(
        mail.text
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{}",
        mail.text
    );
    let unsubscribe = mail
        .text
        .lines()
        .find_map(|l| l.strip_prefix("List-Unsubscribe: <"))
        .map(|l| l.trim_end_matches('>').to_string())
        .expect("a List-Unsubscribe header");

    // One click in Dora's mail client: a POST without any form token.
    let r = reqwest::Client::new()
        .post(&unsubscribe)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The same link with its last digest character changed.
    let last = if unsubscribe.ends_with('0') { "1" } else { "0" };
    let forged = format!("{}{last}", &unsubscribe[..unsubscribe.len() - 1]);
    let r = reqwest::Client::new().post(&forged).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The unsubscribe page works too, for readers who follow the link.
    let (s, page) = app
        .get_html(&app.browser(), unsubscribe.trim_start_matches(&app.address))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Unsubscribe"));

    // A send interrupted after Reader's mail: resumed, it skips Reader and mails Eve.
    confirmed(&app, &notices, ch, "eve@example.org", "de").await;
    let (_, second) = planned(
        &api,
        "More snow",
        ch,
        "Still snowing.",
        Utc::now() + Duration::hours(3),
    )
    .await;
    let p = crate::publishing::publication(&api, second).await;
    {
        use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
        use pressroom::db::schema::{newsletter_deliveries, subscribers};
        let mut c = app.conn();
        let reader: i64 = subscribers::table
            .filter(subscribers::email.eq("reader@example.org"))
            .select(subscribers::id)
            .first(&mut c)
            .unwrap();
        diesel::insert_into(newsletter_deliveries::table)
            .values((
                newsletter_deliveries::publication_id.eq(p["id"].as_i64().unwrap()),
                newsletter_deliveries::subscriber_id.eq(reader),
                newsletter_deliveries::sent_at.eq(Some(Utc::now().naive_utc())),
            ))
            .execute(&mut c)
            .unwrap();
    }
    app.advance(Duration::hours(3));
    wait_for_state(&api, second, "published").await;
    wait_mails(&letters, "eve@example.org", 1).await;
    assert_eq!(
        letters.to("reader@example.org").len(),
        1,
        "not mailed twice"
    );
    assert_eq!(letters.to("dora@example.org").len(), 1, "unsubscribed");
    assert!(letters.to("pat@example.org").is_empty(), "never confirmed");
    assert!(
        letters.to("francine@example.org").is_empty(),
        "French reader"
    );
}

/// The addresses of the images in a mail's HTML part, read with Python's own mail and HTML
/// parsers (quoted-printable and all).
fn images(raw: &str) -> Vec<String> {
    let script = r#"
import sys, json, email
from email import policy
from html.parser import HTMLParser
m = email.message_from_string(sys.stdin.read(), policy=policy.default)
html = m.get_body(preferencelist=("html",)).get_content()
found = []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag == "img":
            found.append(dict(attrs)["src"])
P().feed(html)
print(json.dumps(found))
"#;
    serde_json::from_value(crate::helpers::python_json(script, raw, "python3")).unwrap()
}

crate::each_backend!(opens_are_counted_only_where_an_admin_turned_it_on);

async fn opens_are_counted_only_where_an_admin_turned_it_on(backend: Backend) {
    let Desk {
        notices,
        letters,
        news_port,
        app,
        admin,
    } = desk(backend).await;
    let api = app.api(ADMIN_EMAIL);
    let (s, e) = api
        .call("POST", "/api/v1/channels", json!({"name": "Counted", "kind": "newsletter", "config": {"from_address": "news@example.ch", "track_opens": "perhaps"}, "secrets": {"smtp_url": format!("smtp://127.0.0.1:{news_port}")}}))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(e.to_string().contains("track_opens"), "{e}");
    // The admin turns it on in the channel's form, a checkbox.
    let (s, html) = app
        .get_html(&admin, "/admin/channels/new?kind=newsletter")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("type=\"checkbox\" name=\"track_opens\" value=\"on\""),
        "{html}"
    );
    let (s, ch) = api
        .call("POST", "/api/v1/channels", json!({"name": "Counted", "kind": "newsletter", "config": {"from_address": "news@example.ch", "max_per_minute": "6000", "track_opens": "on"}, "secrets": {"smtp_url": format!("smtp://127.0.0.1:{news_port}")}}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    let ch = ch["id"].as_i64().unwrap();
    confirmed(&app, &notices, ch, "reader@example.org", "de").await;
    confirmed(&app, &notices, ch, "dora@example.org", "de").await;
    let (_, variant) = planned(
        &api,
        "Counted news",
        ch,
        "Hello.",
        Utc::now() + Duration::hours(1),
    )
    .await;
    app.advance(Duration::minutes(61));
    let p = wait_for_state(&api, variant, "published").await;
    wait_mails(&letters, "dora@example.org", 1).await;
    wait_mails(&letters, "reader@example.org", 1).await;
    let pixel = |to: &str| {
        let found = images(&letters.to(to)[0].text);
        assert_eq!(found.len(), 1, "one image in the mail to {to}: {found:?}");
        found[0].clone()
    };
    let (dora, reader) = (pixel("dora@example.org"), pixel("reader@example.org"));
    assert_ne!(dora, reader, "each reader has an image of their own");
    assert!(
        dora.starts_with(&format!("{}/o/{}/", app.address, p["id"])),
        "{dora}"
    );
    let client = reqwest::Client::new();
    for url in [&dora, &dora, &reader] {
        let r = client.get(url).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/gif");
        assert!(r.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store"));
        assert!(r.bytes().await.unwrap().starts_with(b"GIF89a"));
    }
    // A checker's HEAD is not an open; a made-up token or another publication's is not found.
    let r = client.head(&reader).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let last = if dora.ends_with("0.gif") {
        "1.gif"
    } else {
        "0.gif"
    };
    let forged = format!("{}{last}", &dora[..dora.len() - 5]);
    assert_eq!(
        client.get(&forged).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let other = dora.replacen(&format!("/o/{}/", p["id"]), "/o/999999/", 1);
    assert_eq!(
        client.get(&other).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let (_, m) = api
        .call(
            "GET",
            &format!("/api/v1/publications/{}/metrics", p["id"]),
            json!({}),
        )
        .await;
    assert_eq!(m["mails_sent"], 2, "{m}");
    crate::helpers::assert_matches_schema(&app, "Metrics", &m).await;
    assert_eq!(m["opens"], 3, "{m}");
    assert_eq!(m["unique_opens"], 2, "{m}");
    // A reader's data export says when they opened it.
    let r = app
        .get(&admin, "/admin/subscribers/export?email=dora@example.org")
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let export: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        export["subscriptions"][0]["newsletters_opened"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "{export}"
    );
}
