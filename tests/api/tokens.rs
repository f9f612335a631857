//! API tokens can be listed and revoked (API, account page, CLI), never shown again, and die
//! with a password change (#12 finding 5).

use reqwest::StatusCode;
use serde_json::Value;

use crate::both_backends;
use crate::helpers::{number_after, TestApp, ADMIN_EMAIL, PASSWORD};

both_backends!(tokens_are_listed_revoked_and_die_with_a_password_change);

async fn works(app: &TestApp, token: &str) -> StatusCode {
    reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

async fn tokens_are_listed_revoked_and_die_with_a_password_change(app: TestApp) {
    let admin = app.setup_admin().await;
    app.create_user(&admin, "eve@example.ch", "Eve Editor", "editor", None)
        .await;
    let import = app.create_token(ADMIN_EMAIL, "import script");
    let dashboard = app.create_token(ADMIN_EMAIL, "dashboard");
    let eve = app.create_token("eve@example.ch", "eve's script");

    // The API lists labels and dates, never the tokens themselves.
    let r = reqwest::Client::new()
        .get(app.url("/api/v1/me/tokens"))
        .bearer_auth(&import)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let text = r.text().await.unwrap();
    assert!(
        !text.contains(&import) && !text.contains(&dashboard),
        "{text}"
    );
    let list: Value = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["dashboard", "import script"]);
    assert!(list["items"][1]["last_used_at"].is_string(), "{list}");
    let dashboard_id = list["items"][0]["id"].as_i64().unwrap();

    // Nobody revokes someone else's token; the owner does, and it stops working at once.
    let delete = |token: String, id: i64| {
        let url = app.url(&format!("/api/v1/me/tokens/{id}"));
        async move {
            reqwest::Client::new()
                .delete(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(
        delete(eve.clone(), dashboard_id).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(works(&app, &dashboard).await, StatusCode::OK);
    assert_eq!(
        delete(import.clone(), dashboard_id).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(works(&app, &dashboard).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        delete(import.clone(), dashboard_id).await,
        StatusCode::NOT_FOUND
    );

    // The CLI lists and revokes by label.
    let out = app.cli(&["token", "list", "--email", ADMIN_EMAIL], "");
    let listed = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success() && listed.contains("import script"),
        "{listed}"
    );
    assert!(!listed.contains(&import), "{listed}");
    let out = app.cli(
        &[
            "token",
            "revoke",
            "--email",
            ADMIN_EMAIL,
            "--name",
            "nothing",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let out = app.cli(
        &[
            "token",
            "revoke",
            "--email",
            ADMIN_EMAIL,
            "--name",
            "import script",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(works(&app, &import).await, StatusCode::UNAUTHORIZED);

    // The account page lists them and revokes one.
    let laptop = app.create_token(ADMIN_EMAIL, "laptop");
    let (_, html) = app.get_html(&admin, "/account").await;
    assert!(
        html.contains("laptop") && !html.contains(&laptop),
        "the page names it"
    );
    let id = number_after(&html, "/account/tokens/");
    let r = app
        .submit(
            &admin,
            "/account",
            &format!("/account/tokens/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(works(&app, &laptop).await, StatusCode::UNAUTHORIZED);

    // An admin revokes anyone's token from the person's page.
    let eve_id = app.user_id(&admin, "eve@example.ch").await;
    let page = format!("/admin/users/{eve_id}");
    let (_, html) = app.get_html(&admin, &page).await;
    assert!(
        html.contains("eve&#x27;s script") || html.contains("eve's script"),
        "{html}"
    );
    let eve_token_id = number_after(&html, &format!("/admin/users/{eve_id}/tokens/"));
    let eve2 = app.create_token("eve@example.ch", "second");
    let r = app
        .submit(
            &admin,
            &page,
            &format!("/admin/users/{eve_id}/tokens/{eve_token_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(works(&app, &eve).await, StatusCode::UNAUTHORIZED);
    assert_eq!(works(&app, &eve2).await, StatusCode::OK, "only that one");

    // A token may be given an end; past it, it no longer opens the API.
    let out = app.cli(
        &[
            "token",
            "create",
            "--email",
            ADMIN_EMAIL,
            "--name",
            "one day",
            "--expires-in-days",
            "1",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let day = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(works(&app, &day).await, StatusCode::OK);
    let (_, me) = app.get_html(&admin, "/account").await;
    assert!(
        me.contains("one day") && me.contains("expires"),
        "the page shows the end"
    );
    {
        use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
        use pressroom::db::schema::api_tokens;
        diesel::update(api_tokens::table.filter(api_tokens::label.eq("one day")))
            .set(api_tokens::expires_at.eq(Some(
                chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1),
            )))
            .execute(&mut app.conn())
            .unwrap();
    }
    assert_eq!(
        works(&app, &day).await,
        StatusCode::UNAUTHORIZED,
        "an expired token is refused"
    );

    // A new password revokes every token of the account, and only of that account.
    let kept = app.create_token(ADMIN_EMAIL, "ci");
    let r = app
        .submit(
            &admin,
            "/account",
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "a much better passphrase"),
                ("password_repeat", "a much better passphrase"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(works(&app, &kept).await, StatusCode::UNAUTHORIZED);
    assert_eq!(works(&app, &eve2).await, StatusCode::OK);
}
