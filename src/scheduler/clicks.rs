//! Clicks on tracked links, buffered in memory and written in batches: the redirect answers
//! at once and never waits on a database write. A task of every instance writes the buffer
//! each second, and the server writes what is left when it stops. The address and browser
//! of a click live here until then, and only their daily hash is stored.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::Pool;
use crate::domain::links;
use crate::store;
use crate::store::links::NewClick;

/// Clicks kept while the database is away; beyond this the oldest are dropped (and logged).
const MAX_PENDING: usize = 100_000;

/// A click as the redirect saw it.
pub struct Pending {
    pub link_id: i64,
    pub at: NaiveDateTime,
    pub bot: bool,
    pub address: String,
    pub user_agent: String,
}

pub struct ClickBuffer {
    pool: Pool,
    pending: Mutex<VecDeque<Pending>>,
    /// Clicks dropped since the writer last said so: told once a second, not once a click
    /// (a warning per dropped click made an overloaded server slower still).
    dropped: std::sync::atomic::AtomicUsize,
}

impl ClickBuffer {
    pub fn new(pool: Pool) -> ClickBuffer {
        ClickBuffer {
            pool,
            pending: Mutex::new(VecDeque::new()),
            dropped: Default::default(),
        }
    }

    pub fn push(&self, click: Pending) {
        let mut pending = self.pending.lock().expect("click buffer");
        pending.push_back(click);
        self.count_dropped(drop_oldest(&mut pending));
    }

    /// Writes what is buffered in one transaction; on failure the clicks go back to the
    /// buffer for the next try.
    pub async fn flush(&self) -> Result<usize, String> {
        let batch = std::mem::take(&mut *self.pending.lock().expect("click buffer"));
        if batch.is_empty() {
            return Ok(0);
        }
        let pool = self.pool.clone();
        let written = tokio::task::spawn_blocking(move || {
            let result = pool
                .get()
                .map_err(|e| format!("no database connection: {e}"))
                .and_then(|mut c| write(&mut c, &batch).map_err(|e| e.to_string()));
            (result, batch)
        })
        .await
        .map_err(|e| format!("writing clicks stopped: {e}"))?;
        match written {
            (Ok(n), _) => Ok(n),
            (Err(e), batch) => {
                let mut pending = self.pending.lock().expect("click buffer");
                let newer = std::mem::replace(&mut *pending, batch);
                pending.extend(newer);
                self.count_dropped(drop_oldest(&mut pending));
                Err(e)
            }
        }
    }

    /// Counts clicks `drop_oldest` let go, for the next report.
    fn count_dropped(&self, n: usize) {
        if n > 0 {
            self.dropped
                .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Says how many clicks were dropped since it last said so.
    fn report_dropped(&self) {
        let n = self.dropped.swap(0, std::sync::atomic::Ordering::Relaxed);
        if n > 0 {
            tracing::warn!(
                dropped = n,
                "click buffer full: the oldest clicks were dropped"
            );
        }
    }

    /// Writes the buffer every second until the process ends.
    pub fn start(self: &std::sync::Arc<Self>) {
        let me = std::sync::Arc::downgrade(self);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(1)).await;
                let Some(buffer) = me.upgrade() else { return };
                buffer.report_dropped();
                if let Err(e) = buffer.flush().await {
                    tracing::warn!(error = %e, "writing clicks failed; trying again");
                }
            }
        });
    }
}

/// Keeps the buffer within `MAX_PENDING` while the database is away: the newest clicks stay;
/// answers how many older ones went.
fn drop_oldest(pending: &mut VecDeque<Pending>) -> usize {
    let n = pending.len().saturating_sub(MAX_PENDING);
    pending.drain(..n);
    n
}

fn write(c: &mut crate::db::Conn, batch: &VecDeque<Pending>) -> diesel::QueryResult<usize> {
    crate::db::write_tx(c, |c| {
        let mut salts: Vec<(NaiveDate, String)> = vec![];
        let mut rows = Vec::with_capacity(batch.len());
        for p in batch {
            let visitor = if p.bot {
                None
            } else {
                let day = p.at.date();
                let salt = match salts.iter().find(|(d, _)| *d == day) {
                    Some((_, s)) => s.clone(),
                    None => {
                        let s = store::links::salt_of(c, day)?;
                        salts.push((day, s.clone()));
                        s
                    }
                };
                Some(links::visitor_hash(&salt, &p.address, &p.user_agent))
            };
            rows.push(NewClick {
                link_id: p.link_id,
                clicked_at: p.at,
                bot: p.bot,
                visitor,
            });
        }
        store::links::record(c, &rows)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_buffer_drops_its_oldest_clicks() {
        let click = |link_id| Pending {
            link_id,
            at: NaiveDateTime::default(),
            bot: false,
            address: String::new(),
            user_agent: String::new(),
        };
        let mut pending: VecDeque<Pending> = (0..MAX_PENDING as i64 + 3).map(click).collect();
        assert_eq!(drop_oldest(&mut pending), 3);
        assert_eq!(pending.len(), MAX_PENDING);
        assert_eq!(pending.front().unwrap().link_id, 3);
        assert_eq!(pending.back().unwrap().link_id, MAX_PENDING as i64 + 2);
        assert_eq!(drop_oldest(&mut pending), 0);
        assert_eq!(
            pending.len(),
            MAX_PENDING,
            "a buffer within bounds is left alone"
        );
    }
}
