//! What both apps count, in Prometheus (OpenMetrics) text at `/metrics`.
//!
//! The request pool, read when scraped:
//! - `app_request_threads`, `app_request_threads_busy`, `app_request_threads_min`,
//!   `app_request_threads_max`: the threads every page runs on;
//! - `app_request_queue_depth`: new requests waiting for a thread;
//!   `app_continuations_queued`: async pages' continuations waiting for one;
//! - `app_threads_injected_total`, `app_threads_retired_total`: the pool growing
//!   (one thread per injection interval) and shrinking (after idle time);
//! - `app_requests_rejected_total`: 503 Server Too Busy answers.
//!
//! Counted as pages run:
//! - `app_sync_pages_in_flight`, `app_async_pages_in_flight`: pages running now;
//! - `app_pages_completed_total`: pages answered (any status);
//! - `app_backend_calls_in_flight`: calls to the Web API open now;
//! - `app_timeouts_total`: pages stopped by their AsyncTimeout;
//! - `app_cancellations_total`: pages stopped because the visitor hung up.

use std::sync::Mutex;
use std::sync::atomic::AtomicI64;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::request_pool::PoolSnapshot;

/// The apps' metrics, and the registry that renders them.
#[derive(Debug)]
pub struct AppMetrics {
    registry: Registry,
    pool: PoolGauges,
    /// Serialises rendering, which copies the pool's counts into the registry.
    rendering: Mutex<()>,
    /// Synchronous pages running (or waiting for a thread) now.
    pub sync_pages_in_flight: Gauge,
    /// Async pages running (or waiting for a thread) now.
    pub async_pages_in_flight: Gauge,
    /// Pages answered.
    pub pages_completed: Counter,
    /// Web API calls open now.
    pub backend_calls_in_flight: Gauge,
    /// Pages stopped by their AsyncTimeout.
    pub timeouts: Counter,
    /// Pages stopped because the visitor hung up.
    pub cancellations: Counter,
}

/// The pool's figures, as registered; set from a [`PoolSnapshot`] when rendered.
#[derive(Debug)]
struct PoolGauges {
    threads: Gauge,
    busy: Gauge,
    min: Gauge,
    max: Gauge,
    queue_depth: Gauge,
    continuations: Gauge,
    injected: Counter,
    retired: Counter,
    rejected: Counter,
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
        let threads = gauge("app_request_threads", "Request threads alive now");
        let busy = gauge("app_request_threads_busy", "Request threads running a page now");
        let min = gauge("app_request_threads_min", "Request threads started at once (the minimum)");
        let max = gauge("app_request_threads_max", "Most request threads");
        let queue_depth = gauge("app_request_queue_depth", "New requests waiting for a request thread now");
        let continuations = gauge("app_continuations_queued", "Async pages' continuations waiting for a thread now");
        let sync_pages_in_flight = gauge("app_sync_pages_in_flight", "Synchronous pages running now");
        let async_pages_in_flight = gauge("app_async_pages_in_flight", "Async pages running now");
        let backend_calls_in_flight = gauge("app_backend_calls_in_flight", "Calls to the Web API open now");
        let mut counter = |name: &str, help: &str| {
            let counter = Counter::default();
            registry.register(name, help, counter.clone());
            counter
        };
        let injected = counter("app_threads_injected", "Request threads added above the minimum");
        let retired = counter("app_threads_retired", "Request threads retired after their idle time");
        let rejected = counter("app_requests_rejected", "Requests answered 503 Server Too Busy");
        let pages_completed = counter("app_pages_completed", "Pages answered, any status");
        let timeouts = counter("app_timeouts", "Pages stopped by their AsyncTimeout");
        let cancellations = counter("app_cancellations", "Pages stopped because the visitor hung up");
        AppMetrics {
            registry,
            pool: PoolGauges { threads, busy, min, max, queue_depth, continuations, injected, retired, rejected },
            rendering: Mutex::new(()),
            sync_pages_in_flight,
            async_pages_in_flight,
            pages_completed,
            backend_calls_in_flight,
            timeouts,
            cancellations,
        }
    }

    /// All metrics as OpenMetrics text, with the pool's figures as of `pool`.
    pub fn render(&self, pool: PoolSnapshot) -> String {
        let _one_at_a_time = self.rendering.lock().unwrap_or_else(|p| p.into_inner());
        let gauges = &self.pool;
        gauges.threads.set(pool.threads as i64);
        gauges.busy.set(pool.busy as i64);
        gauges.min.set(pool.min_threads as i64);
        gauges.max.set(pool.max_threads as i64);
        gauges.queue_depth.set(pool.queued as i64);
        gauges.continuations.set(pool.continuations_queued as i64);
        // The pool owns these counts; the registry's counters catch up to them.
        for (counter, total) in
            [(&gauges.injected, pool.injected), (&gauges.retired, pool.retired), (&gauges.rejected, pool.rejected)]
        {
            counter.inc_by(total.saturating_sub(counter.get()));
        }
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
