//! The views: maud functions from a model to HTML.
//!
//! maud has no partials or layouts of its own: a layout is a function that
//! takes the body ([`layout`]), a partial is a function ([`links`]). Every
//! value is escaped by maud; nothing here builds HTML from strings.

mod errors;
mod layout;
mod links;
mod lists;
mod pwg;
mod thread_pool;

pub use errors::{error, not_found_response, timeout_error};
pub use layout::layout;
pub use links::links;
pub use lists::{gizmos, products, widgets};
pub use pwg::{SynchType, pwg};
pub use thread_pool::{BURST_PAGES, thread_pool};

use maud::Markup;

/// What an action returns: a title and the body to place in the layout.
#[derive(Debug, Clone)]
pub struct View {
    /// The page's `<title>`.
    pub title: String,
    /// The page's own content.
    pub body: Markup,
}

/// The sample's `ViewBag.SyncOrAsync`, shown in each heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncOrAsync {
    /// The action blocked a request thread.
    Synchronous,
    /// The action held no thread while it waited.
    Asynchronous,
}

impl SyncOrAsync {
    /// The word shown on the page.
    pub fn word(self) -> &'static str {
        match self {
            SyncOrAsync::Synchronous => "Synchronous",
            SyncOrAsync::Asynchronous => "Asynchronous",
        }
    }
}
