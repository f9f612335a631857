//! The `pressroom` command: user and token management, and one clear line with exit code 2 for
//! bad arguments or configuration.

use std::process::{Command, Output};

use reqwest::StatusCode;

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(cli_adds_a_user_and_a_token_that_opens_the_api);

async fn cli_adds_a_user_and_a_token_that_opens_the_api(app: TestApp) {
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "Carla@Example.ch",
            "--name",
            "Carla Care",
            "--role",
            "contributor",
            "--department",
            "Customer care",
        ],
        "a long enough password\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let token = app.create_token("carla@example.ch", "import script");
    assert!(token.starts_with("prt_") && token.len() > 40, "{token}");

    let client = app.browser();
    let r = client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let me: serde_json::Value = r.json().await.unwrap();
    assert_eq!(me["email"], "carla@example.ch");
    assert_eq!(me["role"], "contributor");
    assert_eq!(
        me["department"], "Customer care",
        "the department was created"
    );

    let r = client
        .get(app.url("/api/v1/me"))
        .bearer_auth("prt_forged")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = r.json().await.unwrap();
    assert_eq!(problem["status"], 401);
    assert!(problem["title"].is_string() && problem["detail"].is_string());

    // The password came from stdin and works on the login page.
    let (_, r) = app
        .login("carla@example.ch", "a long enough password")
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The same email twice, a contributor without department, a short password: exit 2.
    let again = app.cli(
        &[
            "user",
            "add",
            "--email",
            "carla@example.ch",
            "--name",
            "C",
            "--role",
            "contributor",
            "--department",
            "Legal",
        ],
        "another long password\n",
    );
    assert_fails_with(&again, "exists already");
    let mut c = app.conn();
    assert!(
        pressroom::store::departments::find_by_name(&mut c, "Legal")
            .unwrap()
            .is_none(),
        "a refused user add leaves no department behind"
    );
    let no_dept = app.cli(
        &[
            "user",
            "add",
            "--email",
            "x@example.ch",
            "--name",
            "X",
            "--role",
            "contributor",
        ],
        "another long password\n",
    );
    assert_fails_with(&no_dept, "department");
    let short = app.cli(
        &[
            "user",
            "add",
            "--email",
            "y@example.ch",
            "--name",
            "Y",
            "--role",
            "editor",
        ],
        "short\n",
    );
    assert_fails_with(&short, "10 characters");
    let nobody = app.cli(
        &[
            "token",
            "create",
            "--email",
            "nobody@example.ch",
            "--name",
            "x",
        ],
        "",
    );
    assert_fails_with(&nobody, "no user");
}

fn pressroom(args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pressroom"));
    cmd.args(args)
        .env("PRESSROOM_DATA_DIR", dir.path())
        .env_remove("DATABASE_URL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn assert_fails_with(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert!(
        stderr.contains(needle),
        "stderr should mention {needle:?}: {stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

#[test]
fn help_lists_the_commands() {
    let out = pressroom(&["--help"], &[]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["serve", "migrate", "user", "token"] {
        assert!(text.contains(cmd), "{cmd} in help: {text}");
    }
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    assert_fails_with(&pressroom(&["frobnicate"], &[]), "frobnicate");
    assert_fails_with(
        &pressroom(
            &[
                "user", "add", "--email", "a@b.ch", "--name", "A", "--role", "root",
            ],
            &[],
        ),
        "root",
    );
    assert_fails_with(&pressroom(&["token", "create"], &[]), "--email");
}

#[test]
fn bad_configuration_exits_2_with_one_line() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("DATABASE_URL", "mysql://nope")], "DATABASE_URL"),
        (
            &[("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")],
            "PostgreSQL",
        ),
        (&[("PRESSROOM_TIMEZONE", "Mars/Olympus")], "Mars/Olympus"),
        (&[("PRESSROOM_BIND", "not an address")], "PRESSROOM_BIND"),
    ];
    for (env, needle) in cases {
        let out = pressroom(&["serve"], env);
        assert_fails_with(&out, needle);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim().lines().count(),
            1,
            "{needle}: one line"
        );
    }
}

#[test]
fn an_unwritable_data_directory_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .arg("migrate")
        .env("PRESSROOM_DATA_DIR", file.join("data"))
        .output()
        .unwrap();
    assert_fails_with(&out, "data directory");
}

#[test]
fn a_bind_address_in_use_exits_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = pressroom(
        &["serve"],
        &[("PRESSROOM_BIND", &addr), ("RUST_LOG", "off")],
    );
    assert_fails_with(&out, &addr);
}

#[test]
fn migrate_creates_the_default_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .arg("migrate")
        .env("PRESSROOM_DATA_DIR", dir.path())
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("pressroom.db").exists());
    assert!(dir.path().join("secret.key").exists());
}

#[actix_web::test]
async fn seed_adds_ideas_the_demo_editor_can_list() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let out = app.cli(&["seed", "--ideas", "120"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("added 120 ideas"));
    let token = app.create_token("demo.editor@example.com", "bench");
    let mut seen = 0;
    let mut cursor = String::new();
    loop {
        let page: serde_json::Value = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/ideas?limit=50{cursor}")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        seen += page["items"].as_array().unwrap().len();
        match page["next"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, 120);
    let (_, r) = app.login("demo.editor@example.com", "pressroom-demo").await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "the printed demo password works"
    );
}

#[actix_web::test]
async fn the_binary_serves_and_its_request_log_keeps_calendar_secrets_out() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let run = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(args)
            .env("PRESSROOM_DATA_DIR", dir.path())
            .env_remove("DATABASE_URL")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    assert!(run(
        &[
            "user",
            "add",
            "--email",
            "ed@example.ch",
            "--name",
            "Ed",
            "--role",
            "editor"
        ],
        "a long enough password\n"
    )
    .status
    .success());
    let token = String::from_utf8(
        run(
            &["token", "create", "--email", "ed@example.ch", "--name", "t"],
            "",
        )
        .stdout,
    )
    .unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .env("PRESSROOM_DATA_DIR", dir.path())
        .env("PRESSROOM_BIND", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "info")
        .env_remove("DATABASE_URL")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    // No app in this process has made ring the TLS provider yet when this test runs alone.
    pressroom::channels::http::install_crypto();
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..100 {
        if client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            up = true;
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(up, "pressroom serve answers /healthz");
    let feed: serde_json::Value = client
        .post(format!("{base}/api/v1/me/calendar-feeds"))
        .bearer_auth(token.trim())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = feed["url"].as_str().unwrap().to_string();
    assert_eq!(
        client.get(&url).send().await.unwrap().status(),
        StatusCode::OK
    );
    let secret = url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_string();
    server.kill().unwrap();
    let out = server.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("/calendar/{secret}"),
        "the feed request is logged by its route: {log}"
    );
    assert!(log.contains("request_id"), "{log}");
    assert!(!log.contains(&secret), "the secret stays out of the log");
    assert!(!log.contains(token.trim()), "tokens stay out of the log");
}

both_backends!(a_backup_restores_into_an_empty_data_directory_and_signs_in);

/// #12 backups: `pressroom backup` copies the live database, `pressroom restore` puts it into
/// an empty data directory (or database), and the admin signs in there with the idea intact.
async fn a_backup_restores_into_an_empty_data_directory_and_signs_in(app: TestApp) {
    use crate::helpers::{Backend, ADMIN_EMAIL, PASSWORD};
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    let (_, idea) = api
        .call(
            "POST",
            "/api/v1/ideas",
            serde_json::json!({"title": "Kept safe", "department_id": 1}),
        )
        .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pressroom.backup");
    let out = app.cli(&["backup", file.to_str().unwrap()], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(file.metadata().unwrap().len() > 0);
    let again = app.cli(&["backup", file.to_str().unwrap()], "");
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is never overwritten"
    );

    // Restore into a fresh place: an empty data directory, or an empty PostgreSQL database.
    let postgres = app.database_url.starts_with("postgres");
    let target_dir = tempfile::tempdir().unwrap();
    let (url, pg_name) = if postgres {
        let (url, name) = crate::helpers::create_pg_database();
        (url, Some(name))
    } else {
        (
            target_dir
                .path()
                .join("pressroom.db")
                .to_string_lossy()
                .into_owned(),
            None,
        )
    };
    let restore = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("PRESSROOM_DATA_DIR", target_dir.path())
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let out = restore(&["restore", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let twice = restore(&["restore", file.to_str().unwrap()]);
    assert_eq!(
        twice.status.code(),
        Some(2),
        "restore goes only into an empty place"
    );
    assert!(String::from_utf8_lossy(&twice.stderr).contains("empty"));
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "hello").unwrap();
    if !postgres {
        let empty = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(["restore", not_a_backup.to_str().unwrap()])
            .env("DATABASE_URL", empty.path().join("x.db").to_str().unwrap())
            .env("PRESSROOM_DATA_DIR", empty.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a Pressroom backup"));
    }

    let restored = TestApp::spawn_with(Backend::Sqlite, &[("DATABASE_URL", &url)]).await;
    let (browser, r) = restored.login(ADMIN_EMAIL, PASSWORD).await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "the admin signs in on the restored copy"
    );
    let (_, html) = restored
        .get_html(&browser, &format!("/ideas/{}", idea["id"]))
        .await;
    assert!(html.contains("Kept safe"));
    drop(restored);
    if let Some(name) = pg_name {
        crate::helpers::drop_pg_database(&name);
    }
}
