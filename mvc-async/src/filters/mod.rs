//! Action filters, each written once, and the invoker that applies them.
//!
//! In ASP.NET MVC, filters are attributes on an action; the framework runs
//! them around it. Here [`invoke`] does the same, in this order:
//! 1. [`stopwatch`] (UseStopwatch): starts the clock before the action.
//! 2. [`async_timeout`] (AsyncTimeout): bounds an async action's time.
//! 3. the action itself, on a request thread: a sync one blocks it to the
//!    end; an async one gives it back at each pending await.
//! 4. [`handle_error`] (HandleError): the Error or TimeoutError view for a
//!    failure; app-kit's failure policy sets the status and logs it.
//! 5. [`output_cache`] (OutputCache NoStore): forbids caching the answer.

pub mod async_timeout;
pub mod handle_error;
pub mod output_cache;
pub mod stopwatch;

use std::collections::HashMap;
use std::future::Future;

use actix_web::{HttpRequest, HttpResponse, web};
use app_kit::injection::Injection;
use app_kit::{Host, PageError, Timeline, threads};
use futures_util::FutureExt;
use futures_util::future::Either;

use crate::controllers::{Action, ActionBody};
use stopwatch::Stopwatch;

/// Runs `action` for `request` with every filter, and answers.
/// A request's `?fault=` and `?status=` are passed on to the action's backend
/// calls ([`Injection`]): a failing or hung backend on demand.
///
/// Not an `async fn`, and the answer made by a combinator: the future that
/// waits for an async action is held by the visitor's connection for the
/// whole wait, and an `async fn` keeps its arguments and each copy of them
/// (the host, the action's own future before it moved to its task) in its
/// state. This one holds the request, the host and the action's handle, once.
pub fn invoke(action: &Action, request: &HttpRequest, host: &Host) -> impl Future<Output = HttpResponse> + use<> {
    let stopwatch = Stopwatch::start();
    let (request, host) = (request.clone(), host.clone());
    let query = web::Query::<HashMap<String, String>>::from_query(request.query_string()).map(web::Query::into_inner);
    let injection = query.map_err(|e| PageError::BadRequest(format!("the query string is malformed: {e}")));
    let rendered = match injection.and_then(|query| Injection::from_query(&query)) {
        Err(error) => Either::Left(std::future::ready(Err(error))),
        Ok(injection) => Either::Right(run(action, &request, host.injecting(&injection), stopwatch)),
    };
    rendered.map(move |rendered| output_cache::no_store(host.respond(&request, rendered, stopwatch.elapsed())))
}

/// The action itself, on the request threads of `host`.
fn run(
    action: &Action,
    request: &HttpRequest,
    host: Host,
    stopwatch: Stopwatch,
) -> impl Future<Output = Result<String, PageError>> + use<> {
    match action.body {
        // The whole action, view rendering included, holds a request thread.
        ActionBody::Sync(body) => Either::Left(async move {
            host.run_sync(move |backend| {
                let started_on = threads::current();
                body(backend, &Timeline::start()).map(|view| stopwatch.render(view, started_on))
            })
            .await
        }),
        // Started on a request thread, continued on any, rendered on the last.
        // The action's future moves into its task at once.
        ActionBody::Async(body) => {
            let backend = host.backend.clone();
            let work = async move {
                let started_on = threads::current();
                let timeline = Timeline::start();
                let view = body(&backend, &timeline).await?;
                Ok(stopwatch.render(view, started_on))
            };
            Either::Right(host.run_async(request.clone(), async_timeout::of(action), work))
        }
    }
}
