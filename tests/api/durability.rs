//! The real binary under stress: killed with SIGKILL while it publishes, and two instances
//! on one PostgreSQL database. No post is lost, none goes out under two keys or twice.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};

use chrono::{Duration, Utc};
use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use serde_json::Value;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::{Backend, TestApp, ADMIN_EMAIL};
use crate::publishing::{new_secret, webhook_channel};

/// `pressroom serve` on this app's database, with short leases so a killed worker's jobs
/// come back quickly. Its log goes to a file in the data directory.
fn serve(app: &TestApp, log: &str) -> Child {
    let log = std::fs::File::create(app.data_dir.path().join(log)).unwrap();
    Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .arg("serve")
        .env("DATABASE_URL", &app.database_url)
        .env("PRESSROOM_DATA_DIR", app.data_dir.path())
        .env("PRESSROOM_BIND", "127.0.0.1:0")
        .env("PRESSROOM_ALLOWED_HOSTS", "127.0.0.1")
        .env("PRESSROOM_JOB_LEASE_SECONDS", "3")
        .env("PRESSROOM_WORKERS", "8")
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("pressroom serve starts")
}

fn published(app: &TestApp) -> i64 {
    use pressroom::db::schema::publications;
    publications::table
        .filter(publications::state.eq("published"))
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

/// A web-only app (no workers) with an admin, a department and a webhook channel to
/// `receiver`; `count` variants planned from `first` over `spread`.
async fn prepared(
    backend: Backend,
    receiver: &MockServer,
    count: usize,
    first: chrono::DateTime<Utc>,
    spread: Duration,
) -> (TestApp, Vec<i64>) {
    let app = TestApp::spawn_with(
        backend,
        &[
            ("PRESSROOM_WORKERS", "0"),
            ("PRESSROOM_ALLOWED_HOSTS", "127.0.0.1"),
        ],
    )
    .await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    let ch = webhook_channel(
        &api,
        "Intranet",
        &format!("{}/hook", receiver.uri()),
        &new_secret(),
    )
    .await;
    let ids =
        pressroom::store::seed::due_variants(&mut app.conn(), ch, count, first.naive_utc(), spread)
            .unwrap();
    (app, ids)
}

async fn wait_published(app: &TestApp, n: i64, secs: u64) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        let done = published(app);
        if done == n {
            return;
        }
        assert!(
            std::time::Instant::now() < until,
            "only {done} of {n} published after {secs} s"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// variant id → the idempotency keys it arrived with, and the number of requests.
async fn deliveries(receiver: &MockServer) -> (BTreeMap<i64, BTreeSet<String>>, usize) {
    let got = receiver.received_requests().await.unwrap();
    let mut keys: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for r in &got {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        let key = r
            .headers
            .get("webhook-id")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        keys.entry(body["variant"]["id"].as_i64().unwrap())
            .or_default()
            .insert(key);
    }
    (keys, got.len())
}

crate::each_backend!(a_killed_server_loses_no_post_and_resends_only_under_the_same_key);

async fn a_killed_server_loses_no_post_and_resends_only_under_the_same_key(backend: Backend) {
    let receiver = MockServer::start().await;
    // A receiver slow enough that posts are in flight when the server dies.
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_delay(std::time::Duration::from_millis(40)))
        .mount(&receiver)
        .await;
    let (app, ids) = prepared(
        backend,
        &receiver,
        500,
        Utc::now() + Duration::seconds(2),
        Duration::seconds(10),
    )
    .await;

    let mut first = serve(&app, "first.log");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while receiver.received_requests().await.unwrap().len() < 120 {
        assert!(
            std::time::Instant::now() < until,
            "the first server published too little"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // SIGKILL: no shutdown, leases simply run out.
    first.kill().unwrap();
    first.wait().unwrap();
    let before = published(&app);
    assert!(before < 500, "killed before the end ({before} published)");

    let mut second = serve(&app, "second.log");
    wait_published(&app, 500, 120).await;
    second.kill().unwrap();
    second.wait().unwrap();

    let (keys, requests) = deliveries(&receiver).await;
    let expected: BTreeSet<i64> = ids.iter().copied().collect();
    assert_eq!(
        keys.keys().copied().collect::<BTreeSet<_>>(),
        expected,
        "every variant reached the receiver"
    );
    for (variant, k) in &keys {
        assert_eq!(
            k.len(),
            1,
            "variant {variant} arrived under two keys: {k:?}"
        );
    }
    assert!(requests >= 500, "{requests}");
}

#[actix_web::test]
async fn two_instances_on_one_database_publish_each_post_once() {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let (app, ids) = prepared(
        Backend::Postgres,
        &receiver,
        1000,
        Utc::now() - Duration::seconds(1),
        Duration::seconds(1),
    )
    .await;
    let mut a = serve(&app, "a.log");
    let mut b = serve(&app, "b.log");
    wait_published(&app, 1000, 120).await;
    // Give a doubled post (if any) time to arrive before counting.
    actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    a.kill().unwrap();
    b.kill().unwrap();
    a.wait().unwrap();
    b.wait().unwrap();

    let (keys, requests) = deliveries(&receiver).await;
    assert_eq!(keys.len(), ids.len());
    assert_eq!(requests, 1000, "no post was sent twice");
    // Both instances did part of the work.
    for log in ["a.log", "b.log"] {
        let text = std::fs::read_to_string(app.data_dir.path().join(log)).unwrap();
        let sent = text.matches("publish attempt").count();
        assert!(sent > 0, "instance {log} published nothing:\n{text}");
    }
}

#[actix_web::test]
async fn sigterm_lets_running_posts_finish_and_gives_the_rest_back() {
    use pressroom::db::schema::{jobs, publications};
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_delay(std::time::Duration::from_millis(1500)))
        .mount(&receiver)
        .await;
    let (app, _) = prepared(
        Backend::Sqlite,
        &receiver,
        40,
        Utc::now() - Duration::seconds(1),
        Duration::zero(),
    )
    .await;
    let mut server = serve(&app, "server.log");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while receiver.received_requests().await.unwrap().len() < 8 {
        assert!(std::time::Instant::now() < until, "nothing was sent");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let exit = loop {
        if let Some(s) = server.try_wait().unwrap() {
            break s;
        }
        assert!(
            std::time::Instant::now() < until,
            "the server did not stop on SIGTERM"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "{exit:?}");
    let mut c = app.conn();
    let running: i64 = jobs::table
        .filter(jobs::state.eq("running"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(running, 0, "nothing is left held by the stopped server");
    let in_flight: i64 = publications::table
        .filter(publications::state.eq("publishing"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(in_flight, 0, "posts being sent were finished, not cut off");
    let sent = receiver.received_requests().await.unwrap().len() as i64;
    assert_eq!(
        published(&app),
        sent,
        "each post sent was recorded as published"
    );
    assert!(sent < 40, "the rest waited for the next start");
    let waiting: i64 = jobs::table
        .filter(jobs::kind.eq("publish"))
        .filter(jobs::state.eq("queued"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(waiting, 40 - sent);
}

/// SQLite's job writes are committed in batches: a write that fails inside a batch leaves
/// nothing behind, and the writes beside it are saved and answered as such.
#[actix_web::test]
async fn a_failed_write_in_a_batch_leaves_nothing_and_spares_its_neighbours() {
    use pressroom::store::departments;
    let dir = tempfile::tempdir().unwrap();
    let url = dir.path().join("batch.db").to_string_lossy().into_owned();
    let pool = pressroom::db::connect(&pressroom::db::DbUrl::parse(&url).unwrap()).unwrap();
    let writer = pressroom::scheduler::writer::Writer::start(pool.clone(), Default::default());
    let mut writes = tokio::task::JoinSet::new();
    for i in 0..40usize {
        let writer = writer.clone();
        writes.spawn(async move {
            let answer = writer
                .write(move |c| {
                    departments::find_or_create(c, &format!("Batch {i}"))
                        .map_err(|e| e.to_string())?;
                    if i % 2 == 1 {
                        return Err(format!("write {i} refused"));
                    }
                    Ok(i)
                })
                .await;
            (i, answer)
        });
    }
    while let Some(done) = writes.join_next().await {
        let (i, answer) = done.unwrap();
        if i % 2 == 1 {
            assert_eq!(answer, Err(format!("write {i} refused")));
        } else {
            assert_eq!(answer, Ok(i));
        }
    }
    let mut c = pool.get().unwrap();
    let mut names: Vec<String> = departments::list(&mut c)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .filter(|n| n.starts_with("Batch "))
        .collect();
    names.sort();
    let mut expected: Vec<String> = (0..40).step_by(2).map(|i| format!("Batch {i}")).collect();
    expected.sort();
    assert_eq!(names, expected);
}
