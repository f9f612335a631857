//! What every request can reach: configuration, the pool, templates and catalogs.

use actix_web::web;
use handlebars::Handlebars;

use crate::config::Config;
use crate::db::{Conn, Pool};
use crate::error::AppError;
use crate::i18n::I18n;

pub struct AppState {
    pub config: Config,
    pub pool: Pool,
    pub templates: Handlebars<'static>,
    pub i18n: std::sync::Arc<I18n>,
    pub mail: crate::mail::Composer,
    /// Every route the app registered with its access rule, read by the request guard.
    pub routes: crate::web::RouteTable,
    /// Wakes the workers when a job is queued for now, and gives pages the scheduler's clock.
    pub scheduler: crate::scheduler::Scheduler,
    pub metrics: std::sync::Arc<crate::scheduler::metrics::Metrics>,
    /// Departments, channels, names and pillars, checked against the database's version row.
    pub reference: std::sync::Arc<crate::store::reference::Cache>,
    /// The insights dashboards worked out since the last change to what they add up.
    pub insights: std::sync::Arc<crate::store::insights::Cache>,
    /// The calendar's entries read since the last change to what they show.
    pub calendar: std::sync::Arc<crate::store::content::CalendarCache>,
    /// Clicks on tracked links waiting to be written, and the codes this instance has seen.
    pub clicks: std::sync::Arc<crate::scheduler::clicks::ClickBuffer>,
    pub codes: crate::web::links::Codes,
}

impl AppState {
    /// Runs blocking diesel work on the blocking pool, off the async workers.
    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut Conn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let (result, queued) = web::block(move || {
            let conn = pool.get().map_err(|e| {
                tracing::warn!(error = %e, "no database connection");
                AppError::Unavailable
            });
            let result = conn.and_then(|mut c| f(&mut c));
            (result, crate::store::jobs::take_queued())
        })
        .await
        .map_err(AppError::internal)?;
        // A job queued by this request (mail, a publication due soon) is looked at now.
        if queued {
            self.scheduler.wake();
        }
        result
    }
}
