//! Scenario 2: a burst against a small pool of request threads.

use crate::charts::{ASYNC, SYNC, Series, scatter};
use crate::failure::Failure;
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::{SUMMARY_HEADER, Scale, summary_row};
use crate::services::{App, Page, settings, start_api, start_app};

const DELAY_MS: u64 = 500;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let (requests, threads) = scale.pick((1000, 50), (16, 4));
    let api = start_api(DELAY_MS, DELAY_MS)?;
    let client = client();
    let mut rows = Vec::new();
    let mut charts = Vec::new();
    for app in App::BOTH {
        // A queue long enough for the whole burst: this scenario is about waiting, not refusing.
        let running = start_app(app, settings(&api.url, threads, requests as u32, None))?;
        let mut points = Vec::new();
        for page in [Page::Products, Page::ProductsAsync] {
            let label = format!("{} {}", app.name(), app.path(page));
            let load = burst(&client, &label, &running.url(app, page), requests, requests).await;
            rows.push(summary_row(&label, &load.summary()));
            points.push(
                load.samples
                    .iter()
                    .map(|s| (s.start.as_secs_f64(), s.latency.as_secs_f64() * 1000.0))
                    .collect::<Vec<_>>(),
            );
        }
        let name = format!("starvation-{}.svg", app.name());
        let svg = scatter(
            &format!("{}: {requests} requests at once, {threads} request threads", app.name()),
            "request start (s)",
            "latency (ms)",
            &[
                Series { label: "synchronous".into(), points: &points[0], color: SYNC },
                Series { label: "asynchronous".into(), points: &points[1], color: ASYNC },
            ],
        )
        .map_err(Failure::Chart)?;
        charts.push((name, svg));
    }
    let waves = requests as u64 / threads as u64;
    let body = format!(
        "A burst of {requests} simultaneous requests (each its own connection) to a synchronous page and then to \
         its asynchronous twin; {threads} request threads; the Web API answers after a fixed {DELAY_MS} ms.\n\n{}\n\
         The synchronous page can serve {threads} requests at a time: the burst drains in about {waves} waves of \
         {DELAY_MS} ms ({} ms in all), and a request's latency is the time it queued plus its own {DELAY_MS} ms. \
         The asynchronous page holds no thread while it waits, so the whole burst waits together.\n\n{}\n",
        table(&SUMMARY_HEADER, &rows),
        waves * DELAY_MS,
        charts.iter().map(|(name, _)| format!("![{name}]({name})")).collect::<Vec<_>>().join("\n\n"),
    );
    Ok(Section {
        title: super::title(2),
        claim: "a synchronous handler holds its thread while it waits; under many concurrent slow requests the \
                pool runs out and requests queue. An asynchronous one gives its thread back and keeps serving."
            .into(),
        body,
        charts,
    })
}
