//! `_Layout`: the frame of every page, with the links and the elapsed time.

use std::time::Duration;

use app_kit::PageThreads;
use maud::{DOCTYPE, Markup, html};

use super::{View, links};

/// The whole page: `view` in the frame, with "Elapsed time" at the foot and,
/// for an action that ran, the request threads it started and rendered on.
pub fn layout(view: &View, elapsed: Duration, threads: Option<&PageThreads>) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (app_kit::web::html_head(&view.title, "Mvc4Async"))
            body {
                header.site { a href="/" { "Mvc4Async" } " · async and sync actions, side by side" }
                main {
                    (view.body)
                    (links())
                }
                footer {
                    p.elapsed { "Elapsed time: " (format!("{:.3}", elapsed.as_secs_f64())) " s" }
                    @if let Some(threads) = threads {
                        p.threads-used { "Started on " (threads.started_on) ", rendered on " (threads.rendered_on) "." }
                    }
                }
            }
        }
    }
}
