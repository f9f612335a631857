//! The `pressroom` command: serve (the default), migrate, user and token management.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pressroom::actions::{add_user, ActionError};
use pressroom::config::Config;
use pressroom::domain::roles::Role;
use pressroom::domain::validate;
use pressroom::{db, security, store};

/// Pages build many small strings and JSON values on several threads at once; glibc's
/// allocator spent a quarter of a list page's CPU on them (perf, 100k ideas).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "pressroom",
    version,
    about = "A self-hosted editorial desk for content marketing"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app and API (the default)
    Serve,
    /// Apply pending database migrations and exit
    Migrate,
    /// Manage users
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Manage API tokens
    Token {
        #[command(subcommand)]
        action: TokenAction,
    },
    /// Seal all channel secrets again with the current PRESSROOM_SECRET_KEY; the old key goes in
    /// PRESSROOM_PREVIOUS_SECRET_KEYS for this run
    Rekey,
    /// Write a consistent copy of the database to FILE (SQLite: safe while serving;
    /// PostgreSQL: runs pg_dump)
    Backup { file: std::path::PathBuf },
    /// Put a backup FILE into an empty data directory (or empty PostgreSQL database)
    Restore { file: std::path::PathBuf },
    /// Add demo data: departments, demo people and channels, and N ideas (for trying out and
    /// for benchmarks)
    Seed {
        #[arg(long, default_value_t = 100)]
        ideas: usize,
        /// How many of them get a piece with a scheduled variant (spread over ten years)
        #[arg(long, default_value_t = 0)]
        variants: usize,
    },
}

#[derive(Subcommand)]
enum UserAction {
    /// Add a user; the password is read from standard input
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, editor or contributor
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Required for contributors; created if it does not exist
        #[arg(long)]
        department: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenAction {
    /// Create an API token for a user and print it once
    Create {
        #[arg(long)]
        email: String,
        /// A label that says what the token is for
        #[arg(long)]
        name: String,
        /// The token stops working after this many days (default: until revoked)
        #[arg(long)]
        expires_in_days: Option<u32>,
    },
    /// List a user's API tokens (labels and dates; the tokens themselves are never shown again)
    List {
        #[arg(long)]
        email: String,
    },
    /// Revoke a user's API tokens with this label
    Revoke {
        #[arg(long)]
        email: String,
        /// The label given when the token was created
        #[arg(long)]
        name: String,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("unknown role {s:?}: use admin, editor or contributor"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,actix_server=warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        // A request's span closes when it is answered: one line with method, route, status,
        // request id and latency.
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .init();
    let result = Config::from_env().and_then(|config| match cli.command {
        None | Some(Command::Serve) => serve(config),
        Some(Command::Migrate) => migrate(&config),
        Some(Command::User {
            action:
                UserAction::Add {
                    email,
                    name,
                    role,
                    department,
                },
        }) => user_add(&config, &email, &name, role, department.as_deref()),
        Some(Command::Token {
            action:
                TokenAction::Create {
                    email,
                    name,
                    expires_in_days,
                },
        }) => token_create(&config, &email, &name, expires_in_days),
        Some(Command::Token {
            action: TokenAction::List { email },
        }) => token_list(&config, &email),
        Some(Command::Token {
            action: TokenAction::Revoke { email, name },
        }) => token_revoke(&config, &email, &name),
        Some(Command::Seed { ideas, variants }) => seed(&config, ideas, variants),
        Some(Command::Rekey) => rekey(&config),
        Some(Command::Backup { file }) => {
            db::backup::backup(&config.database, &file).map(|m| println!("{m}"))
        }
        Some(Command::Restore { file }) => {
            db::backup::restore(&config.database, &file).map(|m| println!("{m}"))
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("pressroom: {message}");
            ExitCode::from(2)
        }
    }
}

fn serve(config: Config) -> Result<(), String> {
    actix_web::rt::System::new().block_on(async move {
        let app = pressroom::Application::build(config).await?;
        if app.first_run {
            tracing::info!(
                "first run: open {}/setup to create the first admin",
                app.base_url
            );
        }
        tracing::info!("Pressroom is listening on {}", app.base_url);
        app.run_until_stopped()
            .await
            .map_err(|e| format!("server stopped: {e}"))
    })
}

fn migrate(config: &Config) -> Result<(), String> {
    db::connect(&config.database)?;
    println!("database is up to date");
    Ok(())
}

fn read_password() -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password: ");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

fn user_add(
    config: &Config,
    email: &str,
    name: &str,
    role: Role,
    department: Option<&str>,
) -> Result<(), String> {
    let password = read_password()?;
    let pool = db::connect(&config.database)?;
    let mut c = pool.get().map_err(|e| e.to_string())?;
    // The department is created only if the person is added too.
    let added = db::write_tx(&mut c, |c| {
        let department_id = match department.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => Some(store::departments::find_or_create(c, d)?.0.id),
            None => None,
        };
        add_user::add_user(
            c,
            &add_user::NewAccount {
                email,
                name,
                password: &password,
                role: Some(role),
                department_id,
                locale: pressroom::i18n::DEFAULT,
                fallback_timezone: config.timezone.name(),
                actor: None,
                origin: "cli",
            },
        )
    });
    match added {
        Ok(user) => {
            println!("added {} ({}) as {}", user.name, user.email, user.role);
            Ok(())
        }
        Err(ActionError::Invalid(errors)) => {
            let i18n = pressroom::i18n::I18n::load()?;
            let (field, key) = errors
                .into_iter()
                .next()
                .expect("an invalid input names a field");
            let field = if field == "department_id" {
                "department"
            } else {
                field
            };
            Err(format!("{field}: {}", i18n.t("en", key)))
        }
        Err(e) => Err(e.to_string()),
    }
}

fn seed(config: &Config, count: usize, variants: usize) -> Result<(), String> {
    let pool = db::connect(&config.database)?;
    let mut c = pool.get().map_err(|e| e.to_string())?;
    let hash = security::hash_password(store::seed::DEMO_PASSWORD)?;
    let started = std::time::Instant::now();
    let editor = store::seed::seed(&mut c, count, variants, &hash, config.timezone.name())
        .map_err(|e| e.to_string())?;
    println!(
        "added {count} ideas in {:.1} s; demo people log in with password {:?}, e.g. {editor}",
        started.elapsed().as_secs_f64(),
        store::seed::DEMO_PASSWORD
    );
    Ok(())
}

fn rekey(config: &Config) -> Result<(), String> {
    let pool = db::connect(&config.database)?;
    let mut c = pool.get().map_err(|e| e.to_string())?;
    let keys = config.keys();
    let n = store::channels::reseal_all(
        &mut c,
        |sealed| security::open(&keys, sealed),
        |plain| security::seal(&config.secret_key, plain),
    )
    .map_err(|e| e.to_string())?;
    println!(
        "re-sealed the secrets of {n} channels with key {}",
        security::key_id(&config.secret_key)
    );
    Ok(())
}

/// A connection and the user with this e-mail address, for the token commands.
fn token_owner(
    config: &Config,
    email: &str,
) -> Result<(db::PooledConn, store::users::User), String> {
    let pool = db::connect(&config.database)?;
    let mut c = pool.get().map_err(|e| e.to_string())?;
    let email = validate::normalise_email(email);
    let user = store::users::find_by_email(&mut c, &email)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no user with email {email}"))?;
    Ok((c, user))
}

fn token_create(
    config: &Config,
    email: &str,
    label: &str,
    expires_in_days: Option<u32>,
) -> Result<(), String> {
    if label.trim().is_empty() {
        return Err("--name must say what the token is for".into());
    }
    let (mut c, user) = token_owner(config, email)?;
    let expires_at = expires_in_days
        .map(|d| chrono::Utc::now().naive_utc() + chrono::Duration::days(i64::from(d)));
    let token =
        store::tokens::create(&mut c, user.id, label, expires_at).map_err(|e| e.to_string())?;
    store::audit::record(&mut c, Some(user.id), "token.created", label, "cli")
        .map_err(|e| e.to_string())?;
    println!("{token}");
    Ok(())
}

fn token_list(config: &Config, email: &str) -> Result<(), String> {
    let (mut c, user) = token_owner(config, email)?;
    let tokens = store::tokens::list(&mut c, user.id).map_err(|e| e.to_string())?;
    if tokens.is_empty() {
        println!("{} has no API tokens", user.email);
    }
    let at = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M UTC").to_string();
    for t in tokens {
        let used = t
            .last_used_at
            .map_or("never used".to_string(), |u| format!("last used {}", at(u)));
        println!("{}\tcreated {}\t{used}", t.label, at(t.created_at));
    }
    Ok(())
}

fn token_revoke(config: &Config, email: &str, label: &str) -> Result<(), String> {
    let (mut c, user) = token_owner(config, email)?;
    let n = store::tokens::revoke_labelled(&mut c, user.id, label).map_err(|e| e.to_string())?;
    if n == 0 {
        return Err(format!("{} has no API token named {label:?}", user.email));
    }
    store::audit::record(
        &mut c,
        None,
        "token.revoked",
        &format!("{label} of {}", user.email),
        "cli",
    )
    .map_err(|e| e.to_string())?;
    println!("revoked {n} token(s) named {label:?} of {}", user.email);
    Ok(())
}
