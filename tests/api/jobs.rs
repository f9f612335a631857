//! The job engine as admins see it: `/admin/jobs` with dead jobs and their errors, run again
//! or cancelled; `/metrics` for Prometheus.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use wiremock::ResponseTemplate;

use crate::helpers::{Backend, ADMIN_EMAIL};
use crate::publishing::{hook_to, planned, ready, receiver, wait_for_state, LOOPBACK};

crate::each_backend!(admins_see_dead_jobs_and_run_them_again);

async fn admins_see_dead_jobs_and_run_them_again(backend: Backend) {
    let (app, admin) = ready(backend, LOOPBACK).await;
    let receiver = receiver(ResponseTemplate::new(403), 1).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = hook_to(&api, &receiver).await;
    let (_, variant) = planned(
        &api,
        "Forbidden at first",
        ch,
        "x",
        Utc::now() + Duration::minutes(5),
    )
    .await;
    app.advance(Duration::minutes(6));
    wait_for_state(&api, variant, "failed").await;

    let (s, html) = app.get_html(&admin, "/admin/jobs").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Failed for good"), "{html}");
    assert!(html.contains("403 Forbidden"), "the error is shown: {html}");
    let marker = "action=\"/admin/jobs/";
    let at = html.find(marker).expect("a job with buttons") + marker.len();
    let id: String = html[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    // Running a dead publish job again is the editors' "publish again": same key, sent now.
    let r = app
        .submit(
            &admin,
            "/admin/jobs",
            &format!("/admin/jobs/{id}/retry"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let p = wait_for_state(&api, variant, "published").await;
    let got = receiver.received_requests().await.unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[1].headers.get("webhook-id").unwrap(),
        p["idempotency_key"].as_str().unwrap()
    );
    // Nothing to run again or cancel once it is done.
    let r = app
        .submit(
            &admin,
            "/admin/jobs",
            &format!("/admin/jobs/{id}/cancel"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // Editors and contributors have no jobs page.
    app.create_user(&admin, "ed@example.ch", "Ed", "editor", None)
        .await;
    let (ed, _) = app.login("ed@example.ch", crate::helpers::PASSWORD).await;
    let (s, _) = app.get_html(&ed, "/admin/jobs").await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Prometheus on loopback: job states from the shared table, lateness, attempts.
    let text = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("pressroom_jobs{kind=\"publish\",state=\"done\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("pressroom_publish_lateness_seconds_count 1"),
        "{text}"
    );
    assert!(
        text.contains("pressroom_publish_attempts_total{kind=\"webhook\",outcome=\"failed\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("pressroom_http_requests_total{status=\"200\"}"),
        "{text}"
    );
}
