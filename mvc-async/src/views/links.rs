//! `_links`: every action, grouped as the sample's partial grouped them.
//!
//! The sample's `_links.cshtml`: an `h3` over each of the first three groups,
//! the cancellation links in a group without one, and `&nbsp;||&nbsp;`
//! between links (its first group has one after its last link too). This
//! project adds one group, "The request threads", in the same style.

use maud::{Markup, PreEscaped, html};

/// The sample's separator between two links.
const SEPARATOR: PreEscaped<&str> = PreEscaped("&nbsp;||&nbsp;");

/// One group of links, `(text, action)`, separated as the sample separated them.
fn group(heading: Option<&str>, actions: &[(&str, &str)], trailing_separator: bool) -> Markup {
    html! {
        div {
            @if let Some(heading) = heading { h3 { (heading) } }
            @for (i, (text, action)) in actions.iter().enumerate() {
                @if i > 0 { " " (SEPARATOR) " " }
                a href=(format!("/Home/{action}")) { (text) }
            }
            @if trailing_separator { " " (SEPARATOR) }
        }
    }
}

/// The links partial.
pub fn links() -> Markup {
    html! {
        section.links {
            (group(Some("All Products Widgets Gizmos"), &[("Async PWG", "PWGasync"), ("Sync PWG", "PWG")], true))
            (group(Some("Asynchronous Versions"), &[
                ("Widgets Async", "WidgetsAsync"), ("Gizmos Async", "GizmosAsync"), ("Products Async", "ProductsAsync"),
            ], false))
            (group(Some("Synchronous Versions"), &[
                ("Sync Widgets", "Widgets"), ("Sync Gizmos", "Gizmos"), ("Sync Products", "Products"),
            ], false))
            (group(None, &[
                ("Gizmos Cancellation Token", "GizmosCancelAsync"), ("PWGtimeOut Cancellation", "PWGtimeOut"),
            ], false))
            (group(Some("The request threads"), &[("ThreadPool, live", "ThreadPool")], false))
        }
    }
}
