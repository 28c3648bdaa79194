//! Which thread did what: every page shows the thread it started on and the
//! one it rendered on, as the sample's async user controls did.

use serde::Serialize;

/// The current thread's name ("request thread #3", "I/O thread #1"), or, for
/// a thread of another kind, its name and id.
pub fn current() -> String {
    let thread = std::thread::current();
    match thread.name() {
        Some(name) if name.starts_with("request thread #") || name.starts_with("I/O thread #") => name.to_owned(),
        Some(name) => format!("{name} ({:?})", thread.id()),
        None => format!("unnamed ({:?})", thread.id()),
    }
}

/// The threads a page ran on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageThreads {
    /// Where its work started.
    pub started_on: String,
    /// Where it was rendered (a synchronous page: the same thread).
    pub rendered_on: String,
}

impl PageThreads {
    /// Started on `started_on`, rendering now on the current thread.
    pub fn rendering_now(started_on: String) -> PageThreads {
        PageThreads { started_on, rendered_on: current() }
    }
}
