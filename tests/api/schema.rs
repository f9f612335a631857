//! Both migration folders produce the same tables and columns, the ones `schema.rs` declares.
//! (The full-text search is each backend's own, see `store::search`: on SQLite a set of FTS5
//! tables, on PostgreSQL the stored `ideas.search_words` and the `idea_title_words` table.)

use std::collections::BTreeSet;

use diesel::sql_types::Text;
use diesel::{Connection, QueryableByName, RunQueryDsl};

use crate::helpers::{Backend, TestApp};

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

#[actix_web::test]
async fn sqlite_and_postgres_schemas_have_the_same_columns() {
    let sqlite = TestApp::spawn(Backend::Sqlite).await;
    let pg = TestApp::spawn(Backend::Postgres).await;
    let mut s = diesel::SqliteConnection::establish(&sqlite.database_url).unwrap();
    let lite: BTreeSet<(String, String)> = diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
         AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations' \
         AND m.name NOT LIKE 'ideas_fts%' AND m.name <> 'idea_title_words'",
    )
    .load::<Column>(&mut s)
    .unwrap()
    .into_iter()
    .map(|c| (c.table_name, c.column_name))
    .collect();
    let mut p = diesel::PgConnection::establish(&pg.database_url).unwrap();
    let postgres: BTreeSet<(String, String)> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name \
         FROM information_schema.columns WHERE table_schema = 'public' \
         AND table_name NOT IN ('__diesel_schema_migrations', 'idea_title_words') \
         AND NOT (table_name = 'ideas' AND column_name = 'search_words')",
    )
    .load::<Column>(&mut p)
    .unwrap()
    .into_iter()
    .map(|c| (c.table_name, c.column_name))
    .collect();
    assert!(lite.len() > 20, "{lite:?}");
    assert_eq!(lite, postgres);
    // Times on PostgreSQL are instants (TIMESTAMPTZ), not wall-clock times of no zone.
    let zoneless: Vec<(String, String)> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name \
         FROM information_schema.columns WHERE table_schema = 'public' \
         AND table_name <> '__diesel_schema_migrations' \
         AND data_type = 'timestamp without time zone'",
    )
    .load::<Column>(&mut p)
    .unwrap()
    .into_iter()
    .map(|c| (c.table_name, c.column_name))
    .collect();
    assert_eq!(zoneless, vec![], "columns without a time zone");
    let with_zone: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' \
         AND data_type = 'timestamp with time zone')",
    ))
    .get_result(&mut p)
    .unwrap();
    assert!(with_zone > 50, "{with_zone}");
    // Every column schema.rs declares is there, on both backends: selecting them all works.
    for url in [&sqlite.database_url, &pg.database_url] {
        let mut conn = match url.starts_with("postgres") {
            true => pressroom::db::Conn::Pg(diesel::PgConnection::establish(url).unwrap()),
            false => pressroom::db::Conn::Sqlite(diesel::SqliteConnection::establish(url).unwrap()),
        };
        select_all_columns(&mut conn);
    }
}

fn select_all_columns(conn: &mut pressroom::db::Conn) {
    use diesel::QueryDsl;
    use pressroom::db::schema::*;
    macro_rules! all {
        ($($t:ident),+) => {
            $(
                $t::table.select($t::all_columns).limit(0).execute(conn)
                    .unwrap_or_else(|e| panic!("{}: {e}", stringify!($t)));
            )+
        };
    }
    all!(
        departments,
        users,
        sessions,
        api_tokens,
        audit_log,
        login_failures,
        settings,
        reference_version,
        channels,
        ideas,
        idea_counts,
        idea_tags,
        idea_channels,
        idea_languages,
        idea_events,
        mail_outbox,
        channel_schedules,
        content_pieces,
        variants,
        calendar_feeds,
        jobs,
        publications,
        publication_attempts,
        subscribers,
        newsletter_deliveries,
        conversation_counts,
        open_due_hours
    );
}

/// An install from before the join tables keeps its ideas' tags, channels and languages, in
/// their order, when it upgrades; and search finds its old ideas.
#[test]
fn upgrading_moves_idea_lists_into_their_tables() {
    use diesel::connection::SimpleConnection;
    use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
    const LITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
    const PG: EmbeddedMigrations = embed_migrations!("migrations/postgres");
    // The six migrations before the join tables came.
    const BEFORE: usize = 6;
    const OLD_ROWS: &str = "INSERT INTO departments (id, name, created_at) VALUES (1, 'HR', '2026-01-01 00:00:00');
        INSERT INTO users (id, email, name, password_hash, role, department_id, timezone, locale, created_at) \
            VALUES (1, 'a@example.ch', 'A', 'x', 'editor', 1, 'UTC', 'en', '2026-01-01 00:00:00');
        INSERT INTO channels (id, name, kind, created_at) VALUES (7, 'Blog', 'feed', '2026-01-01 00:00:00');
        INSERT INTO ideas (id, title, pitch, department_id, audience, pillar, tags, channels, languages, links, state, version, submitter_id, created_at, updated_at) \
            VALUES (1, 'Lehrlinge erzählen', 'Ein Tag im Lager', 1, '', 'People', ',zeta,alpha,', ',7,', ',fr,de,', '', 'submitted', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');";

    fn check(conn: &mut pressroom::db::Conn) {
        let lists = pressroom::store::ideas::lists_of(conn, 1).unwrap();
        assert_eq!(
            lists.tags,
            vec!["zeta", "alpha"],
            "tags kept in their order"
        );
        assert_eq!(lists.channels, vec![7]);
        assert_eq!(lists.languages, vec!["fr", "de"]);
        let scope = pressroom::domain::access::IdeaScope::of(
            1,
            pressroom::domain::roles::Role::Editor,
            None,
        );
        let filter = pressroom::store::ideas::Filter {
            q: Some("lager".into()),
            tag: Some("alpha".into()),
            ..Default::default()
        };
        assert_eq!(
            pressroom::store::ideas::count(conn, &scope, &filter).unwrap(),
            1
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut lite = diesel::SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    pressroom::db::sqlite_functions(&mut lite).unwrap();
    while MigrationHarness::applied_migrations(&mut lite)
        .unwrap()
        .len()
        < BEFORE
    {
        lite.run_next_migration(LITE).unwrap();
    }
    lite.batch_execute(OLD_ROWS).unwrap();
    lite.run_pending_migrations(LITE).unwrap();
    check(&mut pressroom::db::Conn::Sqlite(lite));

    let (url, name) = crate::helpers::create_pg_database();
    let mut pg = diesel::PgConnection::establish(&url).unwrap();
    while MigrationHarness::applied_migrations(&mut pg).unwrap().len() < BEFORE {
        pg.run_next_migration(PG).unwrap();
    }
    pg.batch_execute(OLD_ROWS).unwrap();
    pg.run_pending_migrations(PG).unwrap();
    check(&mut pressroom::db::Conn::Pg(pg));
    crate::helpers::drop_pg_database(&name);
}

/// A time the application writes is the same instant whatever time zone the PostgreSQL server
/// or database is set to: read back by the application, as that instant's local time by a
/// session in another zone, and as a UTC day by the application's own sessions.
#[test]
fn times_mean_utc_whatever_the_servers_time_zone() {
    use diesel::ExpressionMethods;
    use pressroom::db::schema::departments;
    let (url, name) = crate::helpers::create_pg_database();
    let mut admin = diesel::PgConnection::establish(&url).unwrap();
    // Fourteen hours ahead of UTC: a time read as local would be off by a whole working day.
    diesel::sql_query(format!(
        "ALTER DATABASE {name} SET timezone = 'Pacific/Kiritimati'"
    ))
    .execute(&mut admin)
    .unwrap();
    let pool = pressroom::db::connect(&pressroom::db::DbUrl::parse(&url).unwrap()).unwrap();
    let mut conn = pool.get().unwrap();
    // 11:30 UTC is already the next day in Kiritimati.
    let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
        .unwrap()
        .and_hms_opt(11, 30, 0)
        .unwrap();
    diesel::insert_into(departments::table)
        .values((
            departments::name.eq("Sales"),
            departments::created_at.eq(at),
        ))
        .execute(&mut **conn)
        .unwrap();
    use diesel::QueryDsl;
    let read: chrono::NaiveDateTime = departments::table
        .select(departments::created_at)
        .first(&mut **conn)
        .unwrap();
    assert_eq!(read, at);
    // The application's sessions count days in UTC.
    let day: chrono::NaiveDate = diesel::select(diesel::dsl::sql::<diesel::sql_types::Date>(
        "(SELECT CAST(created_at AS DATE) FROM departments)",
    ))
    .get_result(&mut **conn)
    .unwrap();
    assert_eq!(day, at.date());
    // Another tool's session in the database's zone (diesel sets UTC, so it is set back)
    // sees the same instant as its own wall-clock time: only so if the column is an instant.
    let mut other = diesel::PgConnection::establish(&url).unwrap();
    diesel::sql_query("SET TIME ZONE 'Pacific/Kiritimati'")
        .execute(&mut other)
        .unwrap();
    let local: String = diesel::select(diesel::dsl::sql::<diesel::sql_types::Text>(
        "(SELECT to_char(created_at, 'YYYY-MM-DD HH24:MI') FROM departments)",
    ))
    .get_result(&mut other)
    .unwrap();
    assert_eq!(local, "2026-03-30 01:30");
    let epoch: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT CAST(EXTRACT(EPOCH FROM created_at) AS BIGINT) FROM departments)",
    ))
    .get_result(&mut other)
    .unwrap();
    assert_eq!(epoch, at.and_utc().timestamp());
    drop(conn);
    drop(pool);
    crate::helpers::drop_pg_database(&name);
}
