//! What the integration tests of both web apps share: starting a real
//! webapi-pgw and an app against it on port 0, a stand-in API that fails on
//! purpose, small waiting tools, and the checks of the thread-pool lesson,
//! which both apps must pass with their own pages.

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app_kit::AppSettings;
use app_kit::page::Pages;
use app_kit::web::AppServer;
use webapi_pgw::metrics::{Metrics, Outcome};

/// A running app against a running (or absent) API.
pub struct TestApp {
    /// The app's root, `http://127.0.0.1:PORT` (no trailing slash).
    pub address: String,
    /// The API's root, with a trailing slash.
    pub api_url: String,
    /// A client for the test's own requests.
    pub client: reqwest::Client,
    /// The API's live metrics (a fresh, unused set when there is no real API).
    pub api_metrics: Arc<Metrics>,
    /// The app's backend, request threads and metrics.
    pub pages: Pages,
}

/// Starts webapi-pgw on port 0 with a fixed delay; returns its root URL and metrics.
pub fn spawn_api(delay_ms: u64) -> (String, Arc<Metrics>) {
    service_kit::telemetry::init("warn");
    let api = webapi_pgw::Application::build(webapi_pgw::Config::for_tests(delay_ms)).expect("the API starts");
    let url = format!("http://{}/", api.address());
    let metrics = api.metrics();
    tokio::spawn(api.run_until_stopped(std::future::pending()));
    (url, metrics)
}

/// Starts an app (made by `build` from its settings) against the API at
/// `api_url`, with `threads` request threads and a queue of `queue`.
pub fn spawn_app_against(
    build: impl FnOnce(AppSettings) -> io::Result<AppServer>,
    api_url: &str,
    threads: u32,
    queue: u32,
    api_metrics: Arc<Metrics>,
) -> TestApp {
    service_kit::telemetry::init("warn");
    let app = build(AppSettings::for_tests(api_url, threads, queue)).expect("the app starts");
    let address = format!("http://{}", app.address());
    let pages = app.pages();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    TestApp { address, api_url: api_url.to_owned(), client: reqwest::Client::new(), api_metrics, pages }
}

/// Starts webapi-pgw with a fixed `delay_ms` and an app against it.
pub fn spawn_app(
    build: impl FnOnce(AppSettings) -> io::Result<AppServer>,
    delay_ms: u64,
    threads: u32,
    queue: u32,
) -> TestApp {
    let (api_url, api_metrics) = spawn_api(delay_ms);
    spawn_app_against(build, &api_url, threads, queue, api_metrics)
}

/// A URL where nothing listens (a port that was free a moment ago).
pub fn dead_api_url() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    format!("http://127.0.0.1:{port}/")
}

/// A stand-in Web API that answers every request with `status` and `body`.
pub fn fake_api(status: u16, body: &'static str) -> String {
    use actix_web::{App, HttpResponse, HttpServer, http::StatusCode, web};
    let server = HttpServer::new(move || {
        App::new().default_service(web::to(move || async move {
            HttpResponse::build(StatusCode::from_u16(status).unwrap()).content_type("application/json").body(body)
        }))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let url = format!("http://{}/", server.addrs()[0]);
    tokio::spawn(server.run());
    url
}

impl TestApp {
    /// `GET` a path of the app.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("the app answers")
    }

    /// `GET` a path and return its status, body, and how long it took.
    pub async fn load(&self, path: &str) -> (u16, String, Duration) {
        let started = Instant::now();
        let response = self.get(path).await;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        (status, body, started.elapsed())
    }

    /// Starts loading `path` in the background; returns its status when done.
    pub fn load_in_background(&self, path: &str) -> tokio::task::JoinHandle<u16> {
        let (client, url) = (self.client.clone(), format!("{}{path}", self.address));
        tokio::spawn(async move { client.get(url).send().await.unwrap().status().as_u16() })
    }

    /// How many calls to `controller` the API counted as cancelled.
    pub fn api_cancelled(&self, controller: &'static str) -> u64 {
        self.api_metrics.requests(controller, Outcome::Cancelled)
    }
}

/// Waits until `condition` holds, checking every few milliseconds; panics after `limit`.
pub async fn eventually(limit: Duration, what: &str, condition: impl Fn() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The number after "Elapsed time: " in a page, in seconds.
pub fn elapsed_seconds(html: &str) -> f64 {
    let rest = html.split("Elapsed time: ").nth(1).expect("the page shows its elapsed time");
    rest.split(' ').next().unwrap().parse().unwrap()
}

/// The lesson's checks, for an app started with 1 request thread, a queue of
/// 0 and an API delay of about a second.
pub mod pool_lessons {
    use std::time::Duration;

    use super::{TestApp, eventually};

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
}

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
