//! PWG.aspx and PWGasync.aspx: products, widgets and gizmos on one page.
//!
//! The synchronous page makes the three calls one after another, so it takes
//! about the sum of their delays; the asynchronous one makes them at once, so
//! it takes about the longest. The waterfall shows the staircase against the
//! three parallel bars, and the elapsed time covers the whole page work (the
//! sample's PWGasync measured only the registration of its task).

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
        pwg("PWG", "one after another, each waiting for the one before", &self.model, ctx)
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
        pwg("PWGasync", "all three at once", &self.model, ctx)
    }
}

fn pwg(title: &str, how: &str, model: &ProdGizWidget, ctx: &RenderContext) -> Markup {
    html! {
        h1 { (title) }
        p.notice {
            "The three calls to the Web API ran " (how) "; the page's work took "
            strong { (ctx.elapsed.as_millis()) " ms" } "."
        }
        (waterfall(&ctx.timeline.calls(), ctx.elapsed))
        h2 { "Products" } (grid_view(&model.products))
        h2 { "Widgets" } (grid_view(&model.widgets))
        h2 { "Gizmos" } (grid_view(&model.gizmos))
    }
}
