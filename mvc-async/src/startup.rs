//! Building the app server.

use app_kit::web::AppServer;

use crate::config::Config;
use crate::routing;

/// Prepares the app from `config` and binds its listener (port 0 works); run
/// it with [`AppServer::run_until_stopped`].
pub fn build(config: Config) -> std::io::Result<AppServer> {
    AppServer::build("mvc-async", (config.bind, config.port), &config.app, routing::configure)
}
