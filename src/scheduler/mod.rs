//! Work the server does on its own in the background. For now: housekeeping of expired
//! sessions and old login failures; the job table and its workers come with publishing.

use std::time::Duration;

use crate::db::Pool;
use crate::store;

/// Runs once at start and then hourly, on the blocking pool.
pub fn spawn_housekeeping(pool: Pool) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let pool = pool.clone();
            let done = actix_web::rt::task::spawn_blocking(move || {
                let mut c = pool.get().map_err(|e| e.to_string())?;
                let sessions =
                    store::sessions::delete_expired(&mut c).map_err(|e| e.to_string())?;
                let failures = store::throttle::prune(&mut c).map_err(|e| e.to_string())?;
                Ok::<_, String>((sessions, failures))
            })
            .await;
            match done {
                Ok(Ok((s, f))) => tracing::debug!(sessions = s, login_failures = f, "housekeeping"),
                Ok(Err(e)) => tracing::warn!(error = %e, "housekeeping failed"),
                Err(e) => tracing::warn!(error = %e, "housekeeping panicked"),
            }
        }
    });
}
