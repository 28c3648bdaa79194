//! Logging for every service, set up in one place.

use tracing_subscriber::EnvFilter;

/// Installs the global `tracing` subscriber: human-readable lines on stderr.
///
/// `RUST_LOG` chooses what is logged (for example `RUST_LOG=warn` for a
/// benchmark, `RUST_LOG=debug` to see every backend call); without it,
/// `default_filter` applies. Calling it twice is harmless (tests do).
pub fn init(default_filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
