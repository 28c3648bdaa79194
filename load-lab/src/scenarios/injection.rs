//! Scenario 9: the apps at their default settings, where the request pool
//! grows as .NET's did (one thread per 500 ms above the minimum).
//!
//! - A burst of synchronous pages against a burst of their async twins, each
//!   on a fresh app: how long each burst takes, its p99, and how many threads
//!   it needed; the pool's threads and queue sampled every 100 ms.
//! - The same synchronous burst with `--thread-injection-ms 0` (threads at once).
//! - Mixed: async pages requested while a synchronous burst holds the pool,
//!   and how long they waited for a thread.
//!
//! Against a running app the pool is read from its `/metrics`, as it is for
//! ours; the burst without injection needs an app of our own and is left out.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app_kit::AppSettings;
use plotters::style::RGBColor;

use crate::charts::{ASYNC, SYNC, Series, lines};
use crate::failure::Failure;
use crate::lab::{Lab, pool};
use crate::load::{Load, burst, client};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, default_settings};

const DELAY_MS: u64 = 500;
/// The queues' lines, beside the threads' red (sync) and green (async).
const SYNC_QUEUE: RGBColor = RGBColor(239, 108, 0);
const ASYNC_QUEUE: RGBColor = RGBColor(21, 101, 192);
/// The threads of the burst without injection.
const INSTANT: RGBColor = RGBColor(120, 120, 120);
const APP: App = App::WebForms;

/// The pool sampled during a burst: (seconds, threads, queued).
type Trace = Vec<(f64, f64, f64)>;

/// One burst on a fresh app, with the pool traced.
struct Run {
    label: String,
    load: Load,
    trace: Trace,
    most_threads: usize,
    threads_at_start: usize,
}

pub async fn run(scale: Scale, lab: &Lab) -> Result<Section, Failure> {
    let requests = scale.pick(1000, 12);
    let api = lab.api_for_apps(DELAY_MS, DELAY_MS)?;
    let defaults = default_settings(api.as_ref().map_or("", |a| &a.url));
    let instant = AppSettings { thread_injection_ms: 0, ..defaults.clone() };
    // A running app is not fresh: let threads of earlier loads retire (20 s idle by default) first.
    let settle = if lab.is_own() { Duration::ZERO } else { scale.pick(Duration::from_secs(30), Duration::ZERO) };
    let mut bursts = vec![
        ("sync, default injection", Page::Products, &defaults),
        ("async, default injection", Page::ProductsAsync, &defaults),
    ];
    if lab.is_own() {
        bursts.push(("sync, --thread-injection-ms 0", Page::Products, &instant));
    }
    let mut runs = Vec::new();
    for (label, page, settings) in bursts {
        runs.push(traced_burst(lab, label, page, settings, requests, settle).await?);
    }
    let mixed = mixed(lab, &defaults, requests / 2, scale.pick(50, 4)).await?;
    let mixed_summary = mixed.summary_of(|s| s.status == 200);

    let rows: Vec<Vec<String>> = runs
        .iter()
        .map(|run| {
            let s = run.load.summary();
            vec![
                run.label.clone(),
                s.count.to_string(),
                s.ok.to_string(),
                s.too_busy.to_string(),
                format!("{:.1}", run.load.wall.as_secs_f64()),
                format!("{:.0}", s.p99),
                run.threads_at_start.to_string(),
                run.most_threads.to_string(),
            ]
        })
        .collect();
    let header = ["burst", "requests", "200", "503", "burst took s", "p99 ms", "threads at start", "most threads"];
    let mut columns = vec![
        ("sync: threads", column(&runs[0].trace, 1), SYNC),
        ("sync: queued", column(&runs[0].trace, 2), SYNC_QUEUE),
        ("async: threads", column(&runs[1].trace, 1), ASYNC),
        ("async: queued", column(&runs[1].trace, 2), ASYNC_QUEUE),
    ];
    if let Some(instant) = runs.get(2) {
        columns.push(("sync, injection off: threads", column(&instant.trace, 1), INSTANT));
    }
    let series: Vec<Series<'_>> = columns
        .iter()
        .map(|(label, points, color)| Series { label: (*label).to_owned(), points, color: *color })
        .collect();
    let chart = lines(
        &format!("{}: {requests} requests at once, default settings", APP.name()),
        "seconds since the burst",
        "threads / queued requests",
        &series,
    )
    .map_err(Failure::Chart)?;
    let name = "thread-injection.svg".to_owned();
    let setting = if lab.is_own() {
        format!(
            "The app at its default settings (`--min-threads` one per CPU, `--thread-injection-ms 500`, \
             `--request-threads 5000`, `--queue-length 1000`); the Web API answers after a fixed {DELAY_MS} ms. Each \
             burst runs on a fresh app, its pool at the minimum."
        )
    } else {
        let pool_settings = pool(&client(), &lab.app(APP, defaults.clone())?.address).await;
        format!(
            "The running app with its own settings: {:.0} to {:.0} request threads (its `/metrics`; the injection \
             interval is not there, and the claim assumes the default 500 ms), its own Web API and delays. Before each \
             burst the lab waits up to {} s for threads of earlier loads to retire (\"threads at start\"); the pool \
             is traced from its `/metrics`. The burst with `--thread-injection-ms 0` needs an app of the lab's own \
             and is left out.",
            pool_settings.min,
            pool_settings.max,
            settle.as_secs()
        )
    };
    let body = format!(
        "{setting}\n\n{}\n\
         The synchronous burst is held back by thread injection, not by the maximum: about two new threads a \
         second, each serving two pages a second, so the burst drains slowly while most of it waits in the queue. \
         The asynchronous burst needs no more threads than the minimum: each page gives its thread back while it \
         waits.{}\n\n\
         Mixed: {} async pages requested 1 s into a synchronous burst of {}: {} answered 200 with p50 {:.0} ms \
         and p99 {:.0} ms (the Web API's delay included), {} refused with 503. They queue for a thread \
         behind the synchronous pages, as every ASP.NET request did: an async page is only as quick as the \
         pool lets it start.\n\n![{name}]({name})\n",
        table(&header, &rows),
        if lab.is_own() {
            " With injection off, threads start at once and the synchronous burst is as quick as the async one, at \
             the price of a thread per waiting request."
        } else {
            ""
        },
        mixed.samples.len(),
        requests / 2,
        mixed_summary.ok,
        mixed_summary.p50,
        mixed_summary.p99,
        mixed_summary.too_busy,
    );
    Ok(Section {
        title: super::title(9),
        claim: "the CLR thread pool has limitations on new thread injections: a burst of blocking requests starves \
                a server whose maximum is 5,000 long before it reaches it; async pages need no more than the minimum."
            .into(),
        body,
        charts: vec![(name, chart)],
    })
}

fn column(trace: &Trace, index: usize) -> Vec<(f64, f64)> {
    trace.iter().map(|p| (p.0, if index == 1 { p.1 } else { p.2 })).collect()
}

/// Fires `requests` loads of `page` at once at a fresh app (or the running
/// one, once its pool is back at its minimum or `settle` has passed) and
/// traces its pool.
async fn traced_burst(
    lab: &Lab,
    label: &str,
    page: Page,
    settings: &AppSettings,
    requests: usize,
    settle: Duration,
) -> Result<Run, Failure> {
    let running = lab.app(APP, settings.clone())?;
    let client = client();
    let started = Instant::now();
    let mut now = pool(&client, &running.address).await;
    while now.threads > now.min && started.elapsed() < settle {
        tokio::time::sleep(Duration::from_millis(500)).await;
        now = pool(&client, &running.address).await;
    }
    let (trace, stop) = trace_pool(&client, &running.address);
    let load = burst(&client, label, &running.url(page), requests, requests).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let trace = trace.lock().map(|t| t.clone()).unwrap_or_default();
    let most_threads = trace.iter().map(|p| p.1 as usize).max().unwrap_or(0);
    Ok(Run { label: label.to_owned(), load, trace, most_threads, threads_at_start: now.threads as usize })
}

/// Async pages requested while a synchronous burst holds the pool.
async fn mixed(lab: &Lab, settings: &AppSettings, requests: usize, async_pages: usize) -> Result<Load, Failure> {
    let running = lab.app(APP, settings.clone())?;
    let client = client();
    let (sync_url, async_url) = (running.url(Page::Products), running.url(Page::ProductsAsync));
    let blocking = burst(&client, "mixed: the sync burst", &sync_url, requests, requests);
    let late = async {
        tokio::time::sleep(Duration::from_secs(1)).await;
        burst(&client, "mixed: async pages behind it", &async_url, async_pages, async_pages).await
    };
    let (_, late) = tokio::join!(blocking, late);
    Ok(late)
}

/// Samples the pool of the app at `address` (its `/metrics`) every 100 ms
/// until the returned flag is set.
fn trace_pool(client: &reqwest::Client, address: &str) -> (Arc<Mutex<Trace>>, Arc<std::sync::atomic::AtomicBool>) {
    let (trace, stop) = (Arc::new(Mutex::new(Trace::new())), Arc::new(std::sync::atomic::AtomicBool::new(false)));
    let (client, address, samples, stopped) = (client.clone(), address.to_owned(), trace.clone(), stop.clone());
    let origin = Instant::now();
    tokio::spawn(async move {
        while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
            let at = origin.elapsed().as_secs_f64();
            let pool = pool(&client, &address).await;
            if let Ok(mut samples) = samples.lock() {
                samples.push((at, pool.threads, pool.queued));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    (trace, stop)
}
