//! The async Web API client.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::Either;
use reqwest::Url;
use serde::de::DeserializeOwned;
use shared_models::Resource;
use tokio::sync::Semaphore;

use crate::ApiError;

/// How a client is set up; the defaults suit the sample.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// At most this many calls to the API at once; the rest wait their turn.
    ///
    /// `None` is "unlimited", what the sample set with
    /// `ServicePointManager.DefaultConnectionLimit = int.MaxValue`. ASP.NET's own
    /// default (autoConfig) was 12 × the number of CPUs.
    pub max_connections: Option<usize>,
    /// How long to wait for a TCP connection to open.
    pub connect_timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions { max_connections: None, connect_timeout: Duration::from_secs(5) }
    }
}

/// The async client of the Web API; cheap to clone, and clones share connections.
///
/// Every call is cancellable the Rust way: drop its future (for example when a
/// `tokio::time::timeout` or `select!` drops it) and the connection closes,
/// which the Web API notices as a cancelled request.
#[derive(Debug, Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    root: Url,
    /// Stands for the outbound connection limit: a call holds a permit while it runs.
    limit: Option<Arc<Semaphore>>,
}

impl ApiClient {
    /// A client for the API whose root is `root` (the sample's `WidgetServiceURI`,
    /// e.g. `http://localhost:7734/`).
    pub fn new(root: &str, options: ClientOptions) -> Result<ApiClient, ApiError> {
        let invalid = |reason: String| ApiError::InvalidUrl { url: root.to_owned(), reason };
        let mut parsed = Url::parse(root).map_err(|e| invalid(e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(invalid("it must be an http:// URL with a host".into()));
        }
        // `join` replaces the last segment of a root without a trailing slash.
        if !parsed.path().ends_with('/') {
            parsed.set_path(&format!("{}/", parsed.path()));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .pool_max_idle_per_host(usize::MAX)
            .no_proxy()
            // No retries, so no copy of each request kept for one: the
            // sample's HttpClient retried nothing, and reqwest's default
            // policy (replaying HTTP/2's refused streams) has nothing to do
            // over the API's HTTP/1.1, yet kept a clone of every request's
            // URL and headers for its whole wait.
            .retry(reqwest::retry::never().max_retries_per_request(0))
            .build()
            .map_err(|e| invalid(e.to_string()))?;
        let limit = options.max_connections.map(|n| Arc::new(Semaphore::new(n.max(1))));
        Ok(ApiClient { http, root: parsed, limit })
    }

    /// The API's root URL, always ending in `/`.
    pub fn root(&self) -> &Url {
        &self.root
    }

    /// `GET api/{resource}` and parse its JSON as `T`.
    ///
    /// A call has no time limit of its own: the page's AsyncTimeout bounds it
    /// (dropping this future closes its connection, which the API notices).
    pub fn fetch<T: DeserializeOwned>(
        &self,
        resource: Resource,
    ) -> impl Future<Output = Result<T, ApiError>> + use<'_, T> {
        self.fetch_path(&resource.path())
    }

    /// `GET` a path below the API's root (such as `api/Gizmos?delay=50`) as JSON.
    ///
    /// The URL is made when this is called, so the call's future keeps
    /// neither `path` nor a second copy of the URL while it waits.
    pub fn fetch_path<'a, T: DeserializeOwned>(
        &'a self,
        path: &str,
    ) -> impl Future<Output = Result<T, ApiError>> + use<'a, T> {
        match self.url(path) {
            Ok(url) => Either::Left(self.get_json(url)),
            Err(error) => Either::Right(std::future::ready(Err(error))),
        }
    }

    /// `GET healthz` within `within`: whether the API is up (any 2xx will do).
    pub async fn health(&self, within: Duration) -> Result<(), ApiError> {
        let url = self.url("healthz")?;
        let text = url.as_str().to_owned();
        let call = async {
            let response = self.http.get(url).send().await.map_err(|e| ApiError::from_transport(&text, e))?;
            match response.status() {
                status if status.is_success() => Ok(()),
                status => Err(ApiError::Status { url: text.clone(), status: status.as_u16() }),
            }
        };
        tokio::time::timeout(within, call)
            .await
            .unwrap_or_else(|_| Err(ApiError::Timeout { url: text.clone(), after: within }))
    }

    /// `GET url` and its status code, whatever it is (the UrlStatus control).
    /// Only transport failures are errors; the body is read and dropped.
    pub async fn status_of(&self, url: &Url) -> Result<u16, ApiError> {
        let _permit = self.connection_slot().await;
        let text = url.as_str().to_owned();
        let response = self.http.get(url.clone()).send().await.map_err(|e| ApiError::from_transport(&text, e))?;
        let status = response.status().as_u16();
        response.bytes().await.map_err(|e| ApiError::from_transport(&text, e))?;
        Ok(status)
    }

    /// The absolute URL of a path below the root.
    fn url(&self, path: &str) -> Result<Url, ApiError> {
        self.root.join(path).map_err(|e| ApiError::InvalidUrl { url: path.to_owned(), reason: e.to_string() })
    }

    /// Waits for one of the `max_connections` slots (at once when unlimited).
    async fn connection_slot(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        match &self.limit {
            Some(limit) => Some(limit.acquire().await.expect("the limit's semaphore is never closed")),
            None => None,
        }
    }

    /// `GET url` and its JSON as `T`, within the connection limit.
    ///
    /// Its state is kept small, as a waiting page holds it for the whole call:
    /// an async block rather than an `async fn` (which would keep `url` twice,
    /// as its argument and as its moved copy), and the response handled in a
    /// block of its own (a `response` binding alive across the body's await
    /// would keep its 136 bytes, and the `?` beside it as many again).
    #[expect(clippy::manual_async_fn, reason = "an async fn would keep its argument twice (above)")]
    fn get_json<T: DeserializeOwned>(&self, url: Url) -> impl Future<Output = Result<T, ApiError>> + use<'_, T> {
        async move {
            let _permit = self.connection_slot().await;
            let text = url.as_str().to_owned();
            tracing::debug!(url = %text, "calling the Web API");
            let transport = |e: reqwest::Error| ApiError::from_transport(&text, e);
            let reading = {
                let response = self.http.get(url).send().await.map_err(transport)?;
                if !response.status().is_success() {
                    return Err(ApiError::Status { url: text, status: response.status().as_u16() });
                }
                // Boxed: reading the body is a large future (the response and
                // its collector), and inline it would size the call's state.
                Box::pin(response.bytes())
            };
            let body = reading.await.map_err(transport)?;
            serde_json::from_slice(&body).map_err(|e| ApiError::Body { url: text, reason: e.to_string() })
        }
    }
}
