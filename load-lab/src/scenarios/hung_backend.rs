//! Scenario 10: a hung backend. The Web API (a process of its own) hangs
//! every call; a burst of pages arrives; then the API is replaced by a healthy
//! one ("it recovers"). Meanwhile Default.aspx, a page that makes no backend
//! call at all, is loaded every 100 ms: does the site keep serving?
//!
//! Three bursts, each on a fresh app at the default settings: synchronous
//! pages (every request thread ends up waiting on the API, the queue fills,
//! and Default.aspx waits behind them), async pages without a timeout (their
//! threads are free, Default.aspx stays quick) and GizmosCancelAsync (its 1 s
//! AsyncTimeout answers 504 and cancels the hung call).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use test_support::process::{Process, free_port, wait_until_up};

use crate::charts::{ASYNC, SYNC, Series, lines};
use crate::failure::Failure;
use crate::load::{Load, Sample, burst, client};
use crate::processes::api_command;
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, default_settings, start_app};

const APP: App = App::WebForms;
/// Default.aspx under 100 ms again: served normally.
const NORMAL: Duration = Duration::from_millis(100);

/// One burst against the hung API: the burst's answers, the Default.aspx
/// probes, the pool's largest figures, and when the API recovered.
struct Run {
    label: &'static str,
    load: Load,
    probes: Vec<Sample>,
    most_threads: usize,
    most_queued: usize,
    recovered_at: Duration,
}

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let (requests, hung_for) = scale.pick((500, Duration::from_secs(10)), (12, Duration::from_millis(600)));
    let mut runs = Vec::new();
    for (label, page) in [
        ("sync Products.aspx", Page::Products),
        ("async ProductsAsync.aspx, no timeout", Page::ProductsAsync),
        ("GizmosCancelAsync.aspx, AsyncTimeout 1 s", Page::GizmosCancelAsync),
    ] {
        runs.push(hung_burst(label, page, requests, hung_for).await?);
    }

    let rows: Vec<Vec<String>> = runs
        .iter()
        .map(|run| {
            let s = run.load.summary();
            let probes = Load { samples: run.probes.clone(), wall: run.load.wall };
            let p = probes.summary_of(|_| true);
            vec![
                run.label.to_owned(),
                format!("{} / {} / {} / {}", s.ok, s.timed_out, s.too_busy, s.other),
                run.most_threads.to_string(),
                run.most_queued.to_string(),
                format!("{:.0} / {:.0}", p.p50, p.max),
                (p.count - p.ok).to_string(),
                format!("{:.1}", recovery(&run.probes, run.recovered_at).as_secs_f64()),
            ]
        })
        .collect();
    let header = [
        "burst against the hung API",
        "200 / 504 / 503 / other",
        "most threads",
        "most queued",
        "Default.aspx p50 / max ms",
        "Default.aspx not 200",
        "s to serve normally after the API recovered",
    ];
    let points: Vec<Vec<(f64, f64)>> = runs
        .iter()
        .map(|run| run.probes.iter().map(|s| (s.start.as_secs_f64(), s.latency.as_secs_f64() * 1000.0)).collect())
        .collect();
    let chart = lines(
        &format!("Default.aspx every 100 ms while the API hangs for {} s", hung_for.as_secs_f64()),
        "seconds since the burst",
        "Default.aspx latency (ms)",
        &[
            Series { label: "during a sync burst".into(), points: &points[0], color: SYNC },
            Series { label: "during an async burst".into(), points: &points[1], color: ASYNC },
            Series { label: "during a GizmosCancelAsync burst".into(), points: &points[2], color: TIMEOUT },
        ],
    )
    .map_err(Failure::Chart)?;
    let name = "hung-backend.svg".to_owned();
    let body = format!(
        "The Web API hangs every call (`--fault-rate 1 --fault hang`) for {:.0} s, then is replaced by a healthy \
         one. A burst of {requests} pages arrives at once, each on a fresh {} at its default settings, while \
         Default.aspx, which calls no backend, is loaded every 100 ms.\n\n{}\n\
         With synchronous pages every request thread ends up blocked on the hung API, threads are injected two a \
         second and blocked in turn, and everything else, Default.aspx included, waits in the queue behind them: \
         the whole site stops, and catches up only after the API recovers. Async pages hold no thread while they \
         wait, so Default.aspx stays quick although hundreds of calls hang; with an AsyncTimeout they also give \
         up after a second (504, the hung calls cancelled) instead of waiting for the API.\n\n![{name}]({name})\n",
        hung_for.as_secs_f64(),
        APP.name(),
        table(&header, &rows),
    );
    Ok(Section {
        title: super::title(10),
        claim: "a backend that hangs takes down a site of synchronous pages (every request thread waits on it, then \
                the queue fills, then every page waits or gets 503), while asynchronous pages with a timeout keep \
                the site serving."
            .into(),
        body,
        charts: vec![(name, chart)],
    })
}

/// The third series' colour.
const TIMEOUT: plotters::style::RGBColor = plotters::style::RGBColor(21, 101, 192);

/// Seconds after `recovered_at` until Default.aspx answered 200 within
/// [`NORMAL`] and kept doing so.
fn recovery(probes: &[Sample], recovered_at: Duration) -> Duration {
    let normal = |s: &Sample| s.status == 200 && s.latency < NORMAL;
    let last_bad = probes.iter().filter(|s| !normal(s)).map(|s| s.start + s.latency).max();
    last_bad.map_or(Duration::ZERO, |end| end.saturating_sub(recovered_at))
}

/// A hung API process, a fresh app against it, the burst and the probes; after
/// `hung_for` the API process is killed and a healthy one takes its port.
async fn hung_burst(label: &'static str, page: Page, requests: usize, hung_for: Duration) -> Result<Run, Failure> {
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}/");
    let hung = api_process(port, &["--fault-rate", "1", "--fault", "hang", "--max-delay", "120000"])?;
    wait_until_up(&format!("{url}healthz"), Duration::from_secs(10)).await?;
    let running = start_app(APP, default_settings(&url))?;
    let (pool, origin) = (running.host.pool.clone(), Instant::now());
    let most = Arc::new(Mutex::new((0_usize, 0_usize)));

    let probing = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let probes = tokio::spawn(probe(format!("{}/Default.aspx", running.address), origin, probing.clone()));
    let tracer = {
        let (most, probing) = (most.clone(), probing.clone());
        tokio::spawn(async move {
            while probing.load(std::sync::atomic::Ordering::Relaxed) {
                let s = pool.snapshot();
                if let Ok(mut most) = most.lock() {
                    *most = (most.0.max(s.threads), most.1.max(s.queued));
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    let recover = async {
        tokio::time::sleep(hung_for).await;
        drop(hung);
        let healthy = api_process(port, &["--delay-min", "20", "--delay-max", "20"]);
        let recovered_at = origin.elapsed();
        if healthy.is_ok() {
            let _ = wait_until_up(&format!("{url}healthz"), Duration::from_secs(10)).await;
        }
        (healthy, recovered_at)
    };
    let (client, page_url) = (client(), running.url(APP, page));
    let (load, (healthy, recovered_at)) = tokio::join!(burst(&client, label, &page_url, requests, requests), recover);
    let _healthy = healthy?;
    // Let Default.aspx show the app serving normally again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    probing.store(false, std::sync::atomic::Ordering::Relaxed);
    let probes = probes.await?;
    tracer.await?;
    let (most_threads, most_queued) = most.lock().map(|m| *m).unwrap_or_default();
    Ok(Run { label, load, probes, most_threads, most_queued, recovered_at })
}

/// Loads `url` every 100 ms (each load on its own, so a slow one does not
/// delay the next) until `probing` is cleared.
async fn probe(url: String, origin: Instant, probing: Arc<std::sync::atomic::AtomicBool>) -> Vec<Sample> {
    let client = client();
    let mut loads = Vec::new();
    while probing.load(std::sync::atomic::Ordering::Relaxed) {
        let (client, url) = (client.clone(), url.clone());
        loads.push(tokio::spawn(async move {
            let started = Instant::now();
            let status = match client.get(&url).send().await {
                Ok(response) => response.status().as_u16(),
                Err(_) => 0,
            };
            Sample { start: started - origin, latency: started.elapsed(), status }
        }));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut samples = Vec::new();
    for load in loads {
        if let Ok(sample) = load.await {
            samples.push(sample);
        }
    }
    samples
}

/// webapi-pgw as a process of its own on `port`, so that "the API recovers"
/// can be a kill (every hung connection closes at once) and a fresh start.
fn api_process(port: u16, args: &[&str]) -> Result<Process, Failure> {
    Ok(Process::spawn(&mut api_command(port, args)?)?)
}
