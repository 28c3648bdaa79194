//! HandleError: a failed action shows a view, never a stack trace.
//!
//! As in the sample: a timeout (the action's AsyncTimeout, or the API's answer
//! not coming in time) shows the TimeoutError view; anything else the Error
//! view, with the reason in words. The status says what happened: 504, 502,
//! 503 (with Retry-After) or 500.

use actix_web::HttpResponse;
use app_kit::PageError;

use super::stopwatch::Stopwatch;
use crate::views;

/// The answer for an action that failed with `error`.
pub fn view_for(error: &PageError, action: &str, stopwatch: &Stopwatch) -> HttpResponse {
    let status = error.status();
    if !matches!(error, PageError::Cancelled) {
        tracing::warn!(action, status = status.as_u16(), %error, "action failed");
    }
    let view = if error.is_timeout() { views::timeout_error(error) } else { views::error(error) };
    let mut response = HttpResponse::build(status);
    if matches!(error, PageError::TooBusy) {
        response.insert_header(("Retry-After", "1"));
    }
    response.content_type("text/html; charset=utf-8").body(stopwatch.render(view))
}
