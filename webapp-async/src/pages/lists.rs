//! Products.aspx, Widgets.aspx, Gizmos.aspx and their Async twins.
//!
//! Read the two `page_load`s side by side: the synchronous one calls the
//! blocking client, and its request thread waits there for the Web API; the
//! asynchronous one registers a task that awaits the async client, and no
//! thread waits at all. Everything else is the same.

use app_kit::PageError;
use maud::{Markup, html};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared_models::{Gizmo, Product, Resource, Widget};

use crate::webforms::grid_view::grid_view;
use crate::webforms::{AsyncContext, AsyncPage, Directives, RenderContext, SyncContext, SyncPage};

/// A model with a list page: which API resource it comes from, and the
/// titles and headings of its two pages, the sample's (its `<title>` and its
/// `<h1>`; where the sample's page had no heading, its title is the heading,
/// and where it had no title either, the page's name is both).
pub trait Listed: Serialize + DeserializeOwned + Send + 'static {
    /// Where the list comes from.
    const RESOURCE: Resource;
    /// The synchronous page's title and heading.
    const SYNC: Names;
    /// The asynchronous page's title and heading.
    const ASYNC: Names;
}

/// A page's `<title>` and `<h1>`.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    /// The `<title>`.
    pub title: &'static str,
    /// The `<h1>`.
    pub heading: &'static str,
}

const fn names(title: &'static str, heading: &'static str) -> Names {
    Names { title, heading }
}

impl Listed for Product {
    const RESOURCE: Resource = Resource::Products;
    // Products.aspx: <title>Products</title> ... <h1>Sync Products</h1>
    const SYNC: Names = names("Products", "Sync Products");
    // ProductsAsync.aspx: <title>Products Asynchronous</title>, no heading.
    const ASYNC: Names = names("Products Asynchronous", "Products Asynchronous");
}

impl Listed for Widget {
    const RESOURCE: Resource = Resource::Widgets;
    // Widgets.aspx: <title>Sync Widgets</title>, no heading.
    const SYNC: Names = names("Sync Widgets", "Sync Widgets");
    // WidgetsAsync.aspx: <title></title>, no heading.
    const ASYNC: Names = names("WidgetsAsync", "WidgetsAsync");
}

impl Listed for Gizmo {
    const RESOURCE: Resource = Resource::Gizmos;
    // Gizmos.aspx: <title>Sync Gizmos</title>, no heading.
    const SYNC: Names = names("Sync Gizmos", "Sync Gizmos");
    // GizmosAsync.aspx: <title>Gizmos Async</title> ... <h1>Gizmos Async</h1>
    const ASYNC: Names = names("Gizmos Async", "Gizmos Async");
}

/// Products.aspx.
pub type Products = SyncList<Product>;
/// ProductsAsync.aspx.
pub type ProductsAsync = AsyncList<Product>;
/// Widgets.aspx.
pub type Widgets = SyncList<Widget>;
/// WidgetsAsync.aspx.
pub type WidgetsAsync = AsyncList<Widget>;
/// Gizmos.aspx.
pub type Gizmos = SyncList<Gizmo>;
/// GizmosAsync.aspx.
pub type GizmosAsync = AsyncList<Gizmo>;

/// A synchronous list page.
pub struct SyncList<M> {
    items: Vec<M>,
}

impl<M> Default for SyncList<M> {
    fn default() -> Self {
        SyncList { items: Vec::new() }
    }
}

impl<M: Listed> SyncPage for SyncList<M> {
    const DIRECTIVES: Directives = Directives::titled(M::SYNC.title);

    fn page_load(&mut self, ctx: &SyncContext<'_>) -> Result<(), PageError> {
        // This request thread blocks here until the Web API answers.
        self.items = ctx.backend.fetch_blocking(M::RESOURCE, ctx.timeline)?;
        Ok(())
    }

    fn render(&self, _ctx: &RenderContext) -> Markup {
        list(M::SYNC.heading, "Synchronous: its request thread waited, blocked, for the Web API.", &self.items)
    }
}

/// An asynchronous list page (`Async="true"`).
pub struct AsyncList<M> {
    items: Vec<M>,
}

impl<M> Default for AsyncList<M> {
    fn default() -> Self {
        AsyncList { items: Vec::new() }
    }
}

impl<M: Listed> AsyncPage for AsyncList<M> {
    const DIRECTIVES: Directives = Directives::titled(M::ASYNC.title);

    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError> {
        ctx.register_async_task(
            // No thread waits here: the page gives its request thread back
            // until the answer comes, then continues on any request thread.
            |api| async move { api.backend.fetch::<Vec<M>>(M::RESOURCE, &api.timeline).await },
            |page, items| page.items = items,
        );
        Ok(())
    }

    fn render(&self, _ctx: &RenderContext) -> Markup {
        list(M::ASYNC.heading, "Asynchronous: it gave its request thread back while the Web API worked.", &self.items)
    }
}

fn list<M: Serialize>(heading: &str, how: &str, items: &[M]) -> Markup {
    html! {
        h1 { (heading) }
        p.notice { (how) }
        (grid_view(items))
    }
}
