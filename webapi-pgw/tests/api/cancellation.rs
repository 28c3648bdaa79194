//! A caller that hangs up stops the delay at once, and is counted as cancelled.

use std::time::{Duration, Instant};

use webapi_pgw::metrics::Outcome;

use crate::helpers::{eventually, spawn_app};

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn a_caller_giving_up_after_100_ms_on_a_2_s_delay_is_seen_within_250_ms() {
    let app = spawn_app(2_000);
    let impatient = reqwest::Client::builder().timeout(Duration::from_millis(100)).build().unwrap();

    let error = impatient.get(format!("{}/api/gizmos", app.address)).send().await.unwrap_err();
    let gave_up = Instant::now();
    assert!(error.is_timeout(), "{error}");

    let seen = eventually(Duration::from_millis(250), "the API counts the cancellation", || {
        app.metrics.requests("gizmos", Outcome::Cancelled) == 1
    })
    .await;
    eventually(Duration::from_millis(250), "no delay is left in flight", || app.metrics.in_flight() == 0).await;

    assert_eq!(app.metrics.requests("gizmos", Outcome::Completed), 0);
    println!("cancellation seen {seen:?} after the hang-up ({:?} in all)", gave_up.elapsed());
}

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn many_callers_hanging_up_at_once_are_all_cancelled() {
    let app = spawn_app(5_000);
    let impatient = reqwest::Client::builder().timeout(Duration::from_millis(150)).build().unwrap();

    let calls = (0..50).map(|_| impatient.get(format!("{}/api/products", app.address)).send());
    let results = futures_util::future::join_all(calls).await;

    assert!(results.iter().all(|r| r.as_ref().is_err_and(reqwest::Error::is_timeout)));
    eventually(Duration::from_secs(2), "all 50 are counted cancelled", || {
        app.metrics.requests("products", Outcome::Cancelled) == 50
    })
    .await;
    eventually(Duration::from_secs(1), "no delay is left in flight", || app.metrics.in_flight() == 0).await;
}

#[actix_web::test]
async fn keep_alive_connections_are_not_mistaken_for_hang_ups() {
    let app = spawn_app(20);

    // reqwest reuses one connection for these sequential calls.
    for _ in 0..20 {
        assert_eq!(app.get("/api/widgets").await.status(), 200);
    }

    assert_eq!(app.metrics.requests("widgets", Outcome::Completed), 20);
    assert_eq!(app.metrics.requests("widgets", Outcome::Cancelled), 0);
}

#[actix_web::test]
async fn a_graceful_stop_lets_in_flight_calls_finish() {
    let app = spawn_app(300);
    let call = tokio::spawn({
        let (client, url) = (app.client.clone(), format!("{}/api/products", app.address));
        async move { client.get(url).send().await }
    });
    eventually(Duration::from_secs(5), "the call is waiting out its delay", || app.metrics.in_flight() == 1).await;

    let metrics = app.metrics.clone();
    app.stop().await.expect("the server stops cleanly");

    let response = call.await.unwrap().expect("the in-flight call is answered");
    assert_eq!(response.status(), 200);
    assert_eq!(metrics.requests("products", Outcome::Completed), 1);
}
