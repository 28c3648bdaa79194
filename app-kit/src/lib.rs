//! What the two web apps (`webapp-async` and `mvc-async`) share, written once.
//!
//! Both apps teach the same lesson in two styles: a synchronous page holds a
//! request thread while it waits for the Web API, an asynchronous one does not.
//! The machinery behind that lesson lives here.
//!
//! # Layout
//! - [`command_line`]: each app's whole command line, declared once
//!   ([`app_command_line!`]).
//! - [`settings`]: the flags both apps take (`--webapi-url`, `--request-threads`,
//!   `--min-threads`, `--thread-injection-ms`, ...).
//! - [`request_pool`]: the request threads every page runs on, with .NET's
//!   thread injection, the bounded queue and "503 Server Too Busy" (ASP.NET's
//!   thread pool and HTTP.sys queue, made visible).
//! - [`io_runtime`]: the I/O threads that drive every call's socket and timer
//!   (.NET's I/O completion threads).
//! - [`host`]: [`Host`], what every page handler needs, and how a page runs:
//!   a sync one blocking its thread, an async one step by step on any request
//!   thread, with its AsyncTimeout, cancelled when the visitor hangs up.
//! - [`page_error`]: [`PageError`], why a page failed; [`failure`]: the
//!   failure policy (status, headers, the log line, the counter), written
//!   once; each app supplies its markup through [`failure::ErrorPages`].
//! - [`threads`]: which thread a page started and rendered on.
//! - [`backend`]: the Web API client of a page, async and blocking, timing
//!   each call onto a [`timeline::Timeline`]; [`injection`]: the faults a
//!   page may ask its calls to suffer (`?fault=`, `?status=`).
//! - [`timeline`] and [`waterfall`]: when each backend call ran, and the SVG
//!   picture of it (the staircase of PWG against the three bars of PWGasync).
//! - [`metrics`]: what both apps count, served at `/metrics`.
//! - [`live`]: the live view of the request pool (Server-Sent Events) and its
//!   bursts of page loads.
//! - [`headers`]: a GET page's request headers, dropped before it runs (and
//!   the apps' one middleware layer).
//! - [`web`]: the server both apps run on: security headers, the stylesheet,
//!   `/healthz` and `/metrics`, hang-up detection, graceful shutdown.

pub mod backend;
pub mod command_line;
pub mod failure;
pub mod headers;
pub mod host;
pub mod injection;
pub mod io_runtime;
pub mod live;
pub mod metrics;
pub mod page_error;
pub mod request_pool;
pub mod settings;
pub mod threads;
pub mod timeline;
pub mod waterfall;
pub mod web;

pub use backend::Backend;
pub use host::Host;
pub use page_error::PageError;
pub use request_pool::RequestPool;
pub use settings::AppSettings;
pub use threads::PageThreads;
pub use timeline::Timeline;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
