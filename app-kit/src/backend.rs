//! A page's view of the Web API: each call timed onto the page's timeline and
//! counted while open; async for async pages, blocking for synchronous ones.

use std::sync::Arc;

use api_client::{ApiClient, ApiError, BlockingApiClient, ClientOptions, Url};
use serde::de::DeserializeOwned;
use shared_models::{ProdGizWidget, Resource};

use crate::metrics::{AppMetrics, InFlight};
use crate::settings::AppSettings;
use crate::timeline::Timeline;

/// Why a [`Backend`] could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    /// The client cannot be built, e.g. from a `--webapi-url` that is not an http URL.
    #[error(transparent)]
    Client(#[from] ApiError),
    /// The thread that drives the blocking calls' connections did not start
    /// (the system refused a thread): nothing to do with the URL.
    #[error("cannot start the backend I/O thread: {0}")]
    IoThread(#[source] std::io::Error),
}

/// The Web API, as the pages call it. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Backend {
    client: ApiClient,
    blocking: BlockingApiClient,
    metrics: Arc<AppMetrics>,
    /// Drives the blocking client's connections. Its own runtime, because the
    /// request threads are not tokio threads and actix's workers are each a
    /// single-threaded runtime that another thread cannot drive.
    _io: Arc<IoRuntime>,
}

impl Backend {
    /// A backend for the API at `settings.webapi_url`, with the outbound
    /// connection limit of `settings.max_backend_connections`.
    pub fn new(settings: &AppSettings, metrics: Arc<AppMetrics>) -> Result<Backend, BackendError> {
        let options = ClientOptions {
            max_connections: settings.max_backend_connections.map(|n| n as usize),
            ..ClientOptions::default()
        };
        let client = ApiClient::new(&settings.webapi_url, options)?;
        let io = IoRuntime::start().map_err(BackendError::IoThread)?;
        let blocking = BlockingApiClient::new(client.clone(), io.handle());
        Ok(Backend { client, blocking, metrics, _io: Arc::new(io) })
    }

    /// The API's root URL.
    pub fn root(&self) -> &Url {
        self.client.root()
    }

    /// `GET api/{resource}`, awaiting the answer without holding a thread.
    pub async fn fetch<T: DeserializeOwned>(&self, resource: Resource, timeline: &Timeline) -> Result<T, ApiError> {
        let _open = InFlight::new(&self.metrics.backend_calls_in_flight);
        timeline.time(resource.name(), self.client.fetch(resource, None)).await
    }

    /// `GET api/{resource}?delay={delay_ms}`: the API waits exactly that long
    /// (for pages that let the visitor choose a slow call).
    pub async fn fetch_with_delay<T: DeserializeOwned>(
        &self,
        resource: Resource,
        delay_ms: u64,
        timeline: &Timeline,
    ) -> Result<T, ApiError> {
        let _open = InFlight::new(&self.metrics.backend_calls_in_flight);
        let path = format!("{}?delay={delay_ms}", resource.path());
        timeline.time(resource.name(), self.client.fetch_path(&path, None)).await
    }

    /// `GET url` (on the API's origin) and its status code, whatever it is.
    pub async fn status_of(&self, url: &Url, timeline: &Timeline) -> Result<u16, ApiError> {
        let _open = InFlight::new(&self.metrics.backend_calls_in_flight);
        timeline.time(url.path(), self.client.status_of(url)).await
    }

    /// `GET api/{resource}`, blocking this thread until the answer comes.
    pub fn fetch_blocking<T: DeserializeOwned>(&self, resource: Resource, timeline: &Timeline) -> Result<T, ApiError> {
        let _open = InFlight::new(&self.metrics.backend_calls_in_flight);
        timeline.time_blocking(resource.name(), || self.blocking.fetch(resource, None))
    }

    /// PWG, synchronously: products, then widgets, then gizmos, each call
    /// starting when the one before has answered. Takes about the sum of the delays.
    pub fn pwg_sequential(&self, timeline: &Timeline) -> Result<ProdGizWidget, ApiError> {
        let products = self.fetch_blocking(Resource::Products, timeline)?;
        let widgets = self.fetch_blocking(Resource::Widgets, timeline)?;
        let gizmos = self.fetch_blocking(Resource::Gizmos, timeline)?;
        Ok(ProdGizWidget { widgets, products, gizmos })
    }

    /// PWG, asynchronously: the three calls at once (the sample's `WhenAll`).
    /// Takes about the longest delay. If one fails, the others are cancelled.
    pub async fn pwg_parallel(&self, timeline: &Timeline) -> Result<ProdGizWidget, ApiError> {
        let (products, widgets, gizmos) = tokio::try_join!(
            self.fetch(Resource::Products, timeline),
            self.fetch(Resource::Widgets, timeline),
            self.fetch(Resource::Gizmos, timeline),
        )?;
        Ok(ProdGizWidget { widgets, products, gizmos })
    }

    /// Whether the API answers its health check now (for the start-up log).
    pub async fn reachable(&self) -> Result<(), ApiError> {
        self.client.health(std::time::Duration::from_secs(2)).await
    }
}

/// A small multi-threaded runtime of its own for blocking calls.
#[derive(Debug)]
struct IoRuntime(Option<tokio::runtime::Runtime>);

impl IoRuntime {
    fn start() -> std::io::Result<IoRuntime> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("backend-io")
            .enable_all()
            .build()?;
        Ok(IoRuntime(Some(runtime)))
    }

    fn handle(&self) -> tokio::runtime::Handle {
        self.0.as_ref().expect("present until dropped").handle().clone()
    }
}

impl Drop for IoRuntime {
    fn drop(&mut self) {
        // A plain drop would block, which tokio forbids inside async code.
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_url_is_a_client_error_and_says_which_url() {
        let settings = AppSettings::for_tests("ftp://example.invalid/", 1, 0);

        let error = Backend::new(&settings, Arc::new(AppMetrics::new())).unwrap_err();

        assert!(matches!(error, BackendError::Client(ApiError::InvalidUrl { .. })), "{error:?}");
        assert!(error.to_string().contains("ftp://example.invalid/"), "{error}");
    }

    #[test]
    fn an_io_thread_that_does_not_start_is_not_blamed_on_the_url() {
        let error = BackendError::IoThread(std::io::Error::from(std::io::ErrorKind::OutOfMemory));

        assert!(error.to_string().starts_with("cannot start the backend I/O thread: "), "{error}");
        assert!(std::error::Error::source(&error).is_some(), "the I/O error stays its source");
    }
}
