//! A fresh app per test: its own database (SQLite file or PostgreSQL database), a real port,
//! and typed helpers so each test reads as a short story.

use std::collections::HashMap;

use diesel::{Connection, RunQueryDsl};
use pressroom::config::Config;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the tests reach PostgreSQL as a superuser that may create databases.
pub fn pg_admin_url() -> String {
    std::env::var("PRESSROOM_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

pub struct TestApp {
    pub address: String,
    pub database_url: String,
    pub data_dir: tempfile::TempDir,
    pg_database: Option<String>,
    handle: actix_web::dev::ServerHandle,
    /// The app's workers: tests move their clock instead of sleeping.
    pub scheduler: pressroom::scheduler::Scheduler,
}

pub const ADMIN_EMAIL: &str = "admin@example.ch";
pub const PASSWORD: &str = "correct horse battery";

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, &[]).await
    }

    /// With extra environment settings, e.g. an https base URL.
    pub async fn spawn_with(backend: Backend, extra: &[(&str, &str)]) -> TestApp {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pg_database) = match backend {
            Backend::Sqlite => (
                data_dir
                    .path()
                    .join("test.db")
                    .to_string_lossy()
                    .into_owned(),
                None,
            ),
            Backend::Postgres => {
                let (url, name) = create_pg_database();
                (url, Some(name))
            }
        };
        let vars: HashMap<String, String> = [
            ("DATABASE_URL", database_url.as_str()),
            ("PRESSROOM_BIND", "127.0.0.1:0"),
            ("PRESSROOM_DATA_DIR", &data_dir.path().to_string_lossy()),
            ("PRESSROOM_TIMEZONE", "Europe/Zurich"),
        ]
        .into_iter()
        .chain(extra.iter().copied())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let config = Config::from_vars(&vars).expect("test config");
        let app = pressroom::Application::build(config)
            .await
            .expect("app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let scheduler = app.scheduler();
        let server = app.into_server();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        TestApp {
            address,
            database_url,
            data_dir,
            pg_database,
            handle,
            scheduler,
        }
    }

    /// Moves the app's clock forward and wakes its workers.
    pub fn advance(&self, by: chrono::Duration) {
        self.scheduler.clock().advance(by);
        self.scheduler.wake();
    }

    /// An API client with a new token for `email`.
    pub fn api(&self, email: &str) -> Api<'_> {
        Api {
            app: self,
            client: Client::new(),
            token: self.create_token(email, "test"),
        }
    }

    /// A browser of its own: cookies kept, redirects not followed so tests see them.
    pub fn browser(&self) -> Client {
        Client::builder()
            .redirect(Policy::none())
            .cookie_store(true)
            .build()
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_html(&self, client: &Client, path: &str) -> (StatusCode, String) {
        let r = self.get(client, path).await;
        let s = r.status();
        (s, r.text().await.unwrap())
    }

    /// The CSRF token the app put into the forms of `page` for this browser.
    pub async fn csrf(&self, client: &Client, page: &str) -> String {
        let (status, html) = self.get_html(client, page).await;
        csrf_in(&html).unwrap_or_else(|| panic!("no CSRF token on {page} ({status}): {html}"))
    }

    /// Submits a form as the page `from` would, with its CSRF token.
    pub async fn submit(
        &self,
        client: &Client,
        from: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let token = self.csrf(client, from).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        client
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .expect("POST")
    }

    /// Runs first-run set-up; returns the admin's signed-in browser.
    pub async fn setup_admin(&self) -> Client {
        let admin = self.browser();
        let r = self
            .submit(
                &admin,
                "/setup",
                "/setup",
                &[
                    ("email", ADMIN_EMAIL),
                    ("name", "Ada Admin"),
                    ("password", PASSWORD),
                    ("password_repeat", PASSWORD),
                    ("timezone", "Europe/Zurich"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "set-up should redirect");
        admin
    }

    pub async fn login(&self, email: &str, password: &str) -> (Client, Response) {
        let client = self.browser();
        let r = self
            .submit(
                &client,
                "/login",
                "/login",
                &[("email", email), ("password", password)],
            )
            .await;
        (client, r)
    }

    pub async fn create_department(&self, admin: &Client, name: &str) {
        let r = self
            .submit(
                admin,
                "/admin/departments",
                "/admin/departments",
                &[("name", name)],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "department {name} should be created"
        );
    }

    /// Creates a user through the admin page and returns their id.
    pub async fn create_user(
        &self,
        admin: &Client,
        email: &str,
        name: &str,
        role: &str,
        department: Option<&str>,
    ) -> i64 {
        let department_id = match department {
            Some(d) => {
                let (_, html) = self.get_html(admin, "/admin/users").await;
                option_value(&html, d).unwrap_or_else(|| panic!("department {d} not offered"))
            }
            None => String::new(),
        };
        let r = self
            .submit(
                admin,
                "/admin/users",
                "/admin/users",
                &[
                    ("email", email),
                    ("name", name),
                    ("role", role),
                    ("department_id", &department_id),
                    ("password", PASSWORD),
                ],
            )
            .await;
        let status = r.status();
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "user {email}: {}",
            r.text().await.unwrap()
        );
        self.user_id(admin, email).await
    }

    pub async fn user_id(&self, admin: &Client, email: &str) -> i64 {
        let (_, html) = self.get_html(admin, "/admin/users").await;
        // Each row links the name to /admin/users/{id} and shows the email below it.
        let at = html
            .find(email)
            .unwrap_or_else(|| panic!("{email} not listed"));
        let before = &html[..at];
        let link = before.rfind("/admin/users/").expect("row link");
        before[link + "/admin/users/".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    }

    /// Runs the `pressroom` binary against this app's database.
    pub fn cli(&self, args: &[&str], stdin: &str) -> std::process::Output {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("PRESSROOM_DATA_DIR", self.data_dir.path())
            .env_remove("PRESSROOM_BIND")
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run pressroom");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// `pressroom token create` for a user; returns the printed token.
    pub fn create_token(&self, email: &str, label: &str) -> String {
        let out = self.cli(&["token", "create", "--email", email, "--name", label], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// A second instance on this one's database, with its own caches, clock and workers (as
    /// when several `pressroom serve` share one PostgreSQL).
    pub async fn another_instance(&self, extra: &[(&str, &str)]) -> TestApp {
        let mut env = vec![("DATABASE_URL", self.database_url.as_str())];
        env.extend_from_slice(extra);
        TestApp::spawn_with(Backend::Sqlite, &env).await
    }

    /// Renames the piece a variant belongs to, straight in the database.
    pub fn rename_piece_of_variant(&self, variant: i64, title: &str) {
        use diesel::prelude::*;
        use pressroom::db::schema::{content_pieces, variants};
        let mut conn = self.conn();
        let piece: i64 = variants::table
            .find(variant)
            .select(variants::content_id)
            .first(&mut conn)
            .unwrap();
        diesel::update(content_pieces::table.find(piece))
            .set(content_pieces::title.eq(title))
            .execute(&mut conn)
            .unwrap();
    }

    /// Adds a channel straight in the database (its pages come with planning); returns its id.
    pub fn add_channel(&self, name: &str, kind: &str) -> i64 {
        use diesel::{ExpressionMethods, QueryDsl};
        use pressroom::db::schema::channels;
        let mut conn = self.conn();
        diesel::insert_into(channels::table)
            .values((
                channels::name.eq(name),
                channels::kind.eq(kind),
                channels::created_at.eq(chrono::Utc::now().naive_utc()),
            ))
            .execute(&mut conn)
            .unwrap();
        channels::table
            .filter(channels::name.eq(name))
            .select(channels::id)
            .first(&mut conn)
            .unwrap()
    }

    pub fn conn(&self) -> pressroom::db::Conn {
        if self.database_url.starts_with("postgres") {
            pressroom::db::Conn::Pg(diesel::PgConnection::establish(&self.database_url).unwrap())
        } else {
            // The app's workers write too: wait for the lock as the app's own connections do.
            let mut c = diesel::SqliteConnection::establish(&self.database_url).unwrap();
            diesel::connection::SimpleConnection::batch_execute(
                &mut c,
                "PRAGMA busy_timeout = 5000",
            )
            .unwrap();
            // The triggers on ideas call our SQL functions.
            pressroom::db::sqlite_functions(&mut c).unwrap();
            pressroom::db::Conn::Sqlite(c)
        }
    }

    /// Makes the database stop answering (PostgreSQL only): it is dropped under the app.
    pub fn kill_database(&mut self) {
        let name = self.pg_database.take().expect("only for PostgreSQL");
        drop_pg_database(&name);
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop the server so its pool closes, then remove the test database.
        // The stop command is sent by the call; the future would only wait for it to finish.
        drop(self.handle.stop(false));
        if let Some(name) = self.pg_database.take() {
            drop_pg_database(&name);
        }
    }
}

/// A new, empty PostgreSQL database with a random name: its URL and name.
pub fn create_pg_database() -> (String, String) {
    let name = format!("pressroom_test_{:016x}", rand::random::<u64>());
    let admin = pg_admin_url();
    let mut conn = diesel::PgConnection::establish(&admin).unwrap_or_else(|e| {
        panic!(
            "PostgreSQL is not reachable at {admin} ({e}). Start it with \
             `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` \
             or set PRESSROOM_TEST_PG; `.ci/run` does this for you."
        )
    });
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .expect("create test database");
    let base = admin
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(&admin)
        .to_string();
    (format!("{base}/{name}"), name)
}

pub fn drop_pg_database(name: &str) {
    if let Ok(mut conn) = diesel::PgConnection::establish(&pg_admin_url()) {
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn);
    }
}

/// A script's view of the app: JSON calls with a Bearer token.
pub struct Api<'a> {
    pub app: &'a TestApp,
    pub client: Client,
    pub token: String,
}

impl Api<'_> {
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let url = self.app.url(path);
        let req = match method {
            "POST" => self.client.post(url).json(&body),
            "PATCH" => self.client.patch(url).json(&body),
            "DELETE" => self.client.delete(url),
            _ => self.client.get(url),
        };
        let r = req.bearer_auth(&self.token).send().await.unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Hands in an idea for department 1 and approves it; returns its id.
    pub async fn approved_idea(&self, title: &str) -> i64 {
        let (s, idea) = self
            .call(
                "POST",
                "/api/v1/ideas",
                serde_json::json!({"title": title, "department_id": 1}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{idea}");
        let id = idea["id"].as_i64().unwrap();
        let (s, body) = self
            .call(
                "POST",
                &format!("/api/v1/ideas/{id}/transitions"),
                serde_json::json!({"to": "approved"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        id
    }
}

/// Waits (in real time, up to `secs`) until `check` holds; for work the app does in the
/// background after the test moved its clock. Panics with `what` if it never does.
pub async fn eventually<F, Fut>(secs: u64, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let until = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if check().await {
            return;
        }
        if std::time::Instant::now() > until {
            panic!("timed out waiting for: {what}");
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

/// The number written right after the first `marker` in a page (an id in a link or action).
pub fn number_after(html: &str, marker: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} is not on the page"))
        + marker.len();
    html[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    Some(html[start..].split('"').next()?.to_string())
}

/// The value of the `<option>` whose label is `label`.
pub fn option_value(html: &str, label: &str) -> Option<String> {
    let end = html.find(&format!(">{label}</option>"))?;
    let start = html[..end].rfind("value=\"")? + "value=\"".len();
    Some(html[start..end].split('"').next()?.to_string())
}

pub fn location(r: &Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// One async test body that starts its own app, run once per backend.
#[macro_export]
macro_rules! each_backend {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::Backend;
                #[actix_web::test]
                async fn sqlite() {
                    super::$name(Backend::Sqlite).await
                }
                #[actix_web::test]
                async fn postgres() {
                    super::$name(Backend::Postgres).await
                }
            }
        )+
    };
}

/// One async test body, run once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::{Backend, TestApp};
                #[actix_web::test]
                async fn sqlite() {
                    super::$name(TestApp::spawn(Backend::Sqlite).await).await
                }
                #[actix_web::test]
                async fn postgres() {
                    super::$name(TestApp::spawn(Backend::Postgres).await).await
                }
            }
        )+
    };
}

/// Runs a Python script (a parser nobody here wrote) on `input` and reads the JSON it prints.
/// `needs` names the package to install when it fails.
pub fn python_json(script: &str, input: &str, needs: &str) -> serde_json::Value {
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "Python with {needs} (pip install {needs}) refused it: {}\n{input}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Checks an answer against the schema the API document gives it (`components/schemas/{name}`
/// of the served `/api/openapi.json`), with Python's `jsonschema`: the document and the code
/// cannot drift apart unnoticed.
pub async fn assert_matches_schema(app: &TestApp, name: &str, value: &serde_json::Value) {
    let doc: serde_json::Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let script = r##"
import sys, json
from jsonschema import Draft202012Validator
given = json.load(sys.stdin)
schema = dict(given["doc"])
schema["$ref"] = "#/components/schemas/" + given["name"]
errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(given["value"])]
print(json.dumps(errors))
"##;
    let input = serde_json::json!({"doc": doc, "name": name, "value": value}).to_string();
    let errors = python_json(script, &input, "jsonschema");
    assert_eq!(errors, serde_json::json!([]), "{name}: {value}");
}
