//! Scenario 4: what a waiting request costs, in OS threads and memory.

use std::time::{Duration, Instant};

use crate::failure::Failure;
use crate::load::{burst, client};
use crate::processes::ServiceProcess;
use crate::report::{Section, table};
use crate::scenarios::Scale;
use app_kit::AppSettings;

use crate::services::{App, Page, default_settings, settings, start_api};

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let (requests, delay_ms) = scale.pick((1000, 4000), (20, 1000));
    let api = start_api(delay_ms, delay_ms)?;
    let client = client();
    let mut rows = Vec::new();
    for app in App::BOTH {
        for page in [Page::Products, Page::ProductsAsync] {
            // Its own process, so /proc shows its threads and memory alone.
            // Sync pages need a thread each, started at once so that all are
            // waiting together. Async pages need one only for their short
            // steps: they run with the default injection (a thread per CPU,
            // one more per 500 ms while work waits), as an app would, so the
            // burst's start steps queue for the few threads rather than each
            // starting a thread of its own (which would measure those threads).
            let settings = match page {
                Page::ProductsAsync => AppSettings {
                    queue_length: requests as u32 + 50,
                    request_threads: requests as u32 + 50,
                    ..default_settings(&api.url)
                },
                _ => settings(&api.url, requests as u32 + 50, 100, None),
            };
            let process = ServiceProcess::app(app, &settings).await?;
            let (idle_threads, idle_kib) = process.threads_and_rss();
            let url = format!("{}{}", process.address, app.path(page));
            let label = format!("{} {}", app.name(), app.path(page));
            let load = tokio::spawn({
                let client = client.clone();
                async move { burst(&client, &label, &url, requests, requests).await }
            });
            // Measure when every request is waiting on the Web API.
            let started = Instant::now();
            while (api.metrics.in_flight() as usize) < requests && started.elapsed() < Duration::from_millis(delay_ms) {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            let waiting = api.metrics.in_flight();
            let (threads, kib) = process.threads_and_rss();
            load.await?;
            let per = |during: u64, idle: u64| during.saturating_sub(idle) as f64 / waiting.max(1) as f64;
            rows.push(vec![
                format!("{} {}", app.name(), app.path(page)),
                waiting.to_string(),
                format!("{idle_threads} → {threads}"),
                format!("{:.2}", per(threads, idle_threads)),
                format!("{:.1} → {:.1}", idle_kib as f64 / 1024.0, kib as f64 / 1024.0),
                format!("{:.1}", per(kib, idle_kib)),
            ]);
        }
    }
    let body = format!(
        "{requests} requests at once to each page of each app, every app in its own process with {} request \
         threads allowed; read from /proc when they were all waiting on the Web API ({delay_ms} ms delay).\n\n{}\n\
         A waiting synchronous request costs one OS thread; a waiting asynchronous one costs none. The tutorial \
         counts ~1 MB per thread because Windows commits a thread's whole stack. Linux reserves the 1 MiB stack \
         as address space only and makes resident just the pages a thread touches, so a parked request thread \
         costs about a hundred KiB of resident memory here: the stack pages it touched, and the allocator's cache \
         for that thread (jemalloc keeps one per thread; under glibc's malloc the thread's share was about half). \
         The thread itself (scheduling, kernel structures, the address space) is the rest of the cost. An async \
         request's memory is its connection and its future.\n",
        requests + 50,
        table(
            &[
                "page",
                "requests waiting",
                "OS threads idle → waiting",
                "threads per request",
                "RSS MiB idle → waiting",
                "KiB per request"
            ],
            &rows
        ),
    );
    Ok(Section {
        title: super::title(4),
        claim: "each extra thread costs memory (about 1 MB of stack), so 5,000 threads is about 5 GB against \
                about 50 threads for the async version."
            .into(),
        body,
        charts: Vec::new(),
    })
}
