//! `/calendar`: scheduled variants by day in the user's time zone, with wished dates as hints.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::store;
use crate::store::content::CalendarFilter;
use crate::web::context::Ctx;
use crate::web::fragments::{self, CalendarEntry, EntryLink, Move};
use crate::web::ideas::scope;
use crate::web::render::{label, put, Page};

#[derive(Debug, Default, Deserialize, serde::Serialize)]
pub struct CalendarQuery {
    #[serde(default)]
    view: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    pillar: String,
    #[serde(default)]
    language: String,
}

#[derive(Clone, Copy, PartialEq)]
enum View {
    Month,
    Week,
    Agenda,
}

/// First and last (exclusive) day shown, and the days of the grid.
fn range(view: View, anchor: NaiveDate) -> (NaiveDate, NaiveDate) {
    match view {
        View::Month => {
            let first = anchor.with_day(1).unwrap_or(anchor);
            let start = first - Duration::days(first.weekday().num_days_from_monday() as i64);
            let next_month = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
            }
            .unwrap_or(first);
            let end = next_month
                + Duration::days((7 - next_month.weekday().num_days_from_monday() as i64) % 7);
            (start, end)
        }
        View::Week => {
            let start = anchor - Duration::days(anchor.weekday().num_days_from_monday() as i64);
            (start, start + Duration::days(7))
        }
        View::Agenda => (anchor, anchor + Duration::days(30)),
    }
}

pub async fn show(ctx: Ctx, q: web::Query<CalendarQuery>) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let me = ctx.me()?.clone();
    let tz: chrono_tz::Tz = me.timezone.parse().unwrap_or(chrono_tz::UTC);
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    // Dates far outside any plan would only overflow the date arithmetic below.
    let anchor = NaiveDate::parse_from_str(&q.date, "%Y-%m-%d")
        .ok()
        .filter(|d| (1970..=2200).contains(&d.year()))
        .unwrap_or(today);
    let view = match q.view.as_str() {
        "week" => View::Week,
        "agenda" => View::Agenda,
        _ => View::Month,
    };
    let (start, end) = range(view, anchor);
    let utc = |d: NaiveDate| {
        tz.from_local_datetime(&d.and_time(NaiveTime::MIN))
            .earliest()
            .map(|t| t.naive_utc())
    };
    let (from, to) = (utc(start).unwrap_or_default(), utc(end).unwrap_or_default());
    let filter = CalendarFilter {
        channel_id: q.channel.parse().ok(),
        department_id: q.department.parse().ok(),
        pillar: Some(q.pillar.clone()).filter(|p| !p.is_empty()),
        language: Some(q.language.clone()).filter(|l| !l.is_empty()),
    };
    let scope = scope(&ctx)?;
    let cache = ctx.state.reference.clone();
    let kept = ctx.state.calendar.clone();
    let (entries, wished, reference) = ctx
        .db(move |c| {
            Ok((
                store::content::calendar_kept(c, &kept, &scope, from, to, &filter)?,
                store::content::wished(c, &scope, start, end)?,
                cache.get(c)?,
            ))
        })
        .await?;
    let (channels, departments) = (&reference.channels, &reference.departments);

    let is_editor = ctx.role() != Some(crate::domain::roles::Role::Contributor);
    // Every view's entries are written straight to HTML (a month holds a thousand and more),
    // with their words looked up once per page.
    let mut html_by_day: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let mut d = start;
    while d < end {
        html_by_day.insert(d, String::new());
        d += Duration::days(1);
    }
    let state_labels: Vec<(&str, String)> = ["scheduled", "published", "failed"]
        .into_iter()
        .map(|s| (s, ctx.t(&format!("calendar-state-{s}"))))
        .collect();
    let move_form = fragments::MoveForm::new(&ctx.csrf, &ctx.t("calendar-move"));
    for e in entries.iter() {
        let local = e.at().and_utc().with_timezone(&tz);
        let Some(html) = html_by_day.get_mut(&local.date_naive()) else {
            continue;
        };
        let channel = reference.channel_name(e.channel_id).unwrap_or("");
        // The fragment's class names are fixed words.
        let state = match e.publication_state.as_str() {
            "published" => "published",
            "failed" => "failed",
            _ => "scheduled",
        };
        let link = if is_editor {
            EntryLink::Variant {
                content_id: e.content_id,
            }
        } else {
            // Contributors follow an entry to the idea; the piece is the editors' page.
            EntryLink::Idea(e.idea_id)
        };
        let time = (local.hour(), local.minute());
        let entry = CalendarEntry {
            variant_id: e.variant_id,
            link,
            colour: e.channel_id % 8,
            state,
            time,
            title: &e.title,
            channel,
            language: &e.language,
        };
        match view {
            View::Month => fragments::month_entry(html, &entry),
            View::Week => {
                let mut local_value = String::with_capacity(16);
                fragments::push_minute(&mut local_value, local.naive_local(), 'T');
                let to = Move {
                    form: &move_form,
                    local_value: &local_value,
                };
                fragments::week_entry(html, &entry, is_editor.then_some(&to));
            }
            View::Agenda => {
                fragments::agenda_entry(html, &entry, label(&state_labels, state));
            }
        }
    }
    // Looked up once: a month has 42 days.
    let weekdays: Vec<String> = (0..7).map(|i| ctx.t(&format!("weekday-{i}"))).collect();
    let mut hints: BTreeMap<NaiveDate, Vec<Value>> = BTreeMap::new();
    for (id, title, date) in wished {
        hints
            .entry(date)
            .or_default()
            .push(json!({"idea_id": id, "title": title}));
    }
    let day_views: Vec<Value> = html_by_day
        .into_iter()
        .map(|(d, html)| {
            let hints = hints.remove(&d);
            let empty = html.is_empty() && hints.is_none();
            let mut day = json!({
                "date": d.to_string(),
                "day": d.day(),
                "weekday": weekdays[d.weekday().num_days_from_monday() as usize],
                "other_month": view == View::Month && d.month() != anchor.month(),
                "today": d == today,
                "hints": hints.unwrap_or_default(),
                "empty": empty,
            });
            put(&mut day, "entries_html", html);
            day
        })
        .collect();
    let (weeks, days) = if view == View::Agenda {
        (vec![], day_views)
    } else {
        let mut rest = day_views.into_iter();
        let weeks: Vec<Value> = std::iter::from_fn(|| {
            let week: Vec<Value> = rest.by_ref().take(7).collect();
            (!week.is_empty()).then_some(Value::Array(week))
        })
        .collect();
        (weeks, vec![])
    };
    let step = match view {
        View::Month => {
            let first = anchor.with_day(1).unwrap_or(anchor);
            let prev = (first - Duration::days(1)).with_day(1).unwrap_or(first);
            (prev, first + Duration::days(32))
        }
        View::Week => (anchor - Duration::days(7), anchor + Duration::days(7)),
        View::Agenda => (anchor - Duration::days(30), anchor + Duration::days(30)),
    };
    let view_name = match view {
        View::Month => "month",
        View::Week => "week",
        View::Agenda => "agenda",
    };
    let link = |date: NaiveDate, v: &str| {
        let mut query = serde_urlencoded::to_string(CalendarQuery {
            view: v.to_string(),
            date: date.to_string(),
            ..clone_filters(&q)
        })
        .unwrap_or_default();
        query.insert_str(0, "/calendar?");
        query
    };
    let title = match view {
        View::Month => format!(
            "{} {}",
            ctx.t(&format!("month-{}", anchor.month())),
            anchor.year()
        ),
        _ => format!(
            "{} – {}",
            start.format("%d.%m.%Y"),
            (end - Duration::days(1)).format("%d.%m.%Y")
        ),
    };
    Page::new("calendar/view", "calendar-title")
        .data(json!({
            "heading": title,
            "view": view_name,
            "is_month": view == View::Month,
            "is_week": view == View::Week,
            "is_agenda": view == View::Agenda,
            "weekdays": weekdays,
            "prev": link(step.0, view_name),
            "next": link(step.1, view_name),
            "today_link": link(today, view_name),
            "month_link": link(anchor, "month"),
            "week_link": link(anchor, "week"),
            "agenda_link": link(anchor, "agenda"),
            "q": q,
            "channels": channels.iter().map(|(id, n)| json!({"value": id, "text": n, "selected": q.channel == id.to_string()})).collect::<Vec<_>>(),
            "departments": departments.iter().map(|d| json!({"value": d.id, "text": d.name, "selected": q.department == d.id.to_string()})).collect::<Vec<_>>(),
            "languages": crate::domain::ideas::LANGUAGES.iter().map(|l| json!({"value": l, "text": ctx.t(&format!("language-{l}")), "selected": q.language == *l})).collect::<Vec<_>>(),
            "tz": me.timezone,
            "is_editor": is_editor,
        }))
        // The grid goes by weeks, the agenda by days: each view gets its own only.
        .put("weeks", weeks)
        .put("days", days)
        .render(&ctx)
}

fn clone_filters(q: &CalendarQuery) -> CalendarQuery {
    CalendarQuery {
        view: String::new(),
        date: String::new(),
        channel: q.channel.clone(),
        department: q.department.clone(),
        pillar: q.pillar.clone(),
        language: q.language.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_grid_runs_monday_to_sunday_around_the_month() {
        let (start, end) = range(View::Month, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(start, NaiveDate::from_ymd_opt(2026, 10, 26).unwrap());
        assert_eq!(end, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        assert_eq!((end - start).num_days() % 7, 0);
        let (start, end) = range(View::Week, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert_eq!(
            (start, end),
            (
                NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
            )
        );
    }
}
