//! The request threads of the synchronous pages: a bounded pool of OS threads
//! with a bounded queue in front of it.
//!
//! This is the resource the tutorial is about. ASP.NET served every request on
//! a thread of its pool; a synchronous page kept that thread for its whole
//! run, also while it only waited for the Web API. When every thread is busy,
//! new requests wait in a queue (HTTP.sys's), and when that is full the server
//! answers "503 Server Too Busy". Here the same happens, for real: each
//! synchronous page runs on one of these threads, blocking it, from the first
//! backend call to the last byte of HTML.
//!
//! Threads are started on demand, up to the maximum, and then kept (as .NET
//! keeps its pool's threads a while). Each has a 1 MiB stack, the figure of
//! the tutorial's "5,000 threads is about 5 GB" (on Linux only the touched
//! pages of a stack are resident; the load lab measures what that means).

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// What a request thread runs.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The stack of each request thread.
const STACK_SIZE: usize = 1024 * 1024;

/// Why the pool did not run a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// Every thread was busy and the queue was full: answer 503.
    #[error("every request thread is busy and the request queue is full")]
    TooBusy,
    /// The page panicked on its thread (the thread survives it).
    #[error("the page failed on its request thread")]
    Panicked,
}

/// A point-in-time view of the pool, for metrics and the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PoolSnapshot {
    /// Threads started so far.
    pub threads: usize,
    /// Threads running a page now.
    pub busy: usize,
    /// Requests waiting for a thread now.
    pub queued: usize,
    /// Requests refused with 503 so far.
    pub rejected: u64,
    /// The pool's maximum threads.
    pub max_threads: usize,
    /// The queue's maximum length.
    pub queue_length: usize,
}

/// The pool; clones share it. The threads stop when the last clone is dropped.
#[derive(Debug, Clone)]
pub struct RequestPool {
    shared: Arc<Shared>,
    _closer: Arc<Closer>,
}

#[derive(Debug)]
struct Shared {
    state: Mutex<State>,
    work_ready: Condvar,
    max_threads: usize,
    queue_length: usize,
}

#[derive(Default)]
struct State {
    /// Jobs not yet taken by a thread: first those idle threads are about to
    /// take, then those that really wait.
    jobs: VecDeque<Job>,
    idle: usize,
    threads: usize,
    rejected: u64,
    closed: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State").field("jobs", &self.jobs.len()).field("idle", &self.idle).finish_non_exhaustive()
    }
}

/// Tells the threads to stop when the last `RequestPool` goes.
#[derive(Debug)]
struct Closer(Arc<Shared>);

impl Drop for Closer {
    fn drop(&mut self) {
        self.0.lock().closed = true;
        self.0.work_ready.notify_all();
    }
}

impl RequestPool {
    /// A pool of at most `max_threads` threads and `queue_length` waiting requests.
    pub fn new(max_threads: usize, queue_length: usize) -> RequestPool {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            work_ready: Condvar::new(),
            max_threads: max_threads.max(1),
            queue_length,
        });
        RequestPool { _closer: Arc::new(Closer(shared.clone())), shared }
    }

    /// Runs `work` on a request thread and waits (asynchronously) for its result.
    ///
    /// The calling task does not block; the request thread does, for as long
    /// as `work` runs. Fails at once with [`PoolError::TooBusy`] when no thread
    /// is free and the queue is full.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, PoolError> {
        let (sender, receiver) = tokio::sync::oneshot::channel();
        self.submit(Box::new(move || {
            let _ = sender.send(work());
        }))?;
        // The sender is dropped unsent only if `work` panicked.
        receiver.await.map_err(|_| PoolError::Panicked)
    }

    /// How the pool stands now.
    pub fn snapshot(&self) -> PoolSnapshot {
        let state = self.shared.lock();
        PoolSnapshot {
            threads: state.threads,
            busy: state.threads - state.idle,
            queued: state.jobs.len().saturating_sub(state.idle),
            rejected: state.rejected,
            max_threads: self.shared.max_threads,
            queue_length: self.shared.queue_length,
        }
    }

    fn submit(&self, job: Job) -> Result<(), PoolError> {
        let mut state = self.shared.lock();
        if state.jobs.len() < state.idle {
            // An idle thread will take it at once.
            state.jobs.push_back(job);
            self.shared.work_ready.notify_one();
            return Ok(());
        }
        if state.threads < self.shared.max_threads {
            let shared = self.shared.clone();
            let name = format!("request-{}", state.threads + 1);
            let started =
                std::thread::Builder::new().name(name).stack_size(STACK_SIZE).spawn(move || work(&shared, job));
            match started {
                Ok(_) => {
                    state.threads += 1;
                    return Ok(());
                }
                // The system refused another thread: treat as a full pool.
                Err(error) => tracing::warn!(%error, threads = state.threads, "cannot start another request thread"),
            }
            state.rejected += 1;
            return Err(PoolError::TooBusy);
        }
        if state.jobs.len() - state.idle < self.shared.queue_length {
            state.jobs.push_back(job);
            return Ok(());
        }
        state.rejected += 1;
        Err(PoolError::TooBusy)
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A job runs outside the lock, so a poisoned lock only means a panic in
        // this file's few lines of bookkeeping; the state is still consistent.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A request thread's life: run its first job, then take jobs until closed.
fn work(shared: &Shared, first: Job) {
    let mut job = first;
    loop {
        // A panicking page must not take its thread down with it.
        let _ = catch_unwind(AssertUnwindSafe(job));
        let mut state = shared.lock();
        job = loop {
            if let Some(next) = state.jobs.pop_front() {
                break next;
            }
            if state.closed {
                state.threads -= 1;
                return;
            }
            state.idle += 1;
            state = shared.work_ready.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
            state.idle -= 1;
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Occupies a thread until the returned sender is dropped or sent to.
    async fn block_one(pool: &RequestPool) -> (mpsc::Sender<()>, tokio::task::JoinHandle<Result<(), PoolError>>) {
        let (release, wait) = mpsc::channel::<()>();
        let (started, running) = tokio::sync::oneshot::channel();
        let pool = pool.clone();
        let handle = tokio::spawn(async move {
            pool.run(move || {
                let _ = started.send(());
                let _ = wait.recv();
            })
            .await
        });
        running.await.unwrap();
        (release, handle)
    }

    #[tokio::test]
    async fn runs_work_on_a_request_thread_and_returns_its_result() {
        let pool = RequestPool::new(2, 0);

        let name = pool.run(|| std::thread::current().name().map(str::to_owned)).await.unwrap();

        assert_eq!(name.as_deref(), Some("request-1"));
    }

    #[tokio::test]
    async fn a_full_pool_queues_then_refuses() {
        let pool = RequestPool::new(2, 1);
        let (release_a, a) = block_one(&pool).await;
        let (release_b, b) = block_one(&pool).await;

        // Both threads are busy: the next request waits in the queue...
        let queued = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(|| 42).await }
        });
        while pool.snapshot().queued == 0 {
            tokio::task::yield_now().await;
        }
        // ...and the one after that is refused.
        assert_eq!(pool.run(|| 0).await, Err(PoolError::TooBusy));
        assert_eq!(
            pool.snapshot(),
            PoolSnapshot { threads: 2, busy: 2, queued: 1, rejected: 1, max_threads: 2, queue_length: 1 }
        );

        drop((release_a, release_b));
        assert_eq!(queued.await.unwrap(), Ok(42));
        assert!(a.await.unwrap().is_ok() && b.await.unwrap().is_ok());
        // A thread hands its result over before it counts itself idle again.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while pool.snapshot().busy != 0 {
            assert!(std::time::Instant::now() < deadline, "the threads went idle");
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    }

    #[tokio::test]
    async fn a_queue_of_zero_refuses_as_soon_as_every_thread_is_busy() {
        let pool = RequestPool::new(1, 0);
        let (_release, _held) = block_one(&pool).await;

        assert_eq!(pool.run(|| ()).await, Err(PoolError::TooBusy));
    }

    #[tokio::test]
    async fn threads_are_reused_and_survive_a_panicking_page() {
        let pool = RequestPool::new(1, 10);

        assert_eq!(pool.run(|| panic!("page bug")).await, Err::<(), _>(PoolError::Panicked));
        for i in 0..5 {
            assert_eq!(pool.run(move || i * 2).await, Ok(i * 2));
        }
        assert_eq!(pool.snapshot().threads, 1);
    }
}
