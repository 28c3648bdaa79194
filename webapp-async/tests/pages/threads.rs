//! The lesson itself: synchronous pages need request threads, async ones don't.

use test_support::pool_lessons;

use crate::helpers::spawn_app;

#[actix_web::test]
async fn a_full_pool_and_queue_answer_503_server_too_busy() {
    pool_lessons::a_full_pool_and_queue_answer_503(&spawn_app(1_000, 1, 0), "/Products.aspx", "/Widgets.aspx").await;
}

#[actix_web::test]
async fn async_pages_keep_serving_while_every_request_thread_is_blocked() {
    let app = spawn_app(1_000, 1, 0);
    pool_lessons::async_pages_keep_serving(&app, "/Gizmos.aspx", "/GizmosAsync.aspx", "<h1>GizmosAsync</h1>").await;
}

#[actix_web::test]
async fn metrics_show_the_pool_and_the_counters() {
    pool_lessons::metrics_show_the_pool(&spawn_app(0, 3, 5), "/Products.aspx").await;
}
