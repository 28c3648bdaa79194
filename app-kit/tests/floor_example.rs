//! The floor of the load lab's scenario 7, `examples/bare_pwgasync.rs`, as
//! the lab runs it (its own process): PWGasync's three tables from the Web
//! API, ProductsAsync's one table (scenario 4's floor), and 502 when the API
//! cannot be reached.
//!
//! `cargo test` builds the examples before it runs the tests, into
//! `target/<profile>/examples/`, one folder above this test program.

use std::process::Command;
use std::time::Duration;

use test_support::process::{Process, free_port, sibling_binary, wait_until_up};

/// The floor against the Web API at `api_url`, up, and its root.
async fn floor(api_url: &str) -> (Process, String) {
    let binary = sibling_binary("examples/bare_pwgasync")
        .unwrap_or_else(|error| panic!("{error} (`cargo test -p app-kit` builds the examples)"));
    let port = free_port().unwrap();
    let process = Process::spawn(Command::new(binary).arg(port.to_string()).arg(api_url)).unwrap();
    let address = format!("http://127.0.0.1:{port}");
    // No /healthz: its 404 for / is an answer.
    wait_until_up(&format!("{address}/"), Duration::from_secs(20)).await.unwrap();
    (process, address)
}

/// The floor's `page`, against a Web API of the tests' own: its HTML, once
/// it has answered 200 with `tables` tables.
async fn floor_page(page: &str, tables: usize) -> String {
    let api = test_support::start_api(webapi_pgw::Config::for_tests(10)).unwrap();
    let (_floor, address) = floor(&api.url).await;

    let response = reqwest::get(format!("{address}{page}")).await.unwrap();

    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert_eq!(html.matches("<table").count(), tables, "{html}");
    html
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_floor_serves_pwgasync_with_its_three_tables() {
    let html = floor_page("/PWGasync", 3).await;
    for expected in [
        "<h3>Widgets</h3>",
        "<h3>Products</h3>",
        "<h3>Gizmos</h3>",
        "<th>Id</th><th>Name</th><th>IntroducedDate</th><th>Quantity</th>",
        r#"<td class="number">1</td><td>Product 1</td><td class="number">1.99</td>"#,
        "<td>Widget 2</td>",
        "<td>Gizmo 3</td>",
    ] {
        assert!(html.contains(expected), "{expected} is missing: {html}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_floor_serves_products_async_with_its_one_table() {
    let html = floor_page("/ProductsAsync", 1).await;
    assert!(html.contains("<title>Products Asynchronous</title>"), "{html}");
    assert!(html.contains(r#"<td class="number">1</td><td>Product 1</td><td class="number">1.99</td>"#), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_that_cannot_be_reached_is_a_502() {
    let closed = format!("http://127.0.0.1:{}/", free_port().unwrap());
    let (_floor, address) = floor(&closed).await;

    for page in ["/PWGasync", "/ProductsAsync"] {
        let response = reqwest::get(format!("{address}{page}")).await.unwrap();

        assert_eq!(response.status(), 502, "{page}");
        assert!(response.text().await.unwrap().starts_with("the Web API failed: "), "{page}");
    }
}
