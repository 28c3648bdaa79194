//! A misbehaving backend, on purpose: an action's `?fault=` and `?status=`
//! are passed on to its calls to the real Web API; each failure is the Error
//! view with the reason in words, a hang the TimeoutError view.

use std::time::Duration;

use crate::helpers::spawn_app;

#[actix_web::test]
async fn each_fault_of_the_api_is_the_error_view_with_502_and_the_reason() {
    let app = spawn_app(20, 4, 10);

    for (query, reason) in [
        ("status=500", "with HTTP 500"),
        ("fault=reset", "the connection was reset"),
        ("fault=empty", "the connection closed without an answer"),
        ("fault=malformed", "not the expected JSON"),
    ] {
        for action in ["/Home/Products", "/Home/ProductsAsync", "/Home/PWGasync"] {
            let (status, html, _) = app.load(&format!("{action}?{query}")).await;
            assert_eq!(status, 502, "{action}?{query}");
            assert!(html.contains(reason), "{action}?{query}: {html}");
        }
    }
}

#[actix_web::test]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn a_hung_api_shows_the_timeout_error_view_and_the_call_is_cancelled() {
    let app = spawn_app(20, 4, 10);

    let (status, _, took) = app.load("/Home/GizmosCancelAsync?fault=hang").await;

    assert_eq!(status, 504);
    assert!(took < Duration::from_secs(5), "the 150 ms AsyncTimeout ended the wait ({took:?})");
    test_support::eventually(Duration::from_secs(5), "the API counts the hung call cancelled", || {
        app.api_cancelled("gizmos") == 1
    })
    .await;
}

#[actix_web::test]
async fn a_bad_fault_is_a_400() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/Home/Gizmos?fault=explode").await;

    assert_eq!(status, 400);
    assert!(html.contains("`fault` must be one of reset, empty, malformed, hang"), "{html}");
}
