//! ThreadPool.aspx: the request threads, live (this project's addition).
//!
//! The figures and the chart come from app-kit's live view
//! ([`app_kit::live`]): press a burst button and watch the pool.

use app_kit::Host;
use maud::html;

use crate::site_map::BURST_PAGES;
use crate::webforms::master;

/// The page.
pub fn page(host: &Host) -> String {
    let config = host.pool.config();
    let content = html! {
        h1 { "ThreadPool: the request threads, live" }
        p {
            "Every page of this app runs on these threads. The pool starts " (config.min_threads) " at once; above "
            "that it adds one thread every " (config.injection_interval.as_millis()) " ms while requests wait, as "
            ".NET's thread pool did, up to " (config.max_threads) ". Fire a burst of synchronous loads and watch the "
            "threads creep up, the queue grow and, past " (config.queue_length) " waiting requests, 503s. Then fire "
            "the same burst asynchronously: the pool stays near its minimum, because each page gives its thread "
            "back while it waits for the Web API."
        }
        (app_kit::live::panel(BURST_PAGES.0, BURST_PAGES.1))
    };
    master::page("ThreadPool", content, None).into_string()
}
