//! Running a page through its lifecycle, synchronous or asynchronous.

use std::time::Instant;

use actix_web::{HttpRequest, HttpResponse};
use app_kit::page::Pages;
use app_kit::{PageError, Timeline};
use maud::Markup;

use super::{AsyncContext, AsyncPage, Query, RenderContext, SyncContext, SyncPage, master};
use crate::pages::error_pages;

/// Serves a synchronous page: Load, PreRender and Render all on one request
/// thread, which the page blocks throughout (its backend calls included).
pub async fn serve_sync<P: SyncPage>(request: &HttpRequest, pages: &Pages, query: Query) -> HttpResponse {
    let started = Instant::now();
    let rendered = pages
        .run_sync(move |backend| {
            let timeline = Timeline::start();
            let mut page = P::default();
            page.page_load(&SyncContext { backend, timeline: &timeline, query: &query })?;
            Ok(render(P::DIRECTIVES.title, P::render, &page, timeline, started))
        })
        .await;
    respond(request, rendered, started)
}

/// Serves an async page: Load registers tasks, then (after PreRender) the tasks
/// run together within the AsyncTimeout, holding no thread; then DataBind and Render.
pub async fn serve_async<P: AsyncPage>(request: &HttpRequest, pages: &Pages, query: Query) -> HttpResponse {
    let started = Instant::now();
    let timeline = Timeline::start();
    let mut page = P::default();
    let mut ctx = AsyncContext::new(pages.backend.clone(), timeline.clone(), query);
    let rendered = async {
        page.page_load(&mut ctx)?;
        // PreRender has nothing to do here; the registered tasks run now, together.
        let tasks = futures_util::future::try_join_all(ctx.into_tasks());
        let binders = pages.run_async(request, Some(P::DIRECTIVES.async_timeout), tasks).await?;
        binders.into_iter().for_each(|bind| bind(&mut page));
        Ok(render(P::DIRECTIVES.title, P::render, &page, timeline, started))
    }
    .await;
    respond(request, rendered, started)
}

/// Render: the page's content in the master page, with the elapsed time of
/// its whole work, read at this moment.
fn render<P>(
    title: &str,
    content: fn(&P, &RenderContext) -> Markup,
    page: &P,
    timeline: Timeline,
    started: Instant,
) -> String {
    let content = content(page, &RenderContext { elapsed: started.elapsed(), timeline });
    master::page(title, content, Some(started.elapsed())).into_string()
}

/// The answer: the page, or the error page that fits (Server.Transfer to the
/// friendly timeout page for a timeout).
fn respond(request: &HttpRequest, rendered: Result<String, PageError>, started: Instant) -> HttpResponse {
    match rendered {
        Ok(html) => master::html_response(actix_web::http::StatusCode::OK, html),
        Err(error) => error_pages::for_error(request, &error, started.elapsed()),
    }
}
