//! Settings from the environment, with defaults that serve on localhost from a SQLite file.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use rand::RngCore;

use crate::db::DbUrl;

#[derive(Clone)]
pub struct Config {
    pub database: DbUrl,
    pub bind: SocketAddr,
    /// Where users reach us, without a trailing slash; links in mails and feeds use it.
    pub base_url: String,
    pub data_dir: PathBuf,
    /// 32 bytes; signs CSRF tokens and (later) encrypts channel secrets.
    pub secret_key: [u8; 32],
    /// Keys used before a rotation: secrets sealed with them still open, and are re-sealed
    /// with the current key when saved.
    pub previous_keys: Vec<[u8; 32]>,
    pub smtp_url: Option<String>,
    /// Sender of notification mail.
    pub mail_from: lettre::message::Mailbox,
    /// First wait before a failed mail is tried again; it doubles from there.
    pub mail_retry_secs: i64,
    pub timezone: Tz,
    /// Background jobs this instance runs at once; 0 = web only.
    pub workers: usize,
    /// Hosts that may be reached although they are not public (on-premise receivers, tests).
    pub allowed_hosts: crate::channels::http::AllowList,
    /// How long a request to a channel may take before it counts as unanswered.
    pub http_timeout: std::time::Duration,
    /// How long a claimed job is held before another worker may take it over.
    pub job_lease: std::time::Duration,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database", &self.database.backend)
            .field("bind", &self.bind)
            .field("base_url", &self.base_url)
            .field("data_dir", &self.data_dir)
            .field("timezone", &self.timezone)
            .finish_non_exhaustive()
    }
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        Config::from_vars(&std::env::vars().collect())
    }

    /// Reads the `PRESSROOM_*` and `DATABASE_URL` variables; each bad value gets one clear line.
    pub fn from_vars(vars: &HashMap<String, String>) -> Result<Config, String> {
        let get = |k: &str| {
            vars.get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };

        let data_dir = PathBuf::from(get("PRESSROOM_DATA_DIR").unwrap_or_else(|| "./data".into()));
        ensure_writable_dir(&data_dir)?;

        let database = match get("DATABASE_URL") {
            Some(url) => DbUrl::parse(&url).map_err(|e| format!("bad DATABASE_URL: {e}"))?,
            None => DbUrl::parse(&data_dir.join("pressroom.db").to_string_lossy())?,
        };

        let bind_text = get("PRESSROOM_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_text.parse().map_err(|_| {
            format!("bad PRESSROOM_BIND {bind_text:?}: expected an address like 127.0.0.1:8080")
        })?;

        let base_url = match get("PRESSROOM_BASE_URL") {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                u.trim_end_matches('/').to_string()
            }
            Some(u) => {
                return Err(format!(
                    "bad PRESSROOM_BASE_URL {u:?}: expected http://… or https://…"
                ))
            }
            None => format!("http://{bind}"),
        };

        let tz_text = get("PRESSROOM_TIMEZONE").unwrap_or_else(|| "Europe/Zurich".into());
        let timezone: Tz = tz_text.parse().map_err(|_| {
            format!("unknown time zone {tz_text:?} in PRESSROOM_TIMEZONE: use an IANA name like Europe/Zurich")
        })?;

        let secret_key = match get("PRESSROOM_SECRET_KEY") {
            Some(k) => parse_key(&k)
                .ok_or("bad PRESSROOM_SECRET_KEY: expected 64 hexadecimal characters (32 bytes)")?,
            None => load_or_create_key(&data_dir.join("secret.key"))?,
        };

        let previous_keys = get("PRESSROOM_PREVIOUS_SECRET_KEYS")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| {
                parse_key(k).ok_or("bad PRESSROOM_PREVIOUS_SECRET_KEYS: expected keys of 64 hex characters, comma-separated")
            })
            .collect::<Result<Vec<_>, _>>()?;
        let from_text =
            get("PRESSROOM_MAIL_FROM").unwrap_or_else(|| "Pressroom <pressroom@localhost>".into());
        let mail_from = from_text.parse().map_err(|_| {
            format!("bad PRESSROOM_MAIL_FROM {from_text:?}: expected an address like Pressroom <desk@example.ch>")
        })?;
        let retry_text = get("PRESSROOM_MAIL_RETRY_SECONDS").unwrap_or_else(|| "30".into());
        let mail_retry_secs = retry_text
            .parse::<i64>()
            .ok()
            .filter(|s| (1..=3600).contains(s))
            .ok_or_else(|| {
                format!("bad PRESSROOM_MAIL_RETRY_SECONDS {retry_text:?}: expected 1 to 3600")
            })?;

        let number = |name: &str, default: u64, range: std::ops::RangeInclusive<u64>| {
            let text = get(name).unwrap_or_else(|| default.to_string());
            text.parse::<u64>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| {
                    format!(
                        "bad {name} {text:?}: expected {} to {}",
                        range.start(),
                        range.end()
                    )
                })
        };
        let workers = number("PRESSROOM_WORKERS", 16, 0..=256)? as usize;
        let http_timeout =
            std::time::Duration::from_secs(number("PRESSROOM_HTTP_TIMEOUT_SECONDS", 30, 1..=600)?);
        let job_lease =
            std::time::Duration::from_secs(number("PRESSROOM_JOB_LEASE_SECONDS", 60, 3..=3600)?);
        let allowed_hosts = crate::channels::http::AllowList::parse(
            &get("PRESSROOM_ALLOWED_HOSTS").unwrap_or_default(),
        )?;

        Ok(Config {
            database,
            bind,
            base_url,
            data_dir,
            secret_key,
            previous_keys,
            smtp_url: get("PRESSROOM_SMTP_URL"),
            mail_from,
            mail_retry_secs,
            timezone,
            workers,
            allowed_hosts,
            http_timeout,
            job_lease,
        })
    }

    /// Cookies get `Secure` and the `__Host-` prefix only when users reach us over https.
    /// The current key first, then the previous ones: what `security::open` tries.
    pub fn keys(&self) -> Vec<[u8; 32]> {
        std::iter::once(self.secret_key)
            .chain(self.previous_keys.iter().copied())
            .collect()
    }

    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

fn ensure_writable_dir(dir: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("data directory {} is not writable: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// A key as written in PRESSROOM_SECRET_KEY or the key file: 64 hex characters.
pub fn parse_key(hex_text: &str) -> Option<[u8; 32]> {
    let bytes = hex_text.trim().as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        let s = std::str::from_utf8(pair).ok()?;
        key[i] = u8::from_str_radix(s, 16).ok()?;
    }
    Some(key)
}

fn load_or_create_key(path: &Path) -> Result<[u8; 32], String> {
    if let Ok(text) = std::fs::read_to_string(path) {
        return parse_key(&text).ok_or_else(|| {
            format!(
                "key file {} is damaged: expected 64 hex characters",
                path.display()
            )
        });
    }
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    let hex = crate::security::hex(&key);
    write_private(path, hex.as_bytes())
        .map_err(|e| format!("cannot write key file {}: {e}", path.display()))?;
    Ok(key)
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        let dir = std::env::temp_dir().join(format!("pressroom-config-{}", rand::random::<u64>()));
        let mut m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        m.entry("PRESSROOM_DATA_DIR".into())
            .or_insert(dir.to_string_lossy().into_owned());
        m
    }

    #[test]
    fn defaults_serve_localhost_from_a_sqlite_file_in_the_data_dir() {
        let c = Config::from_vars(&vars(&[])).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database.backend, crate::db::Backend::Sqlite);
        assert!(c.database.target.ends_with("pressroom.db"));
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert!(c.data_dir.join("secret.key").exists());
    }

    #[test]
    fn the_generated_key_is_kept_across_starts() {
        let v = vars(&[]);
        let a = Config::from_vars(&v).unwrap().secret_key;
        let b = Config::from_vars(&v).unwrap().secret_key;
        assert_eq!(a, b);
    }

    #[test]
    fn bad_values_are_named_in_the_message() {
        let e = Config::from_vars(&vars(&[("PRESSROOM_TIMEZONE", "Mars/Olympus")])).unwrap_err();
        assert!(e.contains("Mars/Olympus"), "{e}");
        let e = Config::from_vars(&vars(&[("DATABASE_URL", "mysql://x")])).unwrap_err();
        assert!(e.contains("DATABASE_URL"), "{e}");
        let e = Config::from_vars(&vars(&[("PRESSROOM_BIND", "nowhere")])).unwrap_err();
        assert!(e.contains("PRESSROOM_BIND"), "{e}");
        let e = Config::from_vars(&vars(&[("PRESSROOM_SECRET_KEY", "short")])).unwrap_err();
        assert!(e.contains("PRESSROOM_SECRET_KEY"), "{e}");
        let e = Config::from_vars(&vars(&[("PRESSROOM_WORKERS", "-1")])).unwrap_err();
        assert!(e.contains("PRESSROOM_WORKERS"), "{e}");
        let e = Config::from_vars(&vars(&[("PRESSROOM_ALLOWED_HOSTS", "a b")])).unwrap_err();
        assert!(e.contains("PRESSROOM_ALLOWED_HOSTS"), "{e}");
    }

    #[test]
    fn postgres_urls_select_postgres() {
        let c = Config::from_vars(&vars(&[("DATABASE_URL", "postgres://u@127.0.0.1/db")])).unwrap();
        assert_eq!(c.database.backend, crate::db::Backend::Postgres);
    }
}
