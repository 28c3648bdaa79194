//! The request threads: one pool of OS threads that every page runs on, as
//! ASP.NET ran every request on the CLR thread pool.
//!
//! This is the resource the tutorial is about. Every page request, synchronous
//! or asynchronous, needs a request thread to start:
//! - a **synchronous** page keeps its thread to its last byte, also while it
//!   only waits for the Web API ([`RequestPool::run`]);
//! - an **asynchronous** page runs on it until its first pending await and
//!   gives it back; when its I/O completes, its continuation is queued for a
//!   request thread again and runs on whichever takes it
//!   ([`RequestPool::spawn`]). As under ASP.NET's synchronization context, one
//!   page's continuations never run on two threads at once.
//!
//! New requests wait in a bounded queue when no thread is free (HTTP.sys's
//! queue); past it they get "503 Server Too Busy". The continuation of a page
//! already admitted is never refused.
//!
//! Threads are not all there at once. As in .NET, the pool starts threads at
//! once only up to its minimum (one per CPU by default); above it, a gate
//! thread adds one thread per injection interval (500 ms) while work waits and
//! no thread is free (`injector.rs`), and threads above the minimum retire
//! after an idle time (20 s). That slow injection is why a burst of blocking
//! requests starves a server long before its maximum. An interval of zero
//! starts threads at once, to compare.
//!
//! Files: `mod.rs` (admission and the queue), `worker.rs` (a request thread's
//! life), `injector.rs` (the gate thread), `snapshot.rs` (what is visible).

mod injector;
mod snapshot;
mod worker;

use std::collections::VecDeque;
use std::future::Future;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

pub use snapshot::PoolSnapshot;

/// A blocking job: a synchronous page's whole work.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The stack of each request thread: the figure of the tutorial's "5,000
/// threads is about 5 GB" (on Linux only touched pages become resident).
const STACK_SIZE: usize = 1024 * 1024;

/// How the pool grows and shrinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolConfig {
    /// Threads started at once when work comes (.NET's minimum: one per CPU).
    pub min_threads: usize,
    /// The most threads there may be (the tutorial's 5,000).
    pub max_threads: usize,
    /// New requests that may wait for a thread before 503.
    pub queue_length: usize,
    /// Above the minimum, one new thread per this interval while work waits;
    /// zero starts threads at once.
    pub injection_interval: Duration,
    /// Threads above the minimum retire after this long without work.
    pub idle_timeout: Duration,
}

impl PoolConfig {
    /// Threads start at once up to `max_threads` and never retire: the
    /// simplest pool, for tests.
    pub fn instant(max_threads: usize, queue_length: usize) -> PoolConfig {
        PoolConfig {
            min_threads: 1,
            max_threads,
            queue_length,
            injection_interval: Duration::ZERO,
            idle_timeout: Duration::from_secs(20),
        }
    }
}

/// Why the pool did not run a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// No thread was free and the queue was full: answer 503.
    #[error("every request thread is busy and the request queue is full")]
    TooBusy,
    /// The page panicked on its thread (the thread survives it).
    #[error("the page failed on its request thread")]
    Panicked,
}

/// The pool; clones share it. Its threads stop when the last clone is dropped.
#[derive(Debug, Clone)]
pub struct RequestPool {
    shared: Arc<Shared>,
    _closer: Arc<Closer>,
}

/// What a request thread runs next.
enum Work {
    /// A synchronous page, from start to end.
    Blocking(Job),
    /// One step of an async page: its start, or a continuation.
    Step(async_task::Runnable),
}

/// A queued piece of work, and whether it is a new request (which counts
/// against the queue's length) or the continuation of an admitted one.
struct Queued {
    work: Work,
    new_request: bool,
}

struct Shared {
    state: Mutex<State>,
    /// Idle request threads wait here for work.
    work_ready: Condvar,
    /// The gate thread waits here for work that no thread takes.
    starving: Condvar,
    config: PoolConfig,
    /// Each request thread enters this runtime, so that async pages' I/O and
    /// timers register with its threads (the I/O completion threads).
    io: tokio::runtime::Handle,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Queued>,
    /// New requests in `queue`.
    waiting_requests: usize,
    threads: usize,
    idle: usize,
    /// Numbers the threads: "request thread #n".
    started: u64,
    injected: u64,
    retired: u64,
    rejected: u64,
    steps: u64,
    closed: bool,
    /// The gate thread is waiting for the pool to starve (not counting an
    /// interval), so an item queued with no idle thread must wake it.
    gate_waiting: bool,
    /// An idle thread was woken and has not yet looked at the queue.
    searching: bool,
}

impl State {
    /// Whether an idle thread will take the next queued item at once.
    fn has_unclaimed_idle_thread(&self) -> bool {
        self.queue.len() < self.idle
    }

    /// Whether work waits that no idle thread is about to take.
    fn work_waits(&self) -> bool {
        self.queue.len() > self.idle
    }
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").field("config", &self.config).finish_non_exhaustive()
    }
}

/// Tells the threads to stop when the last `RequestPool` goes.
#[derive(Debug)]
struct Closer(Arc<Shared>);

impl Drop for Closer {
    fn drop(&mut self) {
        self.0.lock().closed = true;
        self.0.work_ready.notify_all();
        self.0.starving.notify_all();
    }
}

impl RequestPool {
    /// A pool shaped by `config`, whose threads enter the I/O runtime `io`.
    pub fn new(config: PoolConfig, io: tokio::runtime::Handle) -> RequestPool {
        let config = PoolConfig {
            max_threads: config.max_threads.max(1),
            min_threads: config.min_threads.clamp(1, config.max_threads.max(1)),
            ..config
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            work_ready: Condvar::new(),
            starving: Condvar::new(),
            config,
            io,
        });
        if !config.injection_interval.is_zero() {
            injector::start(shared.clone());
        }
        RequestPool { _closer: Arc::new(Closer(shared.clone())), shared }
    }

    /// Runs a synchronous page's `work` on a request thread, which it blocks
    /// throughout, and waits (asynchronously) for its result. Fails at once
    /// with [`PoolError::TooBusy`] when no thread is free and the queue is full.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, PoolError> {
        let (sender, receiver) = tokio::sync::oneshot::channel();
        self.shared.admit(Work::Blocking(Box::new(move || {
            let _ = sender.send(work());
        })))?;
        // The sender is dropped unsent only if `work` panicked.
        receiver.await.map_err(|_| PoolError::Panicked)
    }

    /// Starts an async page: `page` is polled on request threads only, first
    /// when a thread takes the new request, then each time its I/O completes.
    /// Dropping the returned task cancels the page wherever it is: running
    /// (after its current step), waiting for I/O, or queued for a thread.
    /// Fails at once with [`PoolError::TooBusy`] as [`RequestPool::run`] does.
    pub fn spawn<F>(&self, page: F) -> Result<async_task::FallibleTask<F::Output>, PoolError>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let shared = Arc::downgrade(&self.shared);
        // Every wake-up after the first queues a continuation, never refused.
        // A pool that is gone drops the step, which cancels the page.
        let schedule = move |runnable| {
            if let Some(shared) = shared.upgrade() {
                shared.enqueue_continuation(runnable);
            }
        };
        let (runnable, task) = async_task::spawn(page, schedule);
        self.shared.admit(Work::Step(runnable))?;
        Ok(task.fallible())
    }

    /// How the pool stands now.
    pub fn snapshot(&self) -> PoolSnapshot {
        let state = self.shared.lock();
        PoolSnapshot {
            threads: state.threads,
            busy: state.threads - state.idle,
            queued: state.waiting_requests.saturating_sub(state.idle),
            continuations_queued: state.queue.len() - state.waiting_requests.min(state.queue.len()),
            injected: state.injected,
            retired: state.retired,
            rejected: state.rejected,
            steps: state.steps,
            min_threads: self.shared.config.min_threads,
            max_threads: self.shared.config.max_threads,
            queue_length: self.shared.config.queue_length,
        }
    }

    /// The pool's shape.
    pub fn config(&self) -> PoolConfig {
        self.shared.config
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Work runs outside the lock, so a poisoned lock only means a panic in
        // this module's bookkeeping; the state is still consistent.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Admits a new request: to an idle thread, to a new thread (below the
    /// minimum, or at once when injection is off), to the queue, or not at all.
    fn admit(self: &Arc<Self>, work: Work) -> Result<(), PoolError> {
        let mut state = self.lock();
        if state.closed {
            return Err(PoolError::TooBusy);
        }
        let work = if state.has_unclaimed_idle_thread() {
            work
        } else {
            match self.start_thread_now(&mut state, work, true) {
                Ok(()) => return Ok(()),
                Err(work) => work,
            }
        };
        if state.has_unclaimed_idle_thread() || state.waiting_requests < self.config.queue_length {
            state.waiting_requests += 1;
            state.queue.push_back(Queued { work, new_request: true });
            let wake = whom_to_wake(&mut state);
            drop(state);
            self.wake(wake);
            return Ok(());
        }
        state.rejected += 1;
        Err(PoolError::TooBusy)
    }

    /// Queues an admitted async page's next step: it is never refused.
    fn enqueue_continuation(self: &Arc<Self>, runnable: async_task::Runnable) {
        let mut state = self.lock();
        let work = Work::Step(runnable);
        let work = if state.has_unclaimed_idle_thread() {
            work
        } else {
            match self.start_thread_now(&mut state, work, false) {
                Ok(()) => return,
                Err(work) => work,
            }
        };
        state.queue.push_back(Queued { work, new_request: false });
        let wake = whom_to_wake(&mut state);
        drop(state);
        self.wake(wake);
    }

    /// Wakes whom [`whom_to_wake`] chose. Called with the lock released: a
    /// thread woken while the waker still holds it would only block again on
    /// the lock (under load that contention was 8 % of an app's CPU).
    pub(super) fn wake(&self, wake: Wake) {
        match wake {
            Wake::IdleThread => self.work_ready.notify_one(),
            Wake::Gate => self.starving.notify_one(),
            Wake::Nobody => {}
        }
    }

    /// Starts a thread with `work` as its first item if the pool may grow
    /// without waiting for the gate thread; otherwise gives `work` back.
    fn start_thread_now(self: &Arc<Self>, state: &mut State, work: Work, new_request: bool) -> Result<(), Work> {
        let grows_at_once = state.threads < self.config.min_threads
            || (self.config.injection_interval.is_zero() && state.threads < self.config.max_threads);
        if !grows_at_once || !worker::start(self, state) {
            return Err(work);
        }
        // The new thread takes it first (or a thread that frees itself sooner).
        state.queue.push_front(Queued { work, new_request });
        if new_request {
            state.waiting_requests += 1;
        }
        Ok(())
    }
}

/// After a thread took an item: wakes another idle thread if items are left
/// and nobody else is on the way.
fn pass_the_search_on(state: &mut State) -> Wake {
    if !state.queue.is_empty() && state.idle > 0 && !state.searching {
        state.searching = true;
        return Wake::IdleThread;
    }
    Wake::Nobody
}

/// Who must hear of an item just queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wake {
    /// An idle request thread, to run it.
    IdleThread,
    /// The gate thread, waiting for the pool to starve: it starts its
    /// injection interval, and then perhaps a thread.
    Gate,
    /// Nobody: every thread is busy and the gate is already counting its
    /// interval (waking it for each item queued meanwhile only cost CPU).
    Nobody,
}

/// Chooses whom to wake for an item just queued. An idle thread only when no
/// thread woken earlier is still on its way to the queue: that one takes the
/// item, and wakes the next if more are left ([`pass_the_search_on`]). So a
/// burst of continuations wakes threads one after another as they are needed,
/// not one per item while busy threads are about to take them anyway: as .NET's
/// pool does, which keeps a single outstanding "thread request".
fn whom_to_wake(state: &mut State) -> Wake {
    if state.idle > 0 {
        if state.searching {
            return Wake::Nobody;
        }
        state.searching = true;
        Wake::IdleThread
    } else if state.gate_waiting {
        Wake::Gate
    } else {
        Wake::Nobody
    }
}

#[cfg(test)]
mod tests;
