//! What can be seen of the pool at one moment: for `/metrics`, the home
//! pages and the live thread-pool view.

use serde::Serialize;

/// A point-in-time view of the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PoolSnapshot {
    /// Request threads alive now.
    pub threads: usize,
    /// Threads running a page (or a step of one) now.
    pub busy: usize,
    /// New requests waiting for a thread now.
    pub queued: usize,
    /// Continuations of admitted async pages waiting for a thread now.
    pub continuations_queued: usize,
    /// Threads the gate thread added so far (above the minimum).
    pub injected: u64,
    /// Threads that retired after their idle time so far.
    pub retired: u64,
    /// Requests refused with 503 so far.
    pub rejected: u64,
    /// Items run so far: whole synchronous pages and async pages' steps.
    pub steps: u64,
    /// The minimum: threads started at once.
    pub min_threads: usize,
    /// The maximum.
    pub max_threads: usize,
    /// The queue's length for new requests.
    pub queue_length: usize,
}

impl PoolSnapshot {
    /// Threads waiting for work now.
    pub fn idle(&self) -> usize {
        self.threads - self.busy
    }
}
