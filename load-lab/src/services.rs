//! Starting the services a scenario needs, and stopping them after it.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app_kit::AppSettings;
use app_kit::Host;
use tokio::sync::oneshot;
use webapi_pgw::metrics::Metrics;

/// The two apps, and the page of each that a scenario loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum App {
    /// webapp-async.
    WebForms,
    /// mvc-async.
    Mvc,
}

/// The pages a scenario may load.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    /// Products, synchronous.
    Products,
    /// Products, asynchronous.
    ProductsAsync,
    /// Three calls in a row.
    Pwg,
    /// Three calls at once.
    PwgAsync,
    /// Gizmos with an AsyncTimeout (1 s for Web Forms, 150 ms for MVC).
    GizmosCancelAsync,
}

impl App {
    /// Both apps, in report order.
    pub const BOTH: [App; 2] = [App::WebForms, App::Mvc];

    /// The app's name in the report.
    pub fn name(self) -> &'static str {
        match self {
            App::WebForms => "webapp-async",
            App::Mvc => "mvc-async",
        }
    }

    /// The path of `page` in this app.
    pub fn path(self, page: Page) -> &'static str {
        match (self, page) {
            (App::WebForms, Page::Products) => "/Products.aspx",
            (App::WebForms, Page::ProductsAsync) => "/ProductsAsync.aspx",
            (App::WebForms, Page::Pwg) => "/PWG.aspx",
            (App::WebForms, Page::PwgAsync) => "/PWGasync.aspx",
            (App::WebForms, Page::GizmosCancelAsync) => "/GizmosCancelAsync.aspx",
            (App::Mvc, Page::Products) => "/Home/Products",
            (App::Mvc, Page::ProductsAsync) => "/Home/ProductsAsync",
            (App::Mvc, Page::Pwg) => "/Home/PWG",
            (App::Mvc, Page::PwgAsync) => "/Home/PWGasync",
            (App::Mvc, Page::GizmosCancelAsync) => "/Home/GizmosCancelAsync",
        }
    }
}

/// A service running in this process until stopped.
struct Running(Option<oneshot::Sender<()>>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.0.take() {
            let _ = stop.send(());
        }
    }
}

fn run<F: std::future::Future<Output = std::io::Result<()>> + Send + 'static>(
    serve: impl FnOnce(oneshot::Receiver<()>) -> F,
) -> Running {
    let (stop, stopped) = oneshot::channel();
    tokio::spawn(serve(stopped));
    Running(Some(stop))
}

/// The Web API, running in this process.
pub struct Api {
    /// Its root URL.
    pub url: String,
    /// Its live metrics.
    pub metrics: Arc<Metrics>,
    _running: Running,
}

/// Starts the Web API on a free port with delays in [min, max) ms (fixed if
/// equal) and a fixed seed, so runs are reproducible.
pub fn start_api(delay_min: u64, delay_max: u64) -> std::io::Result<Api> {
    let config = webapi_pgw::Config {
        delay_min,
        delay_max,
        seed: Some(2026),
        workers: None,
        ..webapi_pgw::Config::for_tests(delay_min)
    };
    let api = webapi_pgw::Application::build(config)?;
    let (url, metrics) = (format!("http://{}/", api.address()), api.metrics());
    let running = run(move |stopped| api.run_until_stopped(async move { drop(stopped.await) }));
    Ok(Api { url, metrics, _running: running })
}

/// An app, running in this process.
pub struct RunningApp {
    /// Its root, without a trailing slash.
    pub address: String,
    /// Its pool and metrics.
    pub host: Host,
    _running: Running,
}

impl RunningApp {
    /// The URL of `page` in this app.
    pub fn url(&self, app: App, page: Page) -> String {
        format!("{}{}", self.address, app.path(page))
    }
}

/// Starts `app` against the API at `api_url` with `settings`' pool and limits.
pub fn start_app(app: App, settings: AppSettings) -> std::io::Result<RunningApp> {
    let bind = [127, 0, 0, 1].into();
    let server = match app {
        App::WebForms => {
            webapp_async::build(webapp_async::Config { bind, port: 0, app: settings, log: Default::default() })?
        }
        App::Mvc => mvc_async::build(mvc_async::Config { bind, port: 0, app: settings, log: Default::default() })?,
    };
    let (address, host) = (format!("http://{}", server.address()), server.host());
    let running = run(move |stopped| server.run_until_stopped(async move { drop(stopped.await) }));
    Ok(RunningApp { address, host, _running: running })
}

/// The settings of an app for a scenario: threads started at once up to
/// `request_threads` (no injection delay), so that the scenario measures the
/// pool's size alone. [`default_settings`] has .NET's injection.
pub fn settings(api_url: &str, request_threads: u32, queue_length: u32, max_backend: Option<u32>) -> AppSettings {
    AppSettings {
        thread_injection_ms: 0,
        request_threads,
        queue_length,
        max_backend_connections: max_backend,
        ..default_settings(api_url)
    }
}

/// The apps' default settings (as `--help` shows them) against `api_url`.
pub fn default_settings(api_url: &str) -> AppSettings {
    use clap::Parser;
    #[derive(Parser)]
    struct Defaults {
        #[command(flatten)]
        app: AppSettings,
    }
    let mut settings = Defaults::parse_from(["defaults"]).app;
    settings.webapi_url = api_url.to_owned();
    settings
}

/// An app running as its own process, so that its threads and memory can be
/// read from /proc without counting the lab's own.
pub struct AppProcess {
    child: Child,
    /// Its root, without a trailing slash.
    pub address: String,
}

impl AppProcess {
    /// Starts the `app` binary (built next to this one) with `settings`.
    pub async fn start(app: App, settings: &AppSettings) -> Result<AppProcess, String> {
        let binary = sibling_binary(app.name())?;
        let port = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?.local_addr().unwrap().port();
        let child = Command::new(&binary)
            .env("PORT", port.to_string())
            .env("WEBAPI_URL", &settings.webapi_url)
            .env("REQUEST_THREADS", settings.request_threads.to_string())
            .env("QUEUE_LENGTH", settings.queue_length.to_string())
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let process = AppProcess { child, address: format!("http://127.0.0.1:{port}") };
        let started = Instant::now();
        while reqwest::get(format!("{}/healthz", process.address)).await.is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                return Err(format!("{} did not come up", app.name()));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(process)
    }

    /// (OS threads, resident memory in KiB) of the process now.
    pub fn threads_and_rss(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        (field("Threads:"), field("VmRSS:"))
    }
}

impl Drop for AppProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A binary of the workspace, in the folder of the running one (or its parent,
/// for the test binaries in `deps/`).
fn sibling_binary(name: &str) -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = exe.parent().ok_or("no folder for the running binary")?;
    [dir.join(name), dir.join("..").join(name)].into_iter().find(|p| p.exists()).ok_or_else(|| {
        format!("{name} is not built next to {}: run `cargo build --release --workspace`", exe.display())
    })
}
