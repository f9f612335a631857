//! HTML for the pages' hottest loops, written in Rust from typed rows: the board's cards and
//! the calendar month's entries (hundreds to a thousand and more per page). Handlebars renders
//! the rest of those pages and takes these fragments as ready HTML. Every value that comes from
//! people is escaped as `{{…}}` would (`domain::html`).

use std::fmt::Write;

use crate::domain::html::{esc, push_esc};

use crate::domain::workflow::Transition;

/// What a board card needs, borrowed from the page's rows and names.
pub struct BoardCard<'a> {
    pub id: i64,
    pub title: &'a str,
    pub version: i64,
    pub department: &'a str,
    pub assignee: Option<&'a str>,
    pub tags: &'a [String],
    /// Steps this user may take from here, with their labels in the user's language.
    pub moves: Vec<(&'static Transition, &'a str)>,
}

/// The cards of one board column, each with its own small form to take a step (so the board
/// works without JavaScript; `board.js` submits the same form on a drop). Written with
/// `push_str`, as the calendar's entries are (a board has 200 cards).
pub fn board_cards(out: &mut String, cards: &[BoardCard], csrf: &str, move_label: &str) {
    let (csrf, move_label) = (esc(csrf).to_string(), esc(move_label).to_string());
    for c in cards {
        let mut id_buf = itoa::Buffer::new();
        let id = id_buf.format(c.id);
        out.push_str(r#"<article class="card-idea" draggable="true" data-id=""#);
        out.push_str(id);
        out.push_str(r#""><a class="card-title" href="/ideas/"#);
        out.push_str(id);
        out.push_str(r#"">"#);
        push_esc(out, c.title);
        out.push_str(r#"</a><p class="muted small">"#);
        push_esc(out, c.department);
        if let Some(a) = c.assignee {
            out.push_str(" · ");
            push_esc(out, a);
        }
        out.push_str("</p>");
        if !c.tags.is_empty() {
            out.push_str(r#"<p class="small">"#);
            for t in c.tags {
                out.push_str(r##"<span class="tag">#"##);
                push_esc(out, t);
                out.push_str("</span> ");
            }
            out.push_str("</p>");
        }
        if !c.moves.is_empty() {
            out.push_str(r#"<form method="post" action="/ideas/"#);
            out.push_str(id);
            out.push_str(
                r#"/transitions" class="move"><input type="hidden" name="csrf_token" value=""#,
            );
            out.push_str(&csrf);
            out.push_str(r#""><input type="hidden" name="version" value=""#);
            push_int(out, c.version);
            out.push_str(r#""><input type="hidden" name="back" value="/ideas/board"><label class="sr-only" for="mv-"#);
            out.push_str(id);
            out.push_str(r#"">"#);
            out.push_str(&move_label);
            out.push_str(r#"</label><select id="mv-"#);
            out.push_str(id);
            out.push_str(r#"" name="to">"#);
            for (t, label) in &c.moves {
                out.push_str(r#"<option value=""#);
                out.push_str(t.to.as_str());
                out.push_str(r#"">"#);
                push_esc(out, label);
                if t.needs_comment {
                    out.push_str(" …");
                }
                out.push_str("</option>");
            }
            out.push_str(r#"</select><button type="submit" class="button small">"#);
            out.push_str(&move_label);
            out.push_str("</button></form>");
        }
        out.push_str("</article>\n");
    }
}

/// One calendar entry, as every view of the calendar shows it. Its link and time are written
/// from numbers, with no string made for them per entry.
pub struct CalendarEntry<'a> {
    pub variant_id: i64,
    pub link: EntryLink,
    pub colour: i64,
    /// `scheduled`, `published` or `failed`: a class, never user text.
    pub state: &'static str,
    /// Hour and minute in the reader's time zone.
    pub time: (u32, u32),
    pub title: &'a str,
    pub channel: &'a str,
    pub language: &'a str,
}

/// Where an entry leads: editors to the variant on its piece's page, contributors to the idea.
#[derive(Clone, Copy)]
pub enum EntryLink {
    Variant { content_id: i64 },
    Idea(i64),
}

/// A number onto the end of `out` (no formatter: a month writes four per entry).
fn push_int(out: &mut String, n: i64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// The entry's link.
fn push_href(out: &mut String, e: &CalendarEntry) {
    match e.link {
        EntryLink::Variant { content_id } => {
            out.push_str("/content/");
            push_int(out, content_id);
            out.push_str("#variant-");
            push_int(out, e.variant_id);
        }
        EntryLink::Idea(id) => {
            out.push_str("/ideas/");
            push_int(out, id);
        }
    }
}

/// The entry's time as `HH:MM`.
fn push_time(out: &mut String, (hour, minute): (u32, u32)) {
    push_two(out, hour);
    out.push(':');
    push_two(out, minute);
}

/// The last two digits of `n`.
fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// `t` to the minute as "2026-11-23 14:05" (`sep` between date and time). Written digit by
/// digit: `format!` with padded fields was a twentieth of the ideas list's time.
pub fn push_minute(out: &mut String, t: chrono::NaiveDateTime, sep: char) {
    use chrono::{Datelike, Timelike};
    match u32::try_from(t.year()) {
        Ok(year) if year < 10_000 => {
            push_two(out, year / 100);
            push_two(out, year % 100);
        }
        // Never stored, but a date allows it: as `format!("{:04}")` writes it.
        _ => out.push_str(&format!("{:04}", t.year())),
    }
    out.push('-');
    push_two(out, t.month());
    out.push('-');
    push_two(out, t.day());
    out.push(sep);
    push_time(out, (t.hour(), t.minute()));
}

/// An entry of the month: a single line with no form of its own (dragging moves it through
/// the page's one form; without JavaScript the piece page does).
pub fn month_entry(out: &mut String, e: &CalendarEntry) {
    entry_line(out, e);
    out.push_str("</div>");
}

/// A week's move form's parts that are the same for every entry, escaped once per page
/// (a week has hundreds of entries).
pub struct MoveForm {
    csrf: String,
    label: String,
}

impl MoveForm {
    pub fn new(csrf: &str, label: &str) -> MoveForm {
        MoveForm {
            csrf: crate::domain::html::escape(csrf),
            label: crate::domain::html::escape(label),
        }
    }
}

/// A week's entry, for editors with a form that moves it to another time (`local_value`,
/// as the form's `datetime-local` field reads it).
pub struct Move<'a> {
    pub form: &'a MoveForm,
    pub local_value: &'a str,
}

pub fn week_entry(out: &mut String, e: &CalendarEntry, to: Option<&Move>) {
    entry_line(out, e);
    // Piece by piece, as `entry_line`: through `write!` the form was a third of the week.
    if let Some(m) = to {
        out.push_str("\n<form method=\"post\" action=\"/variants/");
        push_int(out, e.variant_id);
        out.push_str(
            "/schedule\" class=\"reschedule\"><input type=\"hidden\" name=\"csrf_token\" value=\"",
        );
        out.push_str(&m.form.csrf);
        out.push_str("\"><input type=\"datetime-local\" name=\"at\" value=\"");
        push_esc(out, m.local_value);
        out.push_str("\" aria-label=\"");
        out.push_str(&m.form.label);
        out.push_str("\"><button type=\"submit\" class=\"button small\">");
        out.push_str(&m.form.label);
        out.push_str("</button></form>");
    }
    out.push_str("</div>\n");
}

/// An entry of the agenda: a list item that names its state in words.
pub fn agenda_entry(out: &mut String, e: &CalendarEntry, state_label: &str) {
    out.push_str(r#"<li class="entry c"#);
    push_int(out, e.colour);
    out.push(' ');
    out.push_str(e.state);
    out.push_str(r#""><b>"#);
    push_time(out, e.time);
    out.push_str(r#"</b> <a href=""#);
    push_href(out, e);
    out.push_str(r#"">"#);
    push_esc(out, e.title);
    out.push_str(r#"</a> <span class="muted small">"#);
    push_esc(out, e.channel);
    out.push_str(" · ");
    push_esc(out, e.language);
    out.push_str(" · ");
    push_esc(out, state_label);
    out.push_str("</span></li>");
}

/// The line a month's and a week's entry share, left open for what follows it. Written
/// piece by piece with `push_str`: through `write!` the month's thousand entries spent a
/// seventh of the page's time in the formatter.
fn entry_line(out: &mut String, e: &CalendarEntry) {
    // Most entries are scheduled, which has no style of its own: the class is left out for
    // them (a month is a thousand lines and more; every byte counts a thousand times).
    let state = if e.state == "scheduled" { "" } else { e.state };
    out.push_str(r#"<div class="entry c"#);
    push_int(out, e.colour);
    out.push(' ');
    out.push_str(state);
    out.push_str(r#"" data-v=""#);
    push_int(out, e.variant_id);
    out.push_str(r#""><a href=""#);
    push_href(out, e);
    out.push_str(r#""><b>"#);
    push_time(out, e.time);
    out.push_str("</b> ");
    push_esc(out, e.title);
    out.push_str("</a><small>");
    push_esc(out, e.channel);
    out.push_str(" · ");
    push_esc(out, e.language);
    out.push_str("</small>");
}

/// One row of the ideas list (fifty a page).
pub struct ListRow<'a> {
    pub id: i64,
    pub title: &'a str,
    pub submitter: &'a str,
    /// When it was handed in, in the reader's time zone.
    pub created: &'a str,
    pub tags: &'a [String],
    /// The state's name: a class, never user text.
    pub state: &'static str,
    pub state_label: &'a str,
    pub department: &'a str,
    pub assignee: Option<&'a str>,
    pub wished_date: Option<chrono::NaiveDate>,
}

/// The ideas list's rows; with `selectable`, each with a checkbox for the bulk form.
pub fn list_rows(out: &mut String, rows: &[ListRow], selectable: bool) {
    const NONE: &str = r#"<span class="muted">—</span>"#;
    for r in rows {
        let mut id_buf = itoa::Buffer::new();
        let id = id_buf.format(r.id);
        out.push_str("<tr>");
        if selectable {
            out.push_str(r#"<td><input type="checkbox" name="ids" value=""#);
            out.push_str(id);
            out.push_str(r#"" aria-label=""#);
            push_esc(out, r.title);
            out.push_str(r#""></td>"#);
        }
        out.push_str(r#"<td><a href="/ideas/"#);
        out.push_str(id);
        out.push_str(r#"">"#);
        push_esc(out, r.title);
        out.push_str(r#"</a><div class="muted small">"#);
        push_esc(out, r.submitter);
        out.push_str(" · ");
        push_esc(out, r.created);
        for t in r.tags {
            out.push_str(r#" · <span class="tag">#"#);
            push_esc(out, t);
            out.push_str("</span>");
        }
        out.push_str(r#"</div></td><td><span class="badge state-"#);
        out.push_str(r.state);
        out.push_str(r#"">"#);
        push_esc(out, r.state_label);
        out.push_str("</span></td><td>");
        push_esc(out, r.department);
        out.push_str("</td><td>");
        match r.assignee {
            Some(a) => push_esc(out, a),
            None => out.push_str(NONE),
        }
        out.push_str(r#"</td><td class="nowrap">"#);
        match r.wished_date {
            Some(d) => {
                let _ = write!(out, "{d}");
            }
            None => out.push_str(NONE),
        }
        out.push_str("</td></tr>\n");
    }
}

/// A publication's state and what an editor may do about it, as the publications list and a
/// piece's page show it.
pub struct PublicationCell<'a> {
    pub id: i64,
    pub state: &'a str,
    pub state_label: &'a str,
    pub url: Option<&'a str>,
    pub next_retry: Option<&'a str>,
    pub error: Option<&'a str>,
    pub can_retry: bool,
    pub can_confirm: bool,
    pub unconfirmed: bool,
    /// Where the forms lead back to.
    pub back: &'a str,
}

/// The words of those cells in the reader's language.
pub struct PublicationLabels {
    pub live_link: String,
    pub next_retry: String,
    pub last_error: String,
    pub unconfirmed_help: String,
    pub retry: String,
    pub confirm: String,
    pub confirm_url: String,
}

/// The state part of a publication cell.
pub fn publication_state(out: &mut String, p: &PublicationCell, l: &PublicationLabels) {
    let _ = write!(
        out,
        r#"<span class="pub-state pub-{}">{}</span>"#,
        esc(p.state),
        esc(p.state_label)
    );
    if let Some(u) = p.url {
        let _ = write!(
            out,
            r#" <a href="{}" rel="noopener noreferrer">{}</a>"#,
            esc(u),
            esc(&l.live_link)
        );
    }
    if let Some(n) = p.next_retry {
        let _ = write!(
            out,
            r#"<div class="small muted">{}: {}</div>"#,
            esc(&l.next_retry),
            esc(n)
        );
    }
    if let Some(e) = p.error {
        let _ = write!(
            out,
            r#"<div class="small pub-error">{}: {}</div>"#,
            esc(&l.last_error),
            esc(e)
        );
    }
    if p.unconfirmed {
        let _ = write!(
            out,
            r#"<div class="small muted">{}</div>"#,
            esc(&l.unconfirmed_help)
        );
    }
}

/// The retry and confirm forms of a publication cell.
pub fn publication_actions(
    out: &mut String,
    p: &PublicationCell,
    l: &PublicationLabels,
    csrf: &str,
) {
    let (id, csrf, back) = (p.id, esc(csrf), esc(p.back));
    if p.can_retry {
        let _ = write!(
            out,
            r#"<form method="post" action="/publications/{id}/retry" class="inline"><input type="hidden" name="csrf_token" value="{csrf}"><input type="hidden" name="back" value="{back}"><button type="submit" class="button small">{}</button></form>"#,
            esc(&l.retry)
        );
    }
    if p.can_confirm {
        let url_label = esc(&l.confirm_url);
        let _ = write!(
            out,
            r#"<form method="post" action="/publications/{id}/confirm" class="inline pub-confirm"><input type="hidden" name="csrf_token" value="{csrf}"><input type="hidden" name="back" value="{back}"><label class="sr-only" for="pub-url-{id}">{url_label}</label><input id="pub-url-{id}" type="url" name="url" placeholder="{url_label}"><button type="submit" class="button small">{}</button></form>"#,
            esc(&l.confirm)
        );
    }
}

/// An inbox conversation's answer clock: its text, how much of the time is used up (percent),
/// and whether it is close to or past its due time. `None` when the clock is stopped.
#[derive(serde::Serialize)]
pub struct InboxClock {
    pub text: String,
    pub percent: f64,
    pub warn: bool,
    pub overdue: bool,
}

/// What an inbox row needs, borrowed from the page's conversations and names.
pub struct InboxItem<'a> {
    pub id: i64,
    pub author: &'a str,
    pub author_name: &'a str,
    pub channel: &'a str,
    pub received: &'a str,
    pub excerpt: &'a str,
    pub count: usize,
    pub state_label: &'a str,
    pub tone: &'a str,
    pub tone_label: &'a str,
    pub assignee: Option<&'a str>,
    pub clock: Option<InboxClock>,
}

/// One row of the inbox list, with its answer clock.
pub fn inbox_item(out: &mut String, i: &InboxItem) {
    let (row_flag, clock_flag) = match &i.clock {
        Some(c) if c.overdue => (" breached", " overdue"),
        Some(c) if c.warn => (" warn", " warn"),
        _ => ("", ""),
    };
    out.push_str(r#"<li class="inbox-item"#);
    out.push_str(row_flag);
    out.push_str(r#""><div class="inbox-clock">"#);
    match &i.clock {
        Some(c) => {
            out.push_str(r#"<span class="clock"#);
            out.push_str(clock_flag);
            out.push_str(r#"">"#);
            push_esc(out, &c.text);
            let _ = write!(
                out,
                r#"</span><progress class="clock-bar" max="100" value="{}" aria-hidden="true"></progress>"#,
                c.percent.round()
            );
        }
        None => {
            out.push_str(r#"<span class="badge">"#);
            push_esc(out, i.state_label);
            out.push_str("</span>");
        }
    }
    let name = if i.author_name.is_empty() {
        i.author
    } else {
        i.author_name
    };
    out.push_str(r#"</div><div class="inbox-body"><p class="inbox-head"><a href="/inbox/"#);
    push_int(out, i.id);
    out.push_str(r#""><strong>"#);
    push_esc(out, name);
    out.push_str(r#"</strong></a> <span class="muted">@"#);
    push_esc(out, i.author);
    out.push_str(" · ");
    push_esc(out, i.channel);
    out.push_str(" · ");
    push_esc(out, i.received);
    out.push_str(r#"</span></p><p class="inbox-excerpt">"#);
    push_esc(out, i.excerpt);
    out.push_str(r#"</p></div><div class="inbox-meta"><span class="tone tone-"#);
    push_esc(out, i.tone);
    out.push_str(r#"">"#);
    push_esc(out, i.tone_label);
    out.push_str("</span>");
    if let Some(a) = i.assignee {
        out.push_str(r#"<span class="chip">"#);
        push_esc(out, a);
        out.push_str("</span>");
    }
    if i.count > 1 {
        out.push_str(r#"<span class="muted small">"#);
        push_int(out, i.count as i64);
        out.push_str(" ✉</span>");
    }
    out.push_str("</div></li>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workflow::{State, TRANSITIONS};

    #[test]
    fn a_minute_is_written_as_format_wrote_it() {
        use chrono::{Datelike, NaiveDate, Timelike};
        let times = [
            (2026, 11, 23, 14, 5, 59),
            (1999, 1, 1, 0, 0, 0),
            (2000, 12, 31, 23, 59, 1),
            (9999, 2, 9, 9, 9, 9),
            (12345, 6, 7, 8, 10, 0),
        ]
        .map(|(y, mo, d, h, mi, s)| {
            NaiveDate::from_ymd_opt(y, mo, d).and_then(|day| day.and_hms_opt(h, mi, s))
        });
        for t in times.map(Option::unwrap) {
            for sep in [' ', 'T'] {
                let mut s = String::new();
                push_minute(&mut s, t, sep);
                let want = format!(
                    "{:04}-{:02}-{:02}{sep}{:02}:{:02}",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute()
                );
                assert_eq!(s, want);
            }
        }
    }

    #[test]
    fn board_cards_escape_what_people_wrote() {
        let approve = TRANSITIONS
            .iter()
            .find(|t| t.from == State::InReview && t.to == State::Approved)
            .unwrap();
        let tags = vec!["<b>".to_string()];
        let card = BoardCard {
            id: 7,
            title: "<script>alert(1)</script>",
            version: 3,
            department: "R&D",
            assignee: Some("\"Ann\""),
            tags: &tags,
            moves: vec![(approve, "Approve <now>")],
        };
        let mut html = String::new();
        board_cards(&mut html, &[card], "tok\"en", "Move");
        assert!(
            !html.contains("<script>") && html.contains("&lt;script&gt;"),
            "{html}"
        );
        assert!(html.contains("R&amp;D") && html.contains("&quot;Ann&quot;"));
        assert!(html.contains("#&lt;b&gt;") && html.contains("Approve &lt;now&gt;"));
        assert!(html.contains(r#"value="tok&quot;en""#));
        assert!(html.contains(r#"<option value="approved">"#));
        assert!(html.contains(r#"name="version" value="3""#));
    }

    #[test]
    fn calendar_entries_escape_what_people_wrote() {
        let e = CalendarEntry {
            variant_id: 5,
            link: EntryLink::Variant { content_id: 1 },
            colour: 3,
            state: "scheduled",
            time: (9, 0),
            title: "<img src=x onerror=alert(1)>",
            channel: "Blog & News",
            language: "de",
        };
        let (mut month, mut week, mut agenda) = (String::new(), String::new(), String::new());
        month_entry(&mut month, &e);
        let form = MoveForm::new("tok\"en", "Move <here>");
        let to = Move {
            form: &form,
            local_value: "2026-11-26T09:00",
        };
        week_entry(&mut week, &e, Some(&to));
        agenda_entry(&mut agenda, &e, "Scheduled <soon>");
        for html in [&month, &week, &agenda] {
            assert!(!html.contains("<img") && html.contains("&lt;img"), "{html}");
            assert!(html.contains("Blog &amp; News"), "{html}");
        }
        assert!(
            month.starts_with(
                r#"<div class="entry c3 " data-v="5"><a href="/content/1#variant-5"><b>09:00</b>"#
            ) && month.ends_with("</div>"),
            "{month}"
        );
        assert!(week.contains(r#"action="/variants/5/schedule""#), "{week}");
        assert!(
            week.contains(r#"name="csrf_token" value="tok&quot;en""#),
            "{week}"
        );
        assert!(week.contains(r#"value="2026-11-26T09:00" aria-label="Move &lt;here&gt;""#));
        assert!(
            agenda.starts_with(r#"<li class="entry c3 scheduled">"#),
            "{agenda}"
        );
        assert!(agenda.contains("Scheduled &lt;soon&gt;"), "{agenda}");
    }

    #[test]
    fn list_rows_escape_what_people_wrote() {
        let tags = vec!["<i>".to_string()];
        let row = ListRow {
            id: 9,
            title: "\"><img src=x onerror=alert(1)>",
            submitter: "<Bob>",
            created: "2026-11-26 10:00",
            tags: &tags,
            state: "in_review",
            state_label: "In review",
            department: "R&D",
            assignee: None,
            wished_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
        };
        let mut html = String::new();
        list_rows(&mut html, &[row], true);
        assert!(!html.contains("<img") && !html.contains("<Bob>"), "{html}");
        assert!(html.contains(r#"aria-label="&quot;&gt;&lt;img"#), "{html}");
        assert!(html.contains("#&lt;i&gt;") && html.contains("R&amp;D"));
        assert!(html.contains(r#"<a href="/ideas/9">"#) && html.contains("2026-12-01"));
        assert!(html.contains(r#"class="badge state-in_review""#));
        let mut plain = String::new();
        list_rows(&mut plain, &[], false);
        assert!(plain.is_empty());
    }

    #[test]
    fn inbox_rows_escape_what_people_wrote_and_show_the_clock() {
        let item = |clock| InboxItem {
            id: 4,
            author: "eve@x",
            author_name: "<img src=x onerror=alert(1)>",
            channel: "M&M",
            received: "2026-11-26 09:00",
            excerpt: "\"quoted\" <b>",
            count: 3,
            state_label: "Open",
            tone: "negative",
            tone_label: "Negative",
            assignee: Some("<Ann>"),
            clock,
        };
        let mut html = String::new();
        let overdue = InboxClock {
            text: "overdue by 9 min".into(),
            percent: 100.0,
            warn: false,
            overdue: true,
        };
        inbox_item(&mut html, &item(Some(overdue)));
        inbox_item(&mut html, &item(None));
        assert!(
            !html.contains("<img") && html.contains("&lt;img src&#x3D;x"),
            "{html}"
        );
        assert!(html.contains("M&amp;M") && html.contains("&lt;Ann&gt;"));
        assert!(html.contains("&quot;quoted&quot; &lt;b&gt;"));
        assert_eq!(
            html.matches(r#"<li class="inbox-item breached">"#).count(),
            1
        );
        assert!(html.contains(r#"<span class="clock overdue">overdue by 9 min</span>"#));
        assert!(html.contains(r#"<span class="badge">Open</span>"#));
        assert_eq!(html.matches("3 ✉").count(), 2);
    }
}
