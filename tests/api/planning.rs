//! Planning: content pieces from approved ideas, variants checked per channel, scheduling into
//! free slots or at a time, the calendar and its ICS feed read back by a real parser.

use chrono::{DateTime, Datelike, Timelike, Utc};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{location, Api, TestApp, ADMIN_EMAIL};

both_backends!(pieces_get_variants_slots_a_calendar_and_an_ics_feed);

fn zurich(t: &str) -> DateTime<chrono_tz::Tz> {
    DateTime::parse_from_rfc3339(t)
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Zurich)
}

/// An admin signed in to the pages, with an API token, and one department.
async fn planner(app: &TestApp) -> (Client, Api<'_>) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = Api {
        app,
        client: Client::new(),
        token: app.create_token(ADMIN_EMAIL, "plan"),
    };
    (admin, api)
}

async fn pieces_get_variants_slots_a_calendar_and_an_ics_feed(app: TestApp) {
    let (admin, api) = planner(&app).await;
    let (s, masto) = api
        .call("POST", "/api/v1/channels", json!({"name": "Mastodon", "kind": "mastodon", "config": {"instance_url": "https://social.example"}, "secrets": {"access_token": "t"}, "schedules": [{"cron": "0 0 9 * * Mon-Fri *", "timezone": "Europe/Zurich"}]}))
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, letter) = api
        .call("POST", "/api/v1/channels", json!({"name": "Newsletter", "kind": "newsletter", "config": {"from_address": "news@example.ch"}, "secrets": {"smtp_url": "smtp://u:p@mail.example"}, "schedules": [{"cron": "0 0 7 * * Tue *"}]}))
        .await;
    let (masto_id, letter_id) = (
        masto["id"].as_i64().unwrap(),
        letter["id"].as_i64().unwrap(),
    );

    // Production starts from the idea page; the idea moves to in_production.
    let idea = api.approved_idea("Winter campaign").await;
    let r = app
        .submit(
            &admin,
            &format!("/ideas/{idea}"),
            &format!("/ideas/{idea}/content"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = location(&r);
    let content: i64 = page.trim_start_matches("/content/").parse().unwrap();
    let (_, idea_json) = api
        .call("GET", &format!("/api/v1/ideas/{idea}"), json!({}))
        .await;
    assert_eq!(idea_json["state"], "in_production");

    // Variants through the page: Mastodon German, newsletter French.
    for (ch, lang) in [(masto_id, "de"), (letter_id, "fr")] {
        let r = app
            .submit(
                &admin,
                &page,
                &format!("{page}/variants"),
                &[("channel_id", &ch.to_string()), ("language", lang)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let (_, piece) = api
        .call("GET", &format!("/api/v1/content/{content}"), json!({}))
        .await;
    crate::helpers::assert_matches_schema(&app, "Content", &piece).await;
    let vars = piece["variants"].as_array().unwrap();
    let (mv, nv) = (
        vars[0]["id"].as_i64().unwrap(),
        vars[1]["id"].as_i64().unwrap(),
    );

    // Over the limit: refused with the count; within it: the next weekday 09:00 in Zurich.
    let long = format!("{} https://example.ch/winter", "Schnee ".repeat(70));
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/variants/{mv}"),
            &[("text", &long), ("link", "")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/variants/{mv}/schedule"),
            &[("slot", "next")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("514 characters: the channel takes 500."),
        "{}",
        &html[html.find("<main").unwrap_or(0)..]
    );
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/variants/{mv}"),
            &[
                ("text", "Es schneit! https://example.ch/winter"),
                ("images", "https://example.ch/a.jpg | Verschneite Bäckerei"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/variants/{mv}/schedule"),
            &[("slot", "next")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, piece) = api
        .call("GET", &format!("/api/v1/content/{content}"), json!({}))
        .await;
    let first = piece["variants"][0]["scheduled_at"]
        .as_str()
        .unwrap()
        .to_string();
    let local = zurich(&first);
    assert!(
        local > Utc::now()
            && (local.hour(), local.minute()) == (9, 0)
            && local.weekday().num_days_from_monday() < 5,
        "{local}"
    );

    // A second piece gets the following slot; the taken one and the past are refused.
    let other = api.approved_idea("Spring teaser").await;
    let (s, piece2) = api
        .call(
            "POST",
            "/api/v1/content",
            json!({"idea_id": other, "title": "Spring teaser"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, v2) = api
        .call(
            "POST",
            &format!("/api/v1/content/{}/variants", piece2["id"]),
            json!({"channel_id": masto_id, "language": "de", "text": "Frühling kommt"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let v2 = v2["id"].as_i64().unwrap();
    // The channel's rules hold on the API too: a newsletter without subject is refused.
    let (_, nl) = api
        .call(
            "POST",
            &format!("/api/v1/content/{}/variants", piece2["id"]),
            json!({"channel_id": letter_id, "language": "it", "text": "Primavera"}),
        )
        .await;
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/variants/{}/schedule", nl["id"]),
            json!({"slot": "next"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["detail"], "A newsletter needs a subject.", "{body}");
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/variants/{v2}/schedule"),
            json!({"at": first}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("Another piece has this slot"),
        "{body}"
    );
    let (s, _) = api
        .call(
            "POST",
            &format!("/api/v1/variants/{v2}/schedule"),
            json!({"at": "2020-01-01T09:00:00+01:00"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, v2j) = api
        .call(
            "POST",
            &format!("/api/v1/variants/{v2}/schedule"),
            json!({"slot": "next"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let second = zurich(v2j["scheduled_at"].as_str().unwrap());
    assert!(second > local);

    // The first piece's page offers ten free slots in order: its variant's own slot first,
    // not the one the second piece holds.
    let (_, html) = app.get_html(&admin, &page).await;
    let list = &html[html
        .find(&format!(r#"<select id="slot-{mv}""#))
        .expect("a slot list")..];
    let list = &list[..list.find("</select>").unwrap()];
    let offered: Vec<DateTime<Utc>> = list
        .split(r#"<option value=""#)
        .skip(1)
        .map(|o| {
            DateTime::parse_from_rfc3339(&o[..o.find('"').unwrap()])
                .unwrap()
                .to_utc()
        })
        .collect();
    assert_eq!(offered.len(), 10, "{list}");
    assert_eq!(offered[0], local.to_utc(), "{list}");
    assert!(!offered.contains(&second.to_utc()), "{list}");
    assert!(offered.windows(2).all(|w| w[0] < w[1]), "{list}");

    // The newsletter needs a subject; once every variant has a time the idea is scheduled.
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/variants/{nv}/schedule"),
            &[("slot", "next")],
        )
        .await;
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("A newsletter needs a subject."));
    app.submit(
        &admin,
        &page,
        &format!("/variants/{nv}"),
        &[("subject", "L'hiver arrive"), ("text", "Bonjour !")],
    )
    .await;
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/variants/{nv}/schedule"),
            &[("slot", "next")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, idea_json) = api
        .call("GET", &format!("/api/v1/ideas/{idea}"), json!({}))
        .await;
    assert_eq!(idea_json["state"], "scheduled");
    let (s, _) = api
        .call(
            "DELETE",
            &format!("/api/v1/variants/{nv}/schedule"),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, idea_json) = api
        .call("GET", &format!("/api/v1/ideas/{idea}"), json!({}))
        .await;
    assert_eq!(
        idea_json["state"], "in_production",
        "taking a variant off the plan un-schedules the idea"
    );
    app.submit(
        &admin,
        &page,
        &format!("/variants/{nv}/schedule"),
        &[("slot", "next")],
    )
    .await;

    // The month of the first slot shows both pieces; a channel filter narrows it.
    let month = format!("/calendar?view=month&date={}", local.date_naive());
    let (status, html) = app.get_html(&admin, &month).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Winter campaign") && html.contains("Spring teaser"),
        "{html}"
    );
    assert!(html.contains("09:00"));
    let (_, only_letter) = app
        .get_html(&admin, &format!("{month}&channel={letter_id}"))
        .await;
    assert!(only_letter.contains("Winter campaign") && !only_letter.contains("Spring teaser"));
    // So does a language (only the winter piece has a French variant planned), and the
    // ideas' own department keeps both.
    let (_, french) = app.get_html(&admin, &format!("{month}&language=fr")).await;
    assert!(french.contains("Winter campaign") && !french.contains("Spring teaser"));
    let (_, marketing) = app.get_html(&admin, &format!("{month}&department=1")).await;
    assert!(marketing.contains("Winter campaign") && marketing.contains("Spring teaser"));
    // Filters by the idea narrow it too (and a department or pillar with no plan empties it).
    for other in ["department=999999", "pillar=Nowhere"] {
        let (_, none) = app.get_html(&admin, &format!("{month}&{other}")).await;
        assert!(
            !none.contains("Winter campaign") && !none.contains("Spring teaser"),
            "{other}: {none}"
        );
    }
    // A contributor of the department sees the plan, with links to the ideas, not the pieces.
    app.create_user(
        &admin,
        "mia@example.ch",
        "Mia",
        "contributor",
        Some("Marketing"),
    )
    .await;
    let (mia, _) = app.login("mia@example.ch", crate::helpers::PASSWORD).await;
    let (_, theirs) = app.get_html(&mia, &month).await;
    assert!(
        theirs.contains(&format!("href=\"/ideas/{idea}\"")) && !theirs.contains("href=\"/content/"),
        "{theirs}"
    );
    // One of another department does not.
    app.create_department(&admin, "Sales").await;
    app.create_user(
        &admin,
        "sol@example.ch",
        "Sol",
        "contributor",
        Some("Sales"),
    )
    .await;
    let (sol, _) = app.login("sol@example.ch", crate::helpers::PASSWORD).await;
    let (_, not_theirs) = app.get_html(&sol, &month).await;
    assert!(
        !not_theirs.contains("Winter campaign") && !not_theirs.contains("Spring teaser"),
        "{not_theirs}"
    );
    for odd in ["262143-12-31", "0001-01-01", "garbage", "2026-02-30"] {
        let (status, _) = app
            .get_html(&admin, &format!("/calendar?date={odd}&view=week"))
            .await;
        assert_eq!(status, StatusCode::OK, "{odd}");
    }
    let (_, agenda) = app
        .get_html(
            &admin,
            &format!("/calendar?view=agenda&date={}", Utc::now().date_naive()),
        )
        .await;
    assert!(agenda.contains("Spring teaser"));

    // The ICS feed, read by an independent parser (Python's icalendar).
    let (s, feed) = api
        .call("POST", "/api/v1/me/calendar-feeds", json!({}))
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let url = feed["url"].as_str().unwrap().to_string();
    let ics = reqwest::get(&url).await.unwrap();
    assert_eq!(ics.status(), StatusCode::OK);
    assert!(ics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let text = ics.text().await.unwrap();
    let events = parse_ics(&text);
    let ours = events
        .iter()
        .find(|e| {
            e["uid"]
                .as_str()
                .unwrap()
                .starts_with(&format!("variant-{mv}@"))
        })
        .expect("the Mastodon variant");
    assert_eq!(
        DateTime::parse_from_rfc3339(ours["start"].as_str().unwrap()).unwrap(),
        DateTime::parse_from_rfc3339(&first).unwrap()
    );
    assert!(ours["summary"]
        .as_str()
        .unwrap()
        .contains("Winter campaign"));
    assert_eq!(events.len(), 3);
    assert_eq!(
        parse_ics(&reqwest::get(&url).await.unwrap().text().await.unwrap())[0]["uid"],
        events[0]["uid"],
        "stable UIDs"
    );
    // A channel that does not exist is refused (schemathesis found it answered 500).
    let (s, problem) = api
        .call(
            "POST",
            "/api/v1/me/calendar-feeds",
            json!({"channel_id": 999_999}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem["errors"]["channel_id"].is_string(), "{problem}");
    // A body must be a JSON object: serde would read [81] as {"channel_id": 81}.
    for (path, body) in [
        ("/api/v1/me/calendar-feeds", json!([81])),
        ("/api/v1/me/calendar-feeds", json!({"label": "x"})),
        ("/api/v1/ideas", json!(["A title"])),
    ] {
        let (s, problem) = api.call("POST", path, body.clone()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path} {body}: {problem}");
    }
    // A feed limited to one channel has that channel's entries only.
    let (_, letters_only) = api
        .call(
            "POST",
            "/api/v1/me/calendar-feeds",
            json!({"channel_id": letter_id}),
        )
        .await;
    let only = parse_ics(
        &reqwest::get(letters_only["url"].as_str().unwrap())
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(only.len(), 1, "{only:?}");
    assert!(only[0]["summary"].as_str().unwrap().contains("Newsletter"));
    let forged = url.replace(".ics", "x.ics");
    assert_eq!(
        reqwest::get(&forged).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );

    // A piece whose idea was taken back out of production cannot be scheduled.
    let (s, _) = api
        .call(
            "DELETE",
            &format!("/api/v1/variants/{v2}/schedule"),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    for to in ["approved", "rejected"] {
        let (s, body) = api
            .call(
                "POST",
                &format!("/api/v1/ideas/{other}/transitions"),
                json!({"to": to, "comment": "Budget cut."}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
    }
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/variants/{v2}/schedule"),
            json!({"slot": "next"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("Only pieces in production"),
        "{body}"
    );

    // Revoked: gone.
    let (_, account) = app.get_html(&admin, "/account").await;
    let feed_id = crate::helpers::number_after(&account, "/account/calendar-feeds/");
    let r = app
        .submit(
            &admin,
            "/account",
            &format!("/account/calendar-feeds/{feed_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        reqwest::get(&url).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
}

/// Events as Python's icalendar reads them: uid, summary, start in RFC 3339.
fn parse_ics(ics: &str) -> Vec<Value> {
    let script = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
print(json.dumps([{"uid": str(e["UID"]), "summary": str(e["SUMMARY"]), "start": e.decoded("DTSTART").isoformat()} for e in cal.walk("VEVENT")]))
"#;
    let parsed = crate::helpers::python_json(script, ics, "icalendar");
    parsed.as_array().cloned().unwrap_or_default()
}

both_backends!(a_month_with_a_thousand_entries_shows_each_once_in_a_lean_page);

/// A busy month: every scheduled variant appears exactly once (not once per week and day),
/// and the page stays small enough to load quickly.
async fn a_month_with_a_thousand_entries_shows_each_once_in_a_lean_page(app: TestApp) {
    let (admin, api) = planner(&app).await;
    let (s, ch) = api
        .call("POST", "/api/v1/channels", json!({"name": "Busy hook", "kind": "webhook", "config": {"url": "https://hooks.example/in"}}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    let first = chrono::NaiveDate::from_ymd_opt(2031, 3, 3)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut c = app.conn();
    let ids = pressroom::store::seed::due_variants(
        &mut c,
        ch["id"].as_i64().unwrap(),
        1000,
        first,
        chrono::Duration::days(24),
    )
    .unwrap();
    let (s, html) = app
        .get_html(&admin, "/calendar?view=month&date=2031-03-15")
        .await;
    assert_eq!(s, StatusCode::OK);
    for id in &ids {
        assert_eq!(
            html.matches(&format!("data-v=\"{id}\"")).count(),
            1,
            "variant {id} is shown once"
        );
    }
    assert!(
        html.len() < 200 * 1024,
        "the month is {} KB of HTML",
        html.len() / 1024
    );
}

both_backends!(a_title_with_line_breaks_cannot_forge_calendar_lines);

/// #12 finding 7: a piece title holding CR/LF (stored before titles were checked) stays one
/// SUMMARY in the calendar feed, as Python's icalendar reads it (the icalendar crate escapes
/// line breaks; this guards that across its upgrades).
async fn a_title_with_line_breaks_cannot_forge_calendar_lines(app: TestApp) {
    use diesel::{ExpressionMethods, RunQueryDsl};
    let (_, api) = planner(&app).await;
    let (s, ch) = api
        .call("POST", "/api/v1/channels", json!({"name": "Hook", "kind": "webhook", "config": {"url": "https://hooks.example/in"}}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    let at = (chrono::Utc::now() + chrono::Duration::days(3)).naive_utc();
    let mut c = app.conn();
    pressroom::store::seed::due_variants(
        &mut c,
        ch["id"].as_i64().unwrap(),
        1,
        at,
        chrono::Duration::zero(),
    )
    .unwrap();
    diesel::update(pressroom::db::schema::content_pieces::table)
        .set(
            pressroom::db::schema::content_pieces::title
                .eq("Evil\rATTENDEE:mailto:x@evil.example\r\nX"),
        )
        .execute(&mut c)
        .unwrap();
    let (s, feed) = api
        .call("POST", "/api/v1/me/calendar-feeds", json!({}))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{feed}");
    let ics = reqwest::get(feed["url"].as_str().unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!ics.lines().any(|l| l.starts_with("ATTENDEE")), "{ics}");
    let events = parse_ics(&ics);
    assert_eq!(events.len(), 1, "{ics}");
    assert!(
        events[0]["summary"].as_str().unwrap().starts_with("Evil"),
        "{events:?}"
    );
}

crate::each_backend!(a_calendar_one_instance_keeps_follows_every_change);

/// Instance b keeps the calendars it read (`store::kept`); each change made through instance
/// a, or straight in the database, shows on b's next calendar.
async fn a_calendar_one_instance_keeps_follows_every_change(backend: crate::helpers::Backend) {
    use crate::publishing::{hook_to, planned, ready, receiver, wait_for_state, LOOPBACK};
    use chrono::Duration;
    use diesel::prelude::*;
    use pressroom::db::schema::ideas;
    let (a, _) = ready(backend, LOOPBACK).await;
    let api = a.api(ADMIN_EMAIL);
    let rx = receiver(wiremock::ResponseTemplate::new(200), 0).await;
    let hook = hook_to(&api, &rx).await;
    let day = (Utc::now() + Duration::days(10)).date_naive();
    let noon = |d: chrono::NaiveDate| d.and_hms_opt(11, 0, 0).unwrap().and_utc();
    let (idea, v) = planned(&api, "Harvest fair", hook, "a", noon(day)).await;
    let b = a.another_instance(LOOPBACK).await;
    let (admin_b, r) = b.login(ADMIN_EMAIL, crate::helpers::PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The agenda from that day: the entries' lines, each "title channel · language · state".
    let agenda = |filter: &'static str| {
        let (b, admin_b) = (&b, &admin_b);
        async move {
            let (s, html) = b
                .get_html(
                    admin_b,
                    &format!("/calendar?view=agenda&date={day}{filter}"),
                )
                .await;
            assert_eq!(s, StatusCode::OK);
            // Each entry's text with its tags taken out.
            html.split("<li class=\"entry")
                .skip(1)
                .map(|li| {
                    let li = &li[li.find('>').unwrap() + 1..li.find("</li>").unwrap()];
                    let mut text = String::new();
                    let mut in_tag = false;
                    for ch in li.chars() {
                        match ch {
                            '<' => in_tag = true,
                            '>' => in_tag = false,
                            _ if !in_tag => text.push(ch),
                            _ => {}
                        }
                    }
                    text
                })
                .collect::<Vec<String>>()
        }
    };
    let first = agenda("").await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(
        first[0].contains("Harvest fair") && first[0].ends_with("· scheduled"),
        "{first:?}"
    );
    assert_eq!(agenda("").await, first, "kept, the same");
    assert!(agenda("&pillar=Events").await.is_empty());

    // Moved out of the agenda's 30 days through a, then back.
    let schedule = |at: chrono::DateTime<Utc>| {
        let api = &api;
        async move {
            let (s, body) = api
                .call(
                    "POST",
                    &format!("/api/v1/variants/{v}/schedule"),
                    json!({"at": at.to_rfc3339()}),
                )
                .await;
            assert_eq!(s, StatusCode::OK, "{body}");
        }
    };
    schedule(noon(day + Duration::days(40))).await;
    assert!(agenda("").await.is_empty(), "moved away");
    schedule(noon(day + Duration::days(1))).await;
    assert_eq!(agenda("").await.len(), 1, "moved back");
    // The piece renamed and the idea given a pillar, straight in the database.
    a.rename_piece_of_variant(v, "Harvest fair, renamed");
    let mut c = a.conn();
    assert!(agenda("").await[0].contains("Harvest fair, renamed"));
    diesel::update(ideas::table.find(idea))
        .set(ideas::pillar.eq("Events"))
        .execute(&mut c)
        .unwrap();
    assert_eq!(agenda("&pillar=Events").await.len(), 1, "the new pillar");
    // It goes out through a.
    a.advance(Duration::days(12));
    wait_for_state(&api, v, "published").await;
    let last = agenda("").await;
    assert!(last[0].ends_with("· published"), "{last:?}");
}
