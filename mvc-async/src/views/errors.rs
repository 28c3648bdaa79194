//! `Error.cshtml`, `TimeoutError.cshtml`, and the page for unknown addresses.

use std::time::Duration;

use actix_web::HttpResponse;
use app_kit::PageError;
use maud::html;

use super::{View, layout};

/// `Error.cshtml`: the sample's sentence, and what went wrong in words.
pub fn error(error: &PageError) -> View {
    View {
        title: "Error".into(),
        body: html! {
            h1 { "Error" }
            div.error {
                p { "Sorry, an error occurred while processing your request." }
                p { "Reason: " (error) }
            }
        },
    }
}

/// `TimeoutError.cshtml`.
pub fn timeout_error(error: &PageError) -> View {
    View {
        title: "Timeout".into(),
        body: html! {
            h1 { "Timeout" }
            div.error {
                p { "Your request has timed out." }
                p { "Reason: " (error) ". Its pending calls to the Web API were cancelled." }
            }
        },
    }
}

/// A 404 page for an unknown controller, action or address.
pub fn not_found_response(reason: &str) -> HttpResponse {
    let view = View { title: "Not found".into(), body: html! { h1 { "Not found" } div.error { p { (reason) } } } };
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body(layout(&view, Duration::ZERO, None).into_string())
}
