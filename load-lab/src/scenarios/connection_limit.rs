//! Scenario 6: the outbound connection limit (ASP.NET's autoConfig) under load.

use crate::charts::{ASYNC, SYNC, bars};
use crate::failure::Failure;
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::{SUMMARY_HEADER, Scale, summary_row};
use crate::services::{App, Page, settings, start_api, start_app};

const DELAY_MS: u64 = 100;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let loads = scale.pick(300, 10);
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
    let auto_config = 12 * cores;
    let api = start_api(DELAY_MS, DELAY_MS)?;
    let client = client();
    let mut rows = Vec::new();
    let mut chart = Vec::new();
    for app in App::BOTH {
        for (limit, name) in
            [(Some(auto_config), format!("{auto_config} (12 × {cores} CPUs)")), (None, "unlimited".into())]
        {
            let running = start_app(app, settings(&api.url, 64, 1000, limit))?;
            let label = format!("{} PWGasync, limit {name}", app.name());
            let load = burst(&client, &label, &running.url(app, Page::PwgAsync), loads, loads).await;
            let summary = load.summary();
            chart.push((
                format!(
                    "{} {}",
                    if app == App::WebForms { "webapp" } else { "mvc" },
                    if limit.is_some() { "12×CPUs" } else { "unlimited" }
                ),
                summary.throughput,
                if limit.is_some() { SYNC } else { ASYNC },
            ));
            rows.push(summary_row(&label, &summary));
        }
    }
    let svg = bars("PWGasync pages/s: connection limit against none", "pages/s", &chart).map_err(Failure::Chart)?;
    let body = format!(
        "{loads} simultaneous loads of PWGasync (three calls each, {} calls in all) with the Web API at a fixed \
         {DELAY_MS} ms, once with the outbound limit ASP.NET's autoConfig sets ({auto_config} connections on this \
         {cores}-CPU machine) and once unlimited, as the sample set it.\n\n{}\nWith the limit, calls wait for one of \
         {auto_config} connections: the {} calls need about {} rounds of {DELAY_MS} ms. Unlimited, they all wait \
         together. Async pages only pay off if the backend calls may run in parallel too.\n\n\
         ![connection-limit.svg](connection-limit.svg)\n",
        loads * 3,
        table(&SUMMARY_HEADER, &rows),
        loads * 3,
        (loads as u32 * 3).div_ceil(auto_config),
    );
    Ok(Section {
        title: super::title(6),
        claim: "the number of concurrent connections to one backend host matters (ASP.NET's autoConfig allows \
                12 × CPUs); the sample lifts it to unlimited."
            .into(),
        body,
        charts: vec![("connection-limit.svg".into(), svg)],
    })
}
