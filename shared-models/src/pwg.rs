//! The view model of the PWG pages: all three lists at once.

use crate::{Gizmo, Product, Widget};

/// Products, widgets and gizmos for one page (the sample's `ProdGizWidgetVM`).
///
/// It is never sent over the wire: the PWG pages build it from three separate
/// API calls, one after another on the synchronous page and all at once on the
/// asynchronous one. That difference is the lesson of those pages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProdGizWidget {
    /// The widgets, from `api/Widgets`.
    pub widgets: Vec<Widget>,
    /// The products, from `api/Products`.
    pub products: Vec<Product>,
    /// The gizmos, from `api/Gizmos`.
    pub gizmos: Vec<Gizmo>,
}
