//! The gate thread: how the pool grows above its minimum.
//!
//! .NET's thread pool did not start a thread for every waiting work item. Up
//! to its minimum it did; above it, a gate thread checked about every 500 ms
//! whether work was waiting with every thread busy ("starvation"), and if so
//! added one thread. (.NET also ran a hill-climbing algorithm that tunes the
//! count for throughput; that is left out here: under a burst of blocking
//! requests the gate thread is what sets the pace.) So a burst of 1,000
//! blocking pages gets about two new threads a second, not 1,000 at once.

use std::sync::Arc;

use super::{Shared, worker};

/// Starts the gate thread; it ends when the pool closes.
pub(super) fn start(shared: Arc<Shared>) {
    let spawned = std::thread::Builder::new().name("thread pool gate".into()).spawn(move || run(&shared));
    if let Err(error) = spawned {
        tracing::error!(%error, "cannot start the thread pool's gate thread; the pool will not grow above its minimum");
    }
}

fn run(shared: &Arc<Shared>) {
    let interval = shared.config.injection_interval;
    let mut state = shared.lock();
    loop {
        // Sleep until work waits with no thread free...
        while !state.closed && !starving(shared, &state) {
            state.gate_waiting = true;
            state = shared.starving.wait(state).unwrap_or_else(|p| p.into_inner());
            state.gate_waiting = false;
        }
        // ...then give the busy threads one interval to free themselves.
        let deadline = std::time::Instant::now() + interval;
        while !state.closed {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            state = shared.starving.wait_timeout(state, left).unwrap_or_else(|p| p.into_inner()).0;
        }
        if state.closed {
            return;
        }
        if starving(shared, &state) && worker::start(shared, &mut state) {
            state.injected += 1;
        }
    }
}

/// Work waits, no idle thread will take it, and the pool may still grow.
fn starving(shared: &Shared, state: &super::State) -> bool {
    state.work_waits() && state.threads < shared.config.max_threads
}
