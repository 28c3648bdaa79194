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

use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;

use crate::failure::Failure;
use crate::lab::{Lab, Service};
use crate::load::Summary;
use crate::report::{Outcome, Section};
use crate::services::App;

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

/// What a scenario is, and what it needs from services it did not start.
struct Scenario {
    title: &'static str,
    /// Why it must start its own services, when it must (its claim depends
    /// on settings the lab chooses): it is skipped against running ones.
    own_only: Option<&'static str>,
    /// The running services it measures, when it can measure running ones.
    needs: &'static [Service],
}

const WEBAPP: Service = Service::App(App::WebForms);
const MVC: Service = Service::App(App::Mvc);

/// The scenarios, by number (the first is 1).
const SCENARIOS: [Scenario; 11] = [
    Scenario { title: "Parallel calls: PWG against PWGasync", own_only: None, needs: &[WEBAPP, MVC] },
    Scenario {
        title: "Thread starvation: a burst against a small pool",
        own_only: Some("a pool of 50 request threads and a fixed 500 ms Web API delay"),
        needs: &[],
    },
    Scenario {
        title: "The queue limit: 503 Server Too Busy",
        own_only: Some("50 request threads, a queue of 100 and a fixed 500 ms Web API delay"),
        needs: &[],
    },
    Scenario {
        title: "The cost of a waiting request",
        own_only: Some("each app as a process of its own, to read its threads and memory from /proc"),
        needs: &[],
    },
    Scenario { title: "Cancellation reaches the Web API", own_only: None, needs: &[Service::Api, WEBAPP, MVC] },
    Scenario {
        title: "The outbound connection limit",
        own_only: Some("--max-backend-connections set to 12 × CPUs and then unlimited, and a fixed 100 ms delay"),
        needs: &[],
    },
    Scenario { title: "Scale of the async path", own_only: None, needs: &[WEBAPP, MVC] },
    Scenario {
        title: "The Web API against nginx",
        own_only: Some("nginx, webapi-pgw and a bare actix-web server started by bench/webapi-vs-nginx.sh"),
        needs: &[],
    },
    Scenario { title: "Thread injection: a burst at the default settings", own_only: None, needs: &[WEBAPP] },
    Scenario {
        title: "A hung backend",
        own_only: Some("a Web API process that hangs every call, then is replaced by a healthy one"),
        needs: &[],
    },
    Scenario {
        title: "A long tail: lognormal delays",
        own_only: Some("a Web API drawing lognormal delays (median 500 ms, sigma 0.5)"),
        needs: &[],
    },
];

/// Scenario `number`'s heading in the report: "1. Parallel calls: ...".
pub fn title(number: u8) -> String {
    let name = SCENARIOS.get(usize::from(number).wrapping_sub(1)).map_or("(no such scenario)", |s| s.title);
    format!("{number}. {name}")
}

/// Runs scenario `number` at `scale` against `lab`'s services. Never fails:
/// a scenario that cannot run here, or that failed, gets a section saying
/// so and why, so the report keeps every other scenario's results.
pub async fn run(number: u8, scale: Scale, lab: &Lab) -> (Section, Outcome) {
    println!("scenario {number}");
    let result = match SCENARIOS.get(usize::from(number).wrapping_sub(1)) {
        None => Err(Failure::NoScenario(number)),
        Some(scenario) => match (scenario.own_only, lab.is_own()) {
            (Some(reason), false) => Err(Failure::Skip(format!("needs to start its own services with {reason}"))),
            _ => match lab.missing(scenario.needs) {
                Some(reason) => Err(Failure::Skip(reason)),
                None => contained(run_one(number, scale, lab)).await,
            },
        },
    };
    match result {
        Ok(section) => (section, Outcome::Measured),
        Err(Failure::Skip(reason)) => {
            println!("  skipped: {reason}");
            let body = format!("**Skipped**: {}.\n", reason.trim_end_matches('.'));
            (Section::note(title(number), body), Outcome::Skipped(reason))
        }
        Err(error) => {
            eprintln!("scenario {number} failed: {error}");
            let text = error.to_string();
            let body = match text.split_once('\n') {
                None => format!("**Failed**: {text}\n"),
                Some((first, rest)) => format!("**Failed**: {first}\n\n```text\n{}\n```\n", rest.trim_end()),
            };
            (Section::note(title(number), body), Outcome::Failed(error.to_string()))
        }
    }
}

/// Runs `scenario`, its panic turned into its failure: a bug in one
/// scenario must not lose the others' results.
async fn contained(scenario: impl Future<Output = Result<Section, Failure>>) -> Result<Section, Failure> {
    AssertUnwindSafe(scenario).catch_unwind().await.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        Err(Failure::Panicked(message))
    })
}

async fn run_one(number: u8, scale: Scale, lab: &Lab) -> Result<Section, Failure> {
    match number {
        1 => parallel::run(scale, lab).await,
        2 => starvation::run(scale).await,
        3 => queue_limit::run(scale).await,
        4 => thread_cost::run(scale).await,
        5 => cancellation::run(scale, lab).await,
        6 => connection_limit::run(scale).await,
        7 => scale::run(scale, lab).await,
        8 => webapi_vs_nginx::run(scale).await,
        9 => injection::run(scale, lab).await,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_scenario_is_a_failure_with_its_message() {
        let outcome = contained(async { panic!("chart of {} points", 3) }).await;

        assert!(matches!(&outcome, Err(Failure::Panicked(m)) if m == "chart of 3 points"), "{:?}", outcome.err());
    }

    #[tokio::test]
    async fn a_scenario_that_cannot_run_here_is_skipped_not_failed() {
        let lab = Lab::new(crate::lab::RunningUrls { webapp: Some("http://127.0.0.1:1".into()), ..Default::default() });

        let (own_only, outcome) = run(2, Scale::Smoke, &lab).await;
        let (missing, missing_outcome) = run(5, Scale::Smoke, &lab).await;

        assert!(matches!(outcome, Outcome::Skipped(_)), "{outcome:?}");
        assert!(own_only.body.starts_with("**Skipped**: needs to start its own services with a pool of 50"));
        assert_eq!(missing_outcome, Outcome::Skipped("needs --api-url and --mvc-url".into()));
        assert_eq!(missing.title, "5. Cancellation reaches the Web API");
    }
}
