//! `_links`: every action, grouped as the sample grouped them.

use maud::{Markup, html};

/// The links partial.
pub fn links() -> Markup {
    let group = |heading: &str, actions: &[(&str, &str)]| {
        html! {
            h3 { (heading) }
            p { @for (text, action) in actions { a href=(format!("/Home/{action}")) { (text) } " " } }
        }
    };
    html! {
        section.links {
            (group("All Products Widgets Gizmos", &[("Async PWG", "PWGasync"), ("Sync PWG", "PWG")]))
            (group("Asynchronous Versions", &[
                ("Widgets Async", "WidgetsAsync"), ("Gizmos Async", "GizmosAsync"), ("Products Async", "ProductsAsync"),
            ]))
            (group("Synchronous Versions", &[("Sync Widgets", "Widgets"), ("Sync Gizmos", "Gizmos"), ("Sync Products", "Products")]))
            (group("Cancellation", &[
                ("Gizmos Cancellation Token", "GizmosCancelAsync"), ("PWGtimeOut Cancellation", "PWGtimeOut"),
            ]))
            (group("The request threads", &[("ThreadPool, live", "ThreadPool")]))
        }
    }
}
