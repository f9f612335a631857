//! The intake and review story through the pages, on both backends, with mail arriving at a
//! real SMTP listener.

use reqwest::{Client, StatusCode};

use crate::each_backend;
use crate::helpers::{location, Backend, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::smtp::{free_port, listen, Inbox};

each_backend!(
    contributor_submits_editor_requests_changes_contributor_resubmits_editor_approves,
    other_departments_ideas_are_not_found_anywhere,
    a_stale_edit_or_step_is_refused_and_the_text_kept,
    smtp_outage_delays_mail_but_loses_none,
    bad_input_is_refused_field_by_field_and_nothing_is_saved,
    bulk_actions_and_mail_preferences,
    an_editor_sees_earlier_ideas_that_look_alike,
);

struct Team {
    app: TestApp,
    admin: Client,
    editor: Client,
    sam: Client,
    hanna: Client,
    channel: i64,
}

const SAM: &str = "sam@example.ch";
const EDDIE: &str = "eddie@example.ch";

/// An app whose mail goes to `smtp_port`, with Sales and HR, an editor and two contributors.
async fn team(backend: Backend, smtp_port: u16) -> Team {
    let url = format!("smtp://127.0.0.1:{smtp_port}");
    let app = TestApp::spawn_with(
        backend,
        &[
            ("PRESSROOM_SMTP_URL", &url),
            ("PRESSROOM_MAIL_RETRY_SECONDS", "1"),
        ],
    )
    .await;
    let admin = app.setup_admin().await;
    app.create_department(&admin, "Sales").await;
    app.create_department(&admin, "HR").await;
    app.create_user(&admin, EDDIE, "Eddie Editor", "editor", None)
        .await;
    app.create_user(&admin, SAM, "Sam Sales", "contributor", Some("Sales"))
        .await;
    app.create_user(
        &admin,
        "hanna@example.ch",
        "Hanna HR",
        "contributor",
        Some("HR"),
    )
    .await;
    let channel = app.add_channel("Blog", "feed");
    let (editor, _) = app.login(EDDIE, PASSWORD).await;
    let (sam, _) = app.login(SAM, PASSWORD).await;
    let (hanna, _) = app.login("hanna@example.ch", PASSWORD).await;
    Team {
        app,
        admin,
        editor,
        sam,
        hanna,
        channel,
    }
}

fn id_from(location: &str) -> i64 {
    location
        .trim_start_matches("/ideas/")
        .split(['#', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn version_of(app: &TestApp, client: &Client, id: i64) -> String {
    let (_, html) = app.get_html(client, &format!("/ideas/{id}")).await;
    let marker = "name=\"version\" value=\"";
    let start = html.find(marker).expect("a version field") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

async fn hand_in(t: &Team, client: &Client, title: &str) -> i64 {
    let channel = t.channel.to_string();
    let r = t
        .app
        .submit(client, "/ideas/new", "/ideas", &[
            ("title", title),
            ("pitch", "Our **best** customer, told in pictures.\n\n[x](javascript:alert(2))\n\n<script>alert(1)</script>"),
            ("audience", "SME owners"),
            ("pillar", "Customer stories"),
            ("tags", "stories, B2B"),
            ("channels", &channel),
            ("languages", "de"),
            ("languages", "fr"),
            ("wished_date", "2099-03-01"),
            ("links", "https://example.ch/huber\nhttps://example.ch/photos"),
            ("intent", "submit"),
        ])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    id_from(&location(&r))
}

async fn step(t: &Team, client: &Client, id: i64, to: &str, comment: &str) -> reqwest::Response {
    let page = format!("/ideas/{id}");
    let version = version_of(&t.app, client, id).await;
    t.app
        .submit(
            client,
            &page,
            &format!("{page}/transitions"),
            &[("to", to), ("comment", comment), ("version", &version)],
        )
        .await
}

async fn contributor_submits_editor_requests_changes_contributor_resubmits_editor_approves(
    backend: Backend,
) {
    let port = free_port();
    let inbox: Inbox = listen(port);
    let t = team(backend, port).await;
    let app = &t.app;
    let id = hand_in(&t, &t.sam, "Customer story: Bakery Huber").await;

    let (_, page) = app.get_html(&t.sam, &format!("/ideas/{id}")).await;
    assert!(page.contains("Submitted") && page.contains("<strong>best</strong>"));
    assert!(
        !page.contains("<script>alert(1)") && !page.contains("href=\"javascript:"),
        "the pitch is sanitised"
    );

    // The editor finds it on the board, with a near-duplicate flagged on the idea page.
    let (_, board) = app.get_html(&t.editor, "/ideas/board").await;
    assert!(board.contains("Customer story: Bakery Huber"));
    let twin = hand_in(&t, &t.sam, "Customer story about Bakery Huber").await;
    let (_, twin_page) = app.get_html(&t.editor, &format!("/ideas/{twin}")).await;
    assert!(
        twin_page.contains("Similar earlier ideas") && twin_page.contains("80%"),
        "{twin_page}"
    );

    // The start pages count one's own ideas and, for editors, what waits for review.
    let (_, home) = app.get_html(&t.sam, "/").await;
    assert!(
        home.contains(
            "<span class=\"card-figure\">2</span><span class=\"card-label\">My ideas</span>"
        ),
        "{home}"
    );
    let (_, home) = app.get_html(&t.editor, "/").await;
    assert!(home.contains(
        "<span class=\"card-figure\">2</span><span class=\"card-label\">Waiting for review</span>"
    ));
    let (_, home) = app.get_html(&t.hanna, "/").await;
    assert!(
        !home.contains("Waiting for review")
            && home.contains(
                "<span class=\"card-figure\">0</span><span class=\"card-label\">My ideas</span>"
            )
    );

    // Requesting changes needs a reason; the typed text is kept when it is refused.
    let r = step(&t, &t.editor, id, "changes_requested", "  ").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert_eq!(
        html.matches("Please say why in a comment.").count(),
        1,
        "shown once, not also under the comment fields"
    );
    let r = step(
        &t,
        &t.editor,
        id,
        "changes_requested",
        "Please add a quote from Mr Huber.",
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // A contributor cannot approve their own idea.
    let r = step(&t, &t.sam, id, "approved", "").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Sam revises and resubmits.
    let edit = format!("/ideas/{id}/edit");
    let (_, form) = app.get_html(&t.sam, &edit).await;
    assert!(form.contains("Customer story: Bakery Huber"));
    let version = version_of(app, &t.sam, id).await;
    let channel = t.channel.to_string();
    let r = app
        .submit(
            &t.sam,
            &edit,
            &format!("/ideas/{id}"),
            &[
                ("title", "Customer story: Bakery Huber, with a quote"),
                ("pitch", "Mr Huber: \"We bake since 1920.\""),
                ("channels", &channel),
                ("languages", "de"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = step(&t, &t.sam, id, "submitted", "Quote added.").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The editor assigns it, comments with a mention, and approves.
    let page = format!("/ideas/{id}");
    let r = app
        .submit(
            &t.admin,
            &page,
            &format!("{page}/assignee"),
            &[(
                "assignee_id",
                &app.user_id(&t.admin, EDDIE).await.to_string(),
            )],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app
        .submit(
            &t.editor,
            &page,
            &format!("{page}/comments"),
            &[("text", "Looks good, @sam. Photos next week?")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = step(&t, &t.editor, id, "approved", "Great story.").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let (_, page_html) = app.get_html(&t.sam, &page).await;
    for seen in [
        "handed in the idea",
        "Please add a quote from Mr Huber.",
        "edited the idea",
        "Customer story: Bakery Huber, with a quote",
        "Quote added.",
        "changed the assignee",
        "Looks good, @sam. Photos next week?",
        "Great story.",
        "Approved",
    ] {
        assert!(
            page_html.contains(&seen.replace('"', "&quot;")),
            "history shows {seen:?}"
        );
    }

    // Mail: Sam for each step others took and for the mention; Eddie for the assignment.
    let mails = inbox.wait_for(4).await;
    let sam_mails = inbox.to(SAM);
    let subjects: Vec<&str> = sam_mails.iter().map(|m| m.subject.as_str()).collect();
    assert!(
        subjects
            .iter()
            .any(|s| s.contains("is now: Changes requested")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.contains("is now: Approved")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.contains("mentioned you")),
        "{subjects:?}"
    );
    assert!(
        !subjects.iter().any(|s| s.contains("is now: Submitted")),
        "no mail for one's own step"
    );
    let link = format!("{}/ideas/{id}", app.address);
    assert!(
        sam_mails.iter().all(|m| m.text.contains(&link)),
        "each mail links to the idea"
    );
    assert!(sam_mails
        .iter()
        .any(|m| m.text.contains("Please add a quote from Mr Huber.")));
    let eddie = inbox.to(EDDIE);
    assert_eq!(eddie.len(), 1, "{mails:#?}");
    assert!(eddie[0].subject.contains("was assigned to you"));
    assert!(inbox.to("hanna@example.ch").is_empty());
}

async fn other_departments_ideas_are_not_found_anywhere(backend: Backend) {
    let t = team(backend, free_port()).await;
    let app = &t.app;
    let id = hand_in(&t, &t.sam, "Sales kick-off recap").await;
    let page = format!("/ideas/{id}");
    assert_eq!(
        app.get(&t.hanna, &page).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&t.hanna, &format!("{page}/edit")).await.status(),
        StatusCode::NOT_FOUND
    );
    let (_, list) = app.get_html(&t.hanna, "/ideas").await;
    assert!(!list.contains("Sales kick-off recap"));
    let (_, list) = app.get_html(&t.hanna, "/ideas?q=kick-off").await;
    assert!(!list.contains("Sales kick-off recap"));
    let r = app
        .submit(
            &t.hanna,
            "/ideas",
            &format!("{page}/comments"),
            &[("text", "hi")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = app
        .submit(
            &t.hanna,
            "/ideas",
            &format!("{page}/transitions"),
            &[("to", "draft"), ("version", "1")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&t.hanna, "/ideas/board").await.status(),
        StatusCode::FORBIDDEN,
        "the board is the editors'"
    );

    let token = app.create_token("hanna@example.ch", "script");
    let api = reqwest::Client::new();
    let r = api
        .get(app.url(&format!("/api/v1/ideas/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let r = api
        .get(app.url("/api/v1/ideas"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["items"].as_array().unwrap().len(), 0);
    let r = api
        .post(app.url(&format!("/api/v1/ideas/{id}/comments")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"text": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // Drafts are their author's alone, even for editors.
    let r = app
        .submit(
            &t.sam,
            "/ideas/new",
            "/ideas",
            &[("title", "Half an idea"), ("intent", "draft")],
        )
        .await;
    let draft = id_from(&location(&r));
    assert_eq!(
        app.get(&t.sam, &format!("/ideas/{draft}")).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&t.editor, &format!("/ideas/{draft}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // The same department sees it once submitted.
    let (_, sales_list) = app.get_html(&t.editor, "/ideas").await;
    assert!(sales_list.contains("Sales kick-off recap") && !sales_list.contains("Half an idea"));
}

async fn a_stale_edit_or_step_is_refused_and_the_text_kept(backend: Backend) {
    let t = team(backend, free_port()).await;
    let app = &t.app;
    let id = hand_in(&t, &t.sam, "Open day at the factory").await;
    let (second_editor, _) = app.login(ADMIN_EMAIL, PASSWORD).await;
    let page = format!("/ideas/{id}");
    let stale = version_of(app, &t.editor, id).await;

    // The admin takes a step first.
    let r = step(&t, &second_editor, id, "in_review", "").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The editor's step, based on what they saw before, is refused; their comment is kept.
    let r = app
        .submit(
            &t.editor,
            &page,
            &format!("{page}/transitions"),
            &[
                ("to", "rejected"),
                ("comment", "Not for us this year."),
                ("version", &stale),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let html = r.text().await.unwrap();
    assert!(html.contains("Ada Admin changed this meanwhile."), "{html}");
    assert!(
        html.contains("Not for us this year."),
        "the comment is kept"
    );
    let (_, now) = app.get_html(&t.editor, &page).await;
    assert!(now.contains("In review") && !now.contains("badge state-rejected"));

    // Two edits on the same version: the second comes back with its text and the conflict.
    let edit = format!("/ideas/{id}/edit");
    let version = version_of(app, &t.editor, id).await;
    let r = app
        .submit(
            &second_editor,
            &edit,
            &page,
            &[("title", "Open day: admin's title"), ("version", &version)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app
        .submit(
            &t.editor,
            &edit,
            &page,
            &[("title", "Open day: editor's title"), ("version", &version)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Open day: editor&#x27;s title"),
        "the editor's text is in the form"
    );
    let (_, now) = app.get_html(&t.editor, &page).await;
    assert!(
        now.contains("Open day: admin&#x27;s title"),
        "nothing was overwritten"
    );

    // Comments never conflict: both land.
    for (who, text) in [
        (&t.editor, "First thought"),
        (&second_editor, "Second thought"),
    ] {
        let r = app
            .submit(who, &page, &format!("{page}/comments"), &[("text", text)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let (_, now) = app.get_html(&t.sam, &page).await;
    assert!(now.contains("First thought") && now.contains("Second thought"));
}

async fn smtp_outage_delays_mail_but_loses_none(backend: Backend) {
    let port = free_port();
    let t = team(backend, port).await;
    let app = &t.app;
    let id = hand_in(&t, &t.sam, "Summer sale newsletter").await;
    let r = step(&t, &t.editor, id, "approved", "").await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "the step is saved while mail is down"
    );
    let (_, page) = app.get_html(&t.sam, &format!("/ideas/{id}")).await;
    assert!(page.contains("badge state-approved"));

    // The admin sees the mail waiting with its error.
    let mut waited = 0;
    loop {
        let (_, html) = app.get_html(&t.admin, "/admin/mail").await;
        if html.contains(SAM) {
            break;
        }
        waited += 1;
        assert!(waited < 50, "the failing mail shows on /admin/mail: {html}");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    let inbox = listen(port);
    let mails = inbox.wait_for(1).await;
    assert_eq!(mails[0].to, vec![SAM.to_string()]);
    assert!(mails[0].subject.contains("Summer sale newsletter"));
    let (_, html) = app.get_html(&t.admin, "/admin/mail").await;
    assert!(html.contains("All mail has been sent."));
}

async fn bad_input_is_refused_field_by_field_and_nothing_is_saved(backend: Backend) {
    let t = team(backend, free_port()).await;
    let app = &t.app;
    let long = "x".repeat(10_000);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("title", "   ")], "This field is required."),
        (
            vec![("title", &long)],
            "The title can have at most 200 characters.",
        ),
        (
            vec![("title", "ok"), ("channels", "9999")],
            "Pick channels from the list.",
        ),
        (
            vec![("title", "ok"), ("languages", "es")],
            "Pick languages among German, French, Italian and English.",
        ),
        (
            vec![("title", "ok"), ("wished_date", "2020-01-01")],
            "The date is in the past.",
        ),
        (
            vec![("title", "ok"), ("links", "javascript:alert(1)")],
            "Each link must be a web address",
        ),
    ];
    for (fields, message) in cases {
        let mut form = fields.clone();
        form.push(("pitch", "My kept pitch"));
        let r = app.submit(&t.sam, "/ideas/new", "/ideas", &form).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "{message} for {fields:?}");
        assert!(html.contains("My kept pitch"), "the input is kept");
    }
    let (_, list) = app.get_html(&t.sam, "/ideas?mine=1").await;
    assert!(list.contains("No idea"), "nothing was saved: {list}");
    // A transition that does not exist from here, and one to a made-up state.
    let id = hand_in(&t, &t.sam, "Valid idea").await;
    for to in ["published", "nonsense"] {
        let r = step(&t, &t.editor, id, to, "").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{to}");
        assert!(r
            .text()
            .await
            .unwrap()
            .contains("This step is not possible"));
    }
    // A form of the wrong type.
    let token = app.csrf(&t.sam, "/ideas/new").await;
    let r = t
        .sam
        .post(app.url("/ideas"))
        .header("x-csrf-token", token)
        .json(&serde_json::json!({"title": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

pub(crate) fn outbox_to(app: &TestApp, email: &str) -> Vec<String> {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::mail_outbox;
    mail_outbox::table
        .filter(mail_outbox::to_email.eq(email))
        .select(mail_outbox::subject)
        .load(&mut app.conn())
        .unwrap()
}

async fn bulk_actions_and_mail_preferences(backend: Backend) {
    let t = team(backend, free_port()).await;
    let app = &t.app;
    // Sam wants no mail about state changes, but still about comments.
    let r = app
        .submit(
            &t.sam,
            "/account",
            "/account/notifications",
            &[
                ("mail", "comment"),
                ("mail", "assigned"),
                ("mail", "mention"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, account) = app.get_html(&t.sam, "/account").await;
    assert!(
        account.contains("value=\"comment\" checked")
            && !account.contains("value=\"state\" checked")
    );

    let a = hand_in(&t, &t.sam, "Trade fair booth").await;
    let b = hand_in(&t, &t.sam, "Trade fair giveaways").await;
    let c = hand_in(&t, &t.sam, "Apprentice portraits").await;
    let (a, b, c) = (a.to_string(), b.to_string(), c.to_string());

    let r = app
        .submit(
            &t.editor,
            "/ideas",
            "/ideas/bulk",
            &[
                ("ids", &a),
                ("ids", &b),
                ("action", "assign"),
                ("assignee_id", "me"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.get_html(&t.editor, "/ideas?assignee=me").await;
    assert!(
        list.contains("Trade fair booth")
            && list.contains("Trade fair giveaways")
            && !list.contains("Apprentice portraits")
    );

    let r = app
        .submit(
            &t.editor,
            "/ideas",
            "/ideas/bulk",
            &[
                ("ids", &a),
                ("ids", &c),
                ("action", "reject"),
                ("comment", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.get_html(&t.editor, "/ideas?state=rejected").await;
    assert!(
        list.contains("Please say why the ideas are rejected."),
        "{list}"
    );
    assert!(list.contains("No idea matches"));
    let r = app
        .submit(
            &t.editor,
            "/ideas",
            "/ideas/bulk",
            &[
                ("ids", &a),
                ("ids", &c),
                ("action", "reject"),
                ("comment", "Out of budget this year."),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.get_html(&t.editor, "/ideas?state=rejected").await;
    assert!(
        list.contains("Trade fair booth")
            && list.contains("Apprentice portraits")
            && !list.contains("Trade fair giveaways")
    );
    let (_, page) = app.get_html(&t.sam, &format!("/ideas/{a}")).await;
    assert!(page.contains("Out of budget this year."));

    let r = app
        .submit(
            &t.editor,
            &format!("/ideas/{b}"),
            &format!("/ideas/{b}/comments"),
            &[("text", "Any budget figures?")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to_sam = outbox_to(app, SAM);
    assert_eq!(
        to_sam.len(),
        1,
        "only the comment, no state mails: {to_sam:?}"
    );
    assert!(to_sam[0].contains("New comment"));
    assert!(
        outbox_to(app, EDDIE).is_empty(),
        "assigning oneself sends no mail"
    );
}

async fn an_editor_sees_earlier_ideas_that_look_alike(backend: Backend) {
    let t = team(backend, free_port()).await;
    let app = &t.app;
    let first = hand_in(&t, &t.sam, "Customer story: Huber Bakery").await;
    let other = hand_in(&t, &t.hanna, "Hiring day at the factory").await;
    let later = hand_in(&t, &t.sam, "huber bakery customer story, part two").await;
    let (_, html) = app.get_html(&t.editor, &format!("/ideas/{later}")).await;
    let similar = html
        .split("<ul class=\"similar\">")
        .nth(1)
        .expect("a list of ideas that look alike")
        .split("</ul>")
        .next()
        .unwrap();
    // Four words shared (whatever their case) of six in all: 67 %.
    assert!(
        similar.contains(&format!("<a href=\"/ideas/{first}\">Customer story: Huber Bakery</a> <span class=\"badge\">67%</span>")),
        "{similar}"
    );
    assert!(!similar.contains(&format!("/ideas/{other}\"")), "{similar}");
    // Candidates are found by their titles' words as they are now: retitled, the other one
    // looks alike too.
    let api = app.api(EDDIE);
    let (_, before) = api
        .call(
            "GET",
            &format!("/api/v1/ideas/{other}"),
            serde_json::json!({}),
        )
        .await;
    let (s, body) = api
        .call(
            "PATCH",
            &format!("/api/v1/ideas/{other}"),
            serde_json::json!({"title": "Bakery Huber: a customer story", "version": before["version"]}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (_, html) = app.get_html(&t.editor, &format!("/ideas/{later}")).await;
    assert!(
        html.contains(&format!("<a href=\"/ideas/{other}\">Bakery Huber: a customer story</a> <span class=\"badge\">67%</span>")),
        "{html}"
    );
    // Only earlier ideas, and only for editors.
    let (_, html) = app.get_html(&t.editor, &format!("/ideas/{first}")).await;
    assert!(!html.contains("class=\"similar\""));
    let (_, html) = app.get_html(&t.sam, &format!("/ideas/{later}")).await;
    assert!(!html.contains("class=\"similar\""));
}
