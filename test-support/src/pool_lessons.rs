//! The lesson's checks, for an app started with 1 request thread, a queue of
//! 0 and an API delay of about a second (unless a check says otherwise): both
//! apps must pass them with their own pages.

use std::time::Duration;

use crate::{TestApp, eventually};

/// While one synchronous page holds the only thread, another gets 503.
pub async fn a_full_pool_and_queue_answer_503(app: &TestApp, sync_page: &str, other_sync_page: &str) {
    let first = app.load_in_background(sync_page);
    eventually(Duration::from_secs(5), "the request thread is busy", || app.host.pool.snapshot().busy == 1).await;

    let response = app.get(other_sync_page).await;

    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    assert!(response.text().await.unwrap().contains("Server Too Busy"));
    assert_eq!(first.await.unwrap(), 200);
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.lines().any(|l| l == "app_requests_rejected_total 1"), "one 503, counted once:\n{metrics}");
}

/// With two request threads and one held by a synchronous page, ten
/// async pages (each waiting about a second for the API) all finish in
/// about one delay on the other thread: each gives it back while it waits.
/// An app started with 2 threads, a queue of 20 and a delay of about 1 s.
pub async fn async_pages_share_the_free_thread(app: &TestApp, sync_page: &str, async_page: &str, heading: &str) {
    let blocker = app.load_in_background(sync_page);
    eventually(Duration::from_secs(5), "one request thread is busy", || app.host.pool.snapshot().busy == 1).await;

    let started = std::time::Instant::now();
    let pages: Vec<_> = (0..10).map(|_| app.load_in_background(async_page)).collect();
    for page in pages {
        assert_eq!(page.await.unwrap(), 200);
    }
    let took = started.elapsed();

    assert!(took < Duration::from_secs(5), "ten async pages on one free thread took {took:?}, not ~1 delay");
    assert!(app.host.pool.snapshot().threads <= 2, "{:?}", app.host.pool.snapshot());
    let (status, html, _) = app.load(async_page).await;
    assert_eq!(status, 200);
    assert!(html.contains(heading), "{html}");
    assert_eq!(blocker.await.unwrap(), 200);
}

/// An async page needs a request thread to start: with the only thread
/// held by a synchronous page, it waits in the queue, then answers.
/// An app started with 1 thread, a queue of 5 and a delay of about 1 s.
pub async fn an_async_page_waits_for_a_thread(app: &TestApp, sync_page: &str, async_page: &str) {
    let blocker = app.load_in_background(sync_page);
    eventually(Duration::from_secs(5), "the request thread is busy", || app.host.pool.snapshot().busy == 1).await;

    let waiting = app.load_in_background(async_page);
    eventually(Duration::from_secs(5), "the async page queued", || app.host.pool.snapshot().queued == 1).await;

    assert_eq!(blocker.await.unwrap(), 200);
    assert_eq!(waiting.await.unwrap(), 200, "it ran once the thread was free");
}

/// After one synchronous page, `/metrics` shows one thread started, idle.
pub async fn metrics_show_the_pool(app: &TestApp, sync_page: &str) {
    app.load(sync_page).await;
    // The thread answers before it counts itself idle again.
    eventually(Duration::from_secs(5), "the request thread is idle", || app.host.pool.snapshot().busy == 0).await;

    let text = app.get("/metrics").await.text().await.unwrap();

    for line in
        ["app_request_threads 1", "app_request_threads_busy 0", "app_request_queue_depth 0", "app_timeouts_total 0"]
    {
        assert!(text.lines().any(|l| l == line), "missing `{line}` in:\n{text}");
    }
    assert_eq!(app.get("/healthz").await.text().await.unwrap(), "ok\n");
}
