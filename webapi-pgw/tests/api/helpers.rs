//! Starting the API for a test, and small tools to talk to it.

use std::sync::Arc;
use std::time::Duration;

pub use test_support::eventually;
use test_support::in_process::{ApiInProcess, start_api};
use webapi_pgw::Config;
use webapi_pgw::metrics::Metrics;

/// A running API and what a test needs to drive it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub metrics: Arc<Metrics>,
    api: ApiInProcess,
}

/// Starts the API on a free port with a fixed delay of `delay_ms`.
pub fn spawn_app(delay_ms: u64) -> TestApp {
    spawn_app_with(Config::for_tests(delay_ms))
}

/// Starts the API on a free port with `config`.
pub fn spawn_app_with(config: Config) -> TestApp {
    let api = start_api(config).expect("the API starts");
    let address = api.url.trim_end_matches('/').to_owned();
    TestApp { address, client: reqwest::Client::new(), metrics: api.metrics.clone(), api }
}

impl TestApp {
    /// `GET` a path of the API.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("the API answers")
    }

    /// Stops the server gracefully and waits until it has stopped.
    pub async fn stop(self) -> std::io::Result<()> {
        self.api.server.stop().await
    }
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
