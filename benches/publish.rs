//! Benchmark (not a test) of the job engine and publishing, per backend, in one run:
//! 1. raw single-row inserts into the job table (the yardstick the other figures are read against);
//! 2. no-op jobs claimed and completed per second by one instance;
//! 3. publish lateness (sent − scheduled) with 1000 webhook variants due the same second,
//!    delivered to a receiver on loopback.
//!
//!   cargo bench --bench publish                  # both backends
//!   BACKEND=sqlite cargo bench --bench publish   # one; JOBS=20000 VARIANTS=1000 WORKERS=16

use std::collections::HashMap;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use pressroom::db::schema::{jobs, publications};
use pressroom::store;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Target {
    url: String,
    _dir: tempfile::TempDir,
    pg_db: Option<String>,
}

fn target(name: &'static str) -> Target {
    let dir = tempfile::tempdir().unwrap();
    match name {
        "postgres" => {
            let db = format!("pressroom_bench_{:08x}", rand::random::<u32>());
            let mut c =
                diesel::PgConnection::establish("postgres://postgres@127.0.0.1:5432/postgres")
                    .expect("PostgreSQL on 127.0.0.1:5432");
            diesel::sql_query(format!("CREATE DATABASE {db}"))
                .execute(&mut c)
                .unwrap();
            Target {
                url: format!("postgres://postgres@127.0.0.1:5432/{db}"),
                _dir: dir,
                pg_db: Some(db),
            }
        }
        _ => Target {
            url: dir.path().join("bench.db").to_string_lossy().into_owned(),
            _dir: dir,
            pg_db: None,
        },
    }
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Some(db) = &self.pg_db {
            if let Ok(mut c) =
                diesel::PgConnection::establish("postgres://postgres@127.0.0.1:5432/postgres")
            {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                    .execute(&mut c);
            }
        }
    }
}

fn count(conn: &mut pressroom::db::Conn, kind: &str, state: &str) -> i64 {
    jobs::table
        .filter(jobs::kind.eq(kind))
        .filter(jobs::state.eq(state))
        .count()
        .get_result(conn)
        .unwrap()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn run(name: &'static str) {
    let t = target(name);
    let n_jobs = env_or("JOBS", 20_000);
    let n_variants = env_or("VARIANTS", 1000);
    let workers = env_or("WORKERS", 16);
    let pool = pressroom::db::connect(&pressroom::db::DbUrl::parse(&t.url).unwrap()).unwrap();
    let mut c = pool.get().unwrap();
    let now = store::now();
    let noop = |key: Option<String>| store::jobs::NewJob {
        kind: "noop",
        payload: "{}".into(),
        unique_key: key,
        run_at: now,
        max_attempts: 3,
    };

    // 1. Raw single-row inserts, each its own transaction.
    // Never more than JOBS in all (a smaller JOBS once wrapped the subtraction below).
    let raw = n_jobs.min(2000);
    let started = Instant::now();
    for i in 0..raw {
        store::jobs::enqueue(&mut c, noop(Some(format!("raw:{i}"))), now).unwrap();
    }
    let insert_rate = raw as f64 / started.elapsed().as_secs_f64();
    // Those count as work for the engine too.
    c.transaction(|c| {
        for _ in 0..n_jobs.saturating_sub(raw) {
            store::jobs::enqueue(c, noop(None), now)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();

    // 2. One instance drains them.
    let mut vars: HashMap<String, String> = [
        ("DATABASE_URL", t.url.as_str()),
        ("PRESSROOM_BIND", "127.0.0.1:0"),
        ("PRESSROOM_DATA_DIR", &t._dir.path().to_string_lossy()),
        ("PRESSROOM_ALLOWED_HOSTS", "127.0.0.1"),
        ("RUST_LOG", "warn"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    vars.insert("PRESSROOM_WORKERS".into(), workers.to_string());
    let config = pressroom::config::Config::from_vars(&vars).unwrap();
    let started = Instant::now();
    let app = pressroom::Application::build(config).await.unwrap();
    let scheduler = app.scheduler();
    let server = app.into_server();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    while count(&mut c, "noop", "done") < n_jobs as i64 {
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    let job_rate = n_jobs as f64 / started.elapsed().as_secs_f64();

    // 3. Publish lateness: variants due the same second on one webhook channel.
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let dept = store::departments::find_or_create(&mut c, "Bench")
        .unwrap()
        .0
        .id;
    let hash = pressroom::security::hash_password("bench password").unwrap();
    store::users::create(
        &mut c,
        store::users::NewUser {
            email: "bench@example.ch",
            name: "Bench",
            password_hash: &hash,
            role: pressroom::domain::roles::Role::Admin,
            department_id: Some(dept),
            timezone: "Europe/Zurich",
            locale: "en",
        },
    )
    .unwrap();
    let key = pressroom::config::parse_key(
        &std::fs::read_to_string(t._dir.path().join("secret.key")).unwrap(),
    )
    .unwrap();
    let secrets = pressroom::security::seal(
        &key,
        br#"{"signing_secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}"#,
    );
    let ch = store::channels::create(
        &mut c,
        "webhook",
        &store::channels::ChannelWrite {
            name: "Bench hook".into(),
            config: serde_json::json!({"url": format!("{}/hook", receiver.uri())}).to_string(),
            secrets,
            secrets_set: ",signing_secret,".into(),
            several_per_slot: true,
        },
    )
    .unwrap()
    .unwrap();
    let due = scheduler.clock().naive() + chrono::Duration::seconds(3);
    let due = due.with_nanosecond(0).unwrap();
    store::seed::due_variants(&mut c, ch.id, n_variants, due, chrono::Duration::zero()).unwrap();
    scheduler.wake();
    let until = Instant::now() + Duration::from_secs(120);
    loop {
        let done: i64 = publications::table
            .filter(publications::state.eq("published"))
            .count()
            .get_result(&mut **c)
            .unwrap();
        if done == n_variants as i64 || Instant::now() > until {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    let rows: Vec<(chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)> = publications::table
        .select((publications::scheduled_at, publications::published_at))
        .load(&mut **c)
        .unwrap();
    let mut late: Vec<f64> = rows
        .iter()
        .filter_map(|(s, p)| p.map(|p| (p - *s).num_milliseconds() as f64 / 1000.0))
        .collect();
    late.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let got = receiver.received_requests().await.unwrap().len();
    handle.stop(true).await;
    scheduler.shutdown(Duration::from_secs(5)).await;
    println!(
        "{name:9} raw inserts {insert_rate:>8.0}/s | no-op jobs {job_rate:>8.0}/s ({:.2} × raw inserts) | \
         {} of {n_variants} published, {got} deliveries | lateness min {:.3} s, p50 {:.3} s, p99 {:.3} s, max {:.3} s",
        job_rate / insert_rate,
        late.len(),
        late.first().copied().unwrap_or(f64::NAN),
        percentile(&late, 0.5),
        percentile(&late, 0.99),
        late.last().copied().unwrap_or(f64::NAN),
    );
}

use chrono::Timelike;

fn main() {
    let only = std::env::var("BACKEND").ok();
    actix_web::rt::System::new().block_on(async {
        for name in ["sqlite", "postgres"] {
            if only.as_deref().is_none_or(|o| o == name) {
                run(name).await;
            }
        }
    });
}
