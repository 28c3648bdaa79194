//! The lesson's checks, for an app started with 1 request thread, a queue of
//! 0 and an API delay of about a second: both apps must pass them with their
//! own pages.

use std::time::Duration;

use crate::{TestApp, eventually};

/// While one synchronous page holds the only thread, another gets 503.
pub async fn a_full_pool_and_queue_answer_503(app: &TestApp, sync_page: &str, other_sync_page: &str) {
    let first = app.load_in_background(sync_page);
    eventually(Duration::from_secs(5), "the request thread is busy", || app.pages.pool.snapshot().busy == 1).await;

    let response = app.get(other_sync_page).await;

    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    assert!(response.text().await.unwrap().contains("Server Too Busy"));
    assert_eq!(first.await.unwrap(), 200);
    assert_eq!(app.pages.metrics.rejected.get(), 1);
}

/// While one synchronous page holds the only thread, an async page still answers.
pub async fn async_pages_keep_serving(app: &TestApp, sync_page: &str, async_page: &str, heading: &str) {
    let blocker = app.load_in_background(sync_page);
    eventually(Duration::from_secs(5), "the request thread is busy", || app.pages.pool.snapshot().busy == 1).await;

    let (status, html, _) = app.load(async_page).await;

    assert_eq!(status, 200, "the async page needs no request thread");
    assert!(html.contains(heading), "{html}");
    assert_eq!(blocker.await.unwrap(), 200);
}

/// After one synchronous page, `/metrics` shows one thread started, idle.
pub async fn metrics_show_the_pool(app: &TestApp, sync_page: &str) {
    app.load(sync_page).await;
    // The thread answers before it counts itself idle again.
    eventually(Duration::from_secs(5), "the request thread is idle", || app.pages.pool.snapshot().busy == 0).await;

    let text = app.get("/metrics").await.text().await.unwrap();

    for line in
        ["app_request_threads 1", "app_request_threads_busy 0", "app_request_queue_depth 0", "app_timeouts_total 0"]
    {
        assert!(text.lines().any(|l| l == line), "missing `{line}` in:\n{text}");
    }
    assert_eq!(app.get("/healthz").await.text().await.unwrap(), "ok\n");
}
