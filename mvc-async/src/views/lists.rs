//! The Products, Widgets and Gizmos views: a heading and a table.

use maud::{Markup, html};
use shared_models::{Gizmo, Product, Widget};

use super::{SyncOrAsync, View};

/// A priced item's table (products and widgets share it).
pub(super) fn priced_table<'a>(rows: impl Iterator<Item = (&'a str, String)>) -> Markup {
    html! {
        table.grid {
            thead { tr { th { "Name" } th { "Price" } } }
            tbody { @for (name, price) in rows { tr { td { (name) } td.number { (price) } } } }
        }
    }
}

/// The gizmos' table: Name, Introduced (a date), Quantity.
pub(super) fn gizmo_table(gizmos: &[Gizmo]) -> Markup {
    html! {
        table.grid {
            thead { tr { th { "Name" } th { "Introduced" } th { "Quantity" } } }
            tbody {
                @for g in gizmos {
                    tr {
                        td { (g.name) }
                        td { time datetime=(g.introduced_date.format("%Y-%m-%d")) { (g.introduced_date.format("%Y-%m-%d")) } }
                        td.number { (g.quantity) }
                    }
                }
            }
        }
    }
}

fn titled(title: &str, kind: SyncOrAsync, table: Markup) -> View {
    View { title: title.to_owned(), body: html! { h1 { (title) " " (kind.word()) } (table) } }
}

/// `Products.cshtml`.
pub fn products(products: &[Product], kind: SyncOrAsync) -> View {
    titled("Products", kind, priced_table(products.iter().map(|p| (p.name.as_str(), p.price.to_string()))))
}

/// `Widgets.cshtml`.
pub fn widgets(widgets: &[Widget], kind: SyncOrAsync) -> View {
    titled("Widgets", kind, priced_table(widgets.iter().map(|w| (w.name.as_str(), w.price.to_string()))))
}

/// `Gizmos.cshtml`.
pub fn gizmos(gizmos: &[Gizmo], kind: SyncOrAsync) -> View {
    titled("Gizmos", kind, gizmo_table(gizmos))
}
