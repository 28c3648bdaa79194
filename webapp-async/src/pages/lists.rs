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

/// A model with a list page: which API resource it comes from, and its titles.
pub trait Listed: Serialize + DeserializeOwned + Send + 'static {
    /// Where the list comes from.
    const RESOURCE: Resource;
    /// The synchronous page's title ("Products").
    const SYNC_TITLE: &'static str;
    /// The asynchronous page's title ("ProductsAsync").
    const ASYNC_TITLE: &'static str;
}

impl Listed for Product {
    const RESOURCE: Resource = Resource::Products;
    const SYNC_TITLE: &'static str = "Products";
    const ASYNC_TITLE: &'static str = "ProductsAsync";
}

impl Listed for Widget {
    const RESOURCE: Resource = Resource::Widgets;
    const SYNC_TITLE: &'static str = "Widgets";
    const ASYNC_TITLE: &'static str = "WidgetsAsync";
}

impl Listed for Gizmo {
    const RESOURCE: Resource = Resource::Gizmos;
    const SYNC_TITLE: &'static str = "Gizmos";
    const ASYNC_TITLE: &'static str = "GizmosAsync";
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
    const DIRECTIVES: Directives = Directives::titled(M::SYNC_TITLE);

    fn page_load(&mut self, ctx: &SyncContext<'_>) -> Result<(), PageError> {
        // This request thread blocks here until the Web API answers.
        self.items = ctx.backend.fetch_blocking(M::RESOURCE, ctx.timeline)?;
        Ok(())
    }

    fn render(&self, _ctx: &RenderContext) -> Markup {
        list(M::SYNC_TITLE, "Synchronous: its request thread waited, blocked, for the Web API.", &self.items)
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
    const DIRECTIVES: Directives = Directives::titled(M::ASYNC_TITLE);

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
        list(M::ASYNC_TITLE, "Asynchronous: it gave its request thread back while the Web API worked.", &self.items)
    }
}

fn list<M: Serialize>(title: &str, how: &str, items: &[M]) -> Markup {
    html! {
        h1 { (title) }
        p.notice { (how) }
        (grid_view(items))
    }
}
