//! The I/O threads: a small tokio runtime that drives every socket and timer
//! of the pages' calls to the Web API, the counterpart of .NET's I/O
//! completion threads.
//!
//! Pages never run here. A request thread enters this runtime
//! (`Handle::enter`) so that an async page polled on it registers its
//! sockets and timers here; when an answer arrives, an I/O thread sees it and
//! queues the page's continuation for a request thread. The blocking client
//! of synchronous pages runs its calls here too, while its request thread waits.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many I/O threads: they only move bytes and fire timers.
const IO_THREADS: usize = 1;

/// The runtime; it stops when dropped.
#[derive(Debug)]
pub struct IoRuntime(Option<tokio::runtime::Runtime>);

impl IoRuntime {
    /// Starts the I/O threads, named "I/O thread #n".
    pub fn start() -> std::io::Result<IoRuntime> {
        let numbered = AtomicUsize::new(0);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(IO_THREADS)
            .thread_name_fn(move || format!("I/O thread #{}", numbered.fetch_add(1, Ordering::Relaxed) + 1))
            .enable_all()
            .build()?;
        Ok(IoRuntime(Some(runtime)))
    }

    /// A handle to spawn on or enter.
    pub fn handle(&self) -> tokio::runtime::Handle {
        self.0.as_ref().expect("present until dropped").handle().clone()
    }
}

impl Drop for IoRuntime {
    fn drop(&mut self) {
        // A plain drop would block, which tokio forbids inside async code.
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}
