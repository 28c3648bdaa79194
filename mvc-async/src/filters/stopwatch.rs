//! UseStopwatch: the time from the start of the action to the rendering of
//! its view, shown as "Elapsed time" at the foot of the layout.
//!
//! The sample's filter started the clock in OnActionExecuting and stopped it
//! in OnResultExecuting, just before the view renders (not OnResultExecuted,
//! after it). Here the clock is read once, at that same point: in
//! [`Stopwatch::render`], before the view is laid out. The figure is the whole
//! duration to the millisecond; the sample's filter added only the seconds and
//! milliseconds parts (`Elapsed.Seconds + Elapsed.Milliseconds / 1000.0`), so
//! it lost whole minutes, and its Web Forms twin showed only the milliseconds.

use std::time::{Duration, Instant};

use app_kit::PageThreads;

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

    /// OnResultExecuting: reads the clock once, then renders `view` in the
    /// layout with that figure and the threads the action ran on (it started
    /// on `started_on`; it renders on this one).
    pub fn render(&self, view: View, started_on: String) -> String {
        let elapsed = self.elapsed();
        views::layout(&view, elapsed, Some(&PageThreads::rendering_now(started_on))).into_string()
    }
}
