//! HandleError: a failed action shows a view, never a stack trace.
//!
//! As in the sample: a timeout (the action's AsyncTimeout) shows the
//! TimeoutError view; anything else the Error view, with the reason in words.
//! The status, the headers, the log line and the counters are app-kit's
//! failure policy ([`app_kit::failure`]), shared with the Web Forms app; this
//! file only chooses and draws the view.

use std::time::Duration;

use app_kit::PageError;
use app_kit::failure::ErrorPages;

use crate::views;

/// The MVC app's error views, for [`app_kit::Host`].
#[derive(Debug, Clone, Copy, Default)]
pub struct HandleError;

impl ErrorPages for HandleError {
    fn timeout_page(&self, error: &PageError, elapsed: Duration) -> String {
        views::layout(&views::timeout_error(error), elapsed, None).into_string()
    }

    fn error_page(&self, error: &PageError, elapsed: Duration) -> String {
        views::layout(&views::error(error), elapsed, None).into_string()
    }
}
