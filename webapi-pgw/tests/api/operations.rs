//! The operator's routes: index, health and metrics.

use crate::helpers::spawn_app;

#[actix_web::test]
async fn healthz_answers_at_once() {
    let app = spawn_app(60_000);

    let response = app.get("/healthz").await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok\n");
}

#[actix_web::test]
async fn the_index_lists_the_endpoints() {
    let app = spawn_app(0);

    let index: serde_json::Value = app.get("/").await.json().await.unwrap();

    assert_eq!(index["service"], "webapi-pgw");
    assert!(index["endpoints"].as_array().unwrap().iter().any(|e| e == "/api/gizmos"));
}

#[actix_web::test]
async fn metrics_count_requests_by_controller_and_outcome() {
    let app = spawn_app(0);
    app.get("/api/products").await;
    app.get("/api/products").await;
    app.get("/api/gizmos/77").await;
    app.get("/api/unknown").await;

    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/openmetrics-text"));
    let text = response.text().await.unwrap();

    for line in [
        r#"webapi_requests_total{controller="products",outcome="completed"} 2"#,
        r#"webapi_requests_total{controller="gizmos",outcome="error"} 1"#,
        r#"webapi_requests_total{controller="none",outcome="error"} 1"#,
        "webapi_delays_in_flight 0",
        "webapi_delay_seconds_count 3",
    ] {
        assert!(text.lines().any(|l| l == line), "missing `{line}` in:\n{text}");
    }
}

#[actix_web::test]
async fn bad_delay_bounds_are_refused_at_start() {
    let mut config = webapi_pgw::Config::for_tests(0);
    (config.api.delay_min, config.api.delay_max) = (900, 100);

    let error = webapi_pgw::Application::build(config).err().expect("refused");

    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert!(error.to_string().contains("--delay-min (900) must not be larger than --delay-max (100)"));
}
