//! A page's view of the Web API: each call timed onto the page's timeline and
//! counted while open; async for async pages, blocking for synchronous ones.

use std::sync::Arc;

use api_client::{ApiClient, ApiError, BlockingApiClient, ClientOptions, Url};
use serde::de::DeserializeOwned;
use shared_models::{ProdGizWidget, Resource};

use crate::injection::Injection;
use crate::metrics::{AppMetrics, InFlight};
use crate::settings::AppSettings;
use crate::timeline::Timeline;

/// The Web API, as the pages call it. Cheap to clone, and small: each
/// waiting async page keeps a copy in its state, so what every page shares
/// sits behind one pointer (a copy of the clients themselves was 264 bytes,
/// and cloned their URL's text).
#[derive(Debug, Clone)]
pub struct Backend {
    shared: Arc<Shared>,
    /// Faults the page asked its calls to suffer, as a query string (empty: none).
    injection: Arc<str>,
}

/// What every page's backend shares.
#[derive(Debug)]
struct Shared {
    client: ApiClient,
    blocking: BlockingApiClient,
    metrics: Arc<AppMetrics>,
    /// The I/O threads, where every call's socket lives.
    io: tokio::runtime::Handle,
}

impl Backend {
    /// A backend for the API at `settings.webapi_url`, with the outbound
    /// connection limit of `settings.max_backend_connections`.
    /// Its calls run on the I/O threads of `io`.
    pub fn new(
        settings: &AppSettings,
        metrics: Arc<AppMetrics>,
        io: tokio::runtime::Handle,
    ) -> Result<Backend, ApiError> {
        let options = ClientOptions {
            max_connections: settings.max_backend_connections.map(|n| n as usize),
            ..ClientOptions::default()
        };
        let client = ApiClient::new(&settings.webapi_url, options)?;
        let blocking = BlockingApiClient::new(client.clone(), io.clone());
        Ok(Backend { shared: Arc::new(Shared { client, blocking, metrics, io }), injection: Arc::from("") })
    }

    /// The same backend, whose calls ask the Web API for `injection`'s faults.
    pub fn injecting(&self, injection: &Injection) -> Backend {
        Backend { shared: self.shared.clone(), injection: Arc::from(injection.query()) }
    }

    /// `path` with the injection's query added.
    fn with_injection(&self, path: String) -> String {
        match (self.injection.is_empty(), path.contains('?')) {
            (true, _) => path,
            (false, false) => format!("{path}?{}", self.injection),
            (false, true) => format!("{path}&{}", self.injection),
        }
    }

    /// The API's root URL.
    pub fn root(&self) -> &Url {
        self.shared.client.root()
    }

    /// `GET api/{resource}`, awaiting the answer without holding a thread.
    pub async fn fetch<T: DeserializeOwned>(&self, resource: Resource, timeline: &Timeline) -> Result<T, ApiError> {
        let _open = InFlight::new(&self.shared.metrics.backend_calls_in_flight);
        // Made here, so that the waiting call keeps no copy of its path.
        let call = self.shared.client.fetch_path(&self.with_injection(resource.path()));
        timeline.time(resource.name(), call).await
    }

    /// `GET api/{resource}?delay={delay_ms}`: the API waits exactly that long
    /// (for pages that let the visitor choose a slow call).
    pub async fn fetch_with_delay<T: DeserializeOwned>(
        &self,
        resource: Resource,
        delay_ms: u64,
        timeline: &Timeline,
    ) -> Result<T, ApiError> {
        let _open = InFlight::new(&self.shared.metrics.backend_calls_in_flight);
        let call = self.shared.client.fetch_path(&self.with_injection(format!("{}?delay={delay_ms}", resource.path())));
        timeline.time(resource.name(), call).await
    }

    /// `GET url` (on the API's origin): its status code, whatever it is, and
    /// the I/O thread that saw the answer complete (the blog's "completed on").
    pub async fn status_of(&self, url: &Url, timeline: &Timeline) -> Result<(u16, String), ApiError> {
        let _open = InFlight::new(&self.shared.metrics.backend_calls_in_flight);
        let (client, target, url_text) = (self.shared.client.clone(), url.clone(), url.to_string());
        // The exchange runs as its own task on the I/O threads, so the thread
        // that sees its end is known; dropping the page aborts it.
        let exchange = AbortOnDrop(
            self.shared.io.spawn(async move {
                let status = client.status_of(&target).await;
                status.map(|code| (code, crate::threads::current()))
            }),
            url_text,
        );
        timeline.time(url.path(), exchange).await
    }

    /// `GET api/{resource}`, blocking this thread until the answer comes.
    pub fn fetch_blocking<T: DeserializeOwned>(&self, resource: Resource, timeline: &Timeline) -> Result<T, ApiError> {
        let _open = InFlight::new(&self.shared.metrics.backend_calls_in_flight);
        let path = self.with_injection(resource.path());
        timeline.time_blocking(resource.name(), || self.shared.blocking.fetch_path(&path))
    }

    /// PWG, synchronously: widgets, then products, then gizmos (the sample's
    /// order), each call starting when the one before has answered. Takes
    /// about the sum of the delays.
    pub fn pwg_sequential(&self, timeline: &Timeline) -> Result<ProdGizWidget, ApiError> {
        let widgets = self.fetch_blocking(Resource::Widgets, timeline)?;
        let products = self.fetch_blocking(Resource::Products, timeline)?;
        let gizmos = self.fetch_blocking(Resource::Gizmos, timeline)?;
        Ok(ProdGizWidget { widgets, products, gizmos })
    }

    /// PWG, asynchronously: the three calls at once (the sample's `WhenAll`),
    /// started in the same order.
    /// Takes about the longest delay. If one fails, the others are cancelled.
    pub async fn pwg_parallel(&self, timeline: &Timeline) -> Result<ProdGizWidget, ApiError> {
        let (widgets, products, gizmos) = tokio::try_join!(
            self.fetch(Resource::Widgets, timeline),
            self.fetch(Resource::Products, timeline),
            self.fetch(Resource::Gizmos, timeline),
        )?;
        Ok(ProdGizWidget { widgets, products, gizmos })
    }

    /// Whether the API answers its health check now (for the start-up log).
    pub async fn reachable(&self) -> Result<(), ApiError> {
        self.shared.client.health(std::time::Duration::from_secs(2)).await
    }
}

/// A task on the I/O threads that is aborted when its awaiting page is dropped.
struct AbortOnDrop<T>(tokio::task::JoinHandle<Result<T, ApiError>>, String);

impl<T> std::future::Future for AbortOnDrop<T> {
    type Output = Result<T, ApiError>;

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        std::pin::Pin::new(&mut self.0).poll(cx).map(|joined| {
            joined.unwrap_or_else(|e| {
                Err(ApiError::Connect { url: self.1.clone(), reason: format!("the call failed: {e}") })
            })
        })
    }
}

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}
