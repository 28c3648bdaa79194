//! The typed client of the Web API, written once for both web apps.
//!
//! - [`ApiClient`] (`async_client.rs`): async methods for the async pages. A
//!   call is cancelled by dropping its future, which closes the connection, and
//!   the Web API sees the hang-up and stops its own work. Each call may carry a
//!   timeout of its own.
//! - [`BlockingApiClient`] (`blocking_client.rs`): the same calls for the
//!   synchronous pages; the calling thread really waits, as a thread of the
//!   sample's synchronous pages did in `WebClient.DownloadString`.
//! - [`ApiError`] (`error.rs`): what went wrong, in words a page can show.

mod async_client;
mod blocking_client;
mod error;
mod resource;

pub use async_client::{ApiClient, ClientOptions};
pub use blocking_client::BlockingApiClient;
pub use error::ApiError;
pub use reqwest::Url;
pub use resource::Resource;
