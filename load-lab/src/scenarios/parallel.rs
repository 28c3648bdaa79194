//! Scenario 1: independent calls in parallel take the longest delay, not the sum.

use crate::failure::Failure;
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, settings, start_api, start_app};

const DELAY_MS: u64 = 500;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let loads = scale.pick(10, 1);
    let api = start_api(DELAY_MS, DELAY_MS)?;
    let client = client();
    let mut rows = Vec::new();
    for app in App::BOTH {
        let running = start_app(app, settings(&api.url, 64, 1000, None))?;
        let mut p50 = [0.0; 2];
        for (i, page) in [Page::Pwg, Page::PwgAsync].into_iter().enumerate() {
            // One page at a time: this measures a page's own time, not a load.
            let load =
                burst(&client, &format!("{} {}", app.name(), app.path(page)), &running.url(app, page), loads, 1).await;
            p50[i] = load.summary().p50;
        }
        rows.push(vec![
            app.name().to_owned(),
            "≈1500 / ≈500".to_owned(),
            format!("{:.0}", p50[0]),
            format!("{:.0}", p50[1]),
            format!("{:.2}", p50[0] / p50[1].max(1.0)),
        ]);
    }
    let body = format!(
        "Three calls to the Web API, each a fixed {DELAY_MS} ms, loaded {loads} times one after another; p50 of the \
         whole page load as the client saw it.\n\n{}\nThe synchronous page makes the calls in a row, so it takes \
         their sum; the asynchronous page makes them at once, so it takes the longest one. A page's own rendering \
         and the loopback round trips add a few milliseconds to each.\n",
        table(&["app", "claim (ms, sync / async)", "PWG p50 ms", "PWGasync p50 ms", "ratio"], &rows)
    );
    Ok(Section {
        title: "1. Parallel calls: PWG against PWGasync".into(),
        claim: "three calls of 500 ms take a little over 500 ms asynchronously and over 1,500 ms synchronously.".into(),
        body,
        charts: Vec::new(),
    })
}
