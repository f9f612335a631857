//! The ideas API: the same rules as the pages, problem documents for every error.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(scripts_hand_in_list_edit_and_move_ideas);

async fn scripts_hand_in_list_edit_and_move_ideas(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Product").await;
    app.create_user(
        &admin,
        "pat@example.ch",
        "Pat Product",
        "contributor",
        Some("Product"),
    )
    .await;
    app.create_user(&admin, "eve@example.ch", "Eve Editor", "editor", None)
        .await;
    let channel = app.add_channel("Mastodon", "mastodon");
    let pat = app.create_token("pat@example.ch", "import");
    let eve = app.create_token("eve@example.ch", "triage");
    let api = reqwest::Client::new();
    let url = |p: &str| app.url(p);

    let r = api
        .post(url("/api/v1/ideas"))
        .bearer_auth(&pat)
        .json(&json!({"title": "Release notes 4.2", "pitch": "What is new", "tags": ["release"], "channels": [channel], "languages": ["en", "de"], "links": ["https://example.ch/4.2"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let idea: Value = r.json().await.unwrap();
    for field in [
        "id",
        "title",
        "pitch",
        "department",
        "audience",
        "pillar",
        "tags",
        "channels",
        "languages",
        "wished_date",
        "links",
        "state",
        "version",
        "submitter",
        "assignee",
        "created_at",
        "updated_at",
    ] {
        assert!(idea.get(field).is_some(), "idea has {field}: {idea}");
    }
    assert_eq!(idea["state"], "submitted");
    assert_eq!(idea["department"], "Product");
    assert_eq!(idea["channels"], json!([channel]));
    // Lists keep the order they were written in, not the alphabet's.
    assert_eq!(idea["languages"], json!(["en", "de"]));
    assert_eq!(idea["tags"], json!(["release"]));
    let id = idea["id"].as_i64().unwrap();

    // Drafts on request; validation errors per field; malformed JSON; wrong content type.
    let r = api
        .post(url("/api/v1/ideas"))
        .bearer_auth(&pat)
        .json(&json!({"title": "Draft", "state": "draft"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["state"], "draft");
    let r = api
        .post(url("/api/v1/ideas"))
        .bearer_auth(&pat)
        .json(&json!({"title": " ", "languages": ["xx"], "channels": [424242], "wished_date": "2001-01-01"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let problem: Value = r.json().await.unwrap();
    for field in ["title", "languages", "channels", "wished_date"] {
        assert!(problem["errors"][field].is_string(), "{field}: {problem}");
    }
    let r = api
        .post(url("/api/v1/ideas"))
        .bearer_auth(&pat)
        .header("content-type", "application/json")
        .body("{\"title\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], 400);
    let r = api
        .post(url("/api/v1/ideas"))
        .bearer_auth(&pat)
        .header("content-type", "text/plain")
        .body("title=x")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // A stale version is a conflict; the current one goes through.
    let r = api
        .patch(url(&format!("/api/v1/ideas/{id}")))
        .bearer_auth(&pat)
        .json(&json!({"title": "Release notes 4.2 (final)", "version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["version"], 2);
    let r = api
        .patch(url(&format!("/api/v1/ideas/{id}")))
        .bearer_auth(&eve)
        .json(&json!({"title": "Overwrite", "version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let problem: Value = r.json().await.unwrap();
    assert!(
        problem["detail"].as_str().unwrap().contains("Pat Product"),
        "{problem}"
    );

    // Steps with the same rules as the pages.
    let tr = |token: &str, body: Value| {
        api.post(url(&format!("/api/v1/ideas/{id}/transitions")))
            .bearer_auth(token.to_string())
            .json(&body)
            .send()
    };
    let r = tr(&pat, json!({"to": "approved"})).await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a contributor cannot approve"
    );
    let r = tr(&eve, json!({"to": "rejected", "comment": ""}))
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a rejection needs a comment"
    );
    let r = tr(&eve, json!({"to": "in_review", "version": 1}))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = tr(&eve, json!({"to": "in_review"})).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["state"], "in_review");
    let r = api
        .post(url(&format!("/api/v1/ideas/{id}/comments")))
        .bearer_auth(&eve)
        .json(&json!({"text": "On it"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);

    // Lists: filters and cursor pages.
    for n in 0..5 {
        api.post(url("/api/v1/ideas"))
            .bearer_auth(&pat)
            .json(&json!({"title": format!("Batch idea {n}")}))
            .send()
            .await
            .unwrap();
    }
    let mut seen = vec![];
    let mut next: Option<String> = None;
    loop {
        let cursor = next
            .as_ref()
            .map(|c| format!("&cursor={c}"))
            .unwrap_or_default();
        let req = api
            .get(url(&format!(
                "/api/v1/ideas?state=submitted&limit=2{cursor}"
            )))
            .bearer_auth(&eve);
        let page: Value = req.send().await.unwrap().json().await.unwrap();
        for item in page["items"].as_array().unwrap() {
            assert_eq!(item["state"], "submitted");
            seen.push(item["title"].as_str().unwrap().to_string());
        }
        match page["next"].as_str() {
            Some(c) => next = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 5, "every submitted idea once: {seen:?}");
    assert_eq!(seen[0], "Batch idea 4", "newest first");
    let r = api
        .get(url("/api/v1/ideas?limit=0"))
        .bearer_auth(&eve)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = api
        .get(url("/api/v1/ideas?state=bogus"))
        .bearer_auth(&eve)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let found: Value = api
        .get(url("/api/v1/ideas?q=FINAL"))
        .bearer_auth(&eve)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        found["items"].as_array().unwrap().len(),
        1,
        "search ignores case: {found}"
    );
    let found: Value = api
        .get(url("/api/v1/ideas?tag=release&language=de"))
        .bearer_auth(&eve)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"][0]["id"], id);
}

both_backends!(a_language_list_pages_through_the_ideas_of_that_language_after_every_change);

/// The ideas list filtered by a language (and a state) reads its pages off the language's
/// rows, which triggers keep in step with their ideas' states: after steps, edits of the
/// languages, and states written straight into the table, every page in either order holds
/// exactly the ideas of that language (and state) that the reader may see, as the ideas
/// themselves say.
async fn a_language_list_pages_through_the_ideas_of_that_language_after_every_change(app: TestApp) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::{idea_languages, ideas};
    use pressroom::domain::access::IdeaScope;
    use pressroom::domain::roles::Role;
    use pressroom::domain::workflow::State;
    use pressroom::store::ideas::{cards, list, Filter, Sort};

    let admin = app.setup_admin().await;
    app.create_department(&admin, "Sales").await;
    let other = app
        .create_user(
            &admin,
            "eve@example.ch",
            "Eve",
            "contributor",
            Some("Sales"),
        )
        .await;
    let api = app.api(crate::helpers::ADMIN_EMAIL);
    let mut ids = vec![];
    for n in 0..14 {
        let languages = [vec!["de"], vec!["fr"], vec!["de", "fr"], vec!["it"]][n % 4].clone();
        let idea =
            json!({"title": format!("Idea {n}"), "department_id": 1, "languages": languages});
        ids.push(hand_in(&api, idea).await);
    }
    for (i, (id, version)) in ids.iter().enumerate().take(9) {
        step(
            &api,
            *id,
            *version,
            ["approved", "rejected", "approved"][i % 3],
        )
        .await;
    }
    // Languages written after the step: the new rows take the idea's state.
    edit(&api, ids[0].0, json!({"languages": ["it", "de"]})).await;
    // States written straight into the table: someone else's draft (hidden) and one's own.
    let mut c = app.conn();
    for (id, submitter) in [(ids[10].0, other), (ids[11].0, 1)] {
        diesel::update(ideas::table.find(id))
            .set((ideas::state.eq("draft"), ideas::submitter_id.eq(submitter)))
            .execute(&mut c)
            .unwrap();
    }

    let ideas: Vec<(i64, String, i64)> = ideas::table
        .select((ideas::id, ideas::state, ideas::submitter_id))
        .load(&mut c)
        .unwrap();
    let languages: Vec<(i64, String)> = idea_languages::table
        .select((idea_languages::idea_id, idea_languages::language))
        .load(&mut c)
        .unwrap();
    let editor = IdeaScope::of(1, Role::Editor, None);
    for language in ["de", "fr", "it", "en"] {
        for state in [
            None,
            Some(State::Approved),
            Some(State::Submitted),
            Some(State::Draft),
        ] {
            let filter = Filter {
                language: Some(language.into()),
                state,
                ..Default::default()
            };
            for sort in [Sort::Newest, Sort::Oldest] {
                let mut expected: Vec<i64> = ideas
                    .iter()
                    .filter(|(id, s, submitter)| {
                        (s != "draft" || *submitter == 1)
                            && state.is_none_or(|st| st.as_str() == s)
                            && languages.contains(&(*id, language.to_string()))
                    })
                    .map(|(id, _, _)| *id)
                    .collect();
                expected.sort_unstable();
                if sort == Sort::Newest {
                    expected.reverse();
                }
                // Two a page, so that the cursor and the page's end count.
                let (mut shown, mut cursor) = (vec![], None);
                loop {
                    let (page, next) = cards(&mut c, &editor, &filter, sort, cursor, 2).unwrap();
                    shown.extend(page.iter().map(|i| i.id));
                    match next {
                        Some(n) => cursor = Some(n),
                        None => break,
                    }
                    assert!(shown.len() <= expected.len(), "{filter:?} {sort:?}");
                }
                assert_eq!(shown, expected, "{filter:?} {sort:?}");
                let (whole, _) = list(&mut c, &editor, &filter, sort, None, 50).unwrap();
                assert_eq!(
                    whole.iter().map(|i| i.id).collect::<Vec<_>>(),
                    expected,
                    "{filter:?} {sort:?}, whole ideas"
                );
            }
        }
    }
}

both_backends!(board_counts_match_the_ideas_after_every_kind_of_change);

/// The board's column counts come from a table that triggers keep, and a tag's cards from its
/// rows, which triggers keep in step with their ideas' states and pillars; after hand-ins,
/// steps, edits, moves between departments and deletions they still equal a count of the
/// ideas and the ideas list's first cards.
async fn board_counts_match_the_ideas_after_every_kind_of_change(app: TestApp) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::ideas;
    use pressroom::domain::access::IdeaScope;
    use pressroom::domain::roles::Role;
    use pressroom::domain::workflow::State;
    use pressroom::store::ideas::{
        cards as cards_of, columns as board_columns, count, count_by_state, Filter, Sort,
    };

    let admin = app.setup_admin().await;
    app.create_department(&admin, "Sales").await;
    app.create_department(&admin, "Care").await;
    let api = app.api(crate::helpers::ADMIN_EMAIL);
    let mut ids = vec![];
    for n in 0..12 {
        let pillar = ["Stories", "Tips", "News"][n % 3];
        let tags = [vec!["video", "faq"], vec!["video"], vec!["faq"]][(n + n / 3) % 3].clone();
        let idea = json!({"title": format!("Idea {n}"), "pillar": pillar, "department_id": 1 + n % 2,
                          "tags": tags});
        ids.push(hand_in(&api, idea).await);
    }
    for (i, (id, version)) in ids.iter().enumerate().take(8) {
        let to = ["approved", "rejected", "in_review", "approved"][i % 4];
        step(&api, *id, *version, to).await;
    }
    edit(
        &api,
        ids[9].0,
        json!({"pillar": "Tips", "tags": ["video", "howto"]}),
    )
    .await;
    let mut c = app.conn();
    diesel::update(ideas::table.find(ids[10].0))
        .set(ideas::department_id.eq(2))
        .execute(&mut c)
        .unwrap();
    diesel::delete(ideas::table.find(ids[11].0))
        .execute(&mut c)
        .unwrap();

    let editor = IdeaScope::of(1, Role::Editor, None);
    let contributor = IdeaScope::of(99, Role::Contributor, Some(2));
    let columns = [
        State::Submitted,
        State::InReview,
        State::Approved,
        State::Rejected,
    ];
    for scope in [editor, contributor] {
        for (department_id, pillar, tag) in [
            (None, None, None),
            (Some(1), None, None),
            (None, Some("Tips"), None),
            (Some(2), Some("News"), None),
            (None, None, Some("video")),
            (None, Some("Tips"), Some("video")),
            (Some(1), None, Some("faq")),
            (None, None, Some("howto")),
        ] {
            let filter = Filter {
                department_id,
                pillar: pillar.map(str::to_string),
                tag: tag.map(str::to_string),
                ..Default::default()
            };
            // The columns' first cards (two, so that order and limit count) are those of the
            // ideas list in each state, also where they are read through the tag's index.
            let shown = board_columns(&mut c, &scope, &filter, &columns, 2).unwrap();
            for (state, cards) in shown {
                let one = Filter {
                    state: Some(state),
                    ..filter.clone()
                };
                let (listed, _) = cards_of(&mut c, &scope, &one, Sort::Oldest, None, 2).unwrap();
                assert_eq!(
                    cards.iter().map(|i| i.id).collect::<Vec<_>>(),
                    listed.iter().map(|i| i.id).collect::<Vec<_>>(),
                    "{state} cards under {filter:?} for {scope:?}"
                );
            }
            // The board's states, and one alone as the start page asks.
            let mut kept = count_by_state(&mut c, &scope, &filter, &columns).unwrap();
            kept.extend(count_by_state(&mut c, &scope, &filter, &columns[2..3]).unwrap());
            for (state, n) in kept {
                let live = count(
                    &mut c,
                    &scope,
                    &Filter {
                        state: Some(state),
                        ..filter.clone()
                    },
                )
                .unwrap();
                assert_eq!(n, live, "{state} under {filter:?} for {scope:?}");
            }
        }
    }
    let all = count_by_state(&mut c, &editor, &Filter::default(), &columns).unwrap();
    assert_eq!(all.iter().map(|(_, n)| n).sum::<i64>(), 11, "{all:?}");
    let howto = Filter {
        tag: Some("howto".into()),
        ..Default::default()
    };
    let tagged = count_by_state(&mut c, &editor, &howto, &columns).unwrap();
    assert_eq!(tagged.iter().map(|(_, n)| n).sum::<i64>(), 1, "{tagged:?}");
}

both_backends!(a_step_from_a_stale_version_is_a_conflict_before_any_rule);

/// Someone moved the idea meanwhile: a step sent with the old version answers 409 naming them,
/// even when the step is not allowed from the idea's new state (it used to be a 422).
async fn a_step_from_a_stale_version_is_a_conflict_before_any_rule(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Marketing").await;
    app.create_user(&admin, "eve@example.ch", "Eve Editor", "editor", None)
        .await;
    let ada = app.api(crate::helpers::ADMIN_EMAIL);
    let eve = app.api("eve@example.ch");
    let (_, idea) = ada
        .call(
            "POST",
            "/api/v1/ideas",
            json!({"title": "Spring fair", "department_id": 1}),
        )
        .await;
    let (id, version) = (
        idea["id"].as_i64().unwrap(),
        idea["version"].as_i64().unwrap(),
    );
    let (s, _) = eve
        .call(
            "POST",
            &format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": "rejected", "comment": "Not for us", "version": version}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    // From `rejected` nobody may approve; the stale version decides first.
    let (s, problem) = ada
        .call(
            "POST",
            &format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": "approved", "version": version}),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or("")
            .contains("Eve Editor"),
        "{problem}"
    );
}

/// Hands an idea in through the API: its id and version.
async fn hand_in(api: &crate::helpers::Api<'_>, idea: Value) -> (i64, i64) {
    let (s, idea) = api.call("POST", "/api/v1/ideas", idea).await;
    assert_eq!(s, StatusCode::CREATED, "{idea}");
    (
        idea["id"].as_i64().unwrap(),
        idea["version"].as_i64().unwrap(),
    )
}

/// Takes a step through the API from the version given.
async fn step(api: &crate::helpers::Api<'_>, id: i64, version: i64, to: &str) {
    let (s, body) = api
        .call(
            "POST",
            &format!("/api/v1/ideas/{id}/transitions"),
            json!({"to": to, "version": version, "comment": "because"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{to}: {body}");
}

/// Edits an idea through the API at its current version.
async fn edit(api: &crate::helpers::Api<'_>, id: i64, mut changes: Value) {
    let (_, idea) = api
        .call("GET", &format!("/api/v1/ideas/{id}"), json!({}))
        .await;
    changes["version"] = idea["version"].clone();
    let (s, body) = api
        .call("PATCH", &format!("/api/v1/ideas/{id}"), changes)
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
}
