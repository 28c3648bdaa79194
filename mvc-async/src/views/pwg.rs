//! `PWG.cshtml`: the three tables, how they were fetched, and the waterfall.
//!
//! As the sample's view: "Synch Type:" first, in an `h2`, then the product,
//! widget and gizmo lists in that order (the calls start widgets first, as
//! the sample's controller made them), the gizmos' columns Name, Quantity,
//! Intro Date. The note and the waterfall are this project's, below the
//! "Synch Type:" line.

use std::time::Duration;

use app_kit::timeline::CallSpan;
use app_kit::waterfall::waterfall;
use maud::html;
use shared_models::ProdGizWidget;

use super::View;
use super::lists::{intro_date, priced_table};

/// The sample's `ViewBag.SynchType` on the PWG view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynchType {
    /// PWG: one call after another, blocking a request thread.
    Synchronous,
    /// PWGasync: the three at once.
    Asynchronous,
    /// PWGtimeOut: the three at once, cancelled together by its AsyncTimeout.
    AsynchronousWithCancellationToken,
}

impl SynchType {
    /// The words shown on the page.
    pub fn words(self) -> &'static str {
        match self {
            SynchType::Synchronous => "Synchronous",
            SynchType::Asynchronous => "Asynchronous",
            SynchType::AsynchronousWithCancellationToken => "Asynchronous with CancellationToken",
        }
    }
}

/// The PWG view.
pub fn pwg(model: &ProdGizWidget, synch_type: SynchType, calls: &[CallSpan], total: Duration) -> View {
    let body = html! {
        // <h2> Synch Type: @ViewBag.SyncType </h2>
        h2 { "Synch Type: " (synch_type.words()) }
        p.notice {
            "The three calls to the Web API took " strong { (total.as_millis()) " ms" } " in all. "
            @if synch_type == SynchType::Synchronous {
                "One after another, each waiting for the one before: about the sum of their delays."
            } @else {
                "All three at once: about the longest of their delays."
            }
        }
        (waterfall(calls, total))
        h2 { "Product List" }
        (priced_table(model.products.iter().map(|p| (p.name.as_str(), p.price.to_string()))))
        h2 { "Widget List" }
        (priced_table(model.widgets.iter().map(|w| (w.name.as_str(), w.price.to_string()))))
        h2 { "Gizmo List" }
        table.grid {
            thead { tr { th { "Name" } th { "Quantity" } th { "Intro Date" } } }
            tbody {
                @for g in &model.gizmos { tr { td { (g.name) } td.number { (g.quantity) } td { (intro_date(g)) } } }
            }
        }
    };
    View { title: "PWG".into(), body }
}
