//! Failed logins, counted per (account, address) and per address to slow down password
//! guessing.
//! Kept in the database so several instances share the count.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::login_failures;
use crate::db::Conn;

pub const WINDOW_MINUTES: i64 = 15;
pub const MAX_PER_ACCOUNT: i64 = 10;
/// Higher than per account and address: one office behind one address has many people.
pub const MAX_PER_IP: i64 = 50;

pub fn record_failure(conn: &mut Conn, email: &str, ip: &str) -> QueryResult<()> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::email.eq(email),
            login_failures::ip.eq(ip),
            login_failures::at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Seconds until another attempt is allowed, or `None` if one is allowed now. Failures count
/// per (account, address) and per address: an address that guessed wrong is slowed down, but
/// nobody can lock a person out of their account from somewhere else.
pub fn blocked_for(conn: &mut Conn, email: &str, ip: &str) -> QueryResult<Option<u64>> {
    let now = super::now();
    let since = now - Duration::minutes(WINDOW_MINUTES);
    let recent: Vec<(String, NaiveDateTime)> = login_failures::table
        .filter(login_failures::ip.eq(ip))
        .filter(login_failures::at.gt(since))
        .select((login_failures::email, login_failures::at))
        .order(login_failures::at.desc())
        .limit(MAX_PER_IP)
        .load(conn)?;
    // Blocked until the oldest of the last N failures (per account and address, per address)
    // leaves the window.
    let nth_newest = |of_account: bool, n: i64| {
        recent
            .iter()
            .filter(|r| !of_account || r.0 == email)
            .nth(n as usize - 1)
            .map(|r| r.1)
    };
    let by_pair = nth_newest(true, MAX_PER_ACCOUNT);
    let by_ip = nth_newest(false, MAX_PER_IP);
    Ok(by_pair.into_iter().chain(by_ip).max().map(|oldest| {
        let free_at = oldest + Duration::minutes(WINDOW_MINUTES);
        (free_at - now).num_seconds().max(1) as u64
    }))
}

/// A successful login forgives this address's failures for the account (not another
/// address's: a guesser elsewhere stays slowed down).
pub fn clear(conn: &mut Conn, email: &str, ip: &str) -> QueryResult<usize> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::email.eq(email))
            .filter(login_failures::ip.eq(ip)),
    )
    .execute(conn)
}

pub fn prune(conn: &mut Conn) -> QueryResult<usize> {
    let since = super::now() - Duration::minutes(WINDOW_MINUTES);
    diesel::delete(login_failures::table.filter(login_failures::at.le(since))).execute(conn)
}
