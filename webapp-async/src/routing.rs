//! `.aspx` addresses to pages. Names ignore case, as IIS did.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use app_kit::AppSettings;
use app_kit::page::Pages;

use crate::pages::cancellation::{GizmosCancelAsync, GizmosCancelBtnAsync};
use crate::pages::lists::{Gizmos, GizmosAsync, Products, ProductsAsync, Widgets, WidgetsAsync};
use crate::pages::pwg::{Pwg, PwgAsync};
use crate::pages::url_status::UrlStatusPage;
use crate::pages::{error_pages, home};
use crate::webforms::lifecycle::{serve_async, serve_sync};
use crate::webforms::master;

/// The script of GizmosCancelBtnAsync's Cancel button (a file, for the CSP).
const CANCEL_BUTTON_JS: &str = include_str!("../static/cancel-button.js");

/// Registers the pages (after the common `/site.css`, `/healthz`, `/metrics`).
pub fn configure(settings: AppSettings) -> impl Fn(&mut web::ServiceConfig) + Clone + Send + 'static {
    move |cfg| {
        cfg.app_data(web::Data::new(settings.clone()))
            .app_data(web::QueryConfig::default().error_handler(|error, request| {
                let reason = app_kit::PageError::BadRequest(format!("the query string is malformed: {error}"));
                let page = error_pages::for_error(request, &reason, std::time::Duration::ZERO);
                actix_web::error::InternalError::from_response(error, page).into()
            }))
            .route("/", web::get().to(default_page))
            .route("/cancel-button.js", web::get().to(cancel_button_js))
            .route("/source/{file}", web::get().to(source))
            .route("/{page}", web::get().to(page))
            .default_service(web::to(|request: HttpRequest| async move { error_pages::not_found(request.path()) }));
    }
}

async fn default_page(settings: web::Data<AppSettings>, pages: web::Data<Pages>) -> HttpResponse {
    home::default_page(&settings, &pages)
}

async fn source(request: HttpRequest, file: web::Path<String>) -> HttpResponse {
    crate::pages::source::source_page(&file, request.path())
}

async fn cancel_button_js() -> HttpResponse {
    HttpResponse::Ok().content_type("text/javascript; charset=utf-8").body(CANCEL_BUTTON_JS)
}

/// Finds the page by its name, ignoring case, and serves it.
async fn page(
    request: HttpRequest,
    name: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
    settings: web::Data<AppSettings>,
    pages: web::Data<Pages>,
) -> HttpResponse {
    let query = query.into_inner();
    let (request, pages) = (&request, pages.get_ref());
    match name.to_ascii_lowercase().as_str() {
        "default.aspx" => home::default_page(&settings, pages),
        "about.aspx" => home::about_page(),
        "products.aspx" => serve_sync::<Products>(request, pages, query).await,
        "productsasync.aspx" => serve_async::<ProductsAsync>(request, pages, query).await,
        "widgets.aspx" => serve_sync::<Widgets>(request, pages, query).await,
        "widgetsasync.aspx" => serve_async::<WidgetsAsync>(request, pages, query).await,
        "gizmos.aspx" => serve_sync::<Gizmos>(request, pages, query).await,
        "gizmosasync.aspx" => serve_async::<GizmosAsync>(request, pages, query).await,
        "pwg.aspx" => serve_sync::<Pwg>(request, pages, query).await,
        "pwgasync.aspx" => serve_async::<PwgAsync>(request, pages, query).await,
        "gizmoscancelasync.aspx" => serve_async::<GizmosCancelAsync>(request, pages, query).await,
        "gizmoscancelbtnasync.aspx" => serve_async::<GizmosCancelBtnAsync>(request, pages, query).await,
        "urlstatus.aspx" => serve_async::<UrlStatusPage>(request, pages, query).await,
        "timeouterrorpage.aspx" => master::html_response(
            actix_web::http::StatusCode::OK,
            master::page("Friendly Timeout Page", error_pages::friendly_timeout(None), None).into_string(),
        ),
        _ => error_pages::not_found(request.path()),
    }
}
