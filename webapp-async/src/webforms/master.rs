//! `Site.Master`: the frame and menu of every page.

use std::time::Duration;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};

/// The menu, in the sample's order, plus the pages this project adds.
pub const MENU: &[(&str, &str)] = &[
    ("Home", "/"),
    ("About", "/About.aspx"),
    ("PWGasync", "/PWGasync.aspx"),
    ("PWG", "/PWG.aspx"),
    ("GizmosCancelAsync", "/GizmosCancelAsync.aspx"),
    ("GizmosCancelBtnAsync", "/GizmosCancelBtnAsync.aspx"),
    ("Products", "/Products.aspx"),
    ("Widgets", "/Widgets.aspx"),
    ("Gizmos", "/Gizmos.aspx"),
    ("ProductsAsync", "/ProductsAsync.aspx"),
    ("WidgetsAsync", "/WidgetsAsync.aspx"),
    ("GizmosAsync", "/GizmosAsync.aspx"),
    ("UrlStatus", "/UrlStatus.aspx"),
];

/// A whole page: `content` in the master frame; `elapsed`, when given, is the
/// page's work from its start to its rendering, shown in full (the sample's
/// label showed only the milliseconds part of it).
pub fn page(title: &str, content: Markup, elapsed: Option<Duration>) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (app_kit::web::html_head(title, "WebAppAsync"))
            body {
                header.site { a href="/" { "WebAppAsync" } " · Web Forms pages, synchronous and asynchronous" }
                nav.menu { @for (text, href) in MENU { a href=(href) { (text) } } }
                main {
                    (content)
                    @if let Some(elapsed) = elapsed {
                        p.elapsed { "Elapsed time: " (format!("{:.3}", elapsed.as_secs_f64())) " s" }
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
