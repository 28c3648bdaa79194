//! The three collections and their items, with the sample's data.

use std::time::{Duration, Instant};

use shared_models::{Gizmo, Product, Widget, catalog};

use crate::helpers::{problem, spawn_app};

#[actix_web::test]
async fn products_and_widgets_are_the_samples_data_as_json() {
    let app = spawn_app(0);

    let products = app.get("/api/products").await;
    assert_eq!(products.status(), 200);
    assert_eq!(products.headers()["content-type"], "application/json; charset=utf-8");
    assert_eq!(
        products.text().await.unwrap(),
        r#"[{"Id":1,"Name":"Product 1","Price":1.99},{"Id":2,"Name":"Product 2","Price":2.99}]"#
    );

    let widgets: Vec<Widget> = app.get("/api/widgets").await.json().await.unwrap();
    assert_eq!(widgets, catalog::widgets());
}

#[actix_web::test]
async fn gizmos_are_generated_on_each_call() {
    let app = spawn_app(0);

    let gizmos: Vec<Gizmo> = app.get("/api/gizmos").await.json().await.unwrap();

    assert_eq!(gizmos.iter().map(|g| g.id).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(gizmos.iter().all(|g| (3..333).contains(&g.quantity)));
    let now = chrono::Local::now().naive_local();
    let days_ahead = (gizmos[2].introduced_date - now).num_hours();
    assert!((11 * 24..=12 * 24).contains(&days_ahead), "gizmo 3 is 12 days ahead, not {days_ahead} hours");
}

#[actix_web::test]
async fn controller_names_ignore_case_as_asp_net_routing_did() {
    let app = spawn_app(0);
    for path in ["/api/Gizmos", "/api/gizmos", "/api/GIZMOS", "/api/Products/1", "/api/wIdGeTs"] {
        assert_eq!(app.get(path).await.status(), 200, "{path}");
    }
}

#[actix_web::test]
async fn one_item_by_id_or_a_404() {
    let app = spawn_app(0);

    let product: Product = app.get("/api/products/2").await.json().await.unwrap();
    assert_eq!(product, catalog::products()[1]);
    let gizmo: Gizmo = app.get("/api/gizmos/3").await.json().await.unwrap();
    assert_eq!(gizmo.name, "Gizmo 3");

    let missing = app.get("/api/widgets/9").await;
    assert_eq!(missing.status(), 404);
    let timing = missing.headers()["server-timing"].to_str().unwrap();
    assert!(timing.starts_with(r#"planned;desc="planned delay";dur=0, waited"#), "looked up after its delay: {timing}");
    assert_eq!(problem(missing).await["detail"], "there is no widget with id 9");

    let bad = app.get("/api/products/two").await;
    assert_eq!(bad.status(), 400);
    assert_eq!(problem(bad).await["detail"], "the id must be a whole number, not `two`");
}

#[actix_web::test]
async fn every_call_waits_its_delay_and_says_so_in_server_timing() {
    let app = spawn_app(300);

    let started = Instant::now();
    let response = app.get("/api/products").await;
    let elapsed = started.elapsed();

    assert_eq!(response.status(), 200);
    assert!(elapsed >= Duration::from_millis(300), "answered after {elapsed:?}, before its 300 ms delay");
    let timing = response.headers()["server-timing"].to_str().unwrap();
    assert!(timing.starts_with(r#"planned;desc="planned delay";dur=300, waited;desc="actual delay";dur="#), "{timing}");
    let waited: f64 = timing.rsplit("dur=").next().unwrap().parse().unwrap();
    assert!(waited >= 300.0, "waited {waited} ms");
}

#[actix_web::test]
async fn the_delay_query_overrides_the_plan() {
    let app = spawn_app(5_000);

    let started = Instant::now();
    let response = app.get("/api/gizmos?delay=0").await;

    assert_eq!(response.status(), 200);
    assert!(started.elapsed() < Duration::from_millis(2_500), "?delay=0 must not wait the 5 s plan");
    assert!(
        response.headers()["server-timing"].to_str().unwrap().starts_with(r#"planned;desc="planned delay";dur=0,"#)
    );
}

#[actix_web::test]
async fn random_delays_stay_within_the_configured_range() {
    let mut config = webapi_pgw::Config::for_tests(0);
    (config.api.delay_min, config.api.delay_max) = (20, 60);
    let app = crate::helpers::spawn_app_with(config);

    for _ in 0..20 {
        let response = app.get("/api/widgets").await;
        let timing = response.headers()["server-timing"].to_str().unwrap().to_owned();
        let planned: u64 = timing.split("dur=").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        assert!((20..60).contains(&planned), "planned {planned} ms is outside [20, 60)");
    }
}

/// The API's routes drop the request's headers before they wait (to save
/// memory): what the headers asked of the connection must still hold.
#[actix_web::test]
async fn connection_close_is_honoured_although_the_headers_are_released() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app(0);
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://")).await.unwrap();
    let request = "GET /api/products?delay=10 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();

    // The server answers, then closes: reading to the end finishes on its own.
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the server kept the connection open after `Connection: close`");
    let answer = String::from_utf8_lossy(&answer).to_lowercase();
    assert!(answer.starts_with("http/1.1 200"), "{answer}");
    assert!(answer.contains("connection: close"), "{answer}");
    assert!(answer.contains("server-timing: planned"), "{answer}");
    assert!(answer.contains(r#""name":"product 1""#), "{answer}");
}
