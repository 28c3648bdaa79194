//! `/Home/ThreadPool`: the request threads, live (this project's addition).

use app_kit::request_pool::PoolConfig;
use maud::html;

use super::View;

/// The synchronous action and its async twin that the live view's bursts load.
pub const BURST_PAGES: (&str, &str) = ("/Home/Products", "/Home/ProductsAsync");

/// The view, for a pool of `config`'s shape.
pub fn thread_pool(config: PoolConfig) -> View {
    View {
        title: "ThreadPool".into(),
        body: html! {
            h1 { "ThreadPool: the request threads, live" }
            p {
                "Every action of this app runs on these threads. The pool starts " (config.min_threads) " at once; "
                "above that it adds one thread every " (config.injection_interval.as_millis()) " ms while requests "
                "wait, as .NET's thread pool did, up to " (config.max_threads) ". Fire a burst of synchronous loads "
                "and watch the threads creep up, the queue grow and, past " (config.queue_length) " waiting "
                "requests, 503s. Then fire the same burst asynchronously: the pool stays near its minimum."
            }
            (app_kit::live::panel(BURST_PAGES.0, BURST_PAGES.1))
        },
    }
}
