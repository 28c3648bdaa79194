//! Building and running the app server.

use std::future::Future;
use std::net::SocketAddr;

use app_kit::page::Pages;
use app_kit::web::AppServer;

use crate::config::Config;
use crate::routing;

/// A bound, not yet running app.
pub struct Application {
    pages: Pages,
    server: AppServer,
}

impl Application {
    /// Prepares the pages' backend and thread pool, and binds the listener.
    pub fn build(config: Config) -> std::io::Result<Application> {
        let pages = Pages::from_settings(&config.app)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()))?;
        let server = AppServer::build(
            "mvc-async",
            (config.bind, config.port),
            config.app.workers,
            pages.clone(),
            routing::configure,
        )?;
        Ok(Application { pages, server })
    }

    /// The address it listens on.
    pub fn address(&self) -> SocketAddr {
        self.server.address()
    }

    /// The pages' backend, request threads and metrics (for tests and logs).
    pub fn pages(&self) -> Pages {
        self.pages.clone()
    }

    /// Serves until `shutdown` completes, then stops gracefully.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        self.server.run_until_stopped(shutdown).await
    }
}
