//! Starting the API and this app for a test; the rest is in `test-support`.

use app_kit::AppSettings;
pub use test_support::{TestApp, dead_api_url, elapsed_seconds, eventually};

/// This app on port 0, for test-support's starters.
pub fn build(settings: AppSettings) -> std::io::Result<app_kit::web::AppServer> {
    mvc_async::build(mvc_async::Config { bind: [127, 0, 0, 1].into(), port: 0, app: settings, log: Default::default() })
}

/// Starts webapi-pgw with a fixed `delay_ms` and this app against it.
pub fn spawn_app(delay_ms: u64, threads: u32, queue: u32) -> TestApp {
    test_support::spawn_app(build, delay_ms, threads, queue)
}
