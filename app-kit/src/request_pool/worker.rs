//! A request thread's life: take work, run it, wait idle, retire.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::Instant;

use super::{Queued, STACK_SIZE, Shared, State, Work};

/// Starts one request thread and counts it; it takes its work from the queue.
/// Returns false when the system refuses another thread.
pub(super) fn start(shared: &Arc<Shared>, state: &mut State) -> bool {
    state.started += 1;
    let name = format!("request thread #{}", state.started);
    let thread_shared = shared.clone();
    let spawned = std::thread::Builder::new().name(name).stack_size(STACK_SIZE).spawn(move || run(&thread_shared));
    match spawned {
        Ok(_) => {
            state.threads += 1;
            true
        }
        Err(error) => {
            tracing::warn!(%error, threads = state.threads, "cannot start another request thread");
            false
        }
    }
}

/// The thread's loop. It enters the I/O runtime once, so that the async pages
/// it polls register their sockets and timers there.
fn run(shared: &Shared) {
    let _io = shared.io.enter();
    let mut ran = false;
    while let Some(work) = take_work(shared, ran) {
        execute(work);
        ran = true;
    }
}

/// Runs one item; a panicking page must not take its thread down with it.
fn execute(work: Work) {
    let _ = catch_unwind(AssertUnwindSafe(|| match work {
        Work::Blocking(job) => job(),
        Work::Step(runnable) => {
            runnable.run();
        }
    }));
}

/// Waits for the next item. Returns `None` when the pool closes, or when this
/// thread is above the minimum and stayed idle for the idle timeout (retired).
fn take_work(shared: &Shared, ran: bool) -> Option<Work> {
    let mut state = shared.lock();
    if ran {
        state.steps += 1;
    }
    let idle_since = Instant::now();
    loop {
        if let Some(Queued { work, new_request }) = state.queue.pop_front() {
            if new_request {
                state.waiting_requests -= 1;
            }
            // One woken thread at a time looks for work; the one that found
            // some passes the search on while work is left (`Shared::wake`).
            let wake = super::pass_the_search_on(&mut state);
            drop(state);
            shared.wake(wake);
            return Some(work);
        }
        if state.closed {
            state.threads -= 1;
            return None;
        }
        let above_minimum = state.threads > shared.config.min_threads;
        if above_minimum && idle_since.elapsed() >= shared.config.idle_timeout {
            state.threads -= 1;
            state.retired += 1;
            return None;
        }
        state.idle += 1;
        state = if above_minimum {
            let left = shared.config.idle_timeout.saturating_sub(idle_since.elapsed());
            shared.work_ready.wait_timeout(state, left).unwrap_or_else(|p| p.into_inner()).0
        } else {
            shared.work_ready.wait(state).unwrap_or_else(|p| p.into_inner())
        };
        state.idle -= 1;
        // Woken (or timed out): whoever was woken to search is awake now.
        state.searching = false;
    }
}
