//! Plumbing that every service of the workspace shares, written once.
//!
//! # Layout
//! - [`telemetry`]: one `tracing` subscriber for all services, filtered by `RUST_LOG`.
//! - [`shutdown`]: the signal that stops a service (Ctrl-C or SIGTERM), and
//!   [`shutdown::run_until`], which stops an actix server gracefully on it.
//! - [`disconnect`]: notices a client that hangs up while its request is still
//!   being worked on, which actix-web does not tell a handler by itself.
//! - [`allocator`]: jemalloc, for the CPU and memory it saves under load; each
//!   program that wants it declares [`use_jemalloc!`] (Linux).
//! - `bin/healthcheck.rs`: the `healthcheck` probe of the containers.

pub mod allocator;
pub mod disconnect;
pub mod shutdown;
pub mod telemetry;

// Unit tests run on the services' allocator too.
#[cfg(test)]
use_jemalloc!();
