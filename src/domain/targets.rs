//! Targets: what a channel or a department should reach in a month (publications, people's
//! clicks, engagement), and whether it is on track: behind when it has less than the part of
//! the target the month's elapsed share asks for.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Channel,
    Department,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Channel, Scope::Department];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Channel => "channel",
            Scope::Department => "department",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Publications,
    Clicks,
    Engagement,
}

impl Metric {
    pub const ALL: [Metric; 3] = [Metric::Publications, Metric::Clicks, Metric::Engagement];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Publications => "publications",
            Metric::Clicks => "clicks",
            Metric::Engagement => "engagement",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// `2026-11` → the first of that month.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
}

/// The month as stored times (UTC), its days counted in `tz`: `[start, end)`.
pub fn month_span(month: NaiveDate, tz: chrono_tz::Tz) -> (NaiveDateTime, NaiveDateTime) {
    let next = month
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(month);
    let at = |d: NaiveDate| {
        tz.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| t.naive_utc())
            .unwrap_or_else(|| d.and_hms_opt(0, 0, 0).unwrap_or_default())
    };
    (at(month), at(next))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Reached,
    OnTrack,
    Behind,
    /// The month is over without it.
    Missed,
    /// The month has not begun.
    Upcoming,
}

/// Where a target stands at `now`; also what it should have by now.
pub fn progress(
    amount: i64,
    actual: i64,
    (start, end): (NaiveDateTime, NaiveDateTime),
    now: NaiveDateTime,
) -> (Status, i64) {
    let span = (end - start).num_seconds().max(1) as f64;
    let share = ((now - start).num_seconds() as f64 / span).clamp(0.0, 1.0);
    let expected = (amount as f64 * share).floor() as i64;
    let status = if actual >= amount {
        Status::Reached
    } else if now < start {
        Status::Upcoming
    } else if now >= end {
        Status::Missed
    } else if actual < expected {
        Status::Behind
    } else {
        Status::OnTrack
    };
    (status, expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_is_behind_when_it_has_less_than_the_month_so_far_asks() {
        let zurich = chrono_tz::Europe::Zurich;
        let nov = parse_month("2026-11").unwrap();
        let span = month_span(nov, zurich);
        // Local midnight: 23:00 UTC the day before.
        assert_eq!(span.0.to_string(), "2026-10-31 23:00:00");
        assert_eq!(span.1.to_string(), "2026-11-30 23:00:00");
        let mid = NaiveDate::from_ymd_opt(2026, 11, 15)
            .unwrap()
            .and_hms_opt(23, 0, 0)
            .unwrap();
        assert_eq!(progress(30, 10, span, mid), (Status::Behind, 15));
        assert_eq!(progress(30, 15, span, mid), (Status::OnTrack, 15));
        assert_eq!(progress(30, 31, span, mid).0, Status::Reached);
        assert_eq!(progress(30, 29, span, span.1).0, Status::Missed);
        assert_eq!(
            progress(30, 0, span, span.0 - chrono::Duration::days(1)).0,
            Status::Upcoming
        );
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("soon"), None);
    }
}
