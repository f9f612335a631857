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
    // The columns schema.rs declares for users, read back through it on both backends.
    let declared: BTreeSet<(String, String)> = [
        "id",
        "email",
        "name",
        "password_hash",
        "role",
        "department_id",
        "timezone",
        "locale",
        "created_at",
        "disabled_at",
    ]
    .iter()
    .map(|c| ("users".to_string(), c.to_string()))
    .collect();
    let users: BTreeSet<_> = lite.iter().filter(|(t, _)| t == "users").cloned().collect();
    assert_eq!(users, declared);
}
