//! What both apps count, in Prometheus (OpenMetrics) text at `/metrics`.
//!
//! - `app_request_threads`, `app_request_threads_busy`, `app_request_queue_depth`:
//!   the synchronous pages' thread pool and its queue, read when scraped.
//! - `app_requests_rejected_total`: 503 Server Too Busy answers.
//! - `app_async_pages_in_flight`: async pages running now (holding no thread).
//! - `app_backend_calls_in_flight`: calls to the Web API open now.
//! - `app_timeouts_total`: pages stopped by their AsyncTimeout.
//! - `app_cancellations_total`: pages stopped because the visitor hung up.

use std::sync::atomic::AtomicI64;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::request_pool::PoolSnapshot;

/// The apps' metrics, and the registry that renders them.
#[derive(Debug)]
pub struct AppMetrics {
    registry: Registry,
    threads: Gauge,
    threads_busy: Gauge,
    queue_depth: Gauge,
    /// 503 answers.
    pub rejected: Counter,
    /// Async pages running now.
    pub async_pages_in_flight: Gauge,
    /// Web API calls open now.
    pub backend_calls_in_flight: Gauge,
    /// Pages stopped by their AsyncTimeout.
    pub timeouts: Counter,
    /// Pages stopped because the visitor hung up.
    pub cancellations: Counter,
}

impl Default for AppMetrics {
    fn default() -> Self {
        AppMetrics::new()
    }
}

impl AppMetrics {
    /// Fresh metrics, all zero.
    pub fn new() -> AppMetrics {
        let mut registry = Registry::default();
        let mut gauge = |name: &str, help: &str| {
            let gauge = Gauge::<i64, AtomicI64>::default();
            registry.register(name, help, gauge.clone());
            gauge
        };
        let threads = gauge("app_request_threads", "Request threads started for synchronous pages");
        let threads_busy = gauge("app_request_threads_busy", "Request threads running a synchronous page now");
        let queue_depth = gauge("app_request_queue_depth", "Synchronous requests waiting for a thread now");
        let async_pages_in_flight = gauge("app_async_pages_in_flight", "Async pages running now");
        let backend_calls_in_flight = gauge("app_backend_calls_in_flight", "Calls to the Web API open now");
        let mut counter = |name: &str, help: &str| {
            let counter = Counter::default();
            registry.register(name, help, counter.clone());
            counter
        };
        let rejected = counter("app_requests_rejected", "Requests answered 503 Server Too Busy");
        let timeouts = counter("app_timeouts", "Pages stopped by their AsyncTimeout");
        let cancellations = counter("app_cancellations", "Pages stopped because the visitor hung up");
        AppMetrics {
            registry,
            threads,
            threads_busy,
            queue_depth,
            rejected,
            async_pages_in_flight,
            backend_calls_in_flight,
            timeouts,
            cancellations,
        }
    }

    /// All metrics as OpenMetrics text, with the pool's gauges as of `pool`.
    pub fn render(&self, pool: PoolSnapshot) -> String {
        self.threads.set(pool.threads as i64);
        self.threads_busy.set(pool.busy as i64);
        self.queue_depth.set(pool.queued as i64);
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// Counts one unit in a gauge while it lives (a page or a call in flight).
#[derive(Debug)]
pub struct InFlight<'a>(&'a Gauge);

impl<'a> InFlight<'a> {
    /// Increments `gauge` until the guard drops.
    pub fn new(gauge: &'a Gauge) -> InFlight<'a> {
        gauge.inc();
        InFlight(gauge)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.dec();
    }
}
