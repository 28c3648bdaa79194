//! A misbehaving backend, on purpose: a page's `?fault=` and `?status=` are
//! passed on to its calls to the real Web API, and each failure reaches the
//! visitor as the right error page, with the reason in words.

use std::time::Duration;

use crate::helpers::spawn_app;

#[actix_web::test]
async fn each_fault_of_the_api_is_a_502_page_with_the_reason_in_words() {
    let app = spawn_app(20, 4, 10);

    for (query, reason) in [
        ("status=503", "answered"),
        ("fault=reset", "the connection was reset"),
        ("fault=empty", "the connection closed without an answer"),
        ("fault=malformed", "not the expected JSON"),
    ] {
        for page in ["/Products.aspx", "/ProductsAsync.aspx", "/PWGasync.aspx"] {
            let (status, html, _) = app.load(&format!("{page}?{query}")).await;
            assert_eq!(status, 502, "{page}?{query}");
            assert!(html.contains("Sorry, an error occurred while processing your request."), "{page}?{query}");
            assert!(html.contains(reason), "{page}?{query}: {html}");
        }
    }
    let (_, html, _) = app.load("/Products.aspx?status=503").await;
    assert!(html.contains("with HTTP 503"), "the API's status is named: {html}");
}

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn a_hung_api_is_a_504_when_the_async_timeout_fires_first_and_the_call_is_cancelled() {
    let app = spawn_app(20, 4, 10);

    let (status, html, took) = app.load("/GizmosCancelAsync.aspx?fault=hang").await;

    assert_eq!(status, 504);
    assert!(html.contains("Friendly Timeout Page"), "{html}");
    assert!(took < Duration::from_secs(5), "the 1 s AsyncTimeout ended the wait ({took:?})");
    test_support::eventually(Duration::from_secs(5), "the API counts the hung call cancelled", || {
        app.api_cancelled("gizmos") == 1
    })
    .await;
    assert_eq!(app.api_metrics.in_flight(), 0, "nothing left waiting at the API");
}

#[actix_web::test]
async fn a_bad_fault_or_status_is_a_400_naming_the_accepted_ones() {
    let app = spawn_app(0, 4, 10);

    for (query, words) in [
        ("fault=explode", "`fault` must be one of reset, empty, malformed, hang"),
        ("status=99", "`status` must be an HTTP status from 200 to 599"),
    ] {
        let (status, html, _) = app.load(&format!("/ProductsAsync.aspx?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert!(html.contains(words), "{query}: {html}");
    }
    assert_eq!(app.api_metrics.in_flight(), 0);
}
