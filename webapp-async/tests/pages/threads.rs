//! The lesson itself: synchronous pages need request threads, async ones don't.

use std::time::Duration;

use crate::helpers::{eventually, spawn_app};

#[actix_web::test]
async fn a_full_pool_and_queue_answer_503_server_too_busy() {
    let app = spawn_app(1_000, 1, 0);
    // One synchronous action takes the only request thread for a second.
    let first = tokio::spawn({
        let (client, url) = (app.client.clone(), format!("{}/Products.aspx", app.address));
        async move { client.get(url).send().await.unwrap().status() }
    });
    eventually(Duration::from_secs(5), "the request thread is busy", || app.pages.pool.snapshot().busy == 1).await;

    let response = app.get("/Widgets.aspx").await;

    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    assert!(response.text().await.unwrap().contains("Server Too Busy"));
    assert_eq!(first.await.unwrap(), 200);
    assert_eq!(app.pages.metrics.rejected.get(), 1);
}

#[actix_web::test]
async fn async_pages_keep_serving_while_every_request_thread_is_blocked() {
    let app = spawn_app(1_000, 1, 0);
    let blocker = tokio::spawn({
        let (client, url) = (app.client.clone(), format!("{}/Gizmos.aspx", app.address));
        async move { client.get(url).send().await.unwrap().status() }
    });
    eventually(Duration::from_secs(5), "the request thread is busy", || app.pages.pool.snapshot().busy == 1).await;

    let (status, html, _) = app.load("/GizmosAsync.aspx").await;

    assert_eq!(status, 200, "the async page needs no request thread");
    assert!(html.contains("<h1>GizmosAsync</h1>"));
    assert_eq!(blocker.await.unwrap(), 200);
}

#[actix_web::test]
async fn metrics_show_the_pool_and_the_counters() {
    let app = spawn_app(0, 3, 5);
    app.load("/Products.aspx").await;

    let text = app.get("/metrics").await.text().await.unwrap();

    for line in
        ["app_request_threads 1", "app_request_threads_busy 0", "app_request_queue_depth 0", "app_timeouts_total 0"]
    {
        assert!(text.lines().any(|l| l == line), "missing `{line}` in:\n{text}");
    }
    assert_eq!(app.get("/healthz").await.text().await.unwrap(), "ok\n");
}
