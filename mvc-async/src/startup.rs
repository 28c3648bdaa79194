//! Building the app server.

use app_kit::web::AppServer;

use crate::config::Config;
use crate::routing;

/// Prepares the app from `config` and binds its listener (port 0 works); run
/// it with [`AppServer::run_until_stopped`].
pub fn build(config: Config) -> std::io::Result<AppServer> {
    let live_view = app_kit::live::LiveView::new(crate::views::BURST_PAGES.0, crate::views::BURST_PAGES.1);
    let error_pages = crate::filters::handle_error::HandleError;
    AppServer::build("mvc-async", (config.bind, config.port), &config.app, error_pages, live_view, routing::configure)
}
