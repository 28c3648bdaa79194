//! Timeouts, a missing API, and what the API sees of cancellations.

use std::time::Duration;

use crate::helpers::{build, dead_api_url, eventually, spawn_app};

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn gizmos_cancel_async_times_out_and_the_api_sees_the_cancellation() {
    let app = spawn_app(2_000, 4, 10);

    let (status, html, took) = app.load("/Home/GizmosCancelAsync").await;

    assert_eq!(status, 504);
    assert!(html.contains("Your request has timed out."), "{html}");
    assert!(html.contains("within its time limit of 150 ms"));
    assert!(took < Duration::from_millis(1_500), "the 150 ms limit cut the 2 s call short ({took:?})");
    eventually(Duration::from_secs(2), "the API counts the cancelled call", || app.api_cancelled("gizmos") == 1).await;
    assert_eq!(app.host.metrics.timeouts.get(), 1);
}

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn pwg_time_out_cancels_all_three_calls_together() {
    let app = spawn_app(2_000, 4, 10);

    let (status, html, _) = app.load("/Home/PWGtimeOut").await;

    assert_eq!(status, 504);
    assert!(html.contains("Your request has timed out."));
    assert!(html.contains("within its time limit of 50 ms"));
    eventually(Duration::from_secs(2), "the API counts three cancelled calls", || {
        ["products", "widgets", "gizmos"].iter().all(|c| app.api_cancelled(c) == 1)
    })
    .await;
}

#[actix_web::test]
async fn gizmos_cancel_async_succeeds_when_the_api_is_fast_enough() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/Home/GizmosCancelAsync").await;

    assert_eq!(status, 200);
    assert!(html.contains("<h2>Gizmos Asynchronous</h2>"));
}

#[actix_web::test]
async fn with_the_api_down_every_action_shows_the_error_view_with_502() {
    let app = test_support::spawn_app_against(build, &dead_api_url(), 4, 10);

    for action in ["Products", "WidgetsAsync", "PWG", "PWGasync"] {
        let (status, html, _) = app.load(&format!("/Home/{action}")).await;
        assert_eq!(status, 502, "{action}");
        assert!(html.contains("Sorry, an error occurred while processing your request."), "{action}");
        assert!(html.contains("could not reach the Web API"), "{action}: {html}");
    }
}

#[actix_web::test]
async fn a_bad_web_api_url_is_refused_at_start() {
    let config = mvc_async::Config {
        bind: [127, 0, 0, 1].into(),
        port: 0,
        log: Default::default(),
        app: app_kit::AppSettings::for_tests("ftp://nowhere", 1, 1),
    };

    let error = mvc_async::build(config).err().expect("refused");

    assert!(error.to_string().contains("must be an http:// URL"), "{error}");
}
