//! Scenario 11: delays with a long tail (lognormal, as WireMock draws them):
//! PWG against PWGasync. A synchronous page waits for the sum of its three
//! calls, so its tail is the sum of three tails; the async page waits for
//! the slowest of three.

use crate::failure::Failure;
use crate::load::burst;
use crate::load::client;
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, settings, start_app};

const MEDIAN_MS: u64 = 500;
const SIGMA: f64 = 0.5;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let (loads, concurrency) = scale.pick((400, 20), (8, 4));
    let mut config = webapi_pgw::Config::for_tests(MEDIAN_MS);
    config.api.delay_distribution = webapi_pgw::delay::Distribution::Lognormal;
    config.api.delay_median = MEDIAN_MS;
    config.api.delay_sigma = SIGMA;
    config.api.max_delay = 60_000;
    config.api.seed = Some(2026);
    config.api.workers = None;
    let api = test_support::start_api(config)?;
    let mut rows = Vec::new();
    for app in App::BOTH {
        // Threads at once and to spare: this scenario is about the delays' tail, not the pool.
        let running = start_app(app, settings(&api.url, 100, 1000, None))?;
        for page in [Page::Pwg, Page::PwgAsync] {
            let label = format!("{} {}", app.name(), app.path(page));
            let load = burst(&client(), &label, &running.url(app, page), loads, concurrency).await;
            let s = load.summary();
            let p999 = load.percentile_ms(0.999);
            rows.push(vec![
                label,
                s.count.to_string(),
                s.ok.to_string(),
                format!("{:.0}", s.p50),
                format!("{:.0}", s.p99),
                format!("{p999:.0}"),
                format!("{:.0}", s.max),
            ]);
        }
    }
    let body = format!(
        "The Web API draws each delay from a lognormal distribution, median {MEDIAN_MS} ms and sigma {SIGMA} \
         (`--delay-distribution lognormal --delay-median {MEDIAN_MS} --delay-sigma {SIGMA}`): most calls near \
         the median, a few far slower. {loads} loads of each page, {concurrency} at a time; the apps start \
         threads at once (`--thread-injection-ms 0`), so that no page waits for a thread.\n\n{}\n\
         PWG makes its three calls one after another, so its latency is the sum of three draws and its tail the \
         sum of three tails: its p99 sits far above three medians. PWGasync waits for the slowest of its three \
         calls: its median is above one call's (the slowest of three is usually not the median one) but its tail \
         stays the tail of one call.\n",
        table(&["page", "loads", "200", "p50 ms", "p99 ms", "p99.9 ms", "max ms"], &rows),
    );
    Ok(Section {
        title: super::title(11),
        claim: "with delays that have a long tail, a synchronous page that makes its calls one after another \
                suffers the sum of their tails; the async page, the tail of the slowest call."
            .into(),
        body,
        charts: Vec::new(),
    })
}
