//! `Error.cshtml`, `TimeoutError.cshtml`, and the page for unknown addresses.

use std::time::Duration;

use actix_web::HttpResponse;
use app_kit::PageError;
use maud::{PreEscaped, html};

use super::{View, layout};

/// `Error.cshtml`: the sample's heading, then what went wrong in words.
pub fn error(error: &PageError) -> View {
    View {
        title: "Error".into(),
        body: html! {
            // <h2> Sorry, an error occurred while processing your request. </h2>
            h2 { "Sorry, an error occurred while processing your request." }
            div.error { p { "Reason: " (error) } }
        },
    }
}

/// `TimeoutError.cshtml`: the sample's text, its notes on `customErrors`
/// included, then what timed out. (The sample had no `<title>`, and its
/// "Timeout Error" heading sat in its `<head>`, where browsers moved it to
/// the top of the body; here it is at the top of the body.)
pub fn timeout_error(error: &PageError) -> View {
    View {
        title: "Timeout Error".into(),
        body: html! {
            h2 { "Timeout Error" }
            h2 { "Your request has timed out." }
            p { "For this error page to be displayed, you need the following:" }
            ol {
                li {
                    "Add" (NBSP) (NBSP) " <customErrors mode=\"On\" />" (NBSP) " to the application root web.config."
                }
                li {
                    "For IE, the error message must be at least 500 bytes, or you get the following friendly IE error."
                    br; br;
                    h2 { "The website cannot display the page" }
                    br; "HTTP 500 " (NBSP)
                    h3 { "Most likely causes:" }
                    ul {
                        li { "The website is under maintenance." }
                        li { "The website has a programming error." }
                    }
                }
            }
            div.error {
                p { "Reason: " (error) ". Its pending calls to the Web API were cancelled." }
                p { "(The notes above are the sample's, about IIS. This app always shows this page, with status 504.)" }
            }
        },
    }
}

/// A no-break space, as the sample's `&nbsp;`.
const NBSP: PreEscaped<&str> = PreEscaped("&nbsp;");

/// A 404 page for an unknown controller, action or address.
pub fn not_found_response(reason: &str) -> HttpResponse {
    let view = View { title: "Not found".into(), body: html! { h1 { "Not found" } div.error { p { (reason) } } } };
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body(layout(&view, Duration::ZERO, None).into_string())
}
