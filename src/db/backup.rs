//! `pressroom backup` and `pressroom restore`: a consistent copy of a live database, and that
//! copy put back into an empty data directory. SQLite copies itself (`VACUUM INTO`, safe while
//! the server writes); PostgreSQL has its own tools, which are run when they are installed.

use std::path::Path;
use std::process::Command;

use diesel::connection::SimpleConnection;
use diesel::{Connection, RunQueryDsl, SqliteConnection};

use super::{Backend, DbUrl};

/// Writes a consistent copy of the database to `file`, which must not exist yet.
pub fn backup(db: &DbUrl, file: &Path) -> Result<String, String> {
    if file.exists() {
        return Err(format!(
            "{} exists already; a backup goes to a new file",
            file.display()
        ));
    }
    match db.backend {
        Backend::Sqlite => {
            let mut c = SqliteConnection::establish(&db.target)
                .map_err(|e| format!("cannot open {}: {e}", db.target))?;
            c.batch_execute("PRAGMA busy_timeout = 5000")
                .map_err(|e| e.to_string())?;
            diesel::sql_query("VACUUM INTO ?")
                .bind::<diesel::sql_types::Text, _>(file.to_string_lossy())
                .execute(&mut c)
                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            Ok(format!(
                "wrote a consistent copy of {} to {}",
                db.target,
                file.display()
            ))
        }
        Backend::Postgres => {
            let status = Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(file)
                .arg(&db.target)
                .status()
                .map_err(|_| {
                    pg_tool_missing(
                        "pg_dump",
                        &format!(
                            "pg_dump --format=custom --file {} \"$DATABASE_URL\"",
                            file.display()
                        ),
                    )
                })?;
            if !status.success() {
                return Err(format!("pg_dump failed ({status}); nothing was written"));
            }
            Ok(format!("pg_dump wrote {}", file.display()))
        }
    }
}

/// Puts a backup into an empty data directory (or empty PostgreSQL database), then brings its
/// schema up to this version.
pub fn restore(db: &DbUrl, file: &Path) -> Result<String, String> {
    if !file.is_file() {
        return Err(format!("no backup file at {}", file.display()));
    }
    match db.backend {
        Backend::Sqlite => {
            let target = Path::new(&db.target);
            if target.exists() {
                return Err(format!(
                    "{} exists already: restore goes into an empty data directory (move the old database away first)",
                    target.display()
                ));
            }
            check_sqlite_backup(file)?;
            if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::copy(file, target)
                .map_err(|e| format!("cannot copy to {}: {e}", target.display()))?;
        }
        Backend::Postgres => {
            let mut c = diesel::PgConnection::establish(&db.target)
                .map_err(|e| format!("cannot connect to PostgreSQL: {e}"))?;
            let tables: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "(SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public')",
            ))
            .get_result(&mut c)
            .map_err(|e| e.to_string())?;
            if tables > 0 {
                return Err(
                    "the database is not empty: restore goes into an empty database".into(),
                );
            }
            let status = Command::new("pg_restore")
                .args(["--no-owner", "--exit-on-error", "--dbname"])
                .arg(&db.target)
                .arg(file)
                .status()
                .map_err(|_| {
                    pg_tool_missing(
                        "pg_restore",
                        &format!(
                            "pg_restore --no-owner --dbname \"$DATABASE_URL\" {}",
                            file.display()
                        ),
                    )
                })?;
            if !status.success() {
                return Err(format!("pg_restore failed ({status})"));
            }
        }
    }
    super::connect(db)?;
    Ok(format!(
        "restored {} and brought it up to date; channel secrets open with the backed-up \
         server's PRESSROOM_SECRET_KEY (or its secret.key file)",
        file.display()
    ))
}

/// A readable SQLite file that holds a Pressroom database.
fn check_sqlite_backup(file: &Path) -> Result<(), String> {
    let not_ours = || format!("{} is not a Pressroom backup", file.display());
    let mut c = SqliteConnection::establish(&file.to_string_lossy()).map_err(|_| not_ours())?;
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM users)",
    ))
    .get_result::<i64>(&mut c)
    .map(|_| ())
    .map_err(|_| not_ours())
}

fn pg_tool_missing(tool: &str, example: &str) -> String {
    format!("{tool} is not installed here (apt-get install postgresql-client); run it yourself: {example}")
}
