//! `.aspx` addresses to pages, from the page table ([`crate::site_map`]).
//! Names ignore case, as IIS did.

use actix_web::{HttpRequest, HttpResponse, web};
use app_kit::Host;
use futures_util::future::LocalBoxFuture;

use crate::pages::error_pages;
use crate::site_map::{self, PageEntry};
use crate::webforms::Query;

/// The script of GizmosCancelBtnAsync's Cancel button (a file, for the CSP).
const CANCEL_BUTTON_JS: &str = include_str!("../static/cancel-button.js");

/// The pages a burst of the live view loads.
pub fn live_view() -> app_kit::live::LiveView {
    app_kit::live::LiveView::new(site_map::BURST_PAGES.0, site_map::BURST_PAGES.1)
}

/// Registers the pages (after the common `/site.css`, `/healthz`, `/metrics`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    // Each page at its own spelling first, a static route: no path captured
    // and no page looked up, on the way of every request (and none of it held
    // by a waiting one). Other spellings take `/{page}` below.
    for entry in site_map::PAGES {
        cfg.route(entry.path, web::get().to(move |r: HttpRequest, h: web::Data<Host>| serve(entry, r, &h)));
    }
    cfg.route("/", web::get().to(|r: HttpRequest, h: web::Data<Host>| find_and_serve("/Default.aspx", r, &h)))
        .route("/cancel-button.js", web::get().to(cancel_button_js))
        .route("/source/{file}", web::get().to(source))
        .route("/{page}", web::get().to(named_page))
        .default_service(web::to(|request: HttpRequest| async move { error_pages::not_found(request.path()) }));
}

/// Any other spelling of a page's address.
fn named_page(request: HttpRequest, host: web::Data<Host>) -> LocalBoxFuture<'static, HttpResponse> {
    let path = format!("/{}", request.match_info().query("page"));
    find_and_serve(&path, request, &host)
}

/// Finds the page at `path`, ignoring case as IIS did, and serves it.
fn find_and_serve(path: &str, request: HttpRequest, host: &Host) -> LocalBoxFuture<'static, HttpResponse> {
    match site_map::find(path) {
        Some(entry) => serve(entry, request, host),
        None => Box::pin(std::future::ready(error_pages::not_found(request.path()))),
    }
}

/// `entry`'s page, its query read here rather than by an extractor: actix
/// keeps a handler's future in one box sized for its extraction too, and a
/// query's extraction was most of that box, held by every waiting page.
fn serve(entry: &PageEntry, request: HttpRequest, host: &Host) -> LocalBoxFuture<'static, HttpResponse> {
    match web::Query::<Query>::from_query(request.query_string()) {
        Ok(query) => (entry.handler)(request, host.clone(), query.into_inner()),
        Err(error) => Box::pin(std::future::ready(malformed_query(&error, &request))),
    }
}

/// The Bad Request page for a query string that cannot be read.
fn malformed_query(error: &actix_web::error::QueryPayloadError, request: &HttpRequest) -> HttpResponse {
    let reason = app_kit::PageError::BadRequest(format!("the query string is malformed: {error}"));
    error_pages::bad_request(request, &reason)
}

async fn source(request: HttpRequest, file: web::Path<String>) -> HttpResponse {
    crate::pages::source::source_page(&file, request.path())
}

async fn cancel_button_js() -> HttpResponse {
    HttpResponse::Ok().content_type("text/javascript; charset=utf-8").body(CANCEL_BUTTON_JS)
}
