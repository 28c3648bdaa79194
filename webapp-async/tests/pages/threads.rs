//! The lesson itself: every page needs a request thread to start; a
//! synchronous page keeps it while it waits, an async one gives it back.

use test_support::pool_lessons;

use crate::helpers::spawn_app;

#[actix_web::test]
async fn a_full_pool_and_queue_answer_503_server_too_busy() {
    pool_lessons::a_full_pool_and_queue_answer_503(&spawn_app(1_000, 1, 0), "/Products.aspx", "/Widgets.aspx").await;
}

#[actix_web::test]
async fn async_pages_share_the_thread_a_sync_page_leaves_free() {
    let app = spawn_app(1_000, 2, 20);
    pool_lessons::async_pages_share_the_free_thread(&app, "/Gizmos.aspx", "/GizmosAsync.aspx", "<h1>Gizmos Async</h1>")
        .await;
}

#[actix_web::test]
async fn an_async_page_waits_for_a_request_thread_to_start() {
    pool_lessons::an_async_page_waits_for_a_thread(&spawn_app(1_000, 1, 5), "/Gizmos.aspx", "/GizmosAsync.aspx").await;
}

#[actix_web::test]
async fn metrics_show_the_pool_and_the_counters() {
    pool_lessons::metrics_show_the_pool(&spawn_app(0, 3, 5), "/Products.aspx").await;
}
