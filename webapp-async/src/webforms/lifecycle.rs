//! Running a page through its lifecycle, synchronous or asynchronous, on the
//! request threads of the app's [`Host`]. A page's `?fault=` and `?status=`
//! are passed on to its backend calls ([`Injection`]).

use std::future::Future;
use std::time::Instant;

use actix_web::{HttpRequest, HttpResponse};
use app_kit::injection::Injection;
use app_kit::{Host, PageError, PageThreads, Timeline, threads};
use futures_util::FutureExt;
use futures_util::future::Either;
use maud::Markup;

use super::{AsyncContext, AsyncPage, Query, RenderContext, SyncContext, SyncPage, master};

/// Serves a synchronous page: Load, PreRender and Render all on one request
/// thread, which the page blocks throughout (its backend calls included).
pub async fn serve_sync<P: SyncPage>(request: HttpRequest, host: Host, query: Query) -> HttpResponse {
    let started = Instant::now();
    let host = match Injection::from_query(&query) {
        Ok(injection) => host.injecting(&injection),
        Err(error) => return host.respond(&request, Err(error), started.elapsed()),
    };
    let rendered = host
        .run_sync(move |backend| {
            let started_on = threads::current();
            let timeline = Timeline::start_at(started);
            let mut page = P::default();
            page.page_load(&SyncContext { backend, timeline: &timeline, query: &query })?;
            Ok(render(P::DIRECTIVES.title, P::render, &page, timeline, started, started_on))
        })
        .await;
    host.respond(&request, rendered, started.elapsed())
}

/// Serves an async page: when a request thread takes it, Load registers
/// tasks; after PreRender the tasks run within the AsyncTimeout, the page
/// giving its thread back at each pending await; then DataBind and Render, on
/// whichever request thread took up its last continuation.
///
/// Not an `async fn`, and the answer made by a combinator: the future that
/// waits for the page is held by the visitor's connection for the whole wait,
/// and an `async fn` keeps its arguments and each copy of them (the host, the
/// query, the page's own future before it moved to its task) in its state.
/// This one holds the request, the host and the page's handle, once.
pub fn serve_async<P: AsyncPage>(
    request: HttpRequest,
    host: Host,
    query: Query,
) -> impl Future<Output = HttpResponse> + use<P> {
    let started = Instant::now();
    let running = match Injection::from_query(&query) {
        Ok(injection) => {
            // Built before the page's future, so that the future holds it
            // once (not also the backend and the query it is made of).
            let mut ctx = AsyncContext::new(host.injecting(&injection).backend, Timeline::start_at(started), query);
            let page_run = async move {
                let started_on = threads::current();
                let mut page = P::default();
                page.page_load(&mut ctx)?;
                // PreRender has nothing to do here; the registered tasks run now.
                ctx.execute_registered_tasks(&mut page).await?;
                Ok::<_, PageError>(render(P::DIRECTIVES.title, P::render, &page, ctx.timeline(), started, started_on))
            };
            Either::Left(host.run_async(request.clone(), P::DIRECTIVES.async_timeout, page_run))
        }
        Err(error) => Either::Right(std::future::ready(Err(error))),
    };
    running.map(move |rendered| host.respond(&request, rendered, started.elapsed()))
}

/// Serves a page without the lifecycle and without backend calls (Default,
/// About, ThreadPool, TimeoutErrorPage): it still needs a request thread to
/// run on, as every ASP.NET request did, so under a starved pool it waits too.
pub async fn serve_static(
    request: HttpRequest,
    host: Host,
    render: impl FnOnce(&Host) -> String + Send + 'static,
) -> HttpResponse {
    let started = Instant::now();
    let on_thread = host.clone();
    let rendered = host.run_sync(move |_| Ok(render(&on_thread))).await;
    host.respond(&request, rendered, started.elapsed())
}

/// Render: the page's content in the master page, with the elapsed time of
/// its whole work (read once, at this moment) and the threads it ran on.
fn render<P>(
    title: &str,
    content: fn(&P, &RenderContext) -> Markup,
    page: &P,
    timeline: Timeline,
    started: Instant,
    started_on: String,
) -> String {
    let ctx = RenderContext { elapsed: started.elapsed(), timeline, threads: PageThreads::rendering_now(started_on) };
    master::page(title, content(page, &ctx), Some((ctx.elapsed, &ctx.threads))).into_string()
}
