//! What the two web apps (`webapp-async` and `mvc-async`) share, written once.
//!
//! Both apps teach the same lesson in two styles: a synchronous page holds a
//! request thread while it waits for the Web API, an asynchronous one does not.
//! The machinery behind that lesson lives here.
//!
//! # Layout
//! - [`settings`]: the flags both apps take (`--webapi-url`, `--request-threads`, ...).
//! - [`request_pool`]: the bounded pool of OS threads that runs synchronous
//!   pages, with its bounded queue and "503 Server Too Busy" (ASP.NET's thread
//!   pool and HTTP.sys queue, made visible).
//! - [`backend`]: the Web API client of a page, async and blocking, timing
//!   each call onto a [`timeline::Timeline`].
//! - [`timeline`] and [`waterfall`]: when each backend call ran, and the SVG
//!   picture of it (the staircase of PWG against the three bars of PWGasync).
//! - [`page`]: running a page: sync ones on the pool, async ones with their
//!   AsyncTimeout and cancelled when the visitor hangs up; [`page::PageError`].
//! - [`metrics`]: what both apps count, served at `/metrics`.
//! - [`web`]: the server both apps run on: security headers, the stylesheet,
//!   `/healthz` and `/metrics`, hang-up detection, graceful shutdown.

pub mod backend;
pub mod metrics;
pub mod page;
pub mod request_pool;
pub mod settings;
pub mod timeline;
pub mod waterfall;
pub mod web;

pub use backend::Backend;
pub use page::PageError;
pub use request_pool::RequestPool;
pub use settings::AppSettings;
pub use timeline::Timeline;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
