//! The scenarios, one per claim of the tutorial, one file each.
//!
//! 1. `parallel.rs`: PWG against PWGasync.
//! 2. `starvation.rs`: a burst against a small pool of request threads.
//! 3. `queue_limit.rs`: a burst larger than threads + queue: 503s.
//! 4. `thread_cost.rs`: threads and memory per waiting request.
//! 5. `cancellation.rs`: timeouts, and the API's count of cancelled calls.
//! 6. `connection_limit.rs`: the outbound connection limit under load.
//! 7. `scale.rs`: a thousand concurrent PWGasync loads.
//! 8. `webapi_vs_nginx.rs`: the Web API beside nginx (the benchmark script).
//! 9. `injection.rs`: the default settings: thread injection under a burst.
//! 10. `hung_backend.rs`: a hung backend, and what it does to each kind of page.
//! 11. `lognormal.rs`: delays with a long tail: PWG against PWGasync.

mod cancellation;
mod connection_limit;
mod hung_backend;
mod injection;
mod lognormal;
mod parallel;
mod queue_limit;
mod scale;
mod starvation;
mod thread_cost;
mod webapi_vs_nginx;

use crate::failure::Failure;
use crate::load::Summary;
use crate::report::Section;

/// How hard the scenarios push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// The loads the report is about.
    Full,
    /// A few requests each: proves the scenario runs, not what it measures.
    Smoke,
}

impl Scale {
    /// `full` at full scale, `smoke` at smoke scale.
    pub fn pick<T>(self, full: T, smoke: T) -> T {
        match self {
            Scale::Full => full,
            Scale::Smoke => smoke,
        }
    }
}

/// Runs scenario `number` at `scale`.
pub async fn run(number: u8, scale: Scale) -> Result<Section, Failure> {
    println!("scenario {number}");
    match number {
        1 => parallel::run(scale).await,
        2 => starvation::run(scale).await,
        3 => queue_limit::run(scale).await,
        4 => thread_cost::run(scale).await,
        5 => cancellation::run(scale).await,
        6 => connection_limit::run(scale).await,
        7 => scale::run(scale).await,
        8 => webapi_vs_nginx::run(scale).await,
        9 => injection::run(scale).await,
        10 => hung_backend::run(scale).await,
        11 => lognormal::run(scale).await,
        other => Err(Failure::NoScenario(other)),
    }
}

/// A row of the usual latency table: label, counts, throughput, percentiles.
fn summary_row(label: &str, s: &Summary) -> Vec<String> {
    vec![
        label.to_owned(),
        s.count.to_string(),
        s.ok.to_string(),
        s.too_busy.to_string(),
        format!("{:.0}", s.throughput),
        format!("{:.0}", s.p50),
        format!("{:.0}", s.p95),
        format!("{:.0}", s.p99),
        format!("{:.0}", s.max),
    ]
}

/// The header of [`summary_row`]'s table.
const SUMMARY_HEADER: [&str; 9] = ["load", "requests", "200", "503", "pages/s", "p50 ms", "p95 ms", "p99 ms", "max ms"];
