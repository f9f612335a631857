//! The job engine as admins see it: `/admin/jobs` with dead jobs and their errors, run again
//! or cancelled; `/metrics` for Prometheus.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use wiremock::ResponseTemplate;

use crate::helpers::{Backend, ADMIN_EMAIL};
use crate::publishing::{hook_to, planned, ready, receiver, wait_for_state, LOOPBACK};
use pressroom::store;

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

    // The job is recorded as dead by the engine's next round, just after the publication.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let html = loop {
        let (s, html) = app.get_html(&admin, "/admin/jobs").await;
        assert_eq!(s, StatusCode::OK);
        if html.contains("403 Forbidden") {
            break html;
        }
        assert!(
            std::time::Instant::now() < until,
            "the error is shown: {html}"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(html.contains("Failed for good"), "{html}");
    let id = crate::helpers::number_after(&html, "action=\"/admin/jobs/");
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
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let text = loop {
        let text = reqwest::get(app.url("/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // The engine records the job as done in its round after the publication.
        if text.contains("state=\"done\"} 1") || std::time::Instant::now() > until {
            break text;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    };
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
    // Through a reverse proxy the caller is not local: a token is needed.
    let r = reqwest::Client::new()
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let token = app.create_token(ADMIN_EMAIL, "prometheus");
    let r = reqwest::Client::new()
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

crate::each_backend!(a_retry_while_the_failed_run_is_being_recorded_is_not_lost);

/// An editor (or a script) retries a failed post in the moment between the publication being
/// recorded as failed and its job being recorded as finished: the retry must win.
async fn a_retry_while_the_failed_run_is_being_recorded_is_not_lost(backend: Backend) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pressroom::db::schema::{jobs, publications};
    use pressroom::store;
    let (app, _) = ready(
        backend,
        &[
            ("PRESSROOM_WORKERS", "0"),
            ("PRESSROOM_ALLOWED_HOSTS", "127.0.0.1"),
        ],
    )
    .await;
    let receiver = receiver(ResponseTemplate::new(200), 0).await;
    let api = app.api(ADMIN_EMAIL);
    let ch = hook_to(&api, &receiver).await;
    let (_, variant) = planned(&api, "Race", ch, "x", Utc::now() + Duration::minutes(5)).await;
    let mut c = app.conn();
    let later = (Utc::now() + Duration::minutes(6)).naive_utc();
    let claimed =
        store::jobs::claim(&mut c, "w1", later, later + Duration::minutes(1), 10, true).unwrap();
    assert_eq!(claimed.len(), 1);
    let p = store::publications::for_variant(&mut c, variant)
        .unwrap()
        .unwrap();
    diesel::update(publications::table.find(p.id))
        .set(publications::state.eq("failed"))
        .execute(&mut c)
        .unwrap();
    let p = store::publications::find(&mut c, p.id).unwrap().unwrap();
    assert!(store::publications::retry(&mut c, &p, later).unwrap());
    let recorded = store::jobs::settle(
        &mut c,
        "w1",
        claimed[0].id,
        &store::jobs::Settle::Done,
        later,
    )
    .unwrap();
    assert!(
        !recorded,
        "the old run's end is not recorded over the retry"
    );
    let (state, owner): (String, Option<String>) = jobs::table
        .find(claimed[0].id)
        .select((jobs::state, jobs::locked_by))
        .first(&mut c)
        .unwrap();
    assert_eq!((state.as_str(), owner), ("queued", None));
}

crate::each_backend!(a_claim_takes_due_jobs_in_order_and_leaves_later_ones);

/// A worker's round: what it finished is marked done, and it takes the jobs that are due, in
/// the order they fell due, never one that is not due yet, however many are queued.
async fn a_claim_takes_due_jobs_in_order_and_leaves_later_ones(backend: Backend) {
    let app = crate::helpers::TestApp::spawn_with(backend, &[("PRESSROOM_WORKERS", "0")]).await;
    let mut c = app.conn();
    // Whole seconds: PostgreSQL keeps microseconds, SQLite what it is given.
    let now = chrono::SubsecRound::trunc_subsecs(store::now(), 0);
    let job = |minutes: i64, name: &str| store::jobs::NewJob {
        kind: "noop",
        payload: format!("{{\"name\":\"{name}\"}}"),
        unique_key: Some(name.to_string()),
        run_at: now + Duration::minutes(minutes),
        max_attempts: 3,
    };
    // Queued out of order; two fall due later.
    for (m, name) in [
        (5, "later"),
        (-3, "second"),
        (-9, "first"),
        (9, "latest"),
        (-1, "third"),
    ] {
        store::jobs::enqueue(&mut c, job(m, name), now).unwrap();
    }
    let names = |jobs: &[store::jobs::Job]| -> Vec<String> {
        jobs.iter().map(|j| j.unique_key.clone().unwrap()).collect()
    };
    let lease = now + Duration::minutes(1);
    let two = store::jobs::settle_done_and_claim(&mut c, "w1", &[], now, lease, 2, true).unwrap();
    assert_eq!(names(&two), ["first", "second"]);
    let ids: Vec<i64> = two.iter().map(|j| j.id).collect();
    let rest =
        store::jobs::settle_done_and_claim(&mut c, "w1", &ids, now, lease, 10, false).unwrap();
    assert_eq!(names(&rest), ["third"], "nothing that is not due yet");
    for id in ids {
        let j = store::jobs::find(&mut c, id).unwrap().unwrap();
        assert_eq!(
            j.state, "done",
            "finished jobs are marked in the same round"
        );
        assert_eq!(j.locked_by, None);
    }
    assert_eq!(
        store::jobs::next_due(&mut c).unwrap(),
        Some(now + Duration::minutes(5))
    );
    let later = now + Duration::minutes(10);
    let last = store::jobs::settle_done_and_claim(
        &mut c,
        "w2",
        &[],
        later,
        later + Duration::minutes(1),
        10,
        false,
    )
    .unwrap();
    assert_eq!(names(&last), ["later", "latest"]);
    // Another worker's jobs are not marked done by this one.
    let theirs: Vec<i64> = last.iter().map(|j| j.id).collect();
    store::jobs::settle_done_and_claim(&mut c, "w1", &theirs, later, later, 0, false).unwrap();
    let j = store::jobs::find(&mut c, theirs[0]).unwrap().unwrap();
    assert_eq!(j.state, "running");
    assert_eq!(j.locked_by.as_deref(), Some("w2"));
}

/// Several instances share one PostgreSQL: a job queued by any of them is announced to all
/// that LISTEN (by the database itself, without a statement of ours), once it commits.
#[actix_web::test]
async fn a_queued_job_is_announced_to_listening_instances_when_it_commits() {
    use diesel::{Connection, RunQueryDsl};
    let app =
        crate::helpers::TestApp::spawn_with(Backend::Postgres, &[("PRESSROOM_WORKERS", "0")]).await;
    let mut listener = diesel::PgConnection::establish(&app.database_url).unwrap();
    diesel::sql_query("LISTEN pressroom_jobs")
        .execute(&mut listener)
        .unwrap();
    let mut c = app.conn();
    let now = store::now();
    let job = |name: &str| store::jobs::NewJob {
        kind: "noop",
        payload: "{}".into(),
        unique_key: Some(name.to_string()),
        run_at: now,
        max_attempts: 3,
    };
    let rolled_back = c.transaction(|c| {
        store::jobs::enqueue(c, job("never"), now)?;
        Err::<(), _>(diesel::result::Error::RollbackTransaction)
    });
    assert!(rolled_back.is_err());
    store::jobs::enqueue(&mut c, job("first"), now).unwrap();
    assert_eq!(
        heard(&mut listener).await,
        1,
        "one notification for the committed job"
    );
    // A key already queued adds nothing, and nothing is announced.
    assert_eq!(
        store::jobs::enqueue(&mut c, job("first"), now).unwrap(),
        None
    );
    c.transaction(|c| {
        store::jobs::enqueue(c, job("second"), now)?;
        store::jobs::enqueue(c, job("third"), now)
    })
    .unwrap();
    assert_eq!(
        heard(&mut listener).await,
        1,
        "two jobs in one transaction: one wake-up"
    );
}

/// The job notifications that reached `listener`, waiting (bounded) for the first.
async fn heard(listener: &mut diesel::PgConnection) -> usize {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let n = listener
            .notifications_iter()
            .filter(|n| n.as_ref().is_ok_and(|n| n.channel == "pressroom_jobs"))
            .count();
        if n > 0 || std::time::Instant::now() > until {
            return n;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
