//! Every page's content, and the site around the pages.

use std::time::Duration;

use crate::helpers::{elapsed_seconds, spawn_app};

#[actix_web::test]
async fn each_list_page_shows_a_grid_generated_from_the_models_fields() {
    let app = spawn_app(0, 4, 10);
    for (path, heading, header_row, cell) in [
        ("/Products.aspx", "Sync Products", "<th>Id</th><th>Name</th><th>Price</th>", "Product 2"),
        ("/ProductsAsync.aspx", "Products Asynchronous", "<th>Id</th><th>Name</th><th>Price</th>", "2.99"),
        ("/Widgets.aspx", "Sync Widgets", "<th>Id</th><th>Name</th><th>Price</th>", "1.88"),
        ("/WidgetsAsync.aspx", "WidgetsAsync", "<th>Id</th><th>Name</th><th>Price</th>", "Widget 1"),
        ("/Gizmos.aspx", "Sync Gizmos", "<th>Id</th><th>Name</th><th>IntroducedDate</th><th>Quantity</th>", "Gizmo 3"),
        (
            "/GizmosAsync.aspx",
            "Gizmos Async",
            "<th>Id</th><th>Name</th><th>IntroducedDate</th><th>Quantity</th>",
            "Gizmo 1",
        ),
    ] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{path}");
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{path}:\n{html}");
        assert!(html.contains(header_row), "{path} lacks its generated columns");
        assert!(html.contains(cell), "{path} lacks {cell}");
        assert!(html.contains(r#"<a href="/GizmosCancelBtnAsync.aspx">"#), "{path} has the master menu");
        elapsed_seconds(&html);
    }
}

#[actix_web::test]
async fn page_names_ignore_case_and_unknown_pages_are_404() {
    let app = spawn_app(0, 4, 10);

    assert_eq!(app.load("/productsasync.ASPX").await.0, 200);
    assert_eq!(app.load("/DEFAULT.aspx").await.0, 200);
    let (status, html, _) = app.load("/Nothing.aspx").await;
    assert_eq!(status, 404);
    assert!(html.contains("There is no page at <code>/Nothing.aspx</code>"));
    assert_eq!(app.load("/deep/path").await.0, 404);
}

#[actix_web::test]
async fn the_home_page_lists_the_pages_and_the_live_configuration() {
    let app = spawn_app(0, 7, 3);

    let (status, html, _) = app.load("/").await;

    assert_eq!(status, 200);
    for text in ["PWGasync.aspx", "UrlStatus.aspx", "7 at most", "3 at most", "unlimited"] {
        assert!(html.contains(text), "the home page lacks {text}");
    }
}

#[actix_web::test]
async fn about_explains_and_shows_the_code_of_the_twins() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/About.aspx").await;

    assert_eq!(status, 200);
    assert!(html.contains("503 Server Too Busy"));
    assert!(html.contains("fn page_load(&amp;mut self, ctx: &amp;SyncContext"), "the source is shown, escaped");
}

#[actix_web::test]
async fn pages_are_not_cached_and_send_security_headers() {
    let app = spawn_app(0, 4, 10);

    let response = app.get("/PWGasync.aspx").await;

    let headers = response.headers();
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers["content-security-policy"].to_str().unwrap().contains("script-src 'self'"));
    assert_eq!(app.get("/site.css").await.headers()["content-type"], "text/css; charset=utf-8");
    assert_eq!(app.get("/cancel-button.js").await.status(), 200);
}

#[actix_web::test]
async fn pwg_takes_the_sum_of_the_delays_and_pwgasync_the_longest() {
    let app = spawn_app(300, 4, 10);

    let (status, sync_html, sync_took) = app.load("/PWG.aspx").await;
    assert_eq!(status, 200);
    let (status, async_html, async_took) = app.load("/PWGasync.aspx").await;
    assert_eq!(status, 200);

    for (html, level) in [(&sync_html, "h2"), (&async_html, "h3")] {
        for list in ["Products", "Widgets", "Gizmos"] {
            assert!(html.contains(&format!("<{level}>{list}</{level}>")));
        }
        assert_eq!(html.matches("<rect class=\"bar ok\"").count(), 3, "three bars in the waterfall");
    }
    assert!(sync_took >= Duration::from_millis(900), "PWG took {sync_took:?}");
    assert!(async_took < sync_took.mul_f64(0.75), "PWGasync took {async_took:?}, PWG {sync_took:?}");
    // The label covers the whole page work, not its milliseconds part nor the task's registration.
    assert!(elapsed_seconds(&sync_html) >= 0.9, "PWG label");
    assert!(elapsed_seconds(&async_html) >= 0.3, "PWGasync label");
    assert!(elapsed_seconds(&async_html) < elapsed_seconds(&sync_html) * 0.75);
}

#[actix_web::test]
async fn the_timeout_error_page_can_be_opened_directly() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/TimeoutErrorPage.aspx").await;

    assert_eq!(status, 200);
    assert!(html.contains("<h1>Friendly Timeout Page</h1>"));
}

#[actix_web::test]
async fn about_links_into_the_code_and_every_link_works() {
    let app = spawn_app(0, 4, 10);
    let (_, about, _) = app.load("/About.aspx").await;

    let links: Vec<&str> = about.split(r#"<a href="/source/"#).skip(1).map(|l| l.split('"').next().unwrap()).collect();

    assert!(links.len() >= 8, "About links into the code: {links:?}");
    for file in links {
        let (status, html, _) = app.load(&format!("/source/{file}")).await;
        assert_eq!(status, 200, "/source/{file}");
        assert!(html.contains("<pre class=\"source\"><code>//!"), "/source/{file} shows the file from its first line");
    }
    assert!(app.load("/source/request_pool.rs").await.1.contains("pub struct RequestPool"));
    for bad in ["/source/main.rs", "/source/..%2F..%2FCargo.toml", "/source/"] {
        assert_eq!(app.load(bad).await.0, 404, "{bad}");
    }
}

/// The page table is the one list of pages: every entry loads (by its path,
/// any case), and the menu links every entry that has a menu entry.
#[actix_web::test]
async fn every_page_of_the_table_loads_and_the_menu_lists_it() {
    let app = spawn_app(0, 8, 20);
    let (_, home, _) = app.load("/").await;

    for entry in webapp_async::site_map::PAGES {
        let (status, html, _) = app.load(&entry.path.to_ascii_lowercase()).await;
        assert_eq!(status, 200, "{}", entry.path);
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", entry.path);
        if let Some(text) = entry.menu {
            let href = if text == "Home" { "/" } else { entry.path };
            assert!(home.contains(&format!(r#"<a href="{href}">{text}</a>"#)), "the menu lacks {text}");
        }
    }
}
