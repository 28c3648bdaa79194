//! `_Layout`: the frame of every page, with the links and the elapsed time.

use std::time::Duration;

use maud::{DOCTYPE, Markup, html};

use super::{View, links};

/// The whole page: `view` in the frame, with "Elapsed time" at the foot.
pub fn layout(view: &View, elapsed: Duration) -> Markup {
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
                }
            }
        }
    }
}
