//! The pages shown when a page cannot show its data, and for unknown addresses.

use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use app_kit::PageError;
use maud::{Markup, html};

use crate::webforms::master;

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

/// The answer for a page that failed with `error`: the Friendly Timeout Page
/// (504) for a timeout, as the sample's `Server.Transfer` did, otherwise an
/// error page with the reason and the fitting status.
pub fn for_error(request: &HttpRequest, error: &PageError, elapsed: Duration) -> HttpResponse {
    let status = error.status();
    if !matches!(error, PageError::Cancelled) {
        tracing::warn!(path = request.path(), status = status.as_u16(), %error, "page failed");
    }
    let (title, content) = match error {
        e if e.is_timeout() => ("Friendly Timeout Page", friendly_timeout(Some(&e.to_string()))),
        PageError::TooBusy => ("Server Too Busy", message("Server Too Busy", error)),
        PageError::BadRequest(_) => ("Bad request", message("Bad request", error)),
        _ => ("Error", message("Sorry, an error occurred while processing your request.", error)),
    };
    let mut response = master::html_response(status, master::page(title, content, Some(elapsed)).into_string());
    if matches!(error, PageError::TooBusy) {
        response
            .headers_mut()
            .insert(actix_web::http::header::RETRY_AFTER, actix_web::http::header::HeaderValue::from_static("1"));
    }
    response
}

/// The 404 page.
pub fn not_found(path: &str) -> HttpResponse {
    let content = html! {
        h1 { "Page not found" }
        div.error { p { "There is no page at " code { (path) } ". The menu above lists every page." } }
    };
    master::html_response(StatusCode::NOT_FOUND, master::page("Not found", content, None).into_string())
}

fn message(heading: &str, error: &PageError) -> Markup {
    html! { h1 { (heading) } div.error { p { "Reason: " (error) } } }
}
