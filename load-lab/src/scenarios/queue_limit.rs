//! Scenario 3: a burst larger than threads + queue gets 503 Server Too Busy.

use crate::failure::Failure;
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, settings, start_api, start_app};

const DELAY_MS: u64 = 500;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let (requests, threads, queue) = scale.pick((500, 50, 100), (12, 2, 2));
    let api = start_api(DELAY_MS, DELAY_MS)?;
    let client = client();
    let mut rows = Vec::new();
    for app in App::BOTH {
        let running = start_app(app, settings(&api.url, threads, queue, None))?;
        for page in [Page::Products, Page::ProductsAsync] {
            let label = format!("{} {}", app.name(), app.path(page));
            let load = burst(&client, &label, &running.url(app, page), requests, requests).await;
            let served = load.summary_of(|s| s.status == 200);
            let refused = load.summary_of(|s| s.status == 503);
            rows.push(vec![
                label,
                requests.to_string(),
                served.ok.to_string(),
                served.too_busy.to_string(),
                format!("{:.0}", served.p50),
                format!("{:.0}", served.max),
                format!("{:.0}", refused.p50),
            ]);
        }
    }
    let body = format!(
        "A burst of {requests} simultaneous requests; {threads} request threads and a queue of {queue}, so at most \
         {} synchronous requests are accepted at once; the Web API answers after {DELAY_MS} ms.\n\n{}\n\
         The synchronous page refuses what neither a thread nor the queue can take, at once (503 with Retry-After), \
         and those it accepted waited their turn: up to {} waves of {DELAY_MS} ms. The asynchronous page needs a \
         request thread too, but only to start and to finish, a moment each: the threads turn its burst over \
         almost as fast as it arrives, so the queue overflows only while arrivals outpace even those short steps, \
         and far fewer are refused.\n",
        threads + queue,
        table(&["load", "requests", "200", "503", "200s p50 ms", "200s max ms", "503s p50 ms"], &rows),
        (threads + queue).div_ceil(threads),
    );
    Ok(Section {
        title: super::title(3),
        claim: "when every thread is busy requests queue, and when the queue is full the server answers 503 \
                \"Server Too Busy\"."
            .into(),
        body,
        charts: Vec::new(),
    })
}
