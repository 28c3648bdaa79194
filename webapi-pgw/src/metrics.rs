//! What the API counts, in Prometheus (OpenMetrics) text at `/metrics`.
//!
//! - `webapi_requests_total{controller, outcome}`: calls by controller
//!   (products, widgets, gizmos, or `none` for an unknown one) and outcome:
//!   `completed` (answered with data), `cancelled` (the caller hung up during
//!   the delay), `error` (answered 4xx), `injected_status` (answered the
//!   status `?status=` or `--error-rate` asked for) or `fault` (broken on purpose:
//!   `?fault=` or `--fault-rate`).
//! - `webapi_faults_total{fault}`: faults served, by kind (reset, empty, malformed,
//!   hang); a hang the caller gave up on counts here and as `cancelled`.
//! - `webapi_delays_in_flight`: calls waiting out their delay right now.
//! - `webapi_delay_seconds`: how long calls actually waited.

use std::sync::OnceLock;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::faults::Fault;

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Answered with data after the full delay.
    Completed,
    /// The caller hung up during the delay; the delay was stopped.
    Cancelled,
    /// Answered with an error (bad id, bad delay, unknown controller or item).
    Error,
    /// Answered with an injected status.
    InjectedStatus,
    /// Broken on purpose by a fault.
    Fault,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Cancelled => "cancelled",
            Outcome::Error => "error",
            Outcome::InjectedStatus => "injected_status",
            Outcome::Fault => "fault",
        }
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FaultLabels {
    fault: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    controller: &'static str,
    outcome: &'static str,
}

/// The API's metrics, and the registry that renders them.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    /// Each (controller, outcome) counter of `requests`, kept on its first use:
    /// counting is then one atomic add, where the family's lookup takes a lock
    /// and hashes the labels on every call. A series still appears in
    /// `/metrics` only once it has been counted.
    counters: [[OnceLock<Counter>; OUTCOMES]; CONTROLLERS],
    faults: Family<FaultLabels, Counter>,
    in_flight: Gauge<i64, std::sync::atomic::AtomicI64>,
    delays: Histogram,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// Fresh metrics, all zero.
    pub fn new() -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("webapi_requests", "Calls by controller and outcome", requests.clone());
        let faults = Family::<FaultLabels, Counter>::default();
        registry.register("webapi_faults", "Faults served, by kind", faults.clone());
        let in_flight = Gauge::default();
        registry.register("webapi_delays_in_flight", "Calls waiting out their delay now", in_flight.clone());
        let buckets = [0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 5.0, 10.0, 30.0, 60.0];
        let delays = Histogram::new(buckets);
        registry.register("webapi_delay_seconds", "How long calls actually waited", delays.clone());
        let counters = std::array::from_fn(|_| std::array::from_fn(|_| OnceLock::new()));
        Metrics { registry, requests, counters, faults, in_flight, delays }
    }

    /// Counts one call of `controller` (lowercase name, or "none") that ended so.
    pub fn count(&self, controller: &'static str, outcome: Outcome) {
        let labels = || RequestLabels { controller, outcome: outcome.label() };
        match controller_index(controller) {
            Some(i) => {
                self.counters[i][outcome as usize].get_or_init(|| self.requests.get_or_create(&labels()).clone()).inc()
            }
            None => self.requests.get_or_create(&labels()).inc(),
        };
    }

    /// How many calls of `controller` ended with `outcome` so far. A pure read:
    /// it adds no series to `/metrics` for a pair that never happened.
    pub fn requests(&self, controller: &'static str, outcome: Outcome) -> u64 {
        self.requests.get(&RequestLabels { controller, outcome: outcome.label() }).map_or(0, |counter| counter.get())
    }

    /// Counts one fault served.
    pub fn count_fault(&self, fault: Fault) {
        self.faults.get_or_create(&FaultLabels { fault: fault.name() }).inc();
    }

    /// How many faults of this kind were served so far.
    pub fn faults(&self, fault: Fault) -> u64 {
        self.faults.get(&FaultLabels { fault: fault.name() }).map_or(0, |counter| counter.get())
    }

    /// Marks a delay as started; it counts as in flight until the guard drops,
    /// also when the request's future is dropped mid-delay (at shutdown).
    pub fn delay_started(&self) -> InFlight<'_> {
        self.in_flight.inc();
        InFlight(&self.in_flight)
    }

    /// Calls waiting out their delay right now.
    pub fn in_flight(&self) -> i64 {
        self.in_flight.get()
    }

    /// Records how long a call waited.
    pub fn observe_delay(&self, waited: Duration) {
        self.delays.observe(waited.as_secs_f64());
    }

    /// All metrics in the OpenMetrics text format.
    pub fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// How many outcomes and controller labels there are (products, widgets,
/// gizmos, and `none` for an unknown controller).
const OUTCOMES: usize = 5;
const CONTROLLERS: usize = 4;

fn controller_index(controller: &str) -> Option<usize> {
    ["products", "widgets", "gizmos", "none"].iter().position(|known| *known == controller)
}

/// Keeps one delay counted as in flight while it lives.
#[derive(Debug)]
pub struct InFlight<'a>(&'a Gauge<i64, std::sync::atomic::AtomicI64>);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.dec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_only_counted_series_are_shown() {
        let metrics = Metrics::new();
        metrics.count("products", Outcome::Completed);
        metrics.count("products", Outcome::Completed);
        metrics.count("none", Outcome::Error);
        metrics.count("other", Outcome::Error);
        assert_eq!(metrics.requests("products", Outcome::Completed), 2);
        assert_eq!(metrics.requests("none", Outcome::Error), 1);
        assert_eq!(metrics.requests("other", Outcome::Error), 1, "a label outside the table is still counted");
        let text = metrics.render();
        assert!(text.contains(r#"webapi_requests_total{controller="products",outcome="completed"} 2"#), "{text}");
        assert!(!text.contains(r#"controller="widgets""#), "no series for what was never counted: {text}");
    }
}
