//! GizmosCancelBtnAsync: a visitor who abandons a slow load cancels the
//! server's call to the Web API, end to end.

use std::time::Duration;

use crate::helpers::{eventually, spawn_app};

#[actix_web::test]
async fn the_form_alone_makes_no_backend_call() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/GizmosCancelBtnAsync.aspx").await;

    assert_eq!(status, 200);
    assert!(html.contains(r#"<button id="cancel" type="button" disabled>Cancel</button>"#), "{html}");
    assert!(html.contains(r#"<script src="/cancel-button.js" defer></script>"#));
    assert_eq!(app.api_metrics.in_flight(), 0);
}

#[actix_web::test]
async fn a_finished_load_shows_the_gizmos() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/GizmosCancelBtnAsync.aspx?load=1&delay=50").await;

    assert_eq!(status, 200);
    assert!(html.contains("Gizmo 2"));
}

#[actix_web::test]
async fn abandoning_the_load_cancels_the_backend_call() {
    let app = spawn_app(0, 4, 10);
    let visitor = reqwest::Client::builder().timeout(Duration::from_millis(300)).build().unwrap();

    // The visitor asks for a 10 s load, and gives up (presses Cancel) after 300 ms.
    let abandoned = visitor.get(format!("{}/GizmosCancelBtnAsync.aspx?load=1&delay=10000", app.address)).send().await;
    assert!(abandoned.unwrap_err().is_timeout());

    eventually(Duration::from_secs(2), "the app counts the visitor's cancellation", || {
        app.host.metrics.cancellations.get() == 1
    })
    .await;
    eventually(Duration::from_secs(2), "the API counts its call cancelled", || app.api_cancelled("gizmos") == 1).await;
    eventually(Duration::from_secs(2), "no call is left open", || app.api_metrics.in_flight() == 0).await;
}
