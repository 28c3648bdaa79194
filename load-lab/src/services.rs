//! Starting the services a scenario needs, and stopping them after it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use app_kit::AppSettings;
use app_kit::Host;
use test_support::in_process::{ApiInProcess, Running};
use test_support::process::{Process, ProcessError, free_port, sibling_binary, wait_until_up};

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

impl Page {
    /// The page's name in both apps (the sample's page and action names).
    pub fn name(self) -> &'static str {
        match self {
            Page::Products => "Products",
            Page::ProductsAsync => "ProductsAsync",
            Page::Pwg => "PWG",
            Page::PwgAsync => "PWGasync",
            Page::GizmosCancelAsync => "GizmosCancelAsync",
        }
    }
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

    /// The path of `page` in this app, from the app's own table of pages
    /// (Web Forms' `site_map`, MVC's `ACTIONS`), so a renamed page cannot be
    /// missed here.
    pub fn path(self, page: Page) -> String {
        let name = page.name();
        let found = match self {
            App::WebForms => webapp_async::site_map::path_of(name).map(str::to_owned),
            App::Mvc => mvc_async::controllers::home::ACTIONS
                .iter()
                .find(|action| action.name == name)
                .map(|action| format!("/{}/{}", mvc_async::controllers::home::NAME, action.name)),
        };
        found.unwrap_or_else(|| panic!("{} has no page named {name}", self.name()))
    }
}

/// Starts the Web API on a free port with delays in [min, max) ms (fixed if
/// equal) and a fixed seed, so runs are reproducible. It stops when dropped.
pub fn start_api(delay_min: u64, delay_max: u64) -> std::io::Result<ApiInProcess> {
    let mut config = webapi_pgw::Config::for_tests(delay_min);
    config.api = webapi_pgw::ApiSettings { delay_min, delay_max, seed: Some(2026), workers: None, ..config.api };
    test_support::start_api(config)
}

/// An app, running in this process until dropped.
pub struct RunningApp {
    /// Its root, without a trailing slash.
    pub address: String,
    /// Its pool and metrics.
    pub host: Host,
    _server: Running,
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
    let app = test_support::start_app(server);
    Ok(RunningApp { address: app.address, host: app.host, _server: app.server })
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
/// read from /proc without counting the lab's own. Killed when dropped.
pub struct AppProcess {
    process: Process,
    /// Its root, without a trailing slash.
    pub address: String,
}

impl AppProcess {
    /// Starts the `app` binary (built next to this one) with `settings`.
    pub async fn start(app: App, settings: &AppSettings) -> Result<AppProcess, ProcessError> {
        let binary = sibling_binary(app.name())?;
        let port = free_port()?;
        let process = Process::spawn(app_command(&binary, port, settings).stdout(Stdio::null()))?;
        let address = format!("http://127.0.0.1:{port}");
        wait_until_up(&format!("{address}/healthz"), Duration::from_secs(20)).await?;
        Ok(AppProcess { process, address })
    }

    /// (OS threads, resident memory in KiB) of the process now.
    pub fn threads_and_rss(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.process.0.id())).unwrap_or_default();
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

/// The command that starts an app's binary on `port` with every one of
/// `settings`, by the environment variables the app reads. A setting left
/// unset is removed from the environment, so the lab's own cannot leak in.
fn app_command(binary: &Path, port: u16, settings: &AppSettings) -> Command {
    // Every field by name: a new setting does not compile until it is passed on.
    let AppSettings {
        webapi_url,
        request_threads,
        min_threads,
        thread_injection_ms,
        thread_idle_ms,
        queue_length,
        max_backend_connections,
        workers,
    } = settings;
    let mut command = Command::new(binary);
    command
        .env("PORT", port.to_string())
        .env("WEBAPI_URL", webapi_url)
        .env("REQUEST_THREADS", request_threads.to_string())
        .env("THREAD_INJECTION_MS", thread_injection_ms.to_string())
        .env("THREAD_IDLE_MS", thread_idle_ms.to_string())
        .env("QUEUE_LENGTH", queue_length.to_string())
        .env("RUST_LOG", "error");
    for (name, value) in
        [("MIN_THREADS", *min_threads), ("MAX_BACKEND_CONNECTIONS", *max_backend_connections), ("WORKERS", *workers)]
    {
        match value {
            Some(value) => command.env(name, value.to_string()),
            None => command.env_remove(name),
        };
    }
    command
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    #[test]
    fn every_page_is_found_in_each_apps_own_table() {
        let pages = [Page::Products, Page::ProductsAsync, Page::Pwg, Page::PwgAsync, Page::GizmosCancelAsync];
        let paths: Vec<String> = pages.iter().map(|&p| App::WebForms.path(p)).collect();
        assert_eq!(
            paths,
            ["/Products.aspx", "/ProductsAsync.aspx", "/PWG.aspx", "/PWGasync.aspx", "/GizmosCancelAsync.aspx"]
        );
        assert_eq!(App::Mvc.path(Page::PwgAsync), "/Home/PWGasync");
        assert_eq!(App::Mvc.path(Page::GizmosCancelAsync), "/Home/GizmosCancelAsync");
    }

    fn env_of(command: &Command) -> Vec<(&OsStr, Option<&OsStr>)> {
        command.get_envs().collect()
    }

    #[test]
    fn an_app_process_gets_every_setting() {
        let settings = AppSettings {
            webapi_url: "http://127.0.0.1:1/".into(),
            request_threads: 7,
            min_threads: Some(2),
            thread_injection_ms: 250,
            thread_idle_ms: 1000,
            queue_length: 8,
            max_backend_connections: Some(9),
            workers: Some(3),
        };

        let command = app_command(Path::new("webapp-async"), 1234, &settings);

        let env = env_of(&command);
        for (name, value) in [
            ("PORT", "1234"),
            ("WEBAPI_URL", "http://127.0.0.1:1/"),
            ("REQUEST_THREADS", "7"),
            ("MIN_THREADS", "2"),
            ("THREAD_INJECTION_MS", "250"),
            ("THREAD_IDLE_MS", "1000"),
            ("QUEUE_LENGTH", "8"),
            ("MAX_BACKEND_CONNECTIONS", "9"),
            ("WORKERS", "3"),
        ] {
            assert!(env.contains(&(OsStr::new(name), Some(OsStr::new(value)))), "{name}={value} missing: {env:?}");
        }
    }

    #[test]
    fn an_unset_setting_is_not_inherited_from_the_lab() {
        let settings = AppSettings::for_tests("http://127.0.0.1:1/", 1, 0);
        let settings = AppSettings { workers: None, min_threads: None, ..settings };

        let command = app_command(Path::new("mvc-async"), 1234, &settings);

        let env = env_of(&command);
        assert!(env.contains(&(OsStr::new("MAX_BACKEND_CONNECTIONS"), None)), "{env:?}");
        assert!(env.contains(&(OsStr::new("WORKERS"), None)), "{env:?}");
        assert!(env.contains(&(OsStr::new("MIN_THREADS"), None)), "{env:?}");
    }
}
