//! Default.aspx and About.aspx: what the app shows, and why.

use app_kit::Host;
use maud::html;

use crate::site_map::PAGES;
use crate::webforms::master;

/// Default.aspx: the pages (from the page table) and the live configuration.
pub fn default_page(host: &Host) -> String {
    let settings = &host.settings;
    let pool = host.pool.snapshot();
    let limit = settings.max_backend_connections.map_or("unlimited".to_owned(), |n| n.to_string());
    let twins = PAGES.iter().filter_map(|p| p.async_twin.map(|twin| (p.path, twin, p.shows)));
    let others = PAGES.iter().filter(|p| p.async_twin.is_none() && !p.shows.is_empty());
    let content = html! {
        h1 { "Asynchronous pages, side by side with synchronous ones" }
        p {
            "Each page below exists twice. Every page needs a request thread to start. The synchronous version "
            "keeps it, blocked, while it waits for the slow Web API; the asynchronous version gives it back while "
            "it waits and continues on whichever request thread is free when the answer comes. One at a time they "
            "look the same; under load only the synchronous ones run out of threads. "
            a href="/About.aspx" { "How it works" } "."
        }
        table.grid {
            thead { tr { th { "Synchronous" } th { "Asynchronous" } th { "What it shows" } } }
            tbody {
                @for (sync, asynchronous, what) in twins {
                    tr { td { a href=(sync) { (&sync[1..]) } } td { a href=(asynchronous) { (&asynchronous[1..]) } } td { (what) } }
                }
            }
        }
        ul {
            @for page in others { li { a href=(page.path) { (&page.path[1..]) } ": " (page.shows) } }
        }
        h2 { "Live configuration" }
        table.grid {
            tbody {
                tr { th { "Web API (--webapi-url)" } td { (settings.webapi_url) } }
                tr { th { "Request threads (--min-threads, --request-threads)" } td { (pool.min_threads) " started at once, " (pool.max_threads) " at most; " (pool.threads) " alive, " (pool.busy) " busy" } }
                tr { th { "Thread injection (--thread-injection-ms)" } td { (settings.thread_injection_ms) " ms per thread above the minimum; " (pool.injected) " injected, " (pool.retired) " retired" } }
                tr { th { "Request queue (--queue-length)" } td { (settings.queue_length) " at most; " (pool.queued) " waiting, " (pool.rejected) " refused with 503" } }
                tr { th { "Web API connections (--max-backend-connections)" } td { (limit) } }
                tr { th { "Pages running now" } td { (host.metrics.sync_pages_in_flight.get()) " sync, " (host.metrics.async_pages_in_flight.get()) " async" } }
            }
        }
    };
    master::page("Home", content, None).into_string()
}

/// About.aspx: the lesson in a few paragraphs, and the code of one pair of twins.
pub fn about_page() -> String {
    let content = html! {
        h1 { "About: synchronous and asynchronous pages" }
        p {
            "A web server serves requests with a limited number of threads. A " strong { "synchronous" } " page keeps "
            "its thread for the whole request, also while it only waits for a slow backend. When many such requests "
            "wait at once, every thread is taken: new requests queue, and when the queue is full the server answers "
            strong { "503 Server Too Busy" } ". Here every page runs on a pool of OS threads that grows as .NET's "
            "did: at once up to its minimum, then one thread every half second while requests wait ("
            code { "--min-threads" } ", " code { "--thread-injection-ms" } ", " code { "--request-threads" } ", "
            code { "--queue-length" } "), so that you can watch that happen on " a href="/ThreadPool.aspx" { "ThreadPool.aspx" } "."
        }
        p {
            "An " strong { "asynchronous" } " page needs a request thread to start too, but gives it back while it "
            "waits: it registers a task (RegisterAsyncTask), the task awaits the Web API, and the thread serves other "
            "requests meanwhile. When the answer comes (an I/O thread sees it), the page's continuation is queued "
            "for a request thread, and it finishes and renders on whichever takes it. The same few threads keep "
            "serving under load. It is not faster for one request; it is better under load and in bursts."
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
            "is in " code { "webapp-async/src/webforms/" } ", the request threads in " code { "app-kit/src/request_pool/" } "."
        }
        pre.source { code { (include_str!("lists.rs")) } }
    };
    master::page("About", content, None).into_string()
}
