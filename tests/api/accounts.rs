use reqwest::StatusCode;

use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(admin_adds_the_starter_departments_and_users_of_each_role);

async fn admin_adds_the_starter_departments_and_users_of_each_role(app: TestApp) {
    let admin = app.setup_admin().await;
    let (_, html) = app.get_html(&admin, "/admin/departments").await;
    assert!(html.contains("Customer care"), "the starter set is offered");
    let r = app
        .submit(
            &admin,
            "/admin/departments",
            "/admin/departments/starter",
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&admin, "/admin/departments").await;
    for d in ["Marketing", "Customer care", "Sales", "Product", "PR", "HR"] {
        assert!(
            html.contains(&format!("<li class=\"chip\">{d}</li>")),
            "{d} exists"
        );
    }
    let r = app
        .submit(
            &admin,
            "/admin/departments",
            "/admin/departments",
            &[("name", "Sales")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("This department exists already."));

    app.create_user(&admin, "eddie@example.ch", "Eddie Editor", "editor", None)
        .await;
    app.create_user(
        &admin,
        "carla@example.ch",
        "Carla Care",
        "contributor",
        Some("Customer care"),
    )
    .await;
    let (_, html) = app.get_html(&admin, "/admin/users").await;
    assert!(html.contains("Eddie Editor") && html.contains("Carla Care"));
    assert!(html.contains("Customer care"));

    // The same email twice, a contributor without department, an unknown role: field errors.
    let r = app
        .submit(
            &admin,
            "/admin/users",
            "/admin/users",
            &[
                ("email", "EDDIE@example.ch"),
                ("name", "Eddie Two"),
                ("role", "editor"),
                ("department_id", ""),
                ("password", "long enough pw"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("A user with this email exists already."));
    let r = app
        .submit(
            &admin,
            "/admin/users",
            "/admin/users",
            &[
                ("email", "new@example.ch"),
                ("name", "New Person"),
                ("role", "contributor"),
                ("department_id", ""),
                ("password", "long enough pw"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("A contributor needs a department."));
    assert!(html.contains("value=\"new@example.ch\""), "input kept");
    let r = app
        .submit(
            &admin,
            "/admin/users",
            "/admin/users",
            &[
                ("email", "x@example.ch"),
                ("name", "X"),
                ("role", "root"),
                ("department_id", "999"),
                ("password", "long enough pw"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Pick a role from the list."));
    assert!(html.contains("Pick a department from the list."));

    // The new users can log in with the password the admin gave them.
    assert_eq!(
        app.login("eddie@example.ch", crate::helpers::PASSWORD)
            .await
            .1
            .status(),
        StatusCode::SEE_OTHER
    );
    let r = app.get(&admin, "/admin/users/999999").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = app.get(&admin, "/admin/users/not-a-number").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
