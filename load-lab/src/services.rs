//! Starting the services a scenario needs in this process, and stopping them
//! after it. As processes of their own: `processes.rs`.

use app_kit::AppSettings;
use app_kit::Host;
use test_support::in_process::{ApiInProcess, Running};

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

#[cfg(test)]
mod tests {
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
}
