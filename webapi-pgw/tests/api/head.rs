//! `HEAD` on every route: GET's status and headers, no body, and no delay.

use std::time::{Duration, Instant};

use futures_util::future::join_all;

use crate::helpers::spawn_app;

/// Every kind of route and answer, with whether its length is the same on each call.
const ROUTES: &[(&str, bool)] = &[
    ("/", true),
    ("/healthz", true),
    ("/metrics", false),
    ("/api/products", true),
    ("/api/Widgets", true),
    ("/api/gizmos", false),
    ("/api/products/1", true),
    ("/api/products/99", true),
    ("/api/gizmos/2", false),
    ("/api/nothing", true),
    ("/api/products/one", true),
    ("/api/products?delay=soon", true),
    ("/no/such/route", true),
];

#[actix_web::test]
async fn head_answers_every_route_as_get_does_without_a_body() {
    let app = spawn_app(200);
    let url = |path: &str| format!("{}{path}", app.address);
    let gets = join_all(ROUTES.iter().map(|(path, _)| app.client.get(url(path)).send())).await;
    for ((path, stable), get) in ROUTES.iter().zip(gets) {
        let get = get.unwrap();
        let head = app.client.head(url(path)).send().await.unwrap();
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        assert_eq!(head.headers().get("content-type"), get.headers().get("content-type"), "HEAD {path}");
        let head_length = head.headers().get("content-length").cloned();
        assert!(head.bytes().await.unwrap().is_empty(), "HEAD {path} has no body");
        let get_status = get.status();
        let body = get.bytes().await.unwrap();
        assert!(!body.is_empty(), "GET {path} has one ({get_status})");
        if *stable {
            let length = head_length.unwrap_or_else(|| panic!("HEAD {path} has a Content-Length"));
            assert_eq!(length.to_str().unwrap(), body.len().to_string(), "HEAD {path}: GET's length");
        }
    }
    app.stop().await.unwrap();
}

#[actix_web::test]
async fn head_on_a_resource_does_not_wait_the_delay() {
    let delay = Duration::from_secs(4);
    let app = spawn_app(delay.as_millis() as u64);
    let started = Instant::now();
    let head = app.client.head(format!("{}/api/products", app.address)).send().await.unwrap();
    assert!(started.elapsed() < delay / 2, "HEAD took {:?}", started.elapsed());
    assert_eq!(head.status(), 200);
    let timing = head.headers()["server-timing"].to_str().unwrap();
    assert!(timing.starts_with("planned;desc=\"planned delay\";dur=0,"), "{timing}");
    app.stop().await.unwrap();
}

#[actix_web::test]
async fn other_methods_still_get_405_naming_get_and_head() {
    let app = spawn_app(0);
    let response = app.client.post(format!("{}/api/widgets", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET, HEAD");
    app.stop().await.unwrap();
}
