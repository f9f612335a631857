//! The inbox: mentions pulled from a mock Mastodon page by page (a page that repeats an item,
//! one that fails midway), replies sent once with `in_reply_to_id` and the idempotency key,
//! the answer clock and its alert mail, signed pushes, and what editors do with a
//! conversation.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::helpers::{eventually, Api, Backend, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::metrics::{push_to, signed_by_python};
use crate::publishing::{new_secret, ready, webhook_channel, LOOPBACK};

/// Mastodon's notifications endpoint, as it pages: with `min_id`, the `limit` notifications
/// right after it, newest first; without, the newest `limit`.
#[derive(Clone, Default)]
pub struct Notifications {
    items: Arc<Mutex<Vec<Value>>>,
    /// The app's clock: mentions are written "now" as the app sees it.
    clock: Option<pressroom::scheduler::Clock>,
    requests: Arc<AtomicUsize>,
    /// Request numbers (from 1) that answer 500.
    fail_on: Arc<Mutex<Vec<usize>>>,
    /// Every page also carries the item at `min_id` again (taken already).
    repeat: Arc<AtomicBool>,
}

/// "lena@social.example" → "Lena".
fn display_name(acct: &str) -> String {
    let local = acct.split('@').next().unwrap_or(acct);
    let mut chars = local.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

impl Notifications {
    /// Adds a mention: notification `n`, status `5000 + n` by `acct`, answering `parent`.
    pub fn mention(&self, n: u64, acct: &str, text: &str, parent: Option<&str>) {
        let now = self
            .clock
            .as_ref()
            .map(|c| c.now())
            .unwrap_or_else(Utc::now);
        self.mention_at(n, acct, text, parent, now - Duration::seconds(5));
    }

    /// A mention written at `at`.
    pub fn mention_at(
        &self,
        n: u64,
        acct: &str,
        text: &str,
        parent: Option<&str>,
        at: chrono::DateTime<Utc>,
    ) {
        let at = at.to_rfc3339();
        self.items.lock().unwrap().push(json!({
            "id": n.to_string(),
            "type": "mention",
            "created_at": at,
            "account": {"id": "7", "acct": acct, "display_name": display_name(acct), "url": format!("https://social.example/@{acct}")},
            "status": {
                "id": (5000 + n).to_string(),
                "in_reply_to_id": parent,
                "content": format!("<p><span class=\"h-card\"><a href=\"https://social.example/@desk\">@desk</a></span> {text}</p>"),
                "url": format!("https://social.example/@{acct}/{}", 5000 + n),
                "visibility": "public",
                "created_at": at,
            },
        }));
    }
}

impl Respond for Notifications {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let n = self.requests.fetch_add(1, Ordering::SeqCst) + 1;
        if self.fail_on.lock().unwrap().contains(&n) {
            return ResponseTemplate::new(500);
        }
        let q: HashMap<String, String> = req.url.query_pairs().into_owned().collect();
        assert_eq!(q.get("types[]").map(String::as_str), Some("mention"));
        let limit: usize = q.get("limit").and_then(|l| l.parse().ok()).unwrap_or(20);
        let id = |v: &Value| v["id"].as_str().unwrap().parse::<u64>().unwrap();
        let items = self.items.lock().unwrap();
        let mut page: Vec<Value> = match q.get("min_id") {
            Some(min) => {
                let min: u64 = min.parse().unwrap();
                let mut after: Vec<Value> = items
                    .iter()
                    .filter(|v| id(v) > min)
                    .take(limit)
                    .cloned()
                    .collect();
                after.reverse();
                if self.repeat.load(Ordering::SeqCst) {
                    after.extend(items.iter().filter(|v| id(v) == min).cloned());
                }
                after
            }
            None => items.iter().rev().take(limit).cloned().collect(),
        };
        page.truncate(limit + 1);
        ResponseTemplate::new(200).set_body_json(page)
    }
}

/// A mock Mastodon (mentions, replies, boosts) and a channel on it.
pub async fn social(api: &Api<'_>, config: Value) -> (MockServer, Notifications, i64) {
    let server = MockServer::start().await;
    let notes = Notifications {
        clock: Some(api.app.scheduler.clock().clone()),
        ..Default::default()
    };
    Mock::given(method("GET"))
        .and(path("/api/v1/notifications"))
        .respond_with(notes.clone())
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/statuses"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "9001", "url": "https://social.example/@desk/9001"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/statuses/5001/reblog"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "9002"})))
        .mount(&server)
        .await;
    let mut config = config;
    config["instance_url"] = json!(server.uri());
    let (s, ch) = api
        .call(
            "POST",
            "/api/v1/channels",
            json!({"name": "Mastodon", "kind": "mastodon", "config": config, "secrets": {"access_token": "tok-123"}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    (server, notes, ch["id"].as_i64().unwrap())
}

/// How many conversations the start page and the inbox say wait for an answer (a count kept by
/// triggers): as many as are open.
fn open_count(app: &TestApp) -> i64 {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::conversations;
    let mut c = app.conn();
    let (kept, _) = pressroom::store::inbox::open_counts(&mut c, Utc::now().naive_utc()).unwrap();
    let live: i64 = conversations::table
        .filter(conversations::state.eq("open"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(kept, live, "the kept open count");
    kept
}

async fn inbox(api: &Api<'_>, query: &str) -> Vec<Value> {
    let (s, body) = api
        .call("GET", &format!("/api/v1/inbox?limit=200{query}"), json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    body["items"].as_array().unwrap().clone()
}

/// The external ids of every incoming message, each as often as it is stored.
async fn incoming_ids(api: &Api<'_>) -> Vec<u64> {
    let mut ids: Vec<u64> = inbox(api, "&state=open")
        .await
        .iter()
        .flat_map(|c| c["messages"].as_array().unwrap().clone())
        .filter(|m| m["kind"] == "in")
        .map(|m| m["external_id"].as_str().unwrap().parse().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

pub async fn wait_for_count(api: &Api<'_>, n: usize) -> Vec<u64> {
    let mut last = vec![];
    for _ in 0..400 {
        last = incoming_ids(api).await;
        if last.len() >= n {
            return last;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("waited for {n} messages, have {}", last.len());
}

crate::each_backend!(
    mentions_are_pulled_page_by_page_without_gaps_or_duplicates,
    replies_go_out_once_in_reply_to_the_last_message_and_stop_the_clock,
    the_assignee_or_the_editors_are_warned_at_three_quarters_of_the_target,
    signed_pushes_land_in_the_inbox_and_nothing_else_is_stored,
    editors_move_note_correct_and_turn_a_conversation_into_an_idea,
    the_overdue_count_is_the_open_conversations_due_before_now,
);

/// The overdue count comes from counts per hour that triggers keep, plus the hour under way
/// off the index: it must equal counting the conversations themselves, at any time of any
/// hour, as conversations come, close, reopen, move their due time and go.
async fn the_overdue_count_is_the_open_conversations_due_before_now(backend: Backend) {
    use diesel::sql_types::{BigInt, Text, Timestamp};
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::conversations;
    let (app, _) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let channel = webhook_channel(&api, "Hook", "http://127.0.0.1:9/hook", &new_secret()).await;
    let mut c = app.conn();
    let base = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let at = |minutes: i64| base + Duration::minutes(minutes);
    let add = |c: &mut pressroom::db::Conn, key: &str, state: &str, due: i64| {
        diesel::sql_query(
            "INSERT INTO conversations (channel_id, thread_key, state, sentiment, received_at, \
             due_at, last_message_at, created_at, updated_at) \
             VALUES ($1, $2, $3, 'neutral', $4, $5, $4, $4, $4)",
        )
        .bind::<BigInt, _>(channel)
        .bind::<Text, _>(key)
        .bind::<Text, _>(state)
        .bind::<Timestamp, _>(at(-600))
        .bind::<Timestamp, _>(at(due))
        .execute(c)
        .unwrap();
    };
    // Hours before, the hour from 10:00 (due at 10:00, 10:20:30 and 10:59), after it; and
    // conversations that wait for nobody.
    let due = [-190, -61, -60, -1, 0, 20, 59, 60, 61, 300];
    for (i, m) in due.iter().enumerate() {
        add(&mut c, &format!("t{i}"), "open", *m);
    }
    diesel::update(conversations::table.filter(conversations::thread_key.eq("t5")))
        .set(conversations::due_at.eq(at(20) + Duration::seconds(30)))
        .execute(&mut c)
        .unwrap();
    add(&mut c, "done", "answered", -120);
    add(&mut c, "shut", "closed", 10);
    let check = |c: &mut pressroom::db::Conn, when: &str| {
        for now in [-200, -61, -60, -30, 0, 1, 20, 21, 59, 60, 61, 62, 119, 400]
            .map(at)
            .into_iter()
            .chain([
                at(20) + Duration::seconds(30),
                at(20) + Duration::seconds(31),
            ])
        {
            let live: i64 = conversations::table
                .filter(conversations::state.eq("open"))
                .filter(conversations::due_at.lt(now))
                .count()
                .get_result(c)
                .unwrap();
            let (_, overdue) = pressroom::store::inbox::open_counts(c, now).unwrap();
            assert_eq!(overdue, live, "{when}, at {now}");
        }
    };
    check(&mut c, "as handed in");
    let (_, overdue) = pressroom::store::inbox::open_counts(&mut c, at(30)).unwrap();
    assert_eq!(overdue, 6, "due at -190, -61, -60, -1, 0 and 20:30");

    let set_state = |c: &mut pressroom::db::Conn, key: &str, state: &str| {
        diesel::update(conversations::table.filter(conversations::thread_key.eq(key)))
            .set(conversations::state.eq(state))
            .execute(c)
            .unwrap();
    };
    set_state(&mut c, "t1", "answered");
    set_state(&mut c, "t6", "closed");
    set_state(&mut c, "done", "open");
    check(&mut c, "after some were answered and one reopened");
    // Moved to another hour, and within its hour; the last of an hour goes.
    diesel::update(conversations::table.filter(conversations::thread_key.eq("t0")))
        .set(conversations::due_at.eq(at(45)))
        .execute(&mut c)
        .unwrap();
    diesel::update(conversations::table.filter(conversations::thread_key.eq("t4")))
        .set(conversations::due_at.eq(at(10)))
        .execute(&mut c)
        .unwrap();
    diesel::delete(conversations::table.filter(conversations::thread_key.eq("t9")))
        .execute(&mut c)
        .unwrap();
    set_state(&mut c, "shut", "open");
    check(&mut c, "after due times moved and one went");
    diesel::delete(conversations::table)
        .execute(&mut c)
        .unwrap();
    check(&mut c, "with none left");
    use pressroom::db::schema::open_due_hours;
    let rows: i64 = open_due_hours::table.count().get_result(&mut c).unwrap();
    assert_eq!(rows, 0, "an hour with no conversation left keeps no row");
}

async fn mentions_are_pulled_page_by_page_without_gaps_or_duplicates(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let (_server, notes, _) = social(&api, json!({})).await;
    // The first round (when the channel was saved) found nothing and keeps no place.
    eventually(10, "the first round", || async {
        notes.requests.load(Ordering::SeqCst) >= 1
    })
    .await;
    notes.mention(
        100,
        "anna@social.example",
        "Wann kommt der Newsletter?",
        None,
    );
    app.advance(Duration::seconds(61));
    // The first round takes what is there (the newest page) and keeps its place.
    assert_eq!(wait_for_count(&api, 1).await, vec![5100]);

    // 89 more arrive: over two full pages of 40 and a short one. The second page fails
    // once, and every page repeats the item the last one ended with.
    for n in 101..=189 {
        let parent = (n == 101).then_some("5100");
        notes.mention(n, "bob@social.example", &format!("Frage {n}"), parent);
    }
    let before = notes.requests.load(Ordering::SeqCst);
    notes.fail_on.lock().unwrap().push(before + 2);
    notes.repeat.store(true, Ordering::SeqCst);
    app.advance(Duration::seconds(61));
    // The round stored the first page, then stopped at the failure: nothing more, no gap.
    let got = wait_for_count(&api, 41).await;
    eventually(10, "the failed page", || async {
        notes.requests.load(Ordering::SeqCst) >= before + 2
    })
    .await;
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(incoming_ids(&api).await.len(), 41, "{got:?}");

    // The next round goes on from there.
    app.advance(Duration::seconds(61));
    let all = wait_for_count(&api, 90).await;
    let want: Vec<u64> = (5100..=5189).collect();
    assert_eq!(all, want, "every mention once, none twice");

    // 101 answered 100: one conversation of two messages; the rest each their own.
    let convs = inbox(&api, "&state=open").await;
    assert_eq!(convs.len(), 89);
    let first = convs
        .iter()
        .find(|c| c["messages"][0]["external_id"] == "5100")
        .unwrap();
    assert_eq!(first["messages"].as_array().unwrap().len(), 2, "{first}");
    assert_eq!(
        first["messages"][0]["text"], "@desk Wann kommt der Newsletter?",
        "HTML becomes text"
    );
    assert_eq!(first["state"], "open");
    assert!(first["due_at"].as_str().is_some());
    // Oldest unanswered first.
    assert_eq!(convs[0]["id"], first["id"]);
}

async fn replies_go_out_once_in_reply_to_the_last_message_and_stop_the_clock(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let (server, notes, _) = social(&api, json!({})).await;
    notes.mention(1, "anna@social.example", "Super Artikel, danke!", None);
    notes.mention(
        2,
        "anna@social.example",
        "Und wann kommt Teil 2?",
        Some("5001"),
    );
    app.advance(Duration::seconds(61));
    wait_for_count(&api, 2).await;
    let conv = inbox(&api, "").await[0].clone();
    let id = conv["id"].as_i64().unwrap();
    assert_eq!(
        conv["sentiment"], "neutral",
        "the latest message sets the tone"
    );

    // Over the channel's limit: refused before anything is stored or sent.
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/inbox/{id}/reply"),
            json!({"text": "x".repeat(600)}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/inbox/{id}/reply"),
            json!({"text": "Nächste Woche!"}),
        )
        .await;
    assert_eq!(s, StatusCode::ACCEPTED, "{body}");
    // The list shows the latest incoming message and how many came in (the reply is ours).
    let (admin, _) = app.login(ADMIN_EMAIL, PASSWORD).await;
    let (s, html) = app.get_html(&admin, "/inbox?state=all").await;
    assert_eq!(s, StatusCode::OK);
    let item = &html[html
        .find(&format!(r#"href="/inbox/{id}""#))
        .expect("the conversation is listed")..];
    let item = &item[..item.find("</li>").unwrap()];
    assert!(item.contains("@desk Und wann kommt Teil 2?"), "{item}");
    assert!(item.contains("2 ✉"), "{item}");
    let replies = |c: &Value| -> Vec<Value> {
        c["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["kind"] == "out")
            .cloned()
            .collect()
    };
    assert_eq!(
        replies(&body).len(),
        1,
        "only the one within the limit: {body}"
    );
    eventually(10, "the reply is sent", || async {
        api.call("GET", &format!("/api/v1/inbox/{id}"), json!({}))
            .await
            .1["state"]
            == "answered"
    })
    .await;
    let answered = api
        .call("GET", &format!("/api/v1/inbox/{id}"), json!({}))
        .await
        .1;
    let reply = &replies(&answered)[0];
    assert_eq!(reply["send_state"], "sent");
    assert_eq!(reply["external_id"], "9001");
    assert!(answered["answered_at"].as_str().is_some());

    let posts: Vec<Request> = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == "/api/v1/statuses")
        .collect();
    assert_eq!(posts.len(), 1, "one reply, sent once");
    let sent: Value = serde_json::from_slice(&posts[0].body).unwrap();
    assert_eq!(sent["in_reply_to_id"], "5002", "to the latest message");
    assert_eq!(sent["status"], "@anna@social.example Nächste Woche!");
    assert_eq!(
        posts[0].headers.get("authorization").unwrap(),
        "Bearer tok-123"
    );
    assert!(posts[0]
        .headers
        .get("idempotency-key")
        .is_some_and(|k| k.to_str().unwrap().starts_with("msg_")));

    // The answer counts on the insights dashboard: about a minute (the pull's round), in time.
    let (s, insights) = api.call("GET", "/api/v1/insights?days=7", json!({})).await;
    assert_eq!(s, StatusCode::OK, "{insights}");
    let times = &insights["answer_times"];
    assert_eq!(times["by_channel"][0]["key"], "Mastodon", "{times}");
    assert_eq!(times["by_channel"][0]["answers"], 1);
    assert_eq!(times["by_channel"][0]["within_target"], 1.0);
    let p50 = times["by_channel"][0]["p50_minutes"].as_f64().unwrap();
    assert!((1.0..=1.5).contains(&p50), "{times}");
    assert_eq!(times["by_person"][0]["key"], "Ada Admin", "{times}");
    assert_eq!(times["by_person"][1]["key"], "Total");
    let admin = app.login(ADMIN_EMAIL, PASSWORD).await.0;
    let (_, html) = app.get_html(&admin, "/insights?days=7").await;
    assert!(
        html.contains("Answer times in the inbox") && html.contains("100 %"),
        "{html}"
    );

    // Answered conversations leave the default (open) list; a new message opens it again.
    assert!(inbox(&api, "").await.is_empty());
    assert_eq!(open_count(&app), 0);
    notes.mention(3, "anna@social.example", "Danke!", Some("9001"));
    app.advance(Duration::seconds(61));
    eventually(10, "the conversation opens again", || async {
        inbox(&api, "").await.len() == 1
    })
    .await;
    let again = &inbox(&api, "").await[0];
    assert_eq!(open_count(&app), 1);
    assert_eq!(again["id"], id, "the thread of our reply");
    assert_eq!(again["sentiment"], "positive");
}

async fn the_assignee_or_the_editors_are_warned_at_three_quarters_of_the_target(backend: Backend) {
    let port = crate::smtp::free_port();
    let mail = crate::smtp::listen(port);
    let url = format!("smtp://127.0.0.1:{port}");
    let mut env = LOOPBACK.to_vec();
    env.push(("PRESSROOM_SMTP_URL", &url));
    let (app, admin) = ready(backend, &env).await;
    app.create_user(&admin, "eddie@example.ch", "Eddie Editor", "editor", None)
        .await;
    let api = app.api(ADMIN_EMAIL);
    let (_server, notes, _) = social(&api, json!({"answer_minutes": "40"})).await;
    notes.mention(
        1,
        "anna@social.example",
        "Das Login funktioniert nicht.",
        None,
    );
    app.advance(Duration::seconds(61));
    wait_for_count(&api, 1).await;
    let conv = inbox(&api, "").await[0].clone();
    assert_eq!(conv["sentiment"], "negative");
    let received =
        chrono::DateTime::parse_from_rfc3339(conv["received_at"].as_str().unwrap()).unwrap();
    let due = chrono::DateTime::parse_from_rfc3339(conv["due_at"].as_str().unwrap()).unwrap();
    assert_eq!(
        due - received,
        Duration::minutes(40),
        "the channel's target"
    );

    // At 29 minutes nobody is told; at 30 (three quarters of 40) both editors are.
    app.advance(Duration::minutes(28));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(700)).await;
    assert!(mail.all().is_empty(), "{:?}", mail.all());
    app.advance(Duration::minutes(2));
    let sent = mail.wait_for(2).await;
    let to: BTreeSet<String> = sent.iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(
        to,
        [ADMIN_EMAIL.to_string(), "eddie@example.ch".to_string()].into(),
        "nobody has it: the editors"
    );
    assert!(sent[0].subject.contains("Mastodon"), "{}", sent[0].subject);
    assert!(
        sent[0].text.contains(&format!("/inbox/{}", conv["id"])),
        "{}",
        sent[0].text
    );

    // A second conversation, assigned: only its assignee is told.
    notes.mention(2, "bob@social.example", "Frage zum Abo", None);
    app.advance(Duration::seconds(61));
    wait_for_count(&api, 2).await;
    let second = inbox(&api, "")
        .await
        .into_iter()
        .find(|c| c["id"] != conv["id"])
        .unwrap();
    let eddie = app.user_id(&admin, "eddie@example.ch").await;
    let (s, changed) = api
        .call(
            "PATCH",
            &format!("/api/v1/inbox/{}", second["id"]),
            json!({"assignee_id": eddie}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{changed}");
    assert_eq!(changed["assignee_id"], eddie);
    app.advance(Duration::minutes(31));
    let all = mail.wait_for(3).await;
    assert_eq!(all.len(), 3, "{all:#?}");
    assert_eq!(all[2].to, vec!["eddie@example.ch".to_string()]);
    // The page's lead counts the open conversations and the overdue among them.
    let lead = |html: &str| {
        let plain = html.replace(['\u{2068}', '\u{2069}'], "");
        plain
            .split("waiting for an answer")
            .next()
            .and_then(|before| before.rsplit('>').next())
            .map(|n| n.trim().to_string())
            .zip(
                plain
                    .split("waiting for an answer, ")
                    .nth(1)
                    .and_then(|after| after.split(' ').next())
                    .map(str::to_string),
            )
    };
    let (editor, _) = app.login("eddie@example.ch", PASSWORD).await;
    let (_, html) = app.get_html(&editor, "/inbox").await;
    // The first is an hour old (40 minutes' target), the second half an hour.
    assert_eq!(
        lead(&html),
        Some(("2".into(), "1".into())),
        "the first overdue"
    );
    // Overdue conversations stand out on the page.
    app.advance(Duration::minutes(15));
    let (s, html) = app.get_html(&editor, "/inbox").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(html.matches("inbox-item breached").count(), 2, "{html}");
    assert!(html.contains("overdue by"), "{html}");
    assert_eq!(lead(&html), Some(("2".into(), "2".into())));
}

async fn signed_pushes_land_in_the_inbox_and_nothing_else_is_stored(backend: Backend) {
    let (app, _) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let secret = new_secret();
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let ch = webhook_channel(
        &api,
        "Contact form",
        &format!("{}/in", receiver.uri()),
        &secret,
    )
    .await;
    let body = json!({"channel_id": ch, "id": "form-1", "author": "kunde@example.ch", "author_name": "Kundin", "text": "<script>alert(1)</script> Wo ist meine Bestellung? Leider schon zwei Wochen."}).to_string();
    let headers = signed_by_python(&secret, "msg_1", &body);
    let (s, answer) = push_to(&app, "/api/v1/inbox", &body, &headers).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{answer}");
    let conv = answer["conversation_id"].as_i64().unwrap();
    // The same message again (a sender's retry): stored once.
    let again = signed_by_python(&secret, "msg_1b", &body);
    let (s, answer) = push_to(&app, "/api/v1/inbox", &body, &again).await;
    assert_eq!(s, StatusCode::ACCEPTED);
    assert_eq!(answer["conversation_id"], Value::Null);

    // Unsigned, forged, tampered, unknown channel: 401. Malformed but signed: 422.
    let other =
        json!({"channel_id": ch, "id": "form-2", "author": "x", "text": "Hallo"}).to_string();
    assert_eq!(
        push_to(&app, "/api/v1/inbox", &other, &[]).await.0,
        StatusCode::UNAUTHORIZED
    );
    let forged = signed_by_python(&new_secret(), "msg_2", &other);
    assert_eq!(
        push_to(&app, "/api/v1/inbox", &other, &forged).await.0,
        StatusCode::UNAUTHORIZED
    );
    let tampered = signed_by_python(&secret, "msg_3", &other);
    let changed = other.replace("Hallo", "Hallo!");
    assert_eq!(
        push_to(&app, "/api/v1/inbox", &changed, &tampered).await.0,
        StatusCode::UNAUTHORIZED
    );
    let unknown =
        json!({"channel_id": 999, "id": "form-2", "author": "x", "text": "Hallo"}).to_string();
    let signed = signed_by_python(&secret, "msg_4", &unknown);
    assert_eq!(
        push_to(&app, "/api/v1/inbox", &unknown, &signed).await.0,
        StatusCode::UNAUTHORIZED
    );
    for bad in [
        json!({"channel_id": ch, "id": "form-3", "author": "x", "text": ""}),
        json!({"channel_id": ch, "id": "form-3", "author": "x", "text": "a\u{0}b"}),
        json!({"channel_id": ch, "id": "form-3", "author": "x", "text": "Hi", "received_at": "gestern"}),
        json!({"channel_id": ch, "id": "form-3", "text": "Hi"}),
    ] {
        let bad = bad.to_string();
        let headers = signed_by_python(&secret, "msg_5", &bad);
        let (s, problem) = push_to(&app, "/api/v1/inbox", &bad, &headers).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {problem}");
    }
    let convs = inbox(&api, "").await;
    assert_eq!(convs.len(), 1, "{convs:?}");
    assert_eq!(convs[0]["id"], conv);
    assert_eq!(convs[0]["messages"].as_array().unwrap().len(), 1);
    assert_eq!(convs[0]["sentiment"], "negative");

    // Shown escaped, never run.
    let admin = app.login(ADMIN_EMAIL, PASSWORD).await.0;
    let (s, html) = app.get_html(&admin, &format!("/inbox/{conv}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script>alert(1)"));

    // A reply on a webhook channel goes to its receiver as a signed event.
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/inbox/{conv}/reply"),
            json!({"text": "Wir schauen nach!"}),
        )
        .await;
    assert_eq!(s, StatusCode::ACCEPTED, "{body}");
    eventually(10, "the reply is delivered", || async {
        api.call("GET", &format!("/api/v1/inbox/{conv}"), json!({}))
            .await
            .1["state"]
            == "answered"
    })
    .await;
    let got = receiver.received_requests().await.unwrap();
    assert_eq!(got.len(), 1);
    let event: Value = serde_json::from_slice(&got[0].body).unwrap();
    assert_eq!(event["event"], "inbox.reply");
    assert_eq!(event["in_reply_to"], "form-1");
    assert_eq!(event["text"], "Wir schauen nach!");
    assert!(got[0].headers.get("webhook-signature").is_some());
}

async fn editors_move_note_correct_and_turn_a_conversation_into_an_idea(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    app.create_user(
        &admin,
        "sam@example.ch",
        "Sam Sales",
        "contributor",
        Some("Marketing"),
    )
    .await;
    let api = app.api(ADMIN_EMAIL);
    let (server, notes, _) = social(&api, json!({})).await;
    notes.mention(
        1,
        "anna@social.example",
        "Ich liebe eure Rezepte! Gibt es die auch als Buch?",
        None,
    );
    app.advance(Duration::seconds(61));
    wait_for_count(&api, 1).await;
    let conv = inbox(&api, "").await[0].clone();
    let id = conv["id"].as_i64().unwrap();

    // Among messages that came in at the same time, the negative one first.
    let same = app.scheduler.clock().now() - Duration::seconds(3);
    notes.mention_at(
        2,
        "bob@social.example",
        "Wo finde ich das Rezept?",
        None,
        same,
    );
    notes.mention_at(
        3,
        "eva@social.example",
        "Das Rezept ist leider falsch, ärgerlich!",
        None,
        same,
    );
    app.advance(Duration::seconds(61));
    wait_for_count(&api, 3).await;
    let tones: Vec<String> = inbox(&api, "")
        .await
        .iter()
        .filter(|c| c["id"] != id)
        .map(|c| c["sentiment"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tones, ["negative", "neutral"]);
    let (s, negative) = api
        .call("GET", "/api/v1/inbox?sentiment=negative", json!({}))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        negative["items"].as_array().unwrap().len(),
        1,
        "the tone filter"
    );

    // Contributors have no inbox.
    let (sam, _) = app.login("sam@example.ch", PASSWORD).await;
    assert_eq!(
        app.get(&sam, "/inbox").await.status(),
        StatusCode::FORBIDDEN
    );
    let sam_api = app.api("sam@example.ch");
    assert_eq!(
        sam_api.call("GET", "/api/v1/inbox", json!({})).await.0,
        StatusCode::FORBIDDEN
    );

    // Bad filters are named.
    let (s, p) = api.call("GET", "/api/v1/inbox?state=done", json!({})).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{p}");

    // The page: a note, a corrected tone, the idea.
    let page = format!("/inbox/{id}");
    let (s, html) = app.get_html(&admin, &page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Ich liebe eure Rezepte!"));
    assert!(
        html.contains(&format!("/inbox/{id}/messages/")),
        "a kind word can be boosted"
    );
    // A kind word is boosted on the channel, once however often the button is pressed.
    let mid = conv["messages"][0]["id"].as_i64().unwrap();
    for _ in 0..2 {
        let r = app
            .submit(&admin, &page, &format!("{page}/messages/{mid}/boost"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    eventually(10, "the boost", || async {
        api.call("GET", &format!("/api/v1/inbox/{id}"), json!({}))
            .await
            .1["messages"][0]["boosted"]
            == true
    })
    .await;
    let boosts = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.url.path() == "/api/v1/statuses/5001/reblog")
        .count();
    assert_eq!(boosts, 1);
    let r = app
        .submit(&admin, &page, &format!("{page}/notes"), &[("note", "")])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an empty note is refused"
    );
    let r = app
        .submit(
            &admin,
            &page,
            &format!("{page}/notes"),
            &[("note", "Buch ist für Frühling geplant")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app
        .submit(
            &admin,
            &page,
            &format!("{page}/sentiment"),
            &[("sentiment", "neutral")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, c) = api
        .call("GET", &format!("/api/v1/inbox/{id}"), json!({}))
        .await;
    assert_eq!(c["sentiment"], "neutral");
    let kinds: Vec<&str> = c["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["in", "note"]);

    let r = app
        .submit(
            &admin,
            &page,
            &format!("{page}/idea"),
            &[("department_id", "1")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let idea_path = crate::helpers::location(&r);
    assert!(idea_path.starts_with("/ideas/"), "{idea_path}");
    let idea_id: i64 = idea_path.trim_start_matches("/ideas/").parse().unwrap();
    let (s, idea) = api
        .call("GET", &format!("/api/v1/ideas/{idea_id}"), json!({}))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        idea["title"],
        "Ich liebe eure Rezepte! Gibt es die auch als Buch?"
    );
    assert_eq!(idea["state"], "submitted");
    assert!(
        idea["pitch"]
            .as_str()
            .unwrap()
            .contains("> @desk Ich liebe eure Rezepte!"),
        "{idea}"
    );
    let (_, c) = api
        .call("GET", &format!("/api/v1/inbox/{id}"), json!({}))
        .await;
    assert_eq!(c["idea_id"], idea_id);

    // Open → no reply needed → closed; not straight from open to closed.
    let (s, p) = api
        .call(
            "PATCH",
            &format!("/api/v1/inbox/{id}"),
            json!({"state": "closed"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    for to in ["no_reply", "closed"] {
        let (s, c) = api
            .call(
                "PATCH",
                &format!("/api/v1/inbox/{id}"),
                json!({"state": to}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{c}");
        assert_eq!(c["state"], to);
        open_count(&app);
    }
    assert!(inbox(&api, "").await.iter().all(|c| c["id"] != id));
    assert_eq!(inbox(&api, "&state=closed").await.len(), 1);
}
