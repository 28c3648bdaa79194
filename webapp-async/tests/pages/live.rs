//! ThreadPool.aspx's live view: the stream of the pool's figures and the
//! bursts a visitor fires at the app itself.

use test_support::TestApp;

use crate::helpers::spawn_app;

/// `POST /threadpool/burst` with a form body such as `kind=sync&count=5`.
async fn burst(app: &TestApp, form: &str) -> reqwest::Response {
    let request = app.client.post(format!("{}/threadpool/burst", app.address));
    let request = request.header("content-type", "application/x-www-form-urlencoded").body(form.to_owned());
    request.send().await.unwrap()
}

#[actix_web::test]
async fn the_live_view_streams_the_pools_figures() {
    let app = spawn_app(0, 4, 10);

    let mut events = app.get("/threadpool/events").await;

    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let first = events.chunk().await.unwrap().expect("a first event");
    let text = std::str::from_utf8(&first).unwrap();
    let json: serde_json::Value = serde_json::from_str(text.strip_prefix("data: ").unwrap().trim()).unwrap();
    assert_eq!(json["pool"]["max_threads"], 4);
    assert_eq!(json["pool"]["queue_length"], 10);
    assert!(json["completed"].is_u64() && json["burst"]["running"] == false, "{json}");
}

#[actix_web::test]
async fn a_burst_loads_the_apps_own_page_and_reports_its_answers() {
    let app = spawn_app(0, 4, 100);
    let started = burst(&app, "kind=async&count=20").await;

    assert_eq!(started.status(), 202);
    let completed = || app.host.metrics.pages_completed.get();
    test_support::eventually(std::time::Duration::from_secs(10), "20 pages answered", || completed() >= 20).await;
}

#[actix_web::test]
async fn a_burst_against_a_failing_backend_passes_the_fault_on() {
    let app = spawn_app(0, 4, 100);

    let started = burst(&app, "kind=sync&count=10&fault=malformed").await;

    assert_eq!(started.status(), 202);
    let completed = || app.host.metrics.pages_completed.get();
    test_support::eventually(std::time::Duration::from_secs(10), "10 pages answered", || completed() >= 10).await;
    let (_, metrics, _) = app.load("/metrics").await;
    assert!(metrics.contains("app_pages_completed_total 10"), "{metrics}");
    let api = app.client.get(format!("{}metrics", app.api_url)).send().await.unwrap().text().await.unwrap();
    assert!(api.contains("fault=\"malformed\""), "the API injected the fault: {api}");
}

#[actix_web::test]
async fn bad_bursts_are_refused_with_the_reason() {
    let app = spawn_app(0, 4, 10);
    for (form, words) in [
        ("kind=sideways&count=5", "`kind` must be `sync` or `async`"),
        ("kind=sync&count=2001", "`count` must be from 1 to 2000"),
        ("kind=sync&count=0", "`count` must be from 1 to 2000"),
        ("kind=sync&count=5&fault=explode", "`fault` must be none or one of reset, empty, malformed, hang"),
    ] {
        let response = burst(&app, form).await;
        assert_eq!(response.status(), 400, "{form}");
        assert!(response.text().await.unwrap().contains(words), "{form}");
    }
    assert_eq!(burst(&app, "kind=sync").await.status(), 400, "no count");
}

#[actix_web::test]
async fn one_burst_at_a_time() {
    let app = spawn_app(1_000, 4, 100);
    let first = burst(&app, "kind=async&count=10").await;
    let second = burst(&app, "kind=async&count=10").await;

    assert_eq!(first.status(), 202);
    assert_eq!(second.status(), 409);
}
