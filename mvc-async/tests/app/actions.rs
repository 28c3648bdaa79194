//! Every action's content and headers, and the routes.

use std::time::Duration;

use crate::helpers::{elapsed_seconds, spawn_app};

#[actix_web::test]
async fn each_list_action_shows_its_model_with_the_right_heading() {
    let app = spawn_app(0, 4, 10);
    for (path, heading, cells) in [
        ("/Home/Products", "Products Synchronous", ["Product 1", "1.99", "2.99"]),
        ("/Home/ProductsAsync", "Products Asynchronous", ["Product 2", "1.99", "2.99"]),
        ("/Home/Widgets", "Widgets Synchronous", ["Widget 1", "1.88", "2.88"]),
        ("/Home/WidgetsAsync", "Widgets Asynchronous", ["Widget 2", "1.88", "2.88"]),
        ("/Home/Gizmos", "Gizmos Synchronous", ["Gizmo 1", "Gizmo 3", "Introduced"]),
        ("/Home/GizmosAsync", "Gizmos Asynchronous", ["Gizmo 2", "Quantity", "<time datetime="]),
    ] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{path}");
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{path} lacks its heading:\n{html}");
        for cell in cells {
            assert!(html.contains(cell), "{path} lacks {cell}");
        }
        assert!(html.contains("Gizmos Cancellation Token"), "{path} has the links partial");
        elapsed_seconds(&html);
    }
}

#[actix_web::test]
async fn every_action_is_not_cacheable_and_sends_security_headers() {
    let app = spawn_app(0, 4, 10);
    for action in ["Products", "ProductsAsync", "PWG", "PWGasync", "Gizmos"] {
        let response = app.get(&format!("/Home/{action}")).await;
        let headers = response.headers();
        assert_eq!(headers["cache-control"], "no-store, no-cache", "{action}");
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        assert!(headers["content-security-policy"].to_str().unwrap().contains("default-src 'none'"));
    }
}

#[actix_web::test]
async fn the_default_route_is_home_gizmos_and_names_ignore_case() {
    let app = spawn_app(0, 4, 10);
    for path in ["/", "/Home", "/home/", "/HOME/gizmos", "/home/Gizmos/7"] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("<h2>Gizmos Synchronous</h2>"), "{path}");
    }
    let (status, html, _) = app.load("/home/productsasync").await;
    assert_eq!((status, html.contains("<h2>Products Asynchronous</h2>")), (200, true));
}

#[actix_web::test]
async fn unknown_controllers_and_actions_are_404_pages() {
    let app = spawn_app(0, 4, 10);
    for (path, reason) in [
        ("/Home/Nothing", "HomeController has no action named “Nothing”."),
        ("/Shop/Products", "There is no controller named “Shop”."),
        ("/a/b/c/d", "There is no page at this address."),
    ] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains(reason), "{path}: {html}");
    }
}

#[actix_web::test]
async fn pwg_takes_the_sum_of_the_delays_and_pwgasync_the_longest() {
    let app = spawn_app(300, 4, 10);

    let (status, sync_html, sync_took) = app.load("/Home/PWG").await;
    assert_eq!(status, 200);
    let (status, async_html, async_took) = app.load("/Home/PWGasync").await;
    assert_eq!(status, 200);

    assert!(sync_html.contains("<h2>Synch Type: Synchronous</h2>"));
    assert!(async_html.contains("<h2>Synch Type: Asynchronous</h2>"));
    for html in [&sync_html, &async_html] {
        for heading in ["Product List", "Widget List", "Gizmo List"] {
            assert!(html.contains(heading));
        }
        assert_eq!(html.matches("<rect class=\"bar ok\"").count(), 3, "three bars in the waterfall");
    }
    // Three 300 ms calls: one after another at least 900 ms; at once well under that.
    assert!(sync_took >= Duration::from_millis(900), "PWG took {sync_took:?}");
    assert!(async_took < sync_took.mul_f64(0.75), "PWGasync took {async_took:?}, PWG {sync_took:?}");
    assert!(elapsed_seconds(&sync_html) >= 0.9);
    assert!(elapsed_seconds(&async_html) < elapsed_seconds(&sync_html) * 0.75);
}

#[actix_web::test]
async fn actions_show_the_request_threads_they_started_and_rendered_on() {
    let app = spawn_app(50, 4, 10);

    for path in ["/Home/Products", "/Home/ProductsAsync"] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("Started on request thread #"), "{path}: {html}");
        assert!(html.contains(", rendered on request thread #"), "{path}: {html}");
    }
}

#[actix_web::test]
async fn the_thread_pool_view_is_linked_and_loads() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/home/threadpool").await;

    assert_eq!(status, 200);
    assert!(html.contains(r#"<section id="live-pool" data-events="/threadpool/events">"#), "{html}");
    assert!(html.contains(r#"<a href="/Home/ThreadPool">"#), "the links partial lists it");
    assert!(html.contains("<code>/Home/Products</code>") && html.contains("<code>/Home/ProductsAsync</code>"));
}
