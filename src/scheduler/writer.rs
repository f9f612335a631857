//! Group commit for SQLite, which has one writer at a time: the jobs' writes go to one thread
//! that runs whatever has queued up in one transaction, each write in a savepoint of its own,
//! and answers every caller after the commit. A burst of posts due together then costs one
//! commit and no lock hand-over per batch instead of two per post.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::sync::Arc;

use tokio::sync::{oneshot, Notify};

use diesel::Connection;

use crate::db::{Conn, Pool};
use crate::store::jobs;

/// Most writes in one transaction: bounds how long a web request's write may wait.
const MAX_BATCH: usize = 64;

/// Runs one queued write (or says why it could not) and hands back its answer, which is sent
/// once the batch's commit is known.
type Work = Box<dyn FnOnce(Option<&mut Conn>) -> Reply + Send>;
type Reply = Box<dyn FnOnce(Result<(), String>) + Send>;

#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Work>,
}

/// A write's own failure, kept apart from the database's so that its savepoint rolls back.
enum Failed {
    Db(diesel::result::Error),
    Own(String),
}

impl Failed {
    fn into_message(self) -> String {
        match self {
            Failed::Db(e) => e.to_string(),
            Failed::Own(e) => e,
        }
    }
}

impl From<diesel::result::Error> for Failed {
    fn from(e: diesel::result::Error) -> Self {
        Failed::Db(e)
    }
}

impl Writer {
    /// Starts the writing thread; it ends when the last `Writer` is dropped.
    pub fn start(pool: Pool, wake: Arc<Notify>) -> Writer {
        let (queue, rx) = mpsc::channel::<Work>();
        std::thread::Builder::new()
            .name("pressroom-writer".into())
            .spawn(move || run(pool, wake, rx))
            .expect("start the writer thread");
        Writer { queue }
    }

    /// Runs `f` in the next batch; its writes are rolled back if it fails.
    pub async fn write<T, F>(&self, f: F) -> Result<T, String>
    where
        F: FnOnce(&mut Conn) -> Result<T, String> + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let work: Work = Box::new(move |conn| {
            let result = match conn {
                None => Err("no database connection".to_string()),
                Some(c) => all_or_nothing(c, f),
            };
            Box::new(move |committed: Result<(), String>| {
                let _ = tx.send(committed.and(result));
            })
        });
        self.queue
            .send(work)
            .map_err(|_| "the writer has stopped".to_string())?;
        rx.await
            .map_err(|_| "the write was lost (the writer stopped)".to_string())?
    }
}

/// Runs `f` in a transaction (a savepoint inside one) that is rolled back if `f` fails.
pub(super) fn all_or_nothing<T>(
    c: &mut Conn,
    f: impl FnOnce(&mut Conn) -> Result<T, String>,
) -> Result<T, String> {
    c.transaction(|c| f(c).map_err(Failed::Own))
        .map_err(Failed::into_message)
}

/// `all_or_nothing` whose commit may be lost in a crash (see `db::relaxed_write_tx`).
pub(super) fn relaxed_all_or_nothing<T>(
    c: &mut Conn,
    f: impl FnOnce(&mut Conn) -> Result<T, String>,
) -> Result<T, String> {
    crate::db::relaxed_write_tx(c, |c| f(c).map_err(Failed::Own)).map_err(Failed::into_message)
}

fn run(pool: Pool, wake: Arc<Notify>, rx: mpsc::Receiver<Work>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(w) => batch.push(w),
                Err(_) => break,
            }
        }
        let mut conn = match pool.get() {
            Ok(c) => c,
            Err(e) => {
                let error = format!("no database connection: {e}");
                for w in batch {
                    w(None)(Err(error.clone()));
                }
                continue;
            }
        };
        let mut replies = Vec::with_capacity(batch.len());
        let committed = std::panic::catch_unwind(AssertUnwindSafe(|| {
            crate::db::write_tx(&mut conn, |c| {
                for w in batch {
                    replies.push(w(Some(c)));
                }
                Ok::<_, diesel::result::Error>(())
            })
            .map_err(|e| e.to_string())
        }))
        .unwrap_or_else(|_| {
            roll_back_all(&mut conn);
            Err("a write panicked; its batch was not saved".into())
        });
        if jobs::take_queued() && committed.is_ok() {
            wake.notify_one();
        }
        for reply in replies {
            reply(committed.clone());
        }
    }
}

/// After a panic mid-batch the connection is still inside its transaction: end it before the
/// connection goes back to the pool.
fn roll_back_all(conn: &mut Conn) {
    use diesel::connection::{Connection, TransactionManager};
    type Tm = <Conn as Connection>::TransactionManager;
    while let Ok(Some(_)) = Tm::transaction_manager_status_mut(conn).transaction_depth() {
        if Tm::rollback_transaction(conn).is_err() {
            break;
        }
    }
}
