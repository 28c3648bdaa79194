//! GizmosCancelAsync.aspx and GizmosCancelBtnAsync.aspx: two ways an async
//! page's work is cancelled, and the cancellation passed on to the Web API.
//!
//! - GizmosCancelAsync: `AsyncTimeout="1"`. With the API's 500-1500 ms delays
//!   about half the loads take longer than a second; then the pending call is
//!   cancelled (its future dropped, its connection closed, which the API
//!   counts) and the visitor sees the Friendly Timeout Page (504).
//! - GizmosCancelBtnAsync: the page the sample linked but never shipped. The
//!   visitor starts a slow load and presses Cancel; the browser closes the
//!   request, the server notices the hang-up and cancels the backend call.

use std::time::Duration;

use app_kit::PageError;
use maud::{Markup, html};
use shared_models::{Gizmo, Resource};

use crate::webforms::grid_view::grid_view;
use crate::webforms::{AsyncContext, AsyncPage, Directives, RenderContext};

/// GizmosCancelAsync.aspx: gizmos within one second, or the friendly timeout page.
#[derive(Default)]
pub struct GizmosCancelAsync {
    gizmos: Vec<Gizmo>,
}

impl AsyncPage for GizmosCancelAsync {
    const DIRECTIVES: Directives = Directives::titled("GizmosCancelAsync").async_timeout(Duration::from_secs(1));

    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError> {
        ctx.register_async_task(
            // If the AsyncTimeout fires while this waits, the future is dropped
            // right here, and with it the HTTP call to the Web API.
            |api| async move { api.backend.fetch::<Vec<Gizmo>>(Resource::Gizmos, &api.timeline).await },
            |page, gizmos| page.gizmos = gizmos,
        );
        Ok(())
    }

    fn render(&self, _ctx: &RenderContext) -> Markup {
        html! {
            h1 { "GizmosCancelAsync" }
            p.notice { "The Web API answered within this page's AsyncTimeout of 1 second. Reload: about half the loads time out." }
            (grid_view(&self.gizmos))
        }
    }
}

/// The slowest backend delay a visitor may ask GizmosCancelBtnAsync for.
pub const MAX_CHOSEN_DELAY_MS: u64 = 30_000;

/// GizmosCancelBtnAsync.aspx: a slow load the visitor can cancel.
#[derive(Default)]
pub struct GizmosCancelBtnAsync {
    loaded: Option<Vec<Gizmo>>,
    delay_ms: u64,
}

impl AsyncPage for GizmosCancelBtnAsync {
    const DIRECTIVES: Directives = Directives::titled("GizmosCancelBtnAsync");

    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError> {
        self.delay_ms = match ctx.query().get("delay") {
            None => 5_000,
            Some(text) => text.parse().ok().filter(|ms| *ms <= MAX_CHOSEN_DELAY_MS).ok_or_else(|| {
                PageError::BadRequest(format!(
                    "`delay` must be a whole number of milliseconds up to {MAX_CHOSEN_DELAY_MS}, not `{text}`"
                ))
            })?,
        };
        if ctx.query().get("load").is_none() {
            return Ok(()); // Just the form: nothing to load yet.
        }
        let delay_ms = self.delay_ms;
        ctx.register_async_task(
            // Dropped mid-wait when the visitor cancels: the server sees the
            // closed connection, and the Web API sees ours close in turn.
            move |api| async move {
                api.backend.fetch_with_delay::<Vec<Gizmo>>(Resource::Gizmos, delay_ms, &api.timeline).await
            },
            |page, gizmos| page.loaded = Some(gizmos),
        );
        Ok(())
    }

    fn render(&self, _ctx: &RenderContext) -> Markup {
        html! {
            h1 { "GizmosCancelBtnAsync" }
            p {
                "Start a slow load of the gizmos, then press " strong { "Cancel" } " before it ends. The browser "
                "abandons the request; this server notices the closed connection and cancels its pending call to "
                "the Web API, which counts it as cancelled. (Without JavaScript, the load link and the browser's "
                "Stop button do the same.)"
            }
            form #slow-load method="get" action="/GizmosCancelBtnAsync.aspx" {
                input type="hidden" name="load" value="1";
                label { "Backend delay (ms) " input #delay type="number" name="delay" min="0" max=(MAX_CHOSEN_DELAY_MS) value=(self.delay_ms); }
                " " button #start type="submit" { "Load gizmos" }
                " " button #cancel type="button" disabled { "Cancel" }
            }
            p #status role="status" {}
            div #result {
                @if let Some(gizmos) = &self.loaded { (grid_view(gizmos)) }
            }
            script src="/cancel-button.js" defer {}
        }
    }
}
