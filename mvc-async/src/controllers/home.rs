//! `HomeController`: each action of the sample, synchronous beside asynchronous.
//!
//! Read a pair side by side: the lines that differ are the lesson. The sync
//! action calls `fetch_blocking` and its request thread waits; the async one
//! awaits `fetch` and its request thread goes back to serve other requests
//! meanwhile, the action continuing on any request thread when the answer comes.

use app_kit::{Backend, PageError, Timeline};
use futures_util::future::BoxFuture;
use shared_models::{Gizmo, Product, Resource, Widget};

use super::Action;
use crate::views::{self, SyncOrAsync, SynchType, View};

/// The controller's name in URLs.
pub const NAME: &str = "Home";

/// Every action of the controller, with its filters declared. UseStopwatch,
/// OutputCache(NoStore) and HandleError apply to all (see `filters`).
pub static ACTIONS: [Action; 10] = [
    Action::sync("Products", products),
    Action::asynchronous("ProductsAsync", products_async),
    Action::sync("Widgets", widgets),
    Action::asynchronous("WidgetsAsync", widgets_async),
    Action::sync("Gizmos", gizmos),
    Action::asynchronous("GizmosAsync", gizmos_async),
    Action::sync("PWG", pwg),
    Action::asynchronous("PWGasync", pwg_async),
    // The sample passed a CancellationToken into GizmosCancelAsync. In Rust
    // every future is cancellable (drop it), so this is GizmosAsync plus the
    // declared timeout: with the API's 500-1500 ms delays it always times out,
    // the pending call is cancelled and the TimeoutError view is shown.
    Action::asynchronous("GizmosCancelAsync", gizmos_async).async_timeout(150),
    Action::asynchronous("PWGtimeOut", pwg_time_out).async_timeout(50),
];

/// Products, synchronously: this request thread waits for the API.
fn products(backend: &Backend, timeline: &Timeline) -> Result<View, PageError> {
    let products: Vec<Product> = backend.fetch_blocking(Resource::Products, timeline)?;
    Ok(views::products(&products, SyncOrAsync::Synchronous))
}

/// Products, asynchronously: no thread waits for the API.
fn products_async<'a>(backend: &'a Backend, timeline: &'a Timeline) -> BoxFuture<'a, Result<View, PageError>> {
    Box::pin(async move {
        let products: Vec<Product> = backend.fetch(Resource::Products, timeline).await?;
        Ok(views::products(&products, SyncOrAsync::Asynchronous))
    })
}

/// Widgets, synchronously.
fn widgets(backend: &Backend, timeline: &Timeline) -> Result<View, PageError> {
    let widgets: Vec<Widget> = backend.fetch_blocking(Resource::Widgets, timeline)?;
    Ok(views::widgets(&widgets, SyncOrAsync::Synchronous))
}

/// Widgets, asynchronously.
fn widgets_async<'a>(backend: &'a Backend, timeline: &'a Timeline) -> BoxFuture<'a, Result<View, PageError>> {
    Box::pin(async move {
        let widgets: Vec<Widget> = backend.fetch(Resource::Widgets, timeline).await?;
        Ok(views::widgets(&widgets, SyncOrAsync::Asynchronous))
    })
}

/// Gizmos, synchronously: the default action.
fn gizmos(backend: &Backend, timeline: &Timeline) -> Result<View, PageError> {
    let gizmos: Vec<Gizmo> = backend.fetch_blocking(Resource::Gizmos, timeline)?;
    Ok(views::gizmos(&gizmos, SyncOrAsync::Synchronous))
}

/// Gizmos, asynchronously.
fn gizmos_async<'a>(backend: &'a Backend, timeline: &'a Timeline) -> BoxFuture<'a, Result<View, PageError>> {
    Box::pin(async move {
        let gizmos: Vec<Gizmo> = backend.fetch(Resource::Gizmos, timeline).await?;
        Ok(views::gizmos(&gizmos, SyncOrAsync::Asynchronous))
    })
}

/// Products, widgets and gizmos one after another: about the sum of the delays.
fn pwg(backend: &Backend, timeline: &Timeline) -> Result<View, PageError> {
    let model = backend.pwg_sequential(timeline)?;
    Ok(views::pwg(&model, SynchType::Synchronous, &timeline.calls(), timeline.elapsed()))
}

/// Products, widgets and gizmos at once: about the longest of the delays.
fn pwg_async<'a>(backend: &'a Backend, timeline: &'a Timeline) -> BoxFuture<'a, Result<View, PageError>> {
    Box::pin(async move {
        let model = backend.pwg_parallel(timeline).await?;
        Ok(views::pwg(&model, SynchType::Asynchronous, &timeline.calls(), timeline.elapsed()))
    })
}

/// PWGasync with `[AsyncTimeout(50)]`: the three calls are cancelled together.
fn pwg_time_out<'a>(backend: &'a Backend, timeline: &'a Timeline) -> BoxFuture<'a, Result<View, PageError>> {
    Box::pin(async move {
        let model = backend.pwg_parallel(timeline).await?;
        Ok(views::pwg(&model, SynchType::AsynchronousWithCancellationToken, &timeline.calls(), timeline.elapsed()))
    })
}
