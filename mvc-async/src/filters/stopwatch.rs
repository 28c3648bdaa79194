//! UseStopwatch: the time from the start of the action to the rendering of
//! its view, shown as "Elapsed time" at the foot of the layout.
//!
//! The sample's filter measured from OnActionExecuting to OnResultExecuted.
//! Here the clock is read while the layout is rendered, so the figure covers
//! the action and its view, and is correct to the millisecond (the sample's
//! WebForms twin showed only the milliseconds part of the elapsed time).

use std::time::{Duration, Instant};

use crate::views::{self, View};

/// A started stopwatch; `Copy`, so a synchronous action takes it to its thread.
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch(Instant);

impl Stopwatch {
    /// Starts now (OnActionExecuting).
    pub fn start() -> Stopwatch {
        Stopwatch(Instant::now())
    }

    /// Time since the start.
    pub fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }

    /// Renders `view` in the layout, with the elapsed time read at this moment.
    pub fn render(&self, view: View) -> String {
        views::layout(&view, self.elapsed()).into_string()
    }
}
