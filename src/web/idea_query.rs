//! The ideas' filter as the list page, the board and the JSON API read it from the query
//! string, turned into the store's `Filter`.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::domain::workflow::State;
use crate::error::AppError;
use crate::store::ideas::{Filter, Sort};
use crate::web::context::Ctx;

/// The list's query string; unknown or malformed values are ignored, never an error page.
#[derive(Debug, Default, Deserialize, serde::Serialize, Clone)]
pub struct ListQuery {
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub pillar: String,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub mine: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default, skip_serializing)]
    pub cursor: String,
}

impl ListQuery {
    /// The store's filter. A parameter with a control character is refused (no stored value
    /// has one, and PostgreSQL refuses NUL outright); other odd values are ignored.
    pub fn filter(&self, ctx: &Ctx) -> Result<Filter, AppError> {
        for (name, value) in [
            ("q", &self.q),
            ("tag", &self.tag),
            ("pillar", &self.pillar),
            ("state", &self.state),
            ("department", &self.department),
            ("language", &self.language),
            ("assignee", &self.assignee),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if value.chars().any(char::is_control) {
                return Err(AppError::BadRequest(format!(
                    "{name}: control characters are not allowed"
                )));
            }
        }
        Ok(self.lenient_filter(ctx))
    }

    fn lenient_filter(&self, ctx: &Ctx) -> Filter {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let tz = ctx.state.config.timezone;
        let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        // Days are the team's days: from the start of `from` to the end of `to`, in UTC.
        let start_of = |d: NaiveDate| {
            d.and_time(NaiveTime::MIN)
                .and_local_timezone(tz)
                .earliest()
                .map(|t| t.naive_utc())
        };
        Filter {
            state: State::parse(self.state.trim()),
            department_id: self.department.trim().parse().ok(),
            pillar: some(&self.pillar),
            tag: some(&self.tag).map(|t| crate::domain::ideas::normalise_tag(&t)),
            language: some(&self.language).map(|l| l.to_lowercase()),
            assignee_id: match self.assignee.trim() {
                "me" => ctx.user.as_ref().map(|u| u.id),
                a => a.parse().ok(),
            },
            submitter_id: (self.mine == "1")
                .then(|| ctx.user.as_ref().map(|u| u.id))
                .flatten(),
            submitted_from: day(&self.from).and_then(start_of),
            submitted_to: day(&self.to).and_then(|d| d.succ_opt()).and_then(start_of),
            q: some(&self.q),
        }
    }

    /// For scripts (the API): a value that means nothing is a 400 naming its parameter, not
    /// silently an unfiltered list. Pages keep ignoring such values.
    pub fn check_strict(&self) -> Result<(), AppError> {
        let bad = |name: &str| {
            Err(AppError::BadRequest(format!(
                "{name}: not a value this filter takes"
            )))
        };
        let day_ok = |s: &str| {
            s.trim().is_empty() || NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").is_ok()
        };
        let id_ok = |s: &str| s.trim().is_empty() || s.trim().parse::<i64>().is_ok();
        if !day_ok(&self.from) {
            return bad("from");
        }
        if !day_ok(&self.to) {
            return bad("to");
        }
        if !id_ok(&self.department) {
            return bad("department");
        }
        if !(id_ok(&self.assignee) || self.assignee.trim() == "me") {
            return bad("assignee");
        }
        let language = self.language.trim().to_lowercase();
        if !(language.is_empty() || crate::domain::ideas::LANGUAGES.contains(&language.as_str())) {
            return bad("language");
        }
        if !matches!(self.sort.trim(), "" | "newest" | "oldest") {
            return bad("sort");
        }
        if !matches!(self.mine.trim(), "" | "0" | "1") {
            return bad("mine");
        }
        Ok(())
    }

    pub fn sort(&self) -> Sort {
        if self.sort == "oldest" {
            Sort::Oldest
        } else {
            Sort::Newest
        }
    }

    /// This query with another cursor, for the next page's link.
    pub fn with_cursor(&self, cursor: i64) -> String {
        let mut pairs = serde_urlencoded::to_string(self).unwrap_or_default();
        pairs.push_str(&format!("&cursor={cursor}"));
        pairs
    }
}
