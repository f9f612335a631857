//! When a channel's own counts of a publication (favourites, boosts, replies) are read:
//! hourly on its first day, when most of them arrive, then daily for 30 days.

use chrono::{Duration, NaiveDateTime};

/// The first read, an hour after publishing.
pub fn first_pull(published: NaiveDateTime) -> NaiveDateTime {
    published + Duration::hours(1)
}

/// The read after the one made at `now`, or `None` once the publication is 30 days old.
pub fn next_pull(published: NaiveDateTime, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let step = if now - published < Duration::days(1) {
        Duration::hours(1)
    } else {
        Duration::days(1)
    };
    let next = now + step;
    (next - published <= Duration::days(30)).then_some(next)
}

/// What the series calls each of a status's counts.
pub const NAMES: [&str; 3] = ["favourites", "boosts", "replies"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hourly_on_the_first_day_then_daily_for_thirty_days() {
        let p = chrono::NaiveDate::from_ymd_opt(2026, 3, 28)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let mut at = first_pull(p);
        let mut pulls = vec![at];
        while let Some(next) = next_pull(p, at) {
            assert!(next > at);
            at = next;
            pulls.push(at);
        }
        // 24 hourly reads (hours 1 to 24), then daily from day 2 to day 30.
        assert_eq!(
            pulls[..24],
            (1..=24).map(|h| p + Duration::hours(h)).collect::<Vec<_>>()[..]
        );
        assert_eq!(pulls[24], p + Duration::hours(48));
        assert_eq!(*pulls.last().unwrap(), p + Duration::days(30));
        assert_eq!(pulls.len(), 24 + 29);
        // A read that ran late moves the rest, and nothing is read after 30 days.
        assert_eq!(
            next_pull(p, p + Duration::days(29) + Duration::hours(1)),
            None
        );
        assert_eq!(
            next_pull(p, p + Duration::minutes(90)),
            Some(p + Duration::minutes(150))
        );
    }
}
