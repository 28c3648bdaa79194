//! Scenario 1: independent calls in parallel take the longest delay, not the sum.

use crate::failure::Failure;
use crate::lab::Lab;
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, settings};

const DELAY_MS: u64 = 500;

pub async fn run(scale: Scale, lab: &Lab) -> Result<Section, Failure> {
    let loads = scale.pick(10, 1);
    // Running services: the apps call their own API, with its own delays.
    let api = lab.api_for_apps(DELAY_MS, DELAY_MS)?;
    let (api_url, delays) =
        api.as_ref().map_or(("", "as long as the running Web API's delay"), |a| (&a.url, &a.delays));
    let expected = if lab.is_own() { "≈1500 / ≈500" } else { "sum / longest of the 3 delays" };
    let client = client();
    let mut rows = Vec::new();
    for app in App::BOTH {
        let running = lab.app(app, settings(api_url, 64, 1000, None))?;
        let mut p50 = [0.0; 2];
        for (i, page) in [Page::Pwg, Page::PwgAsync].into_iter().enumerate() {
            // One page at a time: this measures a page's own time, not a load.
            let load =
                burst(&client, &format!("{} {}", app.name(), app.path(page)), &running.url(page), loads, 1).await;
            p50[i] = load.summary().p50;
        }
        rows.push(vec![
            app.name().to_owned(),
            expected.to_owned(),
            format!("{:.0}", p50[0]),
            format!("{:.0}", p50[1]),
            format!("{:.2}", p50[0] / p50[1].max(1.0)),
        ]);
    }
    let body = format!(
        "Three calls to the Web API, each {delays}, loaded {loads} times one after another; p50 of the \
         whole page load as the client saw it.\n\n{}\nThe synchronous page makes the calls in a row, so it takes \
         their sum; the asynchronous page makes them at once, so it takes the longest one. A page's own rendering \
         and the loopback round trips add a few milliseconds to each.\n",
        table(&["app", "claim (ms, sync / async)", "PWG p50 ms", "PWGasync p50 ms", "ratio"], &rows)
    );
    Ok(Section {
        title: super::title(1),
        claim: "three calls of 500 ms take a little over 500 ms asynchronously and over 1,500 ms synchronously.".into(),
        body,
        charts: Vec::new(),
    })
}
