//! Scenario 4: what a waiting request costs, in OS threads and memory.

use std::time::{Duration, Instant};

use crate::failure::Failure;
use crate::load::{burst, client};
use crate::processes::{BUILD_FLOOR, ServiceProcess};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use app_kit::AppSettings;

use crate::services::{App, Page, default_settings, settings, start_api};
use test_support::ApiInProcess;

/// The most a waiting async page may cost, in KiB of the app's memory (issue 15's goal).
const GOAL_KIB: f64 = 30.0;
/// The floor's row: app-kit's example, the one-call page.
const FLOOR_NAME: &str = "floor (bare_pwgasync) /ProductsAsync";

/// One burst's reading: the page, how many waited, threads and RSS (KiB)
/// before and while they waited.
struct Reading {
    label: String,
    waiting: u64,
    threads: (u64, u64),
    kib: (u64, u64),
}

impl Reading {
    fn per(&self, (idle, during): (u64, u64)) -> f64 {
        during.saturating_sub(idle) as f64 / self.waiting.max(1) as f64
    }

    /// KiB of the app's memory per waiting request.
    fn kib_per_request(&self) -> f64 {
        self.per(self.kib)
    }

    fn row(&self) -> Vec<String> {
        vec![
            self.label.clone(),
            self.waiting.to_string(),
            format!("{} → {}", self.threads.0, self.threads.1),
            format!("{:.2}", self.per(self.threads)),
            format!("{:.1} → {:.1}", self.kib.0 as f64 / 1024.0, self.kib.1 as f64 / 1024.0),
            format!("{:.1}", self.kib_per_request()),
        ]
    }
}

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let (requests, delay_ms) = scale.pick((1000, 4000), (20, 1000));
    let api = start_api(delay_ms, delay_ms)?;
    let mut readings = Vec::new();
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
            let label = format!("{} {}", app.name(), app.path(page));
            readings.push(burst_waiting(&process, &app.path(page), label, &api, requests, delay_ms).await?);
        }
    }
    let floor = match ServiceProcess::floor(&api.url).await? {
        Some(floor) => {
            Some(burst_waiting(&floor, "/ProductsAsync", FLOOR_NAME.to_owned(), &api, requests, delay_ms).await?)
        }
        None => None,
    };
    let mut rows: Vec<Vec<String>> = readings.iter().map(Reading::row).collect();
    rows.push(match &floor {
        Some(floor) => floor.row(),
        None => vec![
            FLOOR_NAME.to_owned(),
            format!("not built: `{BUILD_FLOOR}`"),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
    });
    let asynchronous: Vec<&Reading> = readings.iter().filter(|r| r.threads.1 < r.waiting).collect();
    let goal = goal_lines(&asynchronous, floor.as_ref());
    let body = format!(
        "{requests} requests at once to each page of each app, every app in its own process with {} request \
         threads allowed; read from /proc after one load of the page (what a server makes once is not counted per \
         request) and again when they were all waiting on the Web API ({delay_ms} ms delay).\n\n{}\n\
         A waiting synchronous request costs one OS thread; a waiting asynchronous one costs none. The tutorial \
         counts ~1 MB per thread because Windows commits a thread's whole stack. Linux reserves the 1 MiB stack \
         as address space only and makes resident just the pages a thread touches, so a parked request thread \
         costs about a hundred KiB of resident memory here: the stack pages it touched, and the allocator's cache \
         for that thread (jemalloc keeps one per thread; under glibc's malloc the thread's share was about half). \
         The thread itself (scheduling, kernel structures, the address space) is the rest of the cost. An async \
         request's memory is its connection and its future.\n\n\
         The floor is app-kit's example `bare_pwgasync` at its one-call page: actix-web, reqwest and maud with \
         nothing of app-kit, its request's headers freed once routed as the apps' GET pages do. What it holds per \
         waiting page is what the two libraries need: actix-http's connection (its read and write buffers, 8 KiB \
         each, and its task) and reqwest's connection to the Web API (hyper's 8 KiB buffers and request channel, \
         the pending call's futures); only the pages a buffer has touched are resident. An app's page holds the \
         floor's and its own: the page's task on the request threads, the handler waiting for it, the page's \
         registered tasks (Web Forms), the connection's hang-up watch.\n\n{goal}",
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

/// Fires `requests` loads of `path` at `server` at once and reads its
/// threads and memory when every one is waiting on `api`.
async fn burst_waiting(
    server: &ServiceProcess,
    path: &str,
    label: String,
    api: &ApiInProcess,
    requests: usize,
    delay_ms: u64,
) -> Result<Reading, Failure> {
    let client = client();
    let url = format!("{}{path}", server.address);
    // One load first, so that what a server makes once (its first connection
    // to the Web API, tables built on first use) is not counted per request.
    if let Ok(response) = client.get(&url).send().await {
        let _ = response.bytes().await;
    }
    let (idle_threads, idle_kib) = server.threads_and_rss();
    let load = tokio::spawn({
        let (client, label) = (client.clone(), label.clone());
        async move { burst(&client, &label, &url, requests, requests).await }
    });
    // Measure when every request is waiting on the Web API.
    let started = Instant::now();
    while (api.metrics.in_flight() as usize) < requests && started.elapsed() < Duration::from_millis(delay_ms) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let waiting = api.metrics.in_flight().max(0) as u64;
    let (threads, kib) = server.threads_and_rss();
    load.await?;
    Ok(Reading { label, waiting, threads: (idle_threads, threads), kib: (idle_kib, kib) })
}

/// The goal for a waiting async page, judged for each app, with the floor's
/// figure beside it.
fn goal_lines(asynchronous: &[&Reading], floor: Option<&Reading>) -> String {
    let floor_kib = floor.map(Reading::kib_per_request);
    let mut lines = format!("Goal: a waiting async page at most {GOAL_KIB:.0} KiB of the app's memory.");
    if let Some(floor) = floor_kib {
        lines.push_str(&format!(" The floor's: {floor:.1} KiB."));
    }
    lines.push('\n');
    for reading in asynchronous {
        let kib = reading.kib_per_request();
        let met = if kib <= GOAL_KIB { "met".to_owned() } else { "**MISSED**".to_owned() };
        let ratio =
            floor_kib.filter(|f| *f > 0.0).map(|f| format!(", {:.2} × the floor's", kib / f)).unwrap_or_default();
        lines.push_str(&format!("- {}: {kib:.1} KiB{ratio}: {met}\n", reading.label));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(label: &str, waiting: u64, threads: (u64, u64), kib: (u64, u64)) -> Reading {
        Reading { label: label.to_owned(), waiting, threads, kib }
    }

    #[test]
    fn a_reading_is_per_waiting_request() {
        let sync = reading("sync", 1000, (5, 1005), (10_000, 160_000));

        assert_eq!(sync.row()[3], "1.00");
        assert_eq!(sync.row()[5], "150.0");
    }

    #[test]
    fn the_goal_is_judged_per_app_against_the_floor() {
        let (met, missed) = (reading("mvc", 1000, (6, 8), (0, 29_000)), reading("webapp", 1000, (6, 8), (0, 31_000)));
        let floor = reading("floor", 1000, (4, 4), (0, 29_000));

        let lines = goal_lines(&[&met, &missed], Some(&floor));

        assert!(lines.contains("The floor's: 29.0 KiB."), "{lines}");
        assert!(lines.contains("- mvc: 29.0 KiB, 1.00 × the floor's: met"), "{lines}");
        assert!(lines.contains("- webapp: 31.0 KiB, 1.07 × the floor's: **MISSED**"), "{lines}");
    }

    #[test]
    fn without_a_floor_the_goal_is_still_judged() {
        let lines = goal_lines(&[&reading("webapp", 0, (6, 8), (0, 31_000))], None);

        assert!(!lines.contains("floor"), "{lines}");
        assert!(lines.contains("- webapp: 31000.0 KiB: **MISSED**"), "{lines}");
    }
}
