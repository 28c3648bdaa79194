//! The Products, Widgets and Gizmos views: a heading and a table.
//!
//! As the sample's views: an `h2` of the title and `ViewBag.SyncOrAsync`
//! (`<h2>@ViewBag.Title  @ViewBag.SyncOrAsync</h2>`), and the gizmos' dates
//! as `DisplayFor` showed a `[DataType(DataType.Date)]` property, `{0:d}`,
//! under en-US: `11/28/2026`.

use maud::{Markup, html};
use shared_models::{Gizmo, Product, Widget};

/// `{0:d}` under en-US: month/day/year, without leading zeros.
const EN_US_SHORT_DATE: &str = "%-m/%-d/%Y";

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

/// A gizmo's introduction date, `{0:d}`, marked up as a date.
pub(super) fn intro_date(gizmo: &Gizmo) -> Markup {
    let date = gizmo.introduced_date.date();
    html! { time datetime=(date.format("%Y-%m-%d")) { (date.format(EN_US_SHORT_DATE)) } }
}

/// The Gizmos view's table: Name, Introduced, Quantity, as `Gizmos.cshtml`.
fn gizmo_table(gizmos: &[Gizmo]) -> Markup {
    html! {
        table.grid {
            thead { tr { th { "Name" } th { "Introduced" } th { "Quantity" } } }
            tbody {
                @for g in gizmos {
                    tr { td { (g.name) } td { (intro_date(g)) } td.number { (g.quantity) } }
                }
            }
        }
    }
}

fn titled(title: &str, kind: SyncOrAsync, table: Markup) -> View {
    View { title: title.to_owned(), body: html! { h2 { (title) " " (kind.word()) } (table) } }
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
