//! Default.aspx and About.aspx: what the app shows, and why.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use app_kit::AppSettings;
use app_kit::page::Pages;
use maud::html;

use crate::webforms::master;

/// What each page demonstrates, for the home page.
const PAGES: &[(&str, &str, &str)] = &[
    ("Products.aspx", "ProductsAsync.aspx", "one call to the Web API: blocking a request thread, or not"),
    ("Widgets.aspx", "WidgetsAsync.aspx", "the same for widgets"),
    ("Gizmos.aspx", "GizmosAsync.aspx", "the same for gizmos"),
    (
        "PWG.aspx",
        "PWGasync.aspx",
        "three calls one after another (about the sum of the delays) or at once (about the longest)",
    ),
];

/// Default.aspx.
pub fn default_page(settings: &AppSettings, pages: &Pages) -> HttpResponse {
    let pool = pages.pool.snapshot();
    let limit = settings.max_backend_connections.map_or("unlimited".to_owned(), |n| n.to_string());
    let content = html! {
        h1 { "Asynchronous pages, side by side with synchronous ones" }
        p {
            "Each page below exists twice. The synchronous version runs on a request thread and blocks it while it "
            "waits for the slow Web API; the asynchronous version holds no thread while it waits. One at a time they "
            "look the same; under load only the synchronous ones run out of threads. "
            a href="/About.aspx" { "How it works" } "."
        }
        table.grid {
            thead { tr { th { "Synchronous" } th { "Asynchronous" } th { "What it shows" } } }
            tbody {
                @for (sync, asynchronous, what) in PAGES {
                    tr { td { a href=(format!("/{sync}")) { (sync) } } td { a href=(format!("/{asynchronous}")) { (asynchronous) } } td { (what) } }
                }
            }
        }
        ul {
            li { a href="/GizmosCancelAsync.aspx" { "GizmosCancelAsync.aspx" } ": an AsyncTimeout of 1 s; on timeout the pending call is cancelled and you see the friendly timeout page." }
            li { a href="/GizmosCancelBtnAsync.aspx" { "GizmosCancelBtnAsync.aspx" } ": start a slow load, press Cancel, and the server cancels its call to the Web API." }
            li { a href="/UrlStatus.aspx" { "UrlStatus.aspx" } ": async user controls, each with its own registered task." }
        }
        h2 { "Live configuration" }
        table.grid {
            tbody {
                tr { th { "Web API (--webapi-url)" } td { (settings.webapi_url) } }
                tr { th { "Request threads (--request-threads)" } td { (settings.request_threads) " at most; " (pool.threads) " started, " (pool.busy) " busy" } }
                tr { th { "Request queue (--queue-length)" } td { (settings.queue_length) " at most; " (pool.queued) " waiting, " (pool.rejected) " refused with 503" } }
                tr { th { "Web API connections (--max-backend-connections)" } td { (limit) } }
                tr { th { "Async pages running now" } td { (pages.metrics.async_pages_in_flight.get()) } }
            }
        }
    };
    master::html_response(StatusCode::OK, master::page("Home", content, None).into_string())
}

/// About.aspx: the lesson in a few paragraphs, and the code of one pair of twins.
pub fn about_page() -> HttpResponse {
    let content = html! {
        h1 { "About: synchronous and asynchronous pages" }
        p {
            "A web server serves requests with a limited number of threads. A " strong { "synchronous" } " page keeps "
            "its thread for the whole request, also while it only waits for a slow backend. When many such requests "
            "wait at once, every thread is taken: new requests queue, and when the queue is full the server answers "
            strong { "503 Server Too Busy" } ". Here the synchronous pages run on a bounded pool of OS threads ("
            code { "--request-threads" } ", " code { "--queue-length" } ") so that you can watch that happen."
        }
        p {
            "An " strong { "asynchronous" } " page gives its thread back while it waits: it registers a task "
            "(RegisterAsyncTask), the task awaits the Web API, and the thread serves other requests meanwhile. The "
            "same few threads keep serving under load. It is not faster for one request; it is better under load "
            "and in bursts."
        }
        p {
            "Independent calls can run in parallel: PWGasync makes its three calls at once and takes about the "
            "longest delay, where PWG takes about their sum. Asynchronous work can also be cancelled: when a page's "
            "AsyncTimeout fires, or the visitor leaves, its pending calls are dropped and their connections close, "
            "and the Web API stops its own work."
        }
        h2 { "Read the code" }
        ul {
            @for (name, path, what, _) in super::source::FILES {
                li { a href=(format!("/source/{name}")) { code { (path) } } ": " (what) }
            }
        }
        h2 { "The code of one pair of twins" }
        p {
            "This is " code { "webapp-async/src/pages/lists.rs" } ", the source of Products.aspx and ProductsAsync.aspx. "
            "Compare the two " code { "page_load" } " functions: the lines that differ are the lesson. The page model "
            "is in " code { "webapp-async/src/webforms/" } ", the request threads in " code { "app-kit/src/request_pool.rs" } "."
        }
        pre.source { code { (include_str!("lists.rs")) } }
    };
    master::html_response(StatusCode::OK, master::page("About", content, None).into_string())
}
