//! `Site.Master`: the frame and menu of every page.

use std::time::Duration;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use app_kit::PageThreads;
use maud::{DOCTYPE, Markup, html};

use crate::site_map::PAGES;

/// A whole page: `content` in the master frame, with the menu built from the
/// page table. `ran`, for a page that ran, is its work from its start to its
/// rendering, shown in full (the sample's label showed only the milliseconds
/// part of it), and the request threads it started and rendered on.
pub fn page(title: &str, content: Markup, ran: Option<(Duration, &PageThreads)>) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (app_kit::web::html_head(title, "WebAppAsync"))
            body {
                header.site { a href="/" { "WebAppAsync" } " · Web Forms pages, synchronous and asynchronous" }
                nav.menu {
                    @for entry in PAGES {
                        @if let Some(text) = entry.menu { a href=(if text == "Home" { "/" } else { entry.path }) { (text) } }
                    }
                }
                main {
                    (content)
                    @if let Some((elapsed, threads)) = ran {
                        p.elapsed { "Elapsed time: " (format!("{:.3}", elapsed.as_secs_f64())) " s" }
                        p.threads-used { "Started on " (threads.started_on) ", rendered on " (threads.rendered_on) "." }
                    }
                }
                footer { "A Rust re-creation of the Async ASP.NET sample. " a href="/About.aspx" { "How it works" } }
            }
        }
    }
}

/// An HTML answer that no cache keeps (the pages show live data and timings).
pub fn html_response(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(html)
}
