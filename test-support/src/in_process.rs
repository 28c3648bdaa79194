//! The services started inside this process, on the caller's tokio runtime,
//! on port 0: fast to start, and their metrics readable directly. Each runs
//! until its [`Running`] handle is stopped or dropped.

use std::future::Future;
use std::io;
use std::sync::Arc;

use app_kit::Host;
use app_kit::web::AppServer;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use webapi_pgw::metrics::Metrics;

/// A server running on a tokio task until this handle is stopped or dropped;
/// both stop it gracefully (in-flight requests finish).
#[derive(Debug)]
pub struct Running {
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<io::Result<()>>>,
}

impl Running {
    /// Spawns `serve`, giving it the future that resolves when it must stop.
    pub fn spawn<F>(serve: impl FnOnce(StopSignal) -> F) -> Running
    where
        F: Future<Output = io::Result<()>> + Send + 'static,
    {
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(StopSignal(stopped)));
        Running { stop: Some(stop), task: Some(task) }
    }

    /// Stops the server gracefully and waits until it has stopped; its result.
    pub async fn stop(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let task = self.task.take().expect("present until stopped");
        task.await.expect("the server task does not panic")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Resolves when a [`Running`] server is told to stop (or its handle is gone).
pub struct StopSignal(oneshot::Receiver<()>);

impl StopSignal {
    /// Waits for the stop.
    pub async fn wait(self) {
        let _ = self.0.await;
    }
}

/// The Web API, running in this process.
#[derive(Debug)]
pub struct ApiInProcess {
    /// Its root URL, with a trailing slash (`http://127.0.0.1:PORT/`).
    pub url: String,
    /// Its live metrics.
    pub metrics: Arc<Metrics>,
    /// Stops it.
    pub server: Running,
}

/// Starts webapi-pgw with `config` in this process.
pub fn start_api(config: webapi_pgw::Config) -> io::Result<ApiInProcess> {
    service_kit::telemetry::init("warn");
    let api = webapi_pgw::Application::build(config)?;
    let (url, metrics) = (format!("http://{}/", api.address()), api.metrics());
    let server = Running::spawn(move |stop| api.run_until_stopped(stop.wait()));
    Ok(ApiInProcess { url, metrics, server })
}

/// A web app, running in this process.
#[derive(Debug)]
pub struct AppInProcess {
    /// Its root, without a trailing slash (`http://127.0.0.1:PORT`).
    pub address: String,
    /// Its host: request threads, backend and metrics.
    pub host: Host,
    /// Stops it.
    pub server: Running,
}

/// Runs an app server that an app's `build` made, in this process.
pub fn start_app(app: AppServer) -> AppInProcess {
    service_kit::telemetry::init("warn");
    let (address, host) = (format!("http://{}", app.address()), app.host());
    let server = Running::spawn(move |stop| app.run_until_stopped(stop.wait()));
    AppInProcess { address, host, server }
}
