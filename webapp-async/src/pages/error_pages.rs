//! The app's error markup: TimeoutErrorPage.aspx, the error page, the 404
//! page. When to show which, with what status and headers, is app-kit's
//! failure policy ([`app_kit::failure`]); this file only draws them.

use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use app_kit::PageError;
use app_kit::failure::ErrorPages;
use maud::{Markup, html};

use crate::webforms::master;

/// The Web Forms app's error pages, for [`app_kit::Host`].
#[derive(Debug, Clone, Copy, Default)]
pub struct WebFormsErrorPages;

impl ErrorPages for WebFormsErrorPages {
    /// Where a timed-out page is transferred, as the sample's `Server.Transfer` did.
    fn timeout_page(&self, error: &PageError, _elapsed: Duration) -> String {
        master::page("Friendly Timeout Page", friendly_timeout(Some(&error.to_string())), None).into_string()
    }

    fn error_page(&self, error: &PageError, _elapsed: Duration) -> String {
        let (title, heading) = match error {
            PageError::TooBusy => ("Server Too Busy", "Server Too Busy"),
            PageError::BadRequest(_) => ("Bad request", "Bad request"),
            _ => ("Error", "Sorry, an error occurred while processing your request."),
        };
        master::page(title, html! { h1 { (heading) } div.error { p { "Reason: " (error) } } }, None).into_string()
    }
}

/// TimeoutErrorPage.aspx's content: where a timed-out page is transferred.
pub fn friendly_timeout(reason: Option<&str>) -> Markup {
    html! {
        h1 { "Friendly Timeout Page" }
        div.error {
            p { "The page took longer than it was allowed to, so its work was stopped." }
            @if let Some(reason) = reason { p { "Reason: " (reason) ". Its pending calls to the Web API were cancelled." } }
        }
        p { "Try again: the Web API's delays are random, so the next load may be in time." }
    }
}

/// TimeoutErrorPage.aspx opened directly.
pub fn timeout_error_page() -> String {
    master::page("Friendly Timeout Page", friendly_timeout(None), None).into_string()
}

/// A 400 for a request malformed before any page ran (its query string).
pub fn bad_request(request: &HttpRequest, error: &PageError) -> HttpResponse {
    tracing::info!(path = request.path(), %error, "bad request");
    master::html_response(StatusCode::BAD_REQUEST, WebFormsErrorPages.error_page(error, Duration::ZERO))
}

/// The 404 page.
pub fn not_found(path: &str) -> HttpResponse {
    let content = html! {
        h1 { "Page not found" }
        div.error { p { "There is no page at " code { (path) } ". The menu above lists every page." } }
    };
    master::html_response(StatusCode::NOT_FOUND, master::page("Not found", content, None).into_string())
}
