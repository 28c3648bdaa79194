//! The live view of the request pool, like `dotnet-counters monitor` on the
//! real thing, in the browser: `/threadpool/events` streams the pool's figures
//! as Server-Sent Events four times a second, and `/threadpool/burst` fires a
//! bounded burst of page loads at the app itself, so a visitor watches
//! starvation happen (threads creeping up by two a second, the queue growing,
//! 503s) and then the same burst async (the pool staying near its minimum).
//!
//! Each app places [`panel`] in its own page (`ThreadPool.aspx`,
//! `/Home/ThreadPool`) and names its two burst pages in [`LiveView`];
//! `threadpool.js` draws the numbers and the chart of the last 60 seconds.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::{Deserialize, Serialize};

use crate::host::Host;
use crate::injection::FAULTS;
use crate::request_pool::PoolSnapshot;

/// The largest burst a visitor may fire.
pub const MAX_BURST: u32 = 2_000;

/// How often the figures are sent.
const TICK: Duration = Duration::from_millis(250);

/// The script of the live view (a file, for the Content-Security-Policy).
const SCRIPT: &str = include_str!("threadpool.js");

/// What the live view needs of its app: the pages a burst loads.
#[derive(Debug)]
pub struct LiveView {
    /// The synchronous page a sync burst loads, e.g. `/Products.aspx`.
    pub sync_page: &'static str,
    /// Its async twin.
    pub async_page: &'static str,
    /// This server's own root, known once it is bound.
    own_root: OnceLock<String>,
    burst: BurstState,
}

/// The burst running now (at most one), or the last one.
#[derive(Debug, Default)]
struct BurstState {
    running: AtomicBool,
    sent: AtomicU64,
    ok: AtomicU64,
    too_busy: AtomicU64,
    other: AtomicU64,
}

/// One tick of the stream.
#[derive(Debug, Serialize)]
struct Tick {
    pool: PoolSnapshot,
    idle: usize,
    sync_in_flight: i64,
    async_in_flight: i64,
    completed: u64,
    backend_calls: i64,
    burst: BurstFigures,
}

#[derive(Debug, Serialize)]
struct BurstFigures {
    running: bool,
    sent: u64,
    ok: u64,
    too_busy: u64,
    other: u64,
}

/// `kind=sync|async&count=N[&fault=hang|reset|empty|malformed]`.
#[derive(Debug, Deserialize)]
struct BurstRequest {
    kind: String,
    count: u32,
    /// A fault every backend call of the burst's pages asks the Web API for
    /// (see [`crate::injection`]): watch a hung backend starve the pool.
    #[serde(default)]
    fault: Option<String>,
}

impl LiveView {
    /// A live view whose bursts load `sync_page` or `async_page`.
    pub fn new(sync_page: &'static str, async_page: &'static str) -> LiveView {
        LiveView { sync_page, async_page, own_root: OnceLock::new(), burst: BurstState::default() }
    }

    /// Tells the view where its server listens (bursts go there).
    pub fn listening_on(&self, address: std::net::SocketAddr) {
        let ip = if address.ip().is_unspecified() { std::net::IpAddr::from([127, 0, 0, 1]) } else { address.ip() };
        let _ = self.own_root.set(format!("http://{}", std::net::SocketAddr::new(ip, address.port())));
    }
}

/// The routes: `/threadpool.js`, `/threadpool/events`, `POST /threadpool/burst`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/threadpool.js", web::get().to(script))
        .route("/threadpool/events", web::get().to(events))
        .route("/threadpool/burst", web::post().to(burst));
}

/// The view's markup: the figures, the chart, the burst buttons for
/// `sync_page` and `async_page` (the pages the app's [`LiveView`] names).
pub fn panel(sync_page: &str, async_page: &str) -> Markup {
    html! {
        section #live-pool data-events="/threadpool/events" {
            table.grid.figures {
                tbody {
                    tr { th { "Request threads" } td #threads { "…" } th { "busy / idle" } td #busy-idle { "…" } }
                    tr { th { "Requests queued" } td #queued { "…" } th { "Continuations queued" } td #continuations { "…" } }
                    tr { th { "Threads injected" } td #injected { "…" } th { "retired" } td #retired { "…" } }
                    tr { th { "Pages completed per second" } td #rate { "…" } th { "503 Server Too Busy" } td #rejected { "…" } }
                    tr { th { "Sync pages in flight" } td #sync-in-flight { "…" } th { "Async pages in flight" } td #async-in-flight { "…" } }
                }
            }
            svg #pool-chart viewBox="0 0 600 200" role="img" aria-label="Threads and queue over the last 60 seconds" {}
            p.legend { span.threads { "■ threads" } " " span.busy { "■ busy" } " " span.queue { "■ queued" } " (last 60 s)" }
            form #burst-form method="post" action="/threadpool/burst" {
                label { "Burst of " input #burst-count type="number" name="count" min="1" max=(MAX_BURST) value="1000"; " loads," }
                " " label { "with the Web API " select #burst-fault name="fault" {
                    option value="none" selected { "as it is" }
                    option value="hang" { "hung (fault=hang)" }
                    option value="reset" { "resetting connections" }
                    option value="empty" { "closing without an answer" }
                    option value="malformed" { "sending malformed JSON" }
                } }
                ", of: "
                button #burst-sync type="submit" name="kind" value="sync" { "sync " code { (sync_page) } }
                " " button #burst-async type="submit" name="kind" value="async" { "async " code { (async_page) } }
            }
            p #burst-status role="status" {}
            script src="/threadpool.js" defer {}
        }
    }
}

async fn script() -> HttpResponse {
    HttpResponse::Ok().content_type("text/javascript; charset=utf-8").body(SCRIPT)
}

/// The figures as Server-Sent Events, one every [`TICK`], until the visitor leaves.
async fn events(host: web::Data<Host>, view: web::Data<LiveView>) -> HttpResponse {
    let stream = futures_util::stream::unfold((host, view), |(host, view)| async move {
        let line = format!("data: {}\n\n", serde_json::to_string(&tick(&host, &view)).unwrap_or_default());
        tokio::time::sleep(TICK).await;
        Some((Ok::<_, std::convert::Infallible>(web::Bytes::from(line)), (host, view)))
    });
    HttpResponse::Ok().content_type("text/event-stream").insert_header(("Cache-Control", "no-store")).streaming(stream)
}

fn tick(host: &Host, view: &LiveView) -> Tick {
    let pool = host.pool.snapshot();
    let burst = &view.burst;
    Tick {
        pool,
        idle: pool.idle(),
        sync_in_flight: host.metrics.sync_pages_in_flight.get(),
        async_in_flight: host.metrics.async_pages_in_flight.get(),
        completed: host.metrics.pages_completed.get(),
        backend_calls: host.metrics.backend_calls_in_flight.get(),
        burst: BurstFigures {
            running: burst.running.load(Ordering::Relaxed),
            sent: burst.sent.load(Ordering::Relaxed),
            ok: burst.ok.load(Ordering::Relaxed),
            too_busy: burst.too_busy.load(Ordering::Relaxed),
            other: burst.other.load(Ordering::Relaxed),
        },
    }
}

/// Starts a burst of `count` loads of the sync or async page, at once, on
/// the I/O threads; answers 202 at once. One burst at a time (409), at most
/// [`MAX_BURST`] loads (400).
async fn burst(host: web::Data<Host>, view: web::Data<LiveView>, form: web::Form<BurstRequest>) -> HttpResponse {
    let page = match form.kind.as_str() {
        "sync" => view.sync_page,
        "async" => view.async_page,
        other => return problem(400, &format!("`kind` must be `sync` or `async`, not `{other}`")),
    };
    if !(1..=MAX_BURST).contains(&form.count) {
        return problem(400, &format!("`count` must be from 1 to {MAX_BURST}, not {}", form.count));
    }
    let fault = match form.fault.as_deref().filter(|f| !f.is_empty() && *f != "none") {
        None => None,
        Some(text) => match FAULTS.into_iter().find(|f| *f == text) {
            Some(fault) => Some(fault),
            None => {
                return problem(400, &format!("`fault` must be none or one of {}, not `{text}`", FAULTS.join(", ")));
            }
        },
    };
    let Some(root) = view.own_root.get().cloned() else {
        return problem(503, "the server is not listening yet");
    };
    if view.burst.running.swap(true, Ordering::AcqRel) {
        return problem(409, "a burst is already running; wait for it to end");
    }
    for counter in [&view.burst.sent, &view.burst.ok, &view.burst.too_busy, &view.burst.other] {
        counter.store(0, Ordering::Relaxed);
    }
    let query = fault.map(|f| format!("?fault={f}")).unwrap_or_default();
    let (view, count, url) = (view.into_inner(), form.count, format!("{root}{page}{query}"));
    tracing::info!(%url, count, "live view: burst started");
    host.io().spawn(run_burst(view, url, count));
    HttpResponse::Accepted().json(serde_json::json!({ "page": page, "count": count }))
}

async fn run_burst(view: Arc<LiveView>, url: String, count: u32) {
    let client = reqwest::Client::new();
    let loads = (0..count).map(|_| {
        let (client, url, view) = (client.clone(), url.clone(), view.clone());
        async move {
            view.burst.sent.fetch_add(1, Ordering::Relaxed);
            let counter = match client.get(&url).send().await.map(|r| r.status().as_u16()) {
                Ok(200) => &view.burst.ok,
                Ok(503) => &view.burst.too_busy,
                _ => &view.burst.other,
            };
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    futures_util::future::join_all(loads).await;
    view.burst.running.store(false, Ordering::Release);
    tracing::info!(%url, count, "live view: burst ended");
}

fn problem(status: u16, detail: &str) -> HttpResponse {
    let status = actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::BAD_REQUEST);
    HttpResponse::build(status)
        .content_type("application/problem+json")
        .json(serde_json::json!({ "title": status.canonical_reason(), "status": status.as_u16(), "detail": detail }))
}
