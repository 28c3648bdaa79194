//! `webapi-pgw`: the sample's WebAPIpgw, a JSON Web API that answers slowly on
//! purpose.
//!
//! Every call to `GET /api/{controller}[/{id}]` (products, widgets, gizmos)
//! first waits a random delay, without holding a thread, and then answers with
//! the sample's data. It is the slow backend against which the two web apps
//! show the difference between blocking and asynchronous request handling.
//! It watches its callers: when one hangs up during the delay, the delay stops
//! at once and the request counts as cancelled, as the sample's
//! `Task.Delay(delay, cancelToken)` did.
//!
//! # Layout
//! - [`bodies`]: the answers that never change (products, widgets), serialised once.
//! - [`config`]: the command line and environment (`--delay-min`, `--port`, ...).
//! - [`delay`]: how long each call waits: the random plan (uniform or lognormal)
//!   and the `?delay=` override.
//! - [`faults`]: what a call injects instead of its answer: `?status=`, `?fault=`,
//!   and the rates for every call.
//! - [`connection`]: a handle on each connection's socket, so a fault can reset or close it.
//! - [`conneg`]: content negotiation as Web API did it: JSON unless `Accept` prefers XML.
//! - [`xml`]: the models in XML as the DataContractSerializer wrote them.
//! - [`routes`]: the HTTP surface: the API itself, `/healthz`, `/metrics`, errors.
//! - [`problem`]: every error as `application/problem+json` with a clear detail.
//! - [`metrics`]: the Prometheus counters, gauge and histogram.
//! - [`startup`]: [`startup::Application`], which binds (port 0 works) and runs.

pub mod bodies;
pub mod config;
pub mod connection;
pub mod conneg;
pub mod delay;
pub mod faults;
pub mod metrics;
pub mod problem;
pub mod routes;
pub mod startup;
pub mod xml;

pub use config::{ApiSettings, Config};
pub use startup::Application;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
