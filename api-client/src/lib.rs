//! The typed client of the Web API (webapi-pgw), written once for both web apps.
//!
//! Only the apps call the API, so the client lives beside them and not in
//! `shared-models`: the API server itself links no HTTP client.
//!
//! # Layout
//! - [`ApiClient`] (`async_client.rs`): async calls for the async pages. A call
//!   is cancelled by dropping its future, which closes the connection, and the
//!   Web API sees the hang-up and stops its own work. A call has no time
//!   limit of its own: the page's AsyncTimeout bounds it (only the start-up
//!   health check has one).
//! - [`BlockingApiClient`] (`blocking_client.rs`): the same calls for the
//!   synchronous pages; the calling thread really waits, as a thread of the
//!   sample's synchronous pages did in `WebClient.DownloadString`.
//! - [`ApiError`] (`error.rs`): what went wrong, in words a page can show.
//!
//! What is called is named by [`shared_models::Resource`], the API's controllers.

mod async_client;
mod blocking_client;
mod error;

pub use async_client::{ApiClient, ClientOptions};
pub use blocking_client::BlockingApiClient;
pub use error::ApiError;
pub use reqwest::Url;
