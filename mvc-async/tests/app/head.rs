//! `HEAD` on every route: GET's status and headers, no body.

use crate::helpers::spawn_app;

/// Every action and file, the route's defaults, and each kind of refusal.
const ROUTES: &[&str] = &[
    "/",
    "/Home",
    "/home/",
    "/Home/Products",
    "/Home/ProductsAsync",
    "/Home/Widgets",
    "/Home/WidgetsAsync",
    "/Home/Gizmos",
    "/Home/GizmosAsync",
    "/Home/PWG",
    "/Home/PWGasync",
    "/Home/GizmosCancelAsync",
    "/Home/PWGtimeOut",
    "/Home/Gizmos/7",
    "/site.css",
    "/healthz",
    "/metrics",
    "/Home/NoSuchAction",
    "/Nowhere/Gizmos",
    "/a/b/c/d",
];

#[actix_web::test]
async fn head_answers_every_route_as_get_does_without_a_body() {
    // A fixed delay far below the 50 and 150 ms timeouts, so each page answers alike twice.
    test_support::head_answers_as_get(&spawn_app(5, 8, 8), ROUTES).await;
}
