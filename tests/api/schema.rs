//! Both migration folders produce the same tables and columns, the ones `schema.rs` declares.

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
         AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
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
         AND table_name <> '__diesel_schema_migrations'",
    )
    .load::<Column>(&mut p)
    .unwrap()
    .into_iter()
    .map(|c| (c.table_name, c.column_name))
    .collect();
    assert!(lite.len() > 20, "{lite:?}");
    assert_eq!(lite, postgres);
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
        channels,
        ideas,
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
        newsletter_deliveries
    );
}
