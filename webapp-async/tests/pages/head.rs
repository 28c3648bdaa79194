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
    let app = spawn_app(20, 8, 8);
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
