//! The board: each state's oldest cards under the filters, with its count, the same whether
//! the columns are read in one statement or (a search on SQLite) one by one.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, ADMIN_EMAIL};

crate::both_backends!(the_board_shows_each_states_oldest_cards_with_or_without_a_search);

/// Each column of a board page: (state, count, the cards' ids in the order shown).
fn columns(html: &str) -> Vec<(String, i64, Vec<i64>)> {
    html.split("<section class=\"column\" data-state=\"")
        .skip(1)
        .map(|col| {
            let state = col.split('"').next().unwrap().to_string();
            let count = col
                .split("<span class=\"count\">")
                .nth(1)
                .and_then(|c| c.split('<').next())
                .unwrap()
                .parse()
                .unwrap();
            let cards = col
                .split("</section>")
                .next()
                .unwrap()
                .split("data-id=\"")
                .skip(1)
                .map(|c| c.split('"').next().unwrap().parse().unwrap())
                .collect();
            (state, count, cards)
        })
        .collect()
}

fn column<'a>(cols: &'a [(String, i64, Vec<i64>)], state: &str) -> &'a (String, i64, Vec<i64>) {
    cols.iter().find(|c| c.0 == state).expect(state)
}

async fn the_board_shows_each_states_oldest_cards_with_or_without_a_search(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    let mut ids = vec![];
    for (n, title) in (0..28)
        .map(|n| format!("Lantern walk {n}"))
        .chain((0..3).map(|n| format!("Harbour tour {n}")))
        .enumerate()
    {
        // Every third idea is a tip, every other one tagged "night": the filters below.
        let pillar = if n % 3 == 0 { "Tips" } else { "Stories" };
        let tags: Vec<&str> = if n % 2 == 0 { vec!["night"] } else { vec![] };
        let (s, idea) = api
            .call(
                "POST",
                "/api/v1/ideas",
                json!({"title": title, "department_id": 1, "pillar": pillar, "tags": tags}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{idea}");
        assert_eq!(idea["state"], "submitted");
        ids.push(idea["id"].as_i64().unwrap());
    }
    let (lanterns, harbours) = ids.split_at(28);
    for id in [lanterns[5], lanterns[0]] {
        let (s, body) = api
            .call(
                "POST",
                &format!("/api/v1/ideas/{id}/transitions"),
                json!({"to": "approved"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
    }
    // Waiting: 26 lanterns, then the harbours. A column shows its 25 oldest.
    let waiting: Vec<i64> = lanterns
        .iter()
        .chain(harbours)
        .copied()
        .filter(|id| *id != lanterns[0] && *id != lanterns[5])
        .collect();
    let approved = vec![lanterns[0], lanterns[5]];

    let (s, html) = app.get_html(&admin, "/ideas/board").await;
    assert_eq!(s, StatusCode::OK);
    let cols = columns(&html);
    assert_eq!(
        cols.len(),
        8,
        "one column per state between draft and archived"
    );
    assert_eq!(
        column(&cols, "submitted"),
        &("submitted".into(), 29, waiting[..25].to_vec())
    );
    assert_eq!(
        column(&cols, "approved"),
        &("approved".into(), 2, approved.clone())
    );
    assert_eq!(column(&cols, "rejected"), &("rejected".into(), 0, vec![]));
    assert!(
        html.contains("href=\"/ideas?state=submitted\""),
        "more than shown"
    );

    // Filters narrow every column and its count (one statement for all columns).
    let (_, html) = app
        .get_html(&admin, "/ideas/board?pillar=Tips&tag=night")
        .await;
    let cols = columns(&html);
    let tip_at_night = |id: &i64| {
        let n = ids.iter().position(|i| i == id).unwrap();
        n % 6 == 0
    };
    let want: Vec<i64> = waiting.iter().copied().filter(tip_at_night).collect();
    assert_eq!(want.len(), 5, "ideas 6, 12, 18, 24 and 30 (0 is approved)");
    assert_eq!(
        column(&cols, "submitted"),
        &("submitted".into(), 5, want.clone())
    );
    assert_eq!(
        column(&cols, "approved"),
        &("approved".into(), 1, vec![lanterns[0]])
    );
    let (_, html) = app.get_html(&admin, "/ideas/board?pillar=Stories").await;
    let cols = columns(&html);
    let stories: Vec<i64> = waiting
        .iter()
        .copied()
        .filter(|id| ids.iter().position(|i| i == id).unwrap() % 3 != 0)
        .collect();
    assert_eq!(
        column(&cols, "submitted"),
        &("submitted".into(), 19, stories)
    );
    assert_eq!(
        column(&cols, "approved"),
        &("approved".into(), 1, vec![lanterns[5]])
    );

    // A search narrows every column and its count.
    let (_, html) = app.get_html(&admin, "/ideas/board?q=lantern").await;
    let cols = columns(&html);
    assert_eq!(
        column(&cols, "submitted"),
        &("submitted".into(), 26, waiting[..25].to_vec())
    );
    assert_eq!(column(&cols, "approved"), &("approved".into(), 2, approved));
    let (_, html) = app.get_html(&admin, "/ideas/board?q=harbour").await;
    let cols = columns(&html);
    assert_eq!(
        column(&cols, "submitted"),
        &("submitted".into(), 3, harbours.to_vec())
    );
    assert_eq!(column(&cols, "approved"), &("approved".into(), 0, vec![]));
    assert!(
        !html.contains("href=\"/ideas?state=submitted\""),
        "all shown"
    );
}

crate::both_backends!(cards_show_each_ideas_tags_in_order_after_edits);

/// The tags shown with the idea `id` in a list row or a board card, in the order shown.
fn shown_tags(html: &str, id: i64) -> Vec<String> {
    let row = html
        .split("<tr>")
        .skip(1)
        .chain(html.split("<article class=\"card-idea\"").skip(1))
        .find(|part| part.contains(&format!("href=\"/ideas/{id}\"")))
        .unwrap_or_else(|| panic!("idea {id} is not shown"));
    let row = row
        .split("</div>")
        .next()
        .unwrap()
        .split("</p><form")
        .next()
        .unwrap();
    row.split("<span class=\"tag\">#")
        .skip(1)
        .map(|t| t.split('<').next().unwrap().to_string())
        .collect()
}

/// List rows and board cards read each idea's tags off its own row (kept from the tags'
/// table by triggers): they show the tags as written, in order, after they are added,
/// reordered, removed and cleared, and an idea's edit leaves the others' tags alone.
async fn cards_show_each_ideas_tags_in_order_after_edits(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    let mut ideas = vec![];
    for (title, tags) in [
        ("Tagged", vec!["zeta", "alpha", "mid"]),
        ("Untagged", vec![]),
        ("Other", vec!["alpha"]),
    ] {
        let (s, idea) = api
            .call(
                "POST",
                "/api/v1/ideas",
                json!({"title": title, "department_id": 1, "tags": tags}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{idea}");
        ideas.push(idea);
    }
    let ids: Vec<i64> = ideas.iter().map(|i| i["id"].as_i64().unwrap()).collect();
    let check = |expected: [Vec<&'static str>; 3]| {
        let (app, admin, ids) = (&app, &admin, &ids);
        async move {
            for page in ["/ideas", "/ideas/board"] {
                let (s, html) = app.get_html(admin, page).await;
                assert_eq!(s, StatusCode::OK);
                for (id, tags) in ids.iter().zip(&expected) {
                    assert_eq!(&shown_tags(&html, *id), tags, "{page}, idea {id}");
                }
            }
        }
    };
    check([vec!["zeta", "alpha", "mid"], vec![], vec!["alpha"]]).await;
    let mut version = ideas[0]["version"].clone();
    for tags in [vec!["mid", "new"], vec![]] {
        let (s, idea) = api
            .call(
                "PATCH",
                &format!("/api/v1/ideas/{}", ids[0]),
                json!({"tags": tags, "version": version}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{idea}");
        version = idea["version"].clone();
        check([tags.clone(), vec![], vec!["alpha"]]).await;
    }
}
