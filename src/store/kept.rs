//! What pages read often and the database changes seldom — the calendar's entries, the
//! insights dashboards — kept per instance under the number in `content_version`, which
//! database triggers move on every write to what they show (migration 000028). One read of
//! it per use says whether a kept copy is current, also when another instance sharing the
//! database made the change.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use diesel::prelude::*;

use crate::db::schema::content_version;
use crate::db::Conn;

/// The number every write to the calendar's and insights' data moves: the sum of the
/// counters the triggers bump (one per connection on PostgreSQL, so that the publishing
/// workers' commits do not queue on one row).
pub fn version(conn: &mut Conn) -> QueryResult<i64> {
    let counts: Vec<i64> = content_version::table
        .select(content_version::n)
        .load(conn)?;
    Ok(counts.iter().sum())
}

/// Values read under one version, by key. Whoever reads `version` before reading a value
/// keeps it under that number: a write in between makes it look older than it is (read again
/// next time), never newer.
pub struct Kept<K, V>(Mutex<(i64, HashMap<K, Arc<V>>)>);

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept(Mutex::new((i64::MIN, HashMap::new())))
    }
}

/// Many periods and filters make many keys; past this many the cache starts over.
const KEPT: usize = 64;

impl<K: Hash + Eq, V> Kept<K, V> {
    pub fn get(&self, version: i64, key: &K) -> Option<Arc<V>> {
        let kept = self.0.lock().expect("kept values");
        (kept.0 == version)
            .then(|| kept.1.get(key).cloned())
            .flatten()
    }

    pub fn put(&self, version: i64, key: K, value: Arc<V>) {
        let mut kept = self.0.lock().expect("kept values");
        // Another number (a newer one, a read that took long under an older one, or a
        // database restored with a lower one): what is kept now is for that number only, so
        // nothing read under one number is ever served under another.
        if version != kept.0 || kept.1.len() >= KEPT {
            kept.1.clear();
            kept.0 = version;
        }
        kept.1.insert(key, value);
    }

    /// The value for `key` under the current version: the kept one, or `read` now and kept.
    pub fn get_or_read(
        &self,
        conn: &mut Conn,
        key: K,
        read: impl FnOnce(&mut Conn) -> QueryResult<V>,
    ) -> QueryResult<Arc<V>> {
        let v = version(conn)?;
        if let Some(value) = self.get(v, &key) {
            return Ok(value);
        }
        let value = Arc::new(read(conn)?);
        self.put(v, key, value.clone());
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_served_under_its_own_version_only() {
        let kept: Kept<&str, i32> = Kept::default();
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
