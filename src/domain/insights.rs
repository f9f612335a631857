//! What the insights page rolls up: the period (whole days in the reader's time zone), the
//! dimension rows are grouped by, and CSV cells that a spreadsheet will not run as formulas.

use chrono::{Duration, NaiveDateTime, TimeZone};

/// What the rows are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    Channel,
    Department,
    Pillar,
    Language,
}

impl By {
    pub const ALL: [By; 4] = [By::Channel, By::Department, By::Pillar, By::Language];

    pub fn parse(s: &str) -> Option<By> {
        By::ALL.into_iter().find(|b| b.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            By::Channel => "channel",
            By::Department => "department",
            By::Pillar => "pillar",
            By::Language => "language",
        }
    }
}

/// The periods offered, in days.
pub const PERIODS: [i64; 4] = [7, 30, 90, 365];

/// The last `days` whole days up to `now`, today included, in the reader's zone, as stored
/// times (UTC): `[from, now)`.
pub fn period(now: NaiveDateTime, days: i64, tz: chrono_tz::Tz) -> (NaiveDateTime, NaiveDateTime) {
    let local_today = tz.from_utc_datetime(&now).date_naive();
    let first = local_today - Duration::days(days.max(1) - 1);
    let from = tz
        .from_local_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(now - Duration::days(days));
    (from, now)
}

/// Where "the last n days" ends when the dashboard reads it: at no time. Posts and steps are
/// stamped with the clock when they happen, so nothing lies after now, and a dashboard that
/// reads to no end stays right until something is written (a post whose instance's clock runs
/// ahead counts too), however late it is read again.
pub fn open_end() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default()
}

/// Whole days `first..=last` in the reader's zone, as stored times (UTC): `[from, to)`.
/// `None` when `last` is before `first` or the range is longer than three years.
pub fn range(
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
    tz: chrono_tz::Tz,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    if last < first || (last - first).num_days() > 3 * 366 {
        return None;
    }
    let at = |d: chrono::NaiveDate| {
        let t = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        tz.from_local_datetime(&t)
            .earliest()
            .map(|x| x.naive_utc())
            .unwrap_or(t)
    };
    Some((at(first), at(last + Duration::days(1))))
}

/// A cell as a spreadsheet should show it: text that would start a formula (`=`, `+`, `-`,
/// `@`, or a tab or carriage return before one) is prefixed with `'`, as OWASP advises.
pub fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_whole_local_days() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 30)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        // Zurich moved to summer time on 29 March: a week back starts at 23:00 UTC on 23 March.
        let (from, to) = period(now, 7, chrono_tz::Europe::Zurich);
        assert_eq!(from.to_string(), "2026-03-23 23:00:00");
        assert_eq!(to, now);
        let (from, _) = period(now, 1, chrono_tz::Europe::Zurich);
        assert_eq!(from.to_string(), "2026-03-29 22:00:00");
    }

    #[test]
    fn cells_that_would_be_formulas_are_quoted() {
        for f in ["=SUM(A1)", "+1", "-1+1", "@cmd", "\t=1", "\r=1"] {
            assert_eq!(csv_cell(f), format!("'{f}"));
        }
        assert_eq!(csv_cell("Marketing"), "Marketing");
        assert_eq!(csv_cell(""), "");
        assert_eq!(By::parse("pillar"), Some(By::Pillar));
        assert_eq!(By::parse("x"), None);
    }
}
