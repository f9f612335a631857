use reqwest::StatusCode;

use crate::both_backends;
use crate::helpers::{location, TestApp, ADMIN_EMAIL, PASSWORD};

both_backends!(
    first_visit_sets_up_an_admin_and_setup_is_gone_after,
    bad_setup_input_comes_back_with_errors
);

async fn first_visit_sets_up_an_admin_and_setup_is_gone_after(app: TestApp) {
    let visitor = app.browser();
    let r = app.get(&visitor, "/").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/login?next=%2F");
    // No account can pass the login page yet: it sends the newcomer on to set-up.
    let r = app.get(&visitor, "/login?next=%2F").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/setup");

    let (status, html) = app.get_html(&visitor, "/setup").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Europe/Zurich"), "time zones are offered");

    let admin = app.setup_admin().await;
    let (status, html) = app.get_html(&admin, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Hello, Ada Admin"), "{html}");
    assert!(
        html.contains("Welcome! Your team"),
        "the flash message is shown once"
    );
    let (_, again) = app.get_html(&admin, "/").await;
    assert!(!again.contains("Welcome! Your team"), "and only once");

    assert_eq!(
        app.get(&visitor, "/setup").await.status(),
        StatusCode::NOT_FOUND
    );
    let r = app
        .submit(
            &visitor,
            "/login",
            "/setup",
            &[
                ("email", "intruder@example.ch"),
                ("name", "X"),
                ("password", PASSWORD),
                ("password_repeat", PASSWORD),
                ("timezone", "UTC"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "a second admin cannot be made by set-up"
    );
    let (_, r) = app.login("intruder@example.ch", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let (_, r) = app.login(ADMIN_EMAIL, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

async fn bad_setup_input_comes_back_with_errors(app: TestApp) {
    let visitor = app.browser();
    let r = app
        .submit(
            &visitor,
            "/setup",
            "/setup",
            &[
                ("email", "not-an-email"),
                ("name", "Ada Admin"),
                ("password", "short"),
                ("password_repeat", "short"),
                ("timezone", "Mars/Olympus"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("value=\"not-an-email\""), "the input is kept");
    assert!(html.contains("value=\"Ada Admin\""), "the input is kept");
    assert!(html.contains("Enter an email address like name@example.com."));
    assert!(html.contains("The password needs at least 10 characters."));
    assert!(html.contains("Pick a time zone from the list."));
    assert!(
        !html.contains("value=\"short\""),
        "passwords are never echoed back"
    );
    assert_eq!(
        app.get(&visitor, "/setup").await.status(),
        StatusCode::OK,
        "nothing was created"
    );
}
