//! Plumbing that every service of the workspace shares, written once.
//!
//! # Layout
//! - [`telemetry`]: one `tracing` subscriber for all services, filtered by `RUST_LOG`,
//!   and the logging flags every binary takes ([`telemetry::LogArgs`]: `--log-format`,
//!   `--access-log`).
//! - [`http`]: `HEAD` wherever `GET` is served, and the access log, as one middleware.
//! - [`startup`]: start-up failures as one sentence naming the flag that fixes them.
//! - [`address`]: `--bind` as an address or a host name, and browsable URLs.
//! - [`shutdown`]: the signal that stops a service (Ctrl-C or SIGTERM), and
//!   [`shutdown::run_until`], which stops an actix server gracefully on it.
//! - [`disconnect`]: notices a client that hangs up while its request is still
//!   being worked on, which actix-web does not tell a handler by itself.
//! - [`allocator`]: jemalloc, for the CPU and memory it saves under load; each
//!   program that wants it declares [`use_jemalloc!`] (Linux).
//! - `bin/healthcheck.rs`: the `healthcheck` probe of the containers.

pub mod address;
pub mod allocator;
pub mod disconnect;
pub mod http;
pub mod shutdown;
pub mod startup;
pub mod telemetry;

// Unit tests run on the services' allocator too.
#[cfg(test)]
use_jemalloc!();
