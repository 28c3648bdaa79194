//! Bad input gets a clear problem+json answer with the right status, never a crash.

use crate::helpers::{problem, raw_request, spawn_app};

#[actix_web::test]
async fn bad_delays_are_refused_not_clamped() {
    let app = spawn_app(0);
    for (query, detail) in [
        ("abc", "`delay` must be a whole number of milliseconds, not `abc`"),
        ("-5", "`delay` must be a whole number of milliseconds, not `-5`"),
        ("60001", "`delay` must be at most 60000 ms (--max-delay), not 60001"),
    ] {
        let response = app.get(&format!("/api/products?delay={query}")).await;
        assert_eq!(response.status(), 400, "delay={query}");
        let body = problem(response).await;
        assert_eq!(body["detail"], detail);
        assert_eq!(body["status"], 400);
        assert_eq!(body["title"], "Bad Request");
    }
    // The service still answers afterwards.
    assert_eq!(app.get("/api/products").await.status(), 200);
}

#[actix_web::test]
async fn unknown_routes_and_controllers_are_404() {
    let app = spawn_app(0);
    for path in ["/nothing", "/api", "/api/gadgets", "/api/products/1/extra"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(problem(response).await["detail"].as_str().unwrap().len() > 10);
    }
}

#[actix_web::test]
async fn other_methods_are_405_with_allow() {
    let app = spawn_app(0);
    for path in ["/api/products", "/api/products/1", "/", "/healthz", "/metrics", "/openapi.json"] {
        let response = app.client.delete(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status(), 405, "{path}");
        assert_eq!(response.headers()["allow"], "GET, HEAD");
        problem(response).await;
    }
}

#[actix_web::test]
async fn bodies_are_refused_before_any_work() {
    let app = spawn_app(10_000);

    let big = app.client.get(format!("{}/api/products", app.address)).body(vec![b'x'; 4096]).send().await.unwrap();
    assert_eq!(big.status(), 413);
    assert!(problem(big).await["detail"].as_str().unwrap().contains("limited to 1024 bytes"));

    let chunked = "GET /api/products HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nchunk\r\n0\r\n\r\n";
    let answer = raw_request(&app.address, chunked).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[actix_web::test]
async fn oversized_headers_are_refused() {
    let app = spawn_app(0);

    let request = format!("GET /api/products?delay=0 HTTP/1.1\r\nHost: t\r\nX-Big: {}\r\n\r\n", "y".repeat(64 * 1024));
    let answer = raw_request(&app.address, &request).await;

    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    assert_eq!(app.get("/api/products?delay=0").await.status(), 200, "the service survives");
}
