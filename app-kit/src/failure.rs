//! The failure policy of both apps, written once: what a failed page answers
//! (status and headers), what is logged (one line), and what is counted.
//! Each app supplies only its markup, through [`ErrorPages`].

use std::time::Duration;

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER};

use crate::metrics::AppMetrics;
use crate::page_error::PageError;

/// An app's error markup: whole HTML documents in the app's own frame.
pub trait ErrorPages: Send + Sync + 'static {
    /// The page for a timeout (504): the sample's friendly timeout page.
    fn timeout_page(&self, error: &PageError, elapsed: Duration) -> String;

    /// The page for any other failure, with the reason in words.
    fn error_page(&self, error: &PageError, elapsed: Duration) -> String;
}

/// The answer for a page at `path` that failed with `error` after `elapsed`.
///
/// - Status from [`PageError::status`]; `Retry-After: 1` on 503; never cached.
/// - One log line: info for a timeout or a visitor who left (nobody sees that
///   answer), warn for the rest.
/// - Counted: timeouts and cancellations here; 503s by the request pool,
///   which refused them.
pub fn respond(
    error: &PageError,
    path: &str,
    elapsed: Duration,
    metrics: &AppMetrics,
    pages: &dyn ErrorPages,
) -> HttpResponse {
    let status = error.status();
    match error {
        PageError::Timeout { after } => {
            metrics.timeouts.inc();
            tracing::info!(path, after_ms = after.as_millis(), "AsyncTimeout: page and its backend calls cancelled");
        }
        PageError::Cancelled => {
            metrics.cancellations.inc();
            tracing::info!(path, "visitor hung up: page and its backend calls cancelled");
        }
        PageError::TooBusy => tracing::warn!(path, "503 Server Too Busy: no request thread free and the queue is full"),
        _ => tracing::warn!(path, status = status.as_u16(), %error, "page failed"),
    }
    let html = if error.is_timeout() { pages.timeout_page(error, elapsed) } else { pages.error_page(error, elapsed) };
    let mut response = HttpResponse::build(status);
    response.insert_header((CONTENT_TYPE, "text/html; charset=utf-8")).insert_header((CACHE_CONTROL, "no-store"));
    if matches!(error, PageError::TooBusy) {
        response.insert_header((RETRY_AFTER, "1"));
    }
    response.body(html)
}
