//! Building the app server.

use app_kit::web::AppServer;

use crate::config::Config;
use crate::routing;

/// Prepares the app from `config` and binds its listener (port 0 works); run
/// it with [`AppServer::run_until_stopped`].
pub fn build(config: Config) -> std::io::Result<AppServer> {
    let error_pages = crate::pages::error_pages::WebFormsErrorPages;
    AppServer::build(
        "webapp-async",
        (config.bind, config.port),
        &config.app,
        error_pages,
        routing::live_view(),
        routing::configure,
    )
}
