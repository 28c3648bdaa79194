//! Starting the API and the app for a test.

use std::sync::Arc;
use std::time::{Duration, Instant};

use app_kit::AppSettings;
use app_kit::page::Pages;
use webapi_pgw::metrics::{Metrics, Outcome};

/// A running API (fixed delay) and an app pointed at it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub api_metrics: Arc<Metrics>,
    pub pages: Pages,
}

/// Starts webapi-pgw with a fixed `delay_ms` and mvc-async with a pool of
/// `threads` request threads and a queue of `queue`.
pub fn spawn_app(delay_ms: u64, threads: u32, queue: u32) -> TestApp {
    service_kit::telemetry::init("warn");
    let api = webapi_pgw::Application::build(webapi_pgw::Config::for_tests(delay_ms)).expect("the API starts");
    let api_url = format!("http://{}/", api.address());
    let api_metrics = api.metrics();
    tokio::spawn(api.run_until_stopped(std::future::pending()));
    spawn_app_against(&api_url, threads, queue, api_metrics)
}

/// Starts mvc-async against the API at `api_url`.
pub fn spawn_app_against(api_url: &str, threads: u32, queue: u32, api_metrics: Arc<Metrics>) -> TestApp {
    let config = mvc_async::Config {
        bind: [127, 0, 0, 1].into(),
        port: 0,
        app: AppSettings::for_tests(api_url, threads, queue),
    };
    let app = mvc_async::build(config).expect("the app starts");
    let address = format!("http://{}", app.address());
    let pages = app.pages();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    TestApp { address, client: reqwest::Client::new(), api_metrics, pages }
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
