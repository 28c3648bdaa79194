//! When each backend call of a page started and ended, on one time axis.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How a backend call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallOutcome {
    /// It answered and its answer was used.
    Ok,
    /// It failed (error status, bad body, no connection).
    Failed,
    /// It was abandoned: a timeout fired or the visitor left, and its future
    /// was dropped, which closed its connection to the Web API.
    Cancelled,
}

/// One backend call, as offsets from the start of the page's work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSpan {
    /// What was called, e.g. "Products".
    pub label: String,
    /// When it started.
    pub start: Duration,
    /// When it ended.
    pub end: Duration,
    /// How it ended.
    pub outcome: CallOutcome,
}

/// The clock of one page's work and the calls made during it. Cheap to clone;
/// clones record into the same list (the parallel calls of PWGasync do).
#[derive(Debug, Clone)]
pub struct Timeline {
    origin: Instant,
    calls: Arc<Mutex<Vec<CallSpan>>>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline::start()
    }
}

impl Timeline {
    /// Starts the clock now.
    pub fn start() -> Timeline {
        Timeline::start_at(Instant::now())
    }

    /// A clock that started at `origin` (when the request arrived, so that
    /// the wait for a request thread shows before the first call).
    pub fn start_at(origin: Instant) -> Timeline {
        Timeline { origin, calls: Arc::default() }
    }

    /// Time since the clock started.
    pub fn elapsed(&self) -> Duration {
        self.origin.elapsed()
    }

    /// The calls recorded so far, in the order they started.
    pub fn calls(&self) -> Vec<CallSpan> {
        let mut calls = self.lock().clone();
        calls.sort_by_key(|c| c.start);
        calls
    }

    /// Runs an async call and records it; if the future is dropped before it
    /// completes, the call is recorded as cancelled.
    pub fn time<'a, T, E, F>(&'a self, label: &'a str, call: F) -> Timed<'a, F>
    where
        F: Future<Output = Result<T, E>>,
    {
        Timed { call, timeline: self, label, span: None }
    }

    /// Runs a blocking call on this thread and records it.
    pub fn time_blocking<T, E>(&self, label: &str, call: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        let mut span = OpenSpan { timeline: self, label, start: self.elapsed(), outcome: CallOutcome::Cancelled };
        let result = call();
        span.outcome = if result.is_ok() { CallOutcome::Ok } else { CallOutcome::Failed };
        result
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<CallSpan>> {
        self.calls.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pin_project_lite::pin_project! {
    /// A call being timed ([`Timeline::time`]): its span opens when it is
    /// first polled (a serial task registered early starts late) and is
    /// recorded when it ends or is dropped.
    ///
    /// A future of its own rather than an `async fn`: an `async fn` stores the
    /// future passed to it and, apart, the one it awaits, so timing a call
    /// doubled its size, held for the whole wait of every page.
    pub struct Timed<'a, F> {
        #[pin]
        call: F,
        timeline: &'a Timeline,
        label: &'a str,
        span: Option<OpenSpan<'a>>,
    }
}

impl<T, E, F: Future<Output = Result<T, E>>> Future for Timed<'_, F> {
    type Output = Result<T, E>;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        let this = self.project();
        let (timeline, label) = (*this.timeline, *this.label);
        let span = this.span.get_or_insert_with(|| OpenSpan {
            timeline,
            label,
            start: timeline.elapsed(),
            outcome: CallOutcome::Cancelled,
        });
        let result = std::task::ready!(this.call.poll(cx));
        span.outcome = if result.is_ok() { CallOutcome::Ok } else { CallOutcome::Failed };
        // Recorded now, not when the page drops this future.
        *this.span = None;
        std::task::Poll::Ready(result)
    }
}

/// A call in progress; recorded when dropped, whichever way it ends.
struct OpenSpan<'a> {
    timeline: &'a Timeline,
    label: &'a str,
    start: Duration,
    outcome: CallOutcome,
}

impl Drop for OpenSpan<'_> {
    fn drop(&mut self) {
        let span = CallSpan {
            label: self.label.to_owned(),
            start: self.start,
            end: self.timeline.elapsed(),
            outcome: self.outcome,
        };
        self.timeline.lock().push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn records_each_call_with_its_outcome() {
        let timeline = Timeline::start();

        let ok: Result<u8, ()> = timeline.time("A", async { Ok(1) }).await;
        let failed: Result<u8, &str> = timeline.time_blocking("B", || Err("no"));
        let cancelled = tokio::time::timeout(
            Duration::from_millis(1),
            timeline.time("C", async { std::future::pending::<Result<(), ()>>().await }),
        )
        .await;

        assert!(ok.is_ok() && failed.is_err() && cancelled.is_err());
        let outcomes: Vec<_> = timeline.calls().into_iter().map(|c| (c.label, c.outcome)).collect();
        assert_eq!(
            outcomes,
            [("A".into(), CallOutcome::Ok), ("B".into(), CallOutcome::Failed), ("C".into(), CallOutcome::Cancelled)]
        );
    }
}
