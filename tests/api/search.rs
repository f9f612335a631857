//! Search finds the same ideas on SQLite (FTS5) and PostgreSQL (tsvector): the one place where
//! the backends' SQL differs.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Api, Backend, TestApp, ADMIN_EMAIL};

const IDEAS: &[(&str, &str)] = &[
    (
        "Lehrlinge erzählen vom ersten Tag",
        "Ein Video aus dem Lager in Zürich.",
    ),
    (
        "Kick-off der Herbstkampagne",
        "Plakate, Newsletter und ein Gewinnspiel.",
    ),
    (
        "Nouveautés de l'application mobile",
        "Ce que les clients demandent à Genève.",
    ),
    (
        "Release notes 4.2",
        "What is new in the mobile app, with screenshots.",
    ),
    (
        "Customer stories: the warehouse",
        "A day with the night shift in Basel.",
    ),
    (
        "100% Ökostrom seit 2026",
        "Zahlen zum Verbrauch, mit_unterstrich.",
    ),
    (
        "Fragen an info@example.ch",
        "Antworten auf shop.example.ch/faq und v2.1-beta.",
    ),
    // Nine words that start with "back": more than SQLite spells out as terms (a prefix
    // stays a prefix there), where "backs" and "ki" start one and two.
    (
        "Backen mit Kindern",
        "Backstube, Backofen, Backwaren, Backblech, Backpapier, Backform, Backzeit, Backtag.",
    ),
];

/// (query, titles it must find — by their first word).
const QUERIES: &[(&str, &[&str])] = &[
    ("lager", &["Lehrlinge"]),
    ("ZÜRICH", &["Lehrlinge"]),
    ("zurich", &[]),
    ("kick-off", &["Kick-off"]),
    ("kick", &["Kick-off"]),
    ("mobile", &["Nouveautés", "Release"]),
    ("mobile app", &["Nouveautés", "Release"]),
    ("mobile screenshots", &["Release"]),
    ("genève", &["Nouveautés"]),
    ("ware", &["Customer"]),
    ("ökostrom 2026", &["100%"]),
    ("100%", &["100%"]),
    ("unterstrich", &["100%"]),
    ("%", &[]),
    ("\" OR 1=1 --", &[]),
    ("night:* & day", &["Customer"]),
    ("nothing-like-this", &[]),
    ("example faq", &["Fragen"]),
    ("info@example.ch", &["Fragen"]),
    ("v2 beta", &["Fragen"]),
    ("back", &["Backen"]),
    ("backs", &["Backen"]),
    ("backofen backtag", &["Backen"]),
    ("ba", &["Backen", "Customer"]),
    ("ki", &["Backen", "Kick-off"]),
    ("ki off", &["Kick-off"]),
    ("backz", &["Backen"]),
    ("backza", &[]),
];

async fn found(backend: Backend) -> Vec<Vec<String>> {
    let app = TestApp::spawn(backend).await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    for (title, pitch) in IDEAS {
        let (s, body) = api
            .call(
                "POST",
                "/api/v1/ideas",
                json!({"title": title, "pitch": pitch, "department_id": 1}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{body}");
    }
    // An edited title is found by its new words only.
    let (_, list) = api
        .call("GET", "/api/v1/ideas?q=screenshots", json!({}))
        .await;
    let release = &list["items"][0];
    let (s, body) = api
        .call(
            "PATCH",
            &format!("/api/v1/ideas/{}", release["id"]),
            json!({"title": "Release notes 4.3", "version": release["version"]}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let mut all = vec![];
    for q in ["4.2", "4.3"]
        .iter()
        .copied()
        .chain(QUERIES.iter().map(|(q, _)| *q))
    {
        let path = format!("/api/v1/ideas?q={}", pressroom::error::urlencode(q));
        let (s, list) = api.call("GET", &path, json!({})).await;
        assert_eq!(s, StatusCode::OK, "{q}: {list}");
        let mut titles: Vec<String> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let t = i["title"].as_str().unwrap();
                t.split(' ').next().unwrap().to_string()
            })
            .collect();
        titles.sort();
        all.push(titles);
    }
    all
}

#[actix_web::test]
async fn search_finds_the_same_ideas_on_both_backends() {
    let lite = found(Backend::Sqlite).await;
    let pg = found(Backend::Postgres).await;
    assert_eq!(lite[0], Vec::<String>::new(), "the old title is gone");
    assert_eq!(lite[1], vec!["Release"], "the new title is found");
    for (i, (q, expected)) in QUERIES.iter().enumerate() {
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(lite[i + 2], expected, "SQLite, {q:?}");
    }
    assert_eq!(lite, pg, "both backends find the same ideas");
}

crate::both_backends!(a_search_pages_through_sparse_matches_in_order);

/// Few of many matches pass the other filters: every page still comes full and in order, and
/// the pages together hold each matching idea once (SQLite walks its matches a window at a
/// time, a window holding eight pages' worth; PostgreSQL walks windows of sixteen pages' worth
/// of ideas, then the rest through the word index).
async fn a_search_pages_through_sparse_matches_in_order(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    let api = app.api(ADMIN_EMAIL);
    let mut tips = vec![];
    for n in 0..90 {
        let pillar = if n % 40 == 2 { "Tips" } else { "News" };
        let title = if n % 2 == 0 {
            "Bakery visit"
        } else {
            "Factory visit"
        };
        let (s, idea) = api
            .call(
                "POST",
                "/api/v1/ideas",
                json!({"title": format!("{title} {n}"), "pillar": pillar, "department_id": 1}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{idea}");
        if pillar == "Tips" && title.starts_with("Bakery") {
            tips.push(idea["id"].as_i64().unwrap());
        }
    }
    assert_eq!(tips.len(), 3, "{tips:?}");
    // Pages of two, newest first, take every step on PostgreSQL: the first window holds two
    // matches, the second (sized by them) none, and the third match comes through the index.
    for (sort, limit, expected) in [
        ("oldest", 1, tips.clone()),
        ("newest", 1, tips.iter().rev().copied().collect()),
        ("newest", 2, tips.iter().rev().copied().collect::<Vec<_>>()),
    ] {
        let pages = pages(
            &api,
            &format!("/api/v1/ideas?q=bakery&pillar=Tips&sort={sort}&limit={limit}"),
        )
        .await;
        let (last, full) = pages.split_last().unwrap();
        assert!(last.len() <= limit, "{pages:?}");
        assert!(
            full.iter().all(|p| p.len() == limit),
            "a page with a next one is full: {pages:?}"
        );
        let seen: Vec<i64> = pages.concat();
        assert_eq!(seen, expected, "sort {sort}, pages of {limit}");
    }
    // Every idea matches: pages of five, each full, all ninety once and in order.
    let seen: Vec<i64> = pages(&api, "/api/v1/ideas?q=visit&sort=oldest&limit=5")
        .await
        .concat();
    assert_eq!(seen.len(), 90);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    // Forty ideas deleted in a run leave a gap in the ids (PostgreSQL's windows are ranges of
    // ids, one of which now holds none): the rest still come once each and in order, both
    // ways, in pages of one, two and five.
    {
        use diesel::RunQueryDsl;
        diesel::sql_query(format!(
            "DELETE FROM ideas WHERE id BETWEEN {} AND {}",
            seen[10], seen[49]
        ))
        .execute(&mut app.conn())
        .unwrap();
    }
    let left: Vec<i64> = seen[..10].iter().chain(&seen[50..]).copied().collect();
    for limit in [1, 2, 5] {
        let oldest = pages(
            &api,
            &format!("/api/v1/ideas?q=visit&sort=oldest&limit={limit}"),
        )
        .await
        .concat();
        assert_eq!(oldest, left, "oldest first, pages of {limit}");
        let mut newest = pages(
            &api,
            &format!("/api/v1/ideas?q=visit&sort=newest&limit={limit}"),
        )
        .await
        .concat();
        newest.reverse();
        assert_eq!(newest, left, "newest first, pages of {limit}");
    }
    // No idea matches both.
    let (s, page) = api
        .call("GET", "/api/v1/ideas?q=factory&pillar=Tips", json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert_eq!(page["items"], json!([]), "{page}");
}

/// The ids of every page of a list, following `next` from the first page.
async fn pages(api: &Api<'_>, first: &str) -> Vec<Vec<i64>> {
    let (mut pages, mut cursor) = (vec![], None::<String>);
    loop {
        let mut path = first.to_string();
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let (s, page) = api.call("GET", &path, json!({})).await;
        assert_eq!(s, StatusCode::OK, "{page}");
        let items = page["items"].as_array().unwrap();
        pages.push(items.iter().map(|i| i["id"].as_i64().unwrap()).collect());
        match page["next"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return pages,
        }
    }
}

crate::both_backends!(similar_earlier_ideas_are_what_reading_every_title_finds);

/// "Similar earlier ideas" reads, of the newest 500 earlier ideas that share a word of the
/// title, only those sharing enough words to look alike, through each backend's index. For
/// ideas among 1,500 seeded ones (whose titles share words with hundreds of others, so the
/// 500 end well before the first idea) and a few written here (short words, more than eight
/// words, stop words, upper case), it finds what reading every earlier title finds, with the
/// same scores in the same order; other people's drafts stay out, yet count towards the 500.
async fn similar_earlier_ideas_are_what_reading_every_title_finds(app: TestApp) {
    use diesel::prelude::*;
    use pressroom::db::schema::ideas;
    use pressroom::domain::ideas::{similarity, title_tokens, LOOKS_ALIKE};
    let mut conn = app.conn();
    let editor = pressroom::store::seed::seed(&mut conn, 1_500, 0, "not-a-hash", "UTC").unwrap();
    let editor = pressroom::store::users::find_by_email(&mut conn, &editor)
        .unwrap()
        .unwrap();
    for (id, title) in [
        (1_200, "AI tips for HR"),
        (1_300, "ai tips for hr teams"),
        (1_310, "Tips: AI in HR"),
        (1_320, "HR"),
        (
            1_400,
            "one two three four five six seven eight nine ten eleven",
        ),
        (
            1_410,
            "One two three four five six seven eight nine ten twelve",
        ),
        (1_420, "two four six eight ten twelve"),
        (1_430, "Die Bäckerei und der Sommer"),
        (1_440, "DIE BÄCKEREI im Sommer, summer bakery"),
        (1_450, "launch launch summer summer"),
        // Newer ideas that look alike through a short word the index is not asked for: the
        // older ones that look more alike must not be missed for them.
        (1_460, "HR tips"),
        (1_461, "HR tips"),
        (1_462, "HR tips"),
        (1_463, "HR tips"),
        (1_464, "HR tips"),
        (1_465, "HR tips"),
        (1_466, "HR tips"),
        (1_467, "HR tips"),
        (1_468, "HR tips"),
        (1_475, "Tips: AI in HR"),
    ] {
        diesel::update(ideas::table.find(id))
            .set(ideas::title.eq(title))
            .execute(&mut conn)
            .unwrap();
    }
    diesel::update(
        ideas::table
            .filter(ideas::id.eq_any((1..1_500).filter(|id| id % 13 == 0).collect::<Vec<i64>>())),
    )
    .set(ideas::state.eq("draft"))
    .execute(&mut conn)
    .unwrap();
    let all: Vec<(i64, String, String)> = ideas::table
        .select((ideas::id, ideas::title, ideas::state))
        .order(ideas::id)
        .load(&mut conn)
        .unwrap();
    let scope = pressroom::domain::access::IdeaScope {
        viewer_id: editor.id,
        department_id: None,
    };
    let (mut checked_full_windows, mut with_alike) = (0, 0);
    for &(id, ref title, _) in all
        .iter()
        .filter(|(id, _, state)| (id % 23 == 0 || *id >= 1_190) && state != "draft")
    {
        let own = title_tokens(title);
        let words: Vec<&String> = own
            .iter()
            .filter(|w| w.chars().count() >= 3)
            .take(8)
            .collect();
        let sharing: Vec<&(i64, String, String)> = all
            .iter()
            .filter(|(other, t, _)| {
                *other < id && title_tokens(t).iter().any(|w| words.contains(&w))
            })
            .rev()
            .take(500)
            .collect();
        if sharing.len() == 500 {
            checked_full_windows += 1;
        }
        let mut expected: Vec<(i64, f64)> = sharing
            .into_iter()
            .filter(|(_, _, state)| state != "draft")
            .map(|(other, t, _)| (*other, similarity(title, t)))
            .filter(|(_, score)| *score >= LOOKS_ALIKE)
            .collect();
        expected.sort_by(|a, b| b.1.total_cmp(&a.1));
        expected.truncate(5);
        let idea = pressroom::store::ideas::find(&mut conn, &scope, id)
            .unwrap()
            .unwrap();
        let found: Vec<(i64, f64)> = pressroom::store::ideas::similar(&mut conn, &scope, &idea, 5)
            .unwrap()
            .into_iter()
            .map(|a| (a.id, a.score))
            .collect();
        assert_eq!(found, expected, "idea {id}: {title}");
        with_alike += usize::from(!found.is_empty());
    }
    assert!(checked_full_windows > 100, "{checked_full_windows}");
    // Most seeded titles have look-alikes: the comparison is not of empty lists.
    assert!(with_alike > 200, "{with_alike}");
}
