//! Logging for every service, set up in one place.

use tracing_subscriber::EnvFilter;

/// Installs the global `tracing` subscriber: human-readable lines on stderr.
///
/// `RUST_LOG` chooses what is logged (for example `RUST_LOG=warn` for a
/// benchmark, `RUST_LOG=debug` to see every backend call); without it,
/// `default_filter` applies. Calling it twice is harmless (tests do).
///
/// A log line that cannot be written (stderr closed: a log collector died, a
/// pipe's reader exited) is dropped silently. tracing-subscriber's default is
/// to report that with `eprintln!`, which panics when stderr is gone, and the
/// panic would take the request being served down with it.
pub fn init(default_filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .log_internal_errors(false)
        .try_init();
}
