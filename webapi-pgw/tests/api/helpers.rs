//! Starting the API for a test, and small tools to talk to it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use webapi_pgw::metrics::Metrics;
use webapi_pgw::{Application, Config};

/// A running API and what a test needs to drive it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub metrics: Arc<Metrics>,
    stop: Option<oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Starts the API on a free port with a fixed delay of `delay_ms`.
pub fn spawn_app(delay_ms: u64) -> TestApp {
    spawn_app_with(Config::for_tests(delay_ms))
}

/// Starts the API on a free port with `config`.
pub fn spawn_app_with(config: Config) -> TestApp {
    service_kit::telemetry::init("warn");
    let app = Application::build(config).expect("the API starts");
    let address = format!("http://{}", app.address());
    let metrics = app.metrics();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until_stopped(async move {
        let _ = stopped.await;
    }));
    TestApp { address, client: reqwest::Client::new(), metrics, stop: Some(stop), server }
}

impl TestApp {
    /// `GET` a path of the API.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("the API answers")
    }

    /// Stops the server gracefully and waits until it has stopped.
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.server).await.expect("the server task does not panic")
    }
}

/// Waits until `condition` holds, checking every few milliseconds, and returns
/// how long that took; panics with `what` after `limit`.
pub async fn eventually(limit: Duration, what: &str, condition: impl Fn() -> bool) -> Duration {
    let started = Instant::now();
    while !condition() {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    started.elapsed()
}

/// The JSON body of a problem answer, after checking its content type.
pub async fn problem(response: reqwest::Response) -> serde_json::Value {
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert_eq!(content_type, "application/problem+json");
    response.json().await.unwrap()
}

/// Sends `request` as raw bytes on a new connection and returns all it reads
/// back until the server closes or 2 s pass (for requests reqwest won't build).
pub async fn raw_request(address: &str, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address.trim_start_matches("http://")).await.unwrap();
    // The server may answer and close before it has read all we send.
    let _ = stream.write_all(request.as_bytes()).await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}
