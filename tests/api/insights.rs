//! `/insights`: publications of a period and what they earned, grouped by channel or
//! department, checked against numbers worked out by hand; the CSV read back by Python's csv
//! module, with a formula in a channel's name neutralised.

use chrono::{Datelike, Duration, Utc};
use reqwest::StatusCode;
use wiremock::ResponseTemplate;

use crate::helpers::{Backend, ADMIN_EMAIL};
use crate::publishing::{hook_to, planned, ready, receiver, wait_for_state, LOOPBACK};
use pressroom::store;
use pressroom::store::links::NewClick;

/// The CSV as rows of cells, read by Python's csv module.
fn python_csv(text: &str) -> Vec<Vec<String>> {
    let script = "import csv, sys, json\nprint(json.dumps(list(csv.reader(sys.stdin))))";
    serde_json::from_value(crate::helpers::python_json(script, text, "python3")).unwrap()
}

crate::each_backend!(
    insights_add_up_publications_clicks_and_engagement,
    a_dashboard_one_instance_keeps_follows_every_change
);

async fn insights_add_up_publications_clicks_and_engagement(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    let api = app.api(ADMIN_EMAIL);
    let rx = receiver(ResponseTemplate::new(200), 0).await;
    let alpha = hook_to(&api, &rx).await;
    let (s, ch) = api
        .call(
            "POST",
            "/api/v1/channels",
            serde_json::json!({"name": "=HYPERLINK(\"http://evil.example\")", "kind": "webhook",
                "config": {"url": format!("{}/b", rx.uri())},
                "secrets": {"signing_secret": crate::publishing::new_secret()}}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{ch}");
    let formula = ch["id"].as_i64().unwrap();
    let at = Utc::now() + Duration::minutes(5);
    let (one, v1) = planned(&api, "One", alpha, "a", at).await;
    let (_, v2) = planned(&api, "Two", formula, "b", at).await;
    let (_, v3) = planned(&api, "Three", alpha, "c", at + Duration::minutes(1)).await;
    app.advance(Duration::minutes(7));
    let mut ids = vec![];
    for v in [v1, v2, v3] {
        ids.push(
            wait_for_state(&api, v, "published").await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    // By hand: One has 5 people's clicks and 2 bots', favourites 10 then 12 and boosts 3
    // (engagement 15); Two 3 clicks and likes 4 (4); Three nothing.
    let mut c = app.conn();
    let now = app.scheduler.clock().naive();
    let link = |c: &mut pressroom::db::Conn, p: i64| {
        store::links::ensure(
            c,
            p,
            &[("https://example.ch/x".into(), "https://example.ch/x".into())],
            now,
        )
        .unwrap()["https://example.ch/x"]
            .id
    };
    let (l1, l2) = (link(&mut c, ids[0]), link(&mut c, ids[1]));
    let click = |link_id, bot| NewClick {
        link_id,
        clicked_at: now,
        bot,
        visitor: (!bot).then(|| "v".to_string()),
    };
    let mut clicks: Vec<NewClick> = (0..5).map(|_| click(l1, false)).collect();
    clicks.extend((0..2).map(|_| click(l1, true)));
    clicks.extend((0..3).map(|_| click(l2, false)));
    store::links::record(&mut c, &clicks).unwrap();
    store::metrics::record(&mut c, ids[0], now, &[("favourites", 10), ("boosts", 3)]).unwrap();
    store::metrics::record(
        &mut c,
        ids[0],
        now + Duration::minutes(1),
        &[("favourites", 12)],
    )
    .unwrap();
    store::metrics::record(&mut c, ids[1], now, &[("likes", 4)]).unwrap();

    // A fourth idea handed in, sent back and handed in again: one idea handed in, not two.
    let (s, four) = api
        .call(
            "POST",
            "/api/v1/ideas",
            serde_json::json!({"title": "Four", "department_id": 1}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{four}");
    for to in ["changes_requested", "submitted"] {
        let (s, body) = api
            .call(
                "POST",
                &format!("/api/v1/ideas/{}/transitions", four["id"]),
                serde_json::json!({ "to": to, "comment": "A shorter title, please." }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{to}: {body}");
    }

    let (s, html) = app.get_html(&admin, "/insights?days=7&by=channel").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        !html.contains("=HYPERLINK(\"http"),
        "escaped on the page: {html}"
    );
    assert!(
        html.contains("HYPERLINK(&quot;http://evil.example&quot;)"),
        "{html}"
    );

    let r = admin
        .get(app.url("/insights.csv?days=7&by=channel"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let rows = python_csv(&r.text().await.unwrap());
    let expect: Vec<Vec<String>> = [
        ["Channel", "Publications", "Clicks", "Engagement"],
        ["Hook", "2", "5", "15"],
        ["'=HYPERLINK(\"http://evil.example\")", "1", "3", "4"],
        ["Total", "3", "8", "19"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    assert_eq!(rows, expect);

    // The same numbers through the API; filters that mean nothing are a 400 naming them.
    let (s, json) = api
        .call(
            "GET",
            "/api/v1/insights?days=7&by=channel",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{json}");
    crate::helpers::assert_matches_schema(&app, "Insights", &json).await;
    assert_eq!(json["items"][0]["key"], "Hook");
    assert_eq!(json["items"][0]["clicks"], 5);
    assert_eq!(json["items"][0]["engagement"], 15);
    assert_eq!(json["total"]["publications"], 3);
    for (bad, param) in [
        ("days=8", "days"),
        ("by=weather", "by"),
        ("days=abc", "days"),
    ] {
        let (s, doc) = api
            .call(
                "GET",
                &format!("/api/v1/insights?{bad}"),
                serde_json::json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}: {doc}");
        assert!(doc["detail"].as_str().unwrap().starts_with(param), "{doc}");
    }
    let r = admin
        .get(app.url("/insights.csv?days=30&by=department"))
        .send()
        .await
        .unwrap();
    let rows = python_csv(&r.text().await.unwrap());
    assert_eq!(rows[1], ["Marketing", "3", "8", "19"]);
    // By the language and the pillar the posts went out in: the same sums, other rows.
    let (_, by_language) = api
        .call(
            "GET",
            "/api/v1/insights?days=7&by=language",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(
        by_language["items"],
        serde_json::json!([{"key": "de", "publications": 3, "clicks": 8, "engagement": 19}]),
        "{by_language}"
    );
    let (_, by_pillar) = api
        .call(
            "GET",
            "/api/v1/insights?days=7&by=pillar",
            serde_json::json!({}),
        )
        .await;
    let items = by_pillar["items"].as_array().unwrap();
    let sum = |f: &str| items.iter().map(|i| i[f].as_i64().unwrap()).sum::<i64>();
    assert_eq!(
        (sum("publications"), sum("clicks"), sum("engagement")),
        (3, 8, 19)
    );

    // The best pieces first; the funnel of Marketing: four ideas handed in, three approved and
    // published, 27 clicks and engagement over three posts, out within the hour.
    assert_eq!(json["top"][0]["title"], "One", "{json}");
    assert_eq!(json["top"][0]["clicks"], 5);
    assert_eq!(json["top"][1]["title"], "Two");
    assert_eq!(json["top"].as_array().unwrap().len(), 3);
    assert_eq!(
        json["bottom"],
        serde_json::json!([]),
        "three pieces are all on top"
    );
    let f = &json["funnel"][0];
    assert_eq!(f["department"], "Marketing", "{json}");
    assert_eq!(
        (
            &f["handed_in"],
            &f["approved"],
            &f["published"],
            &f["publications"]
        ),
        (
            &serde_json::json!(4),
            &serde_json::json!(3),
            &serde_json::json!(3),
            &serde_json::json!(3)
        )
    );
    assert_eq!(f["per_publication"], 9.0);
    assert!(f["lead_days_p50"].as_f64().unwrap() < 0.1, "{f}");
    {
        use diesel::prelude::*;
        use pressroom::db::schema::publications as p;
        // Each post's lead, written in the database's own date arithmetic when it went out,
        // is the seconds between its idea's hand-in and the post (the clock ran 7 minutes).
        for id in &ids {
            let (at, handed_in, lead): (
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                Option<i64>,
            ) = p::table
                .find(id)
                .select((p::published_at, p::handed_in_at, p::lead_secs))
                .first(&mut c)
                .unwrap();
            let expected = (at.unwrap() - handed_in.unwrap()).num_seconds();
            let lead = lead.expect("a lead time written at publishing");
            assert!(lead.abs_diff(expected) <= 1, "{lead} s, not {expected} s");
            assert!(
                (419..=900).contains(&lead),
                "7 minutes and the test's own time: {lead} s"
            );
        }
        // Handed in 1, 3 and 5 days (and an hour) before their posts: the median is 3 days.
        for (n, id) in ids.iter().enumerate() {
            let at: Option<chrono::NaiveDateTime> = p::table
                .find(id)
                .select(p::published_at)
                .first(&mut c)
                .unwrap();
            let before = Duration::hours(24 * (1 + 2 * n as i64) + 1);
            diesel::update(p::table.find(id))
                .set((
                    p::handed_in_at.eq(at.map(|a| a - before)),
                    p::lead_secs.eq(Some(before.num_seconds())),
                ))
                .execute(&mut c)
                .unwrap();
        }
    }
    let (_, later) = api
        .call(
            "GET",
            "/api/v1/insights?days=7&by=channel",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(later["funnel"][0]["lead_days_p50"], 3.0, "{later}");
    assert!(html.contains("<svg role=\"img\""), "a chart on the page");

    // A custom range of days in the reader's zone: today alone holds all three.
    let today = chrono::TimeZone::from_utc_datetime(
        &chrono_tz::Europe::Zurich,
        &app.scheduler.clock().naive(),
    )
    .date_naive();
    let (s, json) = api
        .call(
            "GET",
            &format!("/api/v1/insights?from={today}&to={today}"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{json}");
    assert_eq!(json["total"]["publications"], 3);
    assert_eq!(json["days"], serde_json::Value::Null);
    let yesterday = today - Duration::days(1);
    let (_, json) = api
        .call(
            "GET",
            &format!("/api/v1/insights?from={yesterday}&to={yesterday}"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(json["total"]["publications"], 0);
    for (bad, param) in [
        (format!("from={today}&to={yesterday}"), "to"),
        (format!("from=gestern&to={today}"), "from"),
        (format!("from={today}"), "to"),
    ] {
        let (s, doc) = api
            .call(
                "GET",
                &format!("/api/v1/insights?{bad}"),
                serde_json::json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}: {doc}");
        assert!(doc["detail"].as_str().unwrap().starts_with(param), "{doc}");
    }
    let (_, html) = app
        .get_html(&admin, &format!("/insights?from={today}&to={yesterday}"))
        .await;
    assert!(html.contains("That range cannot be shown"), "{html}");

    // Targets: this month's two posts on Hook reach a target of two; last month's target for
    // the department was missed.
    let month = today.format("%Y-%m").to_string();
    let last = (today.with_day(1).unwrap() - Duration::days(1))
        .format("%Y-%m")
        .to_string();
    let (s, t) = api
        .call(
            "POST",
            "/api/v1/targets",
            serde_json::json!({"scope": "channel", "scope_id": alpha, "metric": "publications", "month": month, "amount": 2}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    crate::helpers::assert_matches_schema(&app, "Target", &t).await;
    assert_eq!(
        (t["actual"].as_i64(), t["status"].as_str()),
        (Some(2), Some("reached")),
        "{t}"
    );
    let (s, t) = api
        .call(
            "POST",
            "/api/v1/targets",
            serde_json::json!({"scope": "department", "scope_id": 1, "metric": "clicks", "month": last, "amount": 5}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    assert_eq!(
        (t["actual"].as_i64(), t["status"].as_str()),
        (Some(0), Some("missed")),
        "{t}"
    );
    let (s, doc) = api
        .call(
            "POST",
            "/api/v1/targets",
            serde_json::json!({"scope": "channel", "scope_id": 999, "metric": "likes", "month": "2026-13", "amount": 0}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{doc}");
    let (s, list) = api
        .call("GET", "/api/v1/targets", serde_json::json!({}))
        .await;
    assert_eq!(s, StatusCode::OK);
    crate::helpers::assert_matches_schema(&app, "TargetList", &list).await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        1,
        "this month's: {list}"
    );
    assert_eq!(
        api.call("GET", "/api/v1/targets?month=soon", serde_json::json!({}))
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
    // The page's form comes back with what was typed when a value is wrong.
    let r = app
        .submit(
            &admin,
            "/insights",
            "/insights/targets",
            &[
                ("target", &format!("channel:{formula}")),
                ("metric", "clicks"),
                ("month", &month),
                ("amount", "lots"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("value=\"lots\"") && html.contains("A whole number from 1 up."),
        "{html}"
    );
    let r = app
        .submit(
            &admin,
            "/insights",
            "/insights/targets",
            &[
                ("target", &format!("channel:{formula}")),
                ("metric", "clicks"),
                ("month", &month),
                ("amount", "3"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&admin, "/insights").await;
    let targets = &html[html.find("id=\"targets\"").unwrap()..];
    assert!(
        targets.contains("Reached") && targets.matches("<tr class=\"target-").count() == 2,
        "{targets}"
    );
    let id = list["items"][0]["id"].as_i64().unwrap();
    assert_eq!(
        api.call(
            "DELETE",
            &format!("/api/v1/targets/{id}"),
            serde_json::json!({})
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        api.call(
            "DELETE",
            &format!("/api/v1/targets/{id}"),
            serde_json::json!({})
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );

    // A later period without them shows nothing; a contributor sees no insights.
    app.advance(Duration::days(10));
    let (_, html) = app.get_html(&admin, "/insights?days=7").await;
    assert!(
        html.contains("Nothing was published in this period."),
        "{html}"
    );
    app.create_user(
        &admin,
        "carla@example.ch",
        "Carla",
        "contributor",
        Some("Marketing"),
    )
    .await;
    let (carla, _) = app
        .login("carla@example.ch", crate::helpers::PASSWORD)
        .await;
    // The start page shows a person what their own ideas earned (here: the admin's).
    let (_, home) = app.get_html(&admin, "/").await;
    let mine = &home[home
        .find("id=\"my-results\"")
        .expect("results on the start page")..];
    let one_row = &mine[mine.find(&format!("/ideas/{one}")).unwrap()..];
    let one_row = &one_row[..one_row.find("</tr>").unwrap()];
    assert!(
        one_row.contains(">5<") && one_row.contains(">15<"),
        "{one_row}"
    );
    let (_, home) = app.get_html(&carla, "/").await;
    assert!(!home.contains("my-results"), "nothing of Carla's went out");
    // The idea's own page shows its contributor what each of its posts earned.
    let (s, html) = app.get_html(&carla, &format!("/ideas/{one}")).await;
    assert_eq!(s, StatusCode::OK);
    let results = &html[html.find("idea-results").expect("a results panel")..];
    let row = &results[results.find("<tbody>").unwrap()..results.find("</tbody>").unwrap()];
    assert!(
        row.contains("Hook") && row.contains(">5<") && row.contains(">15<"),
        "{row}"
    );
    assert_eq!(
        app.get(&carla, "/insights").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&carla, "/insights.csv").await.status(),
        StatusCode::FORBIDDEN
    );
}

/// Instance b keeps the dashboards it worked out (`store::insights::Cache`); each change made
/// through instance a, or straight in the database, shows in b's next answer.
async fn a_dashboard_one_instance_keeps_follows_every_change(backend: Backend) {
    let (a, _) = ready(backend, LOOPBACK).await;
    let api = a.api(ADMIN_EMAIL);
    let rx = receiver(ResponseTemplate::new(200), 0).await;
    let hook = hook_to(&api, &rx).await;
    let (_, v1) = planned(&api, "One", hook, "a", Utc::now() + Duration::minutes(5)).await;
    a.advance(Duration::minutes(7));
    let p1 = wait_for_state(&api, v1, "published").await["id"]
        .as_i64()
        .unwrap();
    let b = a.another_instance(LOOPBACK).await;
    // a's token, from the database both share.
    let b_api = crate::helpers::Api {
        app: &b,
        client: api.client.clone(),
        token: api.token.clone(),
    };
    // (publications, clicks, engagement, handed in, the best piece's title)
    let seen = || async {
        let (s, j) = b_api
            .call(
                "GET",
                "/api/v1/insights?days=7&by=channel",
                serde_json::json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{j}");
        (
            j["total"]["publications"].as_i64().unwrap(),
            j["total"]["clicks"].as_i64().unwrap(),
            j["total"]["engagement"].as_i64().unwrap(),
            j["funnel"][0]["handed_in"].as_i64().unwrap(),
            j["top"][0]["title"].as_str().unwrap().to_string(),
        )
    };
    let one_title = || "One".to_string();
    assert_eq!(seen().await, (1, 0, 0, 1, one_title()));
    assert_eq!(seen().await, (1, 0, 0, 1, one_title()), "kept, the same");

    // People's clicks, as an instance writes its batch.
    let mut c = a.conn();
    let now = a.scheduler.clock().naive();
    let link = store::links::ensure(
        &mut c,
        p1,
        &[("https://example.ch/x".into(), "https://example.ch/x".into())],
        now,
    )
    .unwrap()["https://example.ch/x"]
        .id;
    let click = NewClick {
        link_id: link,
        clicked_at: now,
        bot: false,
        visitor: Some("v".into()),
    };
    store::links::record(&mut c, &[click.clone(), click]).unwrap();
    assert_eq!(seen().await, (1, 2, 0, 1, one_title()), "clicks");
    // The channel's counts, as the metrics job writes them.
    store::metrics::record(&mut c, p1, now, &[("favourites", 6)]).unwrap();
    assert_eq!(seen().await, (1, 2, 6, 1, one_title()), "engagement");
    // A second post goes out through a (whose clock runs ahead of b's).
    let (_, v2) = planned(&api, "Two", hook, "b", Utc::now() + Duration::minutes(12)).await;
    a.advance(Duration::minutes(7));
    wait_for_state(&api, v2, "published").await;
    assert_eq!(seen().await, (2, 2, 6, 2, one_title()), "a new post");
    // An idea handed in.
    let (s, idea) = api
        .call(
            "POST",
            "/api/v1/ideas",
            serde_json::json!({"title": "Three", "department_id": 1}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{idea}");
    assert_eq!(seen().await, (2, 2, 6, 3, one_title()), "a hand-in");
    // A piece renamed straight in the database.
    a.rename_piece_of_variant(v1, "One, renamed");
    assert_eq!(
        seen().await,
        (2, 2, 6, 3, "One, renamed".to_string()),
        "a new title"
    );
}
