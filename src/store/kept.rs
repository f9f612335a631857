//! What pages read often and the database changes seldom, kept per instance under a number
//! that database triggers move on every write to it: the reference data under
//! `reference_version` (migration 000008), the calendar's entries and the insights
//! dashboards under `content_version` (migration 000028). One read of that number per use
//! says whether a kept copy is current, also when another instance sharing the database made
//! the change.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};

use diesel::prelude::*;

use crate::db::schema::content_version;
use crate::db::Conn;

/// The number every write to the calendar's and insights' data moves: the sum of the
/// counters the triggers bump (one per connection on PostgreSQL, so that the publishing
/// workers' commits do not queue on one row).
pub fn content_version(conn: &mut Conn) -> QueryResult<i64> {
    // In key order, so PostgreSQL reads the 64 rows through their index. A bulk write
    // (100k publications updated in one statement) leaves the table hundreds of pages long
    // with the live rows spread over them, and a plain read scanned them all (0.35 ms of every
    // calendar and insights page after the benchmark's seed, 0.03 ms through the index).
    let counts: Vec<i64> = content_version::table
        .select(content_version::n)
        .order(content_version::id)
        .load(conn)?;
    Ok(counts.iter().sum())
}

/// A function that reads the number a kind of kept values goes by.
pub type Version = fn(&mut Conn) -> QueryResult<i64>;

/// Values read under one version, by key. The version is read before a value: a write in
/// between makes the value look older than it is (read again next time), never newer.
pub struct Kept<K, V> {
    version: Version,
    kept: RwLock<(i64, HashMap<K, Arc<V>>)>,
}

/// Many periods and filters make many keys; past this many the cache starts over.
const KEPT: usize = 64;

impl<K: Hash + Eq, V> Kept<K, V> {
    /// Values kept under the number `version` reads.
    pub fn new(version: Version) -> Self {
        Kept {
            version,
            kept: RwLock::new((i64::MIN, HashMap::new())),
        }
    }

    fn get(&self, version: i64, key: &K) -> Option<Arc<V>> {
        let kept = self.kept.read().expect("kept values");
        (kept.0 == version)
            .then(|| kept.1.get(key).cloned())
            .flatten()
    }

    fn put(&self, version: i64, key: K, value: Arc<V>) {
        let mut kept = self.kept.write().expect("kept values");
        // Another number (a newer one, a read that took long under an older one, or a
        // database restored with a lower one): what is kept now is for that number only, so
        // nothing read under one number is ever served under another.
        if version != kept.0 || kept.1.len() >= KEPT {
            kept.1.clear();
            kept.0 = version;
        }
        kept.1.insert(key, value);
    }

    /// The value for `key` under the current version: the kept one, or `read` now (given the
    /// version it is read under) and kept.
    pub fn get_or_read(
        &self,
        conn: &mut Conn,
        key: K,
        read: impl FnOnce(&mut Conn, i64) -> QueryResult<V>,
    ) -> QueryResult<Arc<V>> {
        let v = (self.version)(conn)?;
        if let Some(value) = self.get(v, &key) {
            return Ok(value);
        }
        let value = Arc::new(read(conn, v)?);
        self.put(v, key, value.clone());
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_served_under_its_own_version_only() {
        let kept: Kept<&str, i32> = Kept::new(|_| Ok(0));
        kept.put(3, "a", Arc::new(1));
        assert_eq!(kept.get(3, &"a").as_deref(), Some(&1));
        assert_eq!(kept.get(4, &"a"), None, "the number moved");
        kept.put(4, "b", Arc::new(2));
        assert_eq!(kept.get(4, &"b").as_deref(), Some(&2));
        assert_eq!(kept.get(3, &"a"), None, "the older ones went");
        // A read under an older number that arrives late, or a restored database's lower
        // number: kept for that number alone.
        kept.put(3, "a", Arc::new(1));
        assert_eq!(kept.get(4, &"b"), None);
        assert_eq!(kept.get(3, &"a").as_deref(), Some(&1));
    }
}
