//! Timeouts, a missing API, and bad input.

use std::time::Duration;

use crate::helpers::{build, dead_api_url, eventually, fake_api, spawn_app};

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn gizmos_cancel_async_shows_the_friendly_timeout_page_and_the_api_sees_the_cancellation() {
    let app = spawn_app(3_000, 4, 10);

    let (status, html, took) = app.load("/GizmosCancelAsync.aspx").await;

    assert_eq!(status, 504);
    assert!(html.contains("<h1>Friendly Timeout Page</h1>"), "{html}");
    assert!(html.contains("within its time limit of 1000 ms"));
    assert!(took < Duration::from_millis(2_500), "the 1 s AsyncTimeout cut the 3 s call short ({took:?})");
    eventually(Duration::from_secs(2), "the API counts the cancelled call", || app.api_cancelled("gizmos") == 1).await;
    assert_eq!(app.host.metrics.timeouts.get(), 1);
}

#[actix_web::test]
async fn gizmos_cancel_async_shows_the_gizmos_when_the_api_is_in_time() {
    let app = spawn_app(100, 4, 10);

    let (status, html, _) = app.load("/GizmosCancelAsync.aspx").await;

    assert_eq!(status, 200);
    assert!(html.contains("Gizmo 3"));
}

#[actix_web::test]
async fn with_the_api_down_pages_show_the_error_page_with_502() {
    let app = test_support::spawn_app_against(build, &dead_api_url(), 4, 10);

    for page in ["/Products.aspx", "/WidgetsAsync.aspx", "/PWG.aspx", "/PWGasync.aspx", "/GizmosCancelAsync.aspx"] {
        let (status, html, _) = app.load(page).await;
        assert_eq!(status, 502, "{page}");
        assert!(html.contains("Sorry, an error occurred while processing your request."), "{page}");
        assert!(html.contains("could not reach the Web API"), "{page}: {html}");
    }
}

#[actix_web::test]
async fn an_api_answering_an_error_status_or_bad_json_gives_502_with_the_reason() {
    for (status, body, reason) in [
        (500, "boom", "answered http://127.0.0.1"),
        (200, "this is not JSON", "not the expected JSON"),
        (200, r#"[{"Id":"one"}]"#, "not the expected JSON"),
    ] {
        let api = fake_api(status, body);
        let app = test_support::spawn_app_against(build, &api, 4, 10);
        for page in ["/Products.aspx", "/ProductsAsync.aspx"] {
            let (code, html, _) = app.load(page).await;
            assert_eq!(code, 502, "{page} with an API answering {status} {body}");
            assert!(html.contains(reason), "{page}: {html}");
        }
    }
}

#[actix_web::test]
async fn a_bad_chosen_delay_is_a_400_page() {
    let app = spawn_app(0, 4, 10);
    for bad in ["abc", "-1", "30001"] {
        let (status, html, _) = app.load(&format!("/GizmosCancelBtnAsync.aspx?load=1&delay={bad}")).await;
        assert_eq!(status, 400, "delay={bad}");
        assert!(html.contains(&format!("up to 30000, not `{bad}`")), "{html}");
    }
}

#[actix_web::test]
async fn a_bad_web_api_url_is_refused_at_start() {
    let config = webapp_async::Config {
        bind: [127, 0, 0, 1].into(),
        port: 0,
        log: Default::default(),
        app: app_kit::AppSettings::for_tests("not a url", 1, 1),
    };

    let error = webapp_async::build(config).err().expect("refused");

    assert!(error.to_string().contains("not usable"), "{error}");
}
