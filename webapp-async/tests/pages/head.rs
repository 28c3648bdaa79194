//! `HEAD` on every route: GET's status and headers, no body.

use crate::helpers::spawn_app;

/// Every page and file, and each kind of refusal.
const ROUTES: &[&str] = &[
    "/",
    "/Default.aspx",
    "/About.aspx",
    "/Products.aspx",
    "/ProductsAsync.aspx",
    "/widgets.aspx",
    "/WidgetsAsync.aspx",
    "/Gizmos.aspx",
    "/GizmosAsync.aspx",
    "/PWG.aspx",
    "/PWGasync.aspx",
    "/GizmosCancelAsync.aspx",
    "/GizmosCancelBtnAsync.aspx",
    "/GizmosCancelBtnAsync.aspx?load=1&delay=5",
    "/GizmosCancelBtnAsync.aspx?load=1&delay=soon",
    "/UrlStatus.aspx",
    "/TimeoutErrorPage.aspx",
    "/source/lists.rs",
    "/source/nothing.rs",
    "/cancel-button.js",
    "/site.css",
    "/healthz",
    "/metrics",
    "/NoSuchPage.aspx",
];

#[actix_web::test]
async fn head_answers_every_route_as_get_does_without_a_body() {
    test_support::head_answers_as_get(&spawn_app(20, 8, 8), ROUTES).await;
}
