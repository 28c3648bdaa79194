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
    let app = spawn_app(5, 8, 8);
    for path in ROUTES {
        let url = format!("{}{path}", app.address);
        let get = app.client.get(&url).send().await.unwrap();
        let head = app.client.head(&url).send().await.unwrap();
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        for header in ["content-type", "content-security-policy", "cache-control"] {
            assert_eq!(head.headers().get(header), get.headers().get(header), "HEAD {path}: {header}");
        }
        assert!(head.headers().contains_key("content-length"), "HEAD {path} says how long GET's body is");
        assert!(head.bytes().await.unwrap().is_empty(), "HEAD {path} has no body");
        assert!(!get.bytes().await.unwrap().is_empty(), "GET {path} has one");
    }
}
