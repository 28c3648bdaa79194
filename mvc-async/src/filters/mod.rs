//! Action filters, each written once, and the invoker that applies them.
//!
//! In ASP.NET MVC, filters are attributes on an action; the framework runs
//! them around it. Here [`invoke`] does the same, in this order:
//! 1. [`stopwatch`] (UseStopwatch): starts the clock before the action.
//! 2. [`async_timeout`] (AsyncTimeout): bounds an async action's time.
//! 3. the action itself: on a request thread if synchronous.
//! 4. [`handle_error`] (HandleError): turns a failure into the Error or
//!    TimeoutError view with the right status.
//! 5. [`output_cache`] (OutputCache NoStore): forbids caching the answer.

pub mod async_timeout;
pub mod handle_error;
pub mod output_cache;
pub mod stopwatch;

use actix_web::{HttpRequest, HttpResponse};
use app_kit::Timeline;
use app_kit::page::Pages;

use crate::controllers::{Action, ActionBody};
use stopwatch::Stopwatch;

/// Runs `action` for `request` with every filter, and answers.
pub async fn invoke(action: &Action, request: &HttpRequest, pages: &Pages) -> HttpResponse {
    let stopwatch = Stopwatch::start();
    let rendered = match action.body {
        // The whole action, view rendering included, holds a request thread.
        ActionBody::Sync(body) => {
            pages.run_sync(move |backend| body(backend, &Timeline::start()).map(|view| stopwatch.render(view))).await
        }
        ActionBody::Async(body) => {
            let timeline = Timeline::start();
            let work = body(&pages.backend, &timeline);
            pages.run_async(request, async_timeout::of(action), work).await.map(|view| stopwatch.render(view))
        }
    };
    let response = match rendered {
        Ok(html) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html),
        Err(error) => handle_error::view_for(&error, action.name, &stopwatch),
    };
    output_cache::no_store(response)
}
