//! A web app under test, against a real webapi-pgw or a stand-in, both on
//! port 0 in this process.

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app_kit::AppSettings;
use app_kit::Host;
use app_kit::web::AppServer;
use webapi_pgw::metrics::{Metrics, Outcome};

use crate::in_process::{ApiInProcess, Running, start_api, start_app};

/// A running app against a running (or absent) API; dropping it stops both.
pub struct TestApp {
    /// The app's root, `http://127.0.0.1:PORT` (no trailing slash).
    pub address: String,
    /// The API's root, with a trailing slash.
    pub api_url: String,
    /// A client for the test's own requests.
    pub client: reqwest::Client,
    /// The API's live metrics (a fresh, unused set when there is no real API).
    pub api_metrics: Arc<Metrics>,
    /// The app's host: request threads, backend and metrics.
    pub host: Host,
    _servers: Vec<Running>,
}

/// Starts webapi-pgw on port 0 with a fixed delay.
pub fn spawn_api(delay_ms: u64) -> ApiInProcess {
    start_api(webapi_pgw::Config::for_tests(delay_ms)).expect("the API starts")
}

/// Starts an app (made by `build` from its settings) against the API at
/// `api_url` (a stand-in or none), with `threads` request threads and a
/// queue of `queue`; its `api_metrics` are a fresh, unused set.
pub fn spawn_app_against(
    build: impl FnOnce(AppSettings) -> io::Result<AppServer>,
    api_url: &str,
    threads: u32,
    queue: u32,
) -> TestApp {
    let app = start_app(build(AppSettings::for_tests(api_url, threads, queue)).expect("the app starts"));
    TestApp {
        address: app.address,
        api_url: api_url.to_owned(),
        client: reqwest::Client::new(),
        api_metrics: Arc::new(Metrics::new()),
        host: app.host,
        _servers: vec![app.server],
    }
}

/// Starts webapi-pgw with a fixed `delay_ms` and an app against it.
pub fn spawn_app(
    build: impl FnOnce(AppSettings) -> io::Result<AppServer>,
    delay_ms: u64,
    threads: u32,
    queue: u32,
) -> TestApp {
    let api = spawn_api(delay_ms);
    let mut app = spawn_app_against(build, &api.url, threads, queue);
    app.api_metrics = api.metrics;
    app._servers.push(api.server);
    app
}

/// A URL where nothing listens (a port that was free a moment ago).
pub fn dead_api_url() -> String {
    format!("http://127.0.0.1:{}/", crate::process::free_port().expect("a free port"))
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

/// The number after "Elapsed time: " in a page, in seconds.
pub fn elapsed_seconds(html: &str) -> f64 {
    let rest = html.split("Elapsed time: ").nth(1).expect("the page shows its elapsed time");
    rest.split(' ').next().unwrap().parse().unwrap()
}

/// RFC 9110's HEAD: on each of `routes`, GET's status and headers (type,
/// security policy, caching, a length), and no body.
pub async fn head_answers_as_get(app: &TestApp, routes: &[&str]) {
    for path in routes {
        let url = format!("{}{path}", app.address);
        let get = app.client.get(&url).send().await.unwrap();
        let head = app.client.head(&url).send().await.unwrap();
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        for header in ["content-type", "content-security-policy", "cache-control"] {
            assert_eq!(head.headers().get(header), get.headers().get(header), "HEAD {path}: {header}");
        }
        assert!(head.headers().contains_key("content-length"), "HEAD {path} says how long GET's body is");
        assert!(head.bytes().await.unwrap().is_empty(), "HEAD {path} has no body");
        assert!(!get.bytes().await.unwrap().is_empty(), "GET {path} has one");
    }
}
