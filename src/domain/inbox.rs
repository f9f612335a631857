//! The inbox: a conversation's states, the answer clock (a target per channel, optionally
//! counted in working hours) and the answer-time figures of the insights page.

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, TimeZone, Weekday};

pub use super::tone::Sentiment;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConvState {
    /// Someone is waiting for an answer; the clock runs.
    Open,
    Answered,
    /// Read, and nothing to say (thanks, spam): the clock stops without an answer.
    NoReply,
    Closed,
}

impl TryFrom<String> for ConvState {
    type Error = String;
    fn try_from(s: String) -> Result<ConvState, String> {
        ConvState::parse(&s).ok_or_else(|| format!("no conversation state is called {s:?}"))
    }
}

impl ConvState {
    pub const ALL: [ConvState; 4] = [
        ConvState::Open,
        ConvState::Answered,
        ConvState::NoReply,
        ConvState::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConvState::Open => "open",
            ConvState::Answered => "answered",
            ConvState::NoReply => "no_reply",
            ConvState::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<ConvState> {
        ConvState::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Where a person may move it from here: open → answered | no reply needed → closed, and
    /// back to open from any of them (a message came in another way).
    pub fn can_move_to(self, to: ConvState) -> bool {
        use ConvState::*;
        matches!(
            (self, to),
            (Open, Answered | NoReply)
                | (Answered | NoReply, Closed)
                | (Answered | NoReply | Closed, Open)
        )
    }
}

/// Working hours, Monday to Friday, in the team's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Hours {
    /// `08:00-17:30`; `None` for anything else (or an empty day).
    pub fn parse(s: &str) -> Option<Hours> {
        let (a, b) = s.trim().split_once('-')?;
        let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").ok();
        let (start, end) = (t(a)?, t(b)?);
        (start < end).then_some(Hours { start, end })
    }
}

/// How a channel's answers are timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub target: Duration,
    /// Counted only in working hours, if set.
    pub hours: Option<Hours>,
}

pub const DEFAULT_TARGET_MINUTES: i64 = 60;

impl Clock {
    /// From a channel's settings (`answer_minutes`, `answer_hours`); one hour round the clock
    /// when they are not set.
    pub fn of(config: &super::channels::Settings) -> Clock {
        let minutes = config
            .get("answer_minutes")
            .and_then(|m| m.parse::<i64>().ok())
            .filter(|m| *m > 0)
            .unwrap_or(DEFAULT_TARGET_MINUTES);
        Clock {
            target: Duration::minutes(minutes),
            hours: config.get("answer_hours").and_then(|h| Hours::parse(h)),
        }
    }

    /// When an answer to a message received at `from` (UTC) is due.
    pub fn due(&self, from: NaiveDateTime, tz: chrono_tz::Tz) -> NaiveDateTime {
        self.after(from, self.target, tz)
    }

    /// When the editors are warned: at three quarters of the target.
    pub fn alert(&self, from: NaiveDateTime, tz: chrono_tz::Tz) -> NaiveDateTime {
        self.after(from, self.target * 3 / 4, tz)
    }

    /// `from` plus `span` of the clock's time: plain time, or working time only.
    fn after(&self, from: NaiveDateTime, span: Duration, tz: chrono_tz::Tz) -> NaiveDateTime {
        let Some(h) = self.hours else {
            return from + span;
        };
        let mut t = tz.from_utc_datetime(&from).naive_local();
        let mut left = span;
        // Bounded: a span of weeks still ends within a few hundred steps.
        for _ in 0..10_000 {
            let workday = !matches!(t.weekday(), Weekday::Sat | Weekday::Sun);
            if !workday || t.time() >= h.end {
                t = (t.date() + Duration::days(1)).and_time(h.start);
                continue;
            }
            if t.time() < h.start {
                t = t.date().and_time(h.start);
            }
            let open = t.date().and_time(h.end) - t;
            if left <= open {
                t += left;
                break;
            }
            left -= open;
            t = (t.date() + Duration::days(1)).and_time(h.start);
        }
        local_to_utc(t, tz)
    }
}

/// A local time as UTC; in a DST gap, the moment the clocks jump to.
fn local_to_utc(t: NaiveDateTime, tz: chrono_tz::Tz) -> NaiveDateTime {
    match tz.from_local_datetime(&t) {
        chrono::LocalResult::Single(x) | chrono::LocalResult::Ambiguous(x, _) => x.naive_utc(),
        chrono::LocalResult::None => local_to_utc(t + Duration::hours(1), tz),
    }
}

/// One answer that stopped a clock: how long the wait was and whether it met the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub key: String,
    pub waited: Duration,
    pub in_time: bool,
}

/// Answer times of one group (a channel, a person): p50 and p90 in minutes, and the share
/// answered within the target.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AnswerTimes {
    pub key: String,
    pub answers: usize,
    pub p50_minutes: f64,
    pub p90_minutes: f64,
    pub within_target: f64,
}

/// The nearest-rank percentile (`p` in 0..=100) of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Groups answers by key (sorted), with the figures of all of them last under `total`.
pub fn answer_times(answers: &[Answer], total: &str) -> Vec<AnswerTimes> {
    let mut keys: Vec<&str> = answers.iter().map(|a| a.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let figures = |key: &str, of: Vec<&Answer>| {
        let mut minutes: Vec<f64> = of
            .iter()
            .map(|a| a.waited.num_seconds() as f64 / 60.0)
            .collect();
        minutes.sort_by(f64::total_cmp);
        let in_time = of.iter().filter(|a| a.in_time).count();
        AnswerTimes {
            key: key.to_string(),
            answers: of.len(),
            p50_minutes: round1(percentile(&minutes, 50.0)),
            p90_minutes: round1(percentile(&minutes, 90.0)),
            within_target: if of.is_empty() {
                0.0
            } else {
                round1(100.0 * in_time as f64 / of.len() as f64) / 100.0
            },
        }
    };
    let mut out: Vec<AnswerTimes> = keys
        .iter()
        .map(|k| figures(k, answers.iter().filter(|a| a.key == *k).collect()))
        .collect();
    out.push(figures(total, answers.iter().collect()));
    out
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A reply's text as Mastodon needs it: it starts by mentioning the person answered.
pub fn reply_text(text: &str, author: &str) -> String {
    let text = text.trim();
    let mention = format!("@{}", author.trim_start_matches('@'));
    if author.is_empty() || text.split_whitespace().any(|w| w == mention) {
        text.to_string()
    } else {
        format!("{mention} {text}")
    }
}

/// The plain text of a Mastodon status's HTML: paragraphs and breaks become new lines,
/// every tag goes, entities are read. Shown escaped, so nothing in it can run.
pub fn text_of_html(html: &str) -> String {
    let spaced = html
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("</p><p>", "\n\n");
    let stripped = ammonia::Builder::empty()
        .clean_content_tags(["script", "style"].into_iter().collect())
        .clean(&spaced)
        .to_string();
    // ammonia escapes what it keeps; read those entities back into characters.
    let text = stripped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn the_clock_runs_round_the_clock_or_in_working_hours_only() {
        let zurich = chrono_tz::Europe::Zurich;
        let plain = Clock {
            target: Duration::hours(1),
            hours: None,
        };
        // Friday 27 November 2026, 16:30 UTC = 17:30 in Zurich.
        assert_eq!(plain.due(at(27, 16, 30), zurich), at(27, 17, 30));
        assert_eq!(plain.alert(at(27, 16, 30), zurich), at(27, 17, 15));
        let office = Clock {
            target: Duration::hours(1),
            hours: Hours::parse("08:00-18:00"),
        };
        // 17:30 local on a Friday: half an hour today, the rest on Monday from 08:00 local.
        assert_eq!(office.due(at(27, 16, 30), zurich), at(30, 7, 30));
        // Saturday: it starts on Monday morning.
        assert_eq!(office.due(at(28, 10, 0), zurich), at(30, 8, 0));
        // Within the day it is plain time.
        assert_eq!(office.due(at(26, 9, 0), zurich), at(26, 10, 0));
        assert_eq!(office.alert(at(26, 9, 0), zurich), at(26, 9, 45));
        assert_eq!(Hours::parse("18:00-08:00"), None);
        assert_eq!(Hours::parse("8h"), None);
    }

    #[test]
    fn states_move_open_to_answered_or_no_reply_then_closed() {
        use ConvState::*;
        assert!(Open.can_move_to(Answered));
        assert!(Open.can_move_to(NoReply));
        assert!(Answered.can_move_to(Closed));
        assert!(
            !Open.can_move_to(Closed),
            "an open one is answered or waved off first"
        );
        assert!(Closed.can_move_to(Open));
        assert!(!Open.can_move_to(Open));
        for s in ConvState::ALL {
            assert_eq!(ConvState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn answer_times_are_nearest_rank_percentiles_per_key() {
        let a = |key: &str, min: i64, in_time: bool| Answer {
            key: key.into(),
            waited: Duration::minutes(min),
            in_time,
        };
        let all = [
            a("mastodon", 10, true),
            a("mastodon", 20, true),
            a("mastodon", 30, true),
            a("mastodon", 90, false),
            a("web", 5, true),
        ];
        let t = answer_times(&all, "total");
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].key, "mastodon");
        assert_eq!(t[0].p50_minutes, 20.0);
        assert_eq!(t[0].p90_minutes, 90.0);
        assert_eq!(t[0].within_target, 0.75);
        assert_eq!(t[2].answers, 5);
        assert_eq!(t[2].p50_minutes, 20.0);
        assert_eq!(t[2].within_target, 0.8);
    }

    #[test]
    fn replies_mention_the_person_once_and_html_becomes_text() {
        assert_eq!(
            reply_text("Danke!", "anna@social.example"),
            "@anna@social.example Danke!"
        );
        assert_eq!(
            reply_text("@anna@social.example Danke!", "anna@social.example"),
            "@anna@social.example Danke!"
        );
        assert_eq!(
            text_of_html(
                r#"<p><span class="h-card"><a href="https://x/@desk">@desk</a></span> Hi &amp; bye<br>x &lt;3</p><p>2</p><script>alert(1)</script>"#
            ),
            "@desk Hi & bye\nx <3\n\n2"
        );
    }
}
