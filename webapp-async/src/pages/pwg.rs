//! PWG.aspx and PWGasync.aspx: products, widgets and gizmos on one page.
//!
//! The synchronous page makes the three calls one after another, so it takes
//! about the sum of their delays; the asynchronous one makes them at once, so
//! it takes about the longest. The waterfall shows the staircase against the
//! three parallel bars, and the elapsed time covers the whole page work (the
//! sample's PWGasync measured only the registration of its task).
//!
//! As in the sample, the calls start widgets, products, gizmos, and the grids
//! show them in that order. PWGasync.aspx carries the sample's headings (an
//! `h2` and an `h3` per grid); PWG.aspx had none, so it is headed with its
//! name and its grids with theirs.

use app_kit::PageError;
use app_kit::waterfall::waterfall;
use maud::{Markup, html};
use shared_models::ProdGizWidget;

use crate::webforms::grid_view::grid_view;
use crate::webforms::{AsyncContext, AsyncPage, Directives, RenderContext, SyncContext, SyncPage};

/// PWG.aspx: sequential and synchronous.
#[derive(Default)]
pub struct Pwg {
    model: ProdGizWidget,
}

impl SyncPage for Pwg {
    const DIRECTIVES: Directives = Directives::titled("PWG");

    fn page_load(&mut self, ctx: &SyncContext<'_>) -> Result<(), PageError> {
        // Three blocking calls in a row, on this one request thread.
        self.model = ctx.backend.pwg_sequential(ctx.timeline)?;
        Ok(())
    }

    fn render(&self, ctx: &RenderContext) -> Markup {
        html! {
            h1 { "PWG" }
            (lesson("one after another, each waiting for the one before", ctx))
            h2 { "Widgets" } (grid_view(&self.model.widgets))
            h2 { "Products" } (grid_view(&self.model.products))
            h2 { "Gizmos" } (grid_view(&self.model.gizmos))
        }
    }
}

/// PWGasync.aspx: parallel and asynchronous.
#[derive(Default)]
pub struct PwgAsync {
    model: ProdGizWidget,
}

impl AsyncPage for PwgAsync {
    const DIRECTIVES: Directives = Directives::titled("PWGasync");

    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError> {
        ctx.register_async_task(
            // The three calls at once (WhenAll); no thread waits for any of them.
            |api| async move { api.backend.pwg_parallel(&api.timeline).await },
            |page, model| page.model = model,
        );
        Ok(())
    }

    fn render(&self, ctx: &RenderContext) -> Markup {
        // PWGasync.aspx: <h2>Asynchronous Widgets, Products, and Gizmos</h2>,
        // then <h3>Widgets</h3>, <h3>Products</h3>, <h3>Gizmos</h3>, each over its grid.
        html! {
            h2 { "Asynchronous Widgets, Products, and Gizmos" }
            (lesson("all three at once", ctx))
            h3 { "Widgets" } (grid_view(&self.model.widgets))
            h3 { "Products" } (grid_view(&self.model.products))
            h3 { "Gizmos" } (grid_view(&self.model.gizmos))
        }
    }
}

/// How the three calls ran and how long the page's work took, with the waterfall.
fn lesson(how: &str, ctx: &RenderContext) -> Markup {
    html! {
        p.notice {
            "The three calls to the Web API ran " (how) "; the page's work took "
            strong { (ctx.elapsed.as_millis()) " ms" } "."
        }
        (waterfall(&ctx.timeline.calls(), ctx.elapsed))
    }
}
