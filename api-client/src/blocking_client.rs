//! The blocking facade over [`ApiClient`], for the synchronous pages.

use serde::de::DeserializeOwned;
use shared_models::Resource;
use tokio::runtime::Handle;

use crate::{ApiClient, ApiError};

/// The same calls as [`ApiClient`], but the calling thread waits for the answer.
///
/// This is the Rust twin of the sample's synchronous `WebClient` calls: the
/// thread that serves the request is parked for the whole round trip to the
/// API, doing nothing, and no other request can use it meanwhile. That held
/// thread is exactly what the synchronous pages are meant to show.
///
/// The network work itself still runs on the tokio runtime given at creation
/// (so both kinds of page share one connection pool); only the caller blocks.
/// Call it from a plain OS thread, never from async code: `Handle::block_on`
/// panics inside a runtime, which is tokio telling you not to block its workers.
#[derive(Debug, Clone)]
pub struct BlockingApiClient {
    inner: ApiClient,
    runtime: Handle,
}

impl BlockingApiClient {
    /// Wraps an async client; its calls run on `runtime`.
    pub fn new(inner: ApiClient, runtime: Handle) -> BlockingApiClient {
        BlockingApiClient { inner, runtime }
    }

    /// `GET api/{resource}` as `T`, blocking.
    pub fn fetch<T: DeserializeOwned>(&self, resource: Resource) -> Result<T, ApiError> {
        self.runtime.block_on(self.inner.fetch(resource))
    }

    /// `GET` a path below the API's root as `T`, blocking.
    pub fn fetch_path<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.runtime.block_on(self.inner.fetch_path(path))
    }
}
