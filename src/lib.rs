//! Pressroom: a self-hosted editorial desk. `Application::build` makes the server from a
//! `Config`; the binary and the tests both use it.

pub mod actions;
pub mod channels;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod scheduler;
pub mod security;
pub mod store;
pub mod web;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Condition, DefaultHeaders};
use actix_web::{web as aw, App, HttpServer};
use tracing_actix_web::TracingLogger;

use crate::config::Config;
use crate::error::AppError;
use crate::web::state::AppState;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub struct Application {
    port: u16,
    server: Server,
    pub first_run: bool,
    pub base_url: String,
    scheduler: scheduler::Scheduler,
    clicks: Arc<scheduler::clicks::ClickBuffer>,
}

impl Application {
    /// Opens and migrates the database, binds the address and prepares the server.
    /// Every failure is one line for the operator.
    pub async fn build(config: Config) -> Result<Application, String> {
        let (db_url, workers) = (config.database.clone(), config.workers);
        let pool = actix_web::rt::task::spawn_blocking(move || db::connect_with(&db_url, workers))
            .await
            .map_err(|e| format!("opening the database failed: {e}"))??;
        let first_run = {
            let pool = pool.clone();
            actix_web::rt::task::spawn_blocking(move || {
                let mut c = pool.get().map_err(|e| e.to_string())?;
                // Every Mastodon channel's inbox is pulled, also those saved before there was
                // an inbox.
                store::inbox::ensure_pulls(&mut c, store::now()).map_err(|e| e.to_string())?;
                store::users::any_exists(&mut c)
                    .map(|e| !e)
                    .map_err(|e| e.to_string())
            })
            .await
            .map_err(|e| e.to_string())??
        };
        let listener = TcpListener::bind(config.bind)
            .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let base_url = if config.base_url.ends_with(":0") {
            config.base_url.trim_end_matches(":0").to_string() + &format!(":{port}")
        } else {
            config.base_url.clone()
        };

        let i18n = Arc::new(i18n::I18n::load()?);
        let templates = web::render::templates(i18n.clone())?;
        let https = config.https();
        let mail_sender = mail::Sender::from_config(config.smtp_url.as_deref(), &config.data_dir)?;
        let composer = mail::Composer {
            i18n: i18n.clone(),
            base_url: base_url.clone(),
        };
        let metrics = Arc::new(scheduler::metrics::Metrics::default());
        let wake = Arc::new(tokio::sync::Notify::new());
        let scheduler = scheduler::Scheduler::start(
            scheduler::JobContext {
                pool: pool.clone(),
                clock: scheduler::Clock::default(),
                http: channels::http::client(&config.allowed_hosts, config.http_timeout),
                allow: config.allowed_hosts.clone(),
                keys: config.keys(),
                base_url: base_url.clone(),
                mail: composer.clone(),
                mail_settings: mail::Settings::of(&config),
                mail_sender: Arc::new(mail_sender),
                wake: wake.clone(),
                writer: (config.database.backend == db::Backend::Sqlite)
                    .then(|| scheduler::writer::Writer::start(pool.clone(), wake.clone())),
                metrics: metrics.clone(),
            },
            scheduler::Settings {
                workers: config.workers,
                lease: config.job_lease,
                poll: std::time::Duration::from_secs(1),
                listen_url: (config.database.backend == db::Backend::Postgres)
                    .then(|| config.database.target.clone()),
            },
        );
        let clicks = Arc::new(scheduler::clicks::ClickBuffer::new(pool.clone()));
        clicks.start();
        let state = aw::Data::new(AppState {
            config: Config {
                base_url: base_url.clone(),
                ..config
            },
            pool,
            templates,
            i18n,
            mail: composer,
            routes: web::route_table(),
            scheduler: scheduler.clone(),
            metrics,
            reference: Default::default(),
            insights: Arc::new(crate::store::kept::Kept::new(
                crate::store::kept::content_version,
            )),
            calendar: Arc::new(crate::store::kept::Kept::new(
                crate::store::kept::content_version,
            )),
            clicks: clicks.clone(),
            codes: Default::default(),
        });

        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(
                    aw::FormConfig::default()
                        .limit(256 * 1024)
                        .error_handler(|e, _| AppError::BadRequest(e.to_string()).into()),
                )
                .app_data(
                    aw::JsonConfig::default()
                        .limit(1024 * 1024)
                        .error_handler(|e, _| {
                            match e {
                                actix_web::error::JsonPayloadError::ContentType => {
                                    AppError::UnsupportedMediaType
                                }
                                e => AppError::BadRequest(e.to_string()),
                            }
                            .into()
                        }),
                )
                .app_data(aw::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()))
                .app_data(
                    aw::QueryConfig::default()
                        .error_handler(|e, _| AppError::BadRequest(e.to_string()).into()),
                )
                .wrap(from_fn(web::context::guard))
                .wrap(from_fn(web::errors::render_errors))
                .wrap(
                    DefaultHeaders::new()
                        .add(("Content-Security-Policy", CSP))
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("Referrer-Policy", "same-origin"))
                        .add(("X-Frame-Options", "DENY")),
                )
                .wrap(Condition::new(
                    https,
                    DefaultHeaders::new().add((
                        "Strict-Transport-Security",
                        "max-age=31536000; includeSubDomains",
                    )),
                ))
                .wrap(TracingLogger::<web::logging::RequestSpan>::new())
                .service(web::services())
                .default_service(aw::to(web::errors::not_found))
        })
        .listen(listener)
        .map_err(|e| format!("cannot serve: {e}"))?
        .run();
        Ok(Application {
            port,
            server,
            first_run,
            base_url,
            scheduler,
            clicks,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGTERM or Ctrl-C, then lets running jobs finish (within a grace period)
    /// and gives the rest back to the queue.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = self.server.await;
        // No click is lost on a clean stop.
        if let Err(e) = self.clicks.flush().await {
            tracing::warn!(error = %e, "could not write the last clicks");
        }
        self.scheduler
            .shutdown(std::time::Duration::from_secs(20))
            .await;
        served
    }

    /// The background workers: their clock (tests move it), wake-up and shutdown.
    pub fn scheduler(&self) -> scheduler::Scheduler {
        self.scheduler.clone()
    }

    /// The server to spawn, for callers (tests) that need its handle to stop it.
    pub fn into_server(self) -> Server {
        self.server
    }
}
