//! When a failed job runs again: exponential back-off with jitter, never sooner than the
//! channel's `Retry-After`, capped so a long outage is still retried.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
}

impl Backoff {
    /// The wait after attempt number `attempt` (1 = the first try failed). `jitter` in [0, 1)
    /// spreads retries of many jobs failing at once over ±20 % so they do not return in step.
    pub fn delay(&self, attempt: i32, jitter: f64, retry_after: Option<Duration>) -> Duration {
        let exp = (attempt.max(1) - 1).min(30) as u32;
        let raw = self.base.saturating_mul(1u32 << exp.min(20)).min(self.cap);
        let spread = 0.8 + 0.4 * jitter.clamp(0.0, 1.0);
        let jittered = Duration::from_secs_f64(raw.as_secs_f64() * spread).min(self.cap);
        match retry_after {
            Some(r) => jittered.max(r.min(Duration::from_secs(24 * 3600))),
            None => jittered,
        }
    }
}

/// Publishing: 10 s, 20 s, 40 s … up to 30 min, eight attempts (about an hour in all).
pub const PUBLISH: Backoff = Backoff {
    base: Duration::from_secs(10),
    cap: Duration::from_secs(1800),
};
pub const PUBLISH_ATTEMPTS: i32 = 8;

/// Mail: from `PRESSROOM_MAIL_RETRY_SECONDS`, doubling up to an hour; mail is never dropped.
pub fn mail(base_secs: i64) -> Backoff {
    Backoff {
        base: Duration::from_secs(base_secs.max(1) as u64),
        cap: Duration::from_secs(3600),
    }
}

/// Any other job: 10 s doubling up to an hour.
pub const OTHER: Backoff = Backoff {
    base: Duration::from_secs(10),
    cap: Duration::from_secs(3600),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_within_the_jitter_and_stop_at_the_cap() {
        let b = PUBLISH;
        assert_eq!(b.delay(1, 0.5, None), Duration::from_secs(10));
        assert_eq!(b.delay(2, 0.5, None), Duration::from_secs(20));
        assert_eq!(b.delay(4, 0.5, None), Duration::from_secs(80));
        assert_eq!(b.delay(1, 0.0, None), Duration::from_secs(8));
        assert_eq!(b.delay(1, 0.999_999, None).as_secs(), 11);
        assert_eq!(b.delay(40, 0.5, None), Duration::from_secs(1800));
        assert_eq!(
            b.delay(40, 1.0, None),
            Duration::from_secs(1800),
            "jitter stays under the cap"
        );
    }

    #[test]
    fn mail_waits_double_from_the_setting_up_to_an_hour() {
        let m = mail(30);
        assert_eq!(m.delay(1, 0.5, None).as_secs(), 30);
        assert_eq!(m.delay(2, 0.5, None).as_secs(), 60);
        assert_eq!(m.delay(4, 0.5, None).as_secs(), 240);
        assert_eq!(m.delay(51, 0.5, None).as_secs(), 3600);
    }

    #[test]
    fn retry_after_is_honoured_when_longer() {
        let b = PUBLISH;
        assert_eq!(
            b.delay(1, 0.5, Some(Duration::from_secs(120))),
            Duration::from_secs(120)
        );
        assert_eq!(
            b.delay(3, 0.5, Some(Duration::from_secs(1))),
            Duration::from_secs(40)
        );
    }
}
