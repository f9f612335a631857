//! Posting slots: a channel's cron expressions, read in an IANA time zone, give the moments a
//! variant can be published. DST is the time-zone library's business, not ours.

use std::str::FromStr;

use chrono::{DateTime, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;
use cron::Schedule;

/// A parsed schedule line of a channel.
#[derive(Debug, Clone)]
pub struct PostingSchedule {
    pub expression: String,
    pub timezone: Tz,
    schedule: Schedule,
}

impl PostingSchedule {
    /// Checks a cron expression (the `cron` crate's syntax: seconds, minutes, hours, day of
    /// month, month, day of week, optional year) and a zone name.
    pub fn parse(expression: &str, timezone: &str) -> Result<PostingSchedule, ScheduleError> {
        let timezone: Tz = timezone
            .trim()
            .parse()
            .map_err(|_| ScheduleError::Timezone(timezone.trim().to_string()))?;
        let expression = expression.split_whitespace().collect::<Vec<_>>().join(" ");
        let schedule =
            Schedule::from_str(&expression).map_err(|e| ScheduleError::Cron(e.to_string()))?;
        if schedule.upcoming(timezone).next().is_none() {
            return Err(ScheduleError::NeverFires);
        }
        Ok(PostingSchedule {
            expression,
            timezone,
            schedule,
        })
    }

    /// Slots strictly after `after`, in UTC. A wall-clock time that happens twice (the hour
    /// repeated when summer time ends) is a slot once, at its first occurrence.
    pub fn after(&self, after: DateTime<Utc>) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        let tz = self.timezone;
        self.schedule
            .after(&after.with_timezone(&tz))
            .filter(move |t| match tz.from_local_datetime(&t.naive_local()) {
                LocalResult::Ambiguous(first, _) => first == *t,
                _ => true,
            })
            .map(|t| t.with_timezone(&Utc))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    Cron(String),
    Timezone(String),
    NeverFires,
}

/// The next `n` slots of all schedules together: merged, strictly increasing, each once even
/// when two schedules (or a repeated wall-clock hour) give the same moment.
pub fn next_slots(
    schedules: &[PostingSchedule],
    after: DateTime<Utc>,
    n: usize,
) -> Vec<DateTime<Utc>> {
    let mut iters: Vec<_> = schedules
        .iter()
        .map(|s| s.after(after).peekable())
        .collect();
    let mut out: Vec<DateTime<Utc>> = Vec::with_capacity(n);
    while out.len() < n {
        let Some((i, t)) = iters
            .iter_mut()
            .enumerate()
            .filter_map(|(i, it)| it.peek().map(|t| (i, *t)))
            .min_by_key(|(_, t)| *t)
        else {
            break;
        };
        iters[i].next();
        if out.last().is_none_or(|last| t > *last) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Timelike};

    fn zurich(expr: &str) -> PostingSchedule {
        PostingSchedule::parse(expr, "Europe/Zurich").unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn weekday_mornings_in_zurich() {
        let s = zurich("0 0 9 * * Mon-Fri *");
        let slots = next_slots(&[s], utc(2026, 11, 20, 12, 0), 3); // a Friday afternoon
        let local: Vec<String> = slots
            .iter()
            .map(|t| {
                t.with_timezone(&chrono_tz::Europe::Zurich)
                    .format("%a %d %H:%M")
                    .to_string()
            })
            .collect();
        assert_eq!(local, ["Mon 23 09:00", "Tue 24 09:00", "Wed 25 09:00"]);
        assert_eq!(slots[0], utc(2026, 11, 23, 8, 0), "CET is UTC+1");
    }

    #[test]
    fn a_time_that_does_not_exist_in_spring_is_skipped() {
        // 2026-03-29 02:00–03:00 does not exist in Zurich.
        let s = zurich("0 30 2 * * * *");
        let slots = next_slots(&[s], utc(2026, 3, 27, 12, 0), 3);
        let days: Vec<NaiveDate> = slots
            .iter()
            .map(|t| t.with_timezone(&chrono_tz::Europe::Zurich).date_naive())
            .collect();
        assert_eq!(
            days,
            [
                NaiveDate::from_ymd_opt(2026, 3, 28).unwrap(),
                NaiveDate::from_ymd_opt(2026, 3, 30).unwrap(),
                NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
            ]
        );
    }

    #[test]
    fn a_time_that_happens_twice_in_autumn_fires_once() {
        // 2026-10-25 02:30 happens at 00:30 and 01:30 UTC.
        let s = zurich("0 30 2 * * * *");
        let slots = next_slots(&[s], utc(2026, 10, 24, 12, 0), 3);
        let on_the_day: Vec<_> = slots
            .iter()
            .filter(|t| {
                t.with_timezone(&chrono_tz::Europe::Zurich).date_naive()
                    == NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()
            })
            .collect();
        assert_eq!(on_the_day.len(), 1, "{slots:?}");
    }

    #[test]
    fn bad_expressions_and_zones_say_what_is_wrong() {
        assert!(matches!(
            PostingSchedule::parse("every monday", "Europe/Zurich"),
            Err(ScheduleError::Cron(_))
        ));
        assert!(matches!(
            PostingSchedule::parse("0 0 9 * * Mon-Fri *", "Mars/Base"),
            Err(ScheduleError::Timezone(_))
        ));
        assert_eq!(
            PostingSchedule::parse("0 0 9 * * * 2001", "UTC").unwrap_err(),
            ScheduleError::NeverFires
        );
    }

    #[test]
    fn two_schedules_merge_without_doubles() {
        let a = zurich("0 0 9 * * * *");
        let b = zurich("0 0 9,17 * * * *");
        let slots = next_slots(&[a, b], utc(2026, 11, 23, 0, 0), 4);
        let hours: Vec<u32> = slots
            .iter()
            .map(|t| t.with_timezone(&chrono_tz::Europe::Zurich).hour())
            .collect();
        assert_eq!(hours, [9, 17, 9, 17]);
    }

    mod properties {
        use super::super::*;
        use chrono::Timelike;
        use proptest::prelude::*;

        const EXPRESSIONS: &[&str] = &[
            "0 0 9 * * Mon-Fri *",
            "0 30 2 * * * *",
            "0 0,30 1-3 * * * *",
            "0 15 12 1,15 * * *",
            "0 0 */4 * * Sat,Sun *",
        ];
        const ZONES: &[&str] = &[
            "Europe/Zurich",
            "America/New_York",
            "Australia/Sydney",
            "UTC",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn slots_increase_strictly_and_match_the_expression_in_local_time(
                e in 0..EXPRESSIONS.len(),
                z in 0..ZONES.len(),
                start in 1_767_225_600i64..1_830_297_600i64, // 2026-01-01 .. 2028-01-01
            ) {
                let s = PostingSchedule::parse(EXPRESSIONS[e], ZONES[z]).unwrap();
                let after = Utc.timestamp_opt(start, 0).unwrap();
                let slots = next_slots(std::slice::from_ref(&s), after, 20);
                prop_assert_eq!(slots.len(), 20);
                prop_assert!(slots[0] > after);
                for pair in slots.windows(2) {
                    prop_assert!(pair[0] < pair[1]);
                    // Each wall-clock time once, also across the repeated autumn hour.
                    let (a, b) = (pair[0].with_timezone(&s.timezone), pair[1].with_timezone(&s.timezone));
                    prop_assert!(a.naive_local() < b.naive_local());
                }
                for t in &slots {
                    let local = t.with_timezone(&s.timezone);
                    // The slot's own local wall-clock time is one the expression names.
                    let probe = local - chrono::Duration::seconds(1);
                    let next = s.schedule.after(&probe).next().unwrap();
                    prop_assert_eq!(next, local);
                    prop_assert_eq!(local.second(), 0);
                }
            }
        }
    }
}
