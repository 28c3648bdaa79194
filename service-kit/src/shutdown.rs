//! Stopping a service cleanly.
//!
//! A server here takes its shutdown signal as a parameter (as mini-redis does),
//! so that `main` passes [`signal`] and a test passes whatever it likes.

use std::future::Future;
use std::time::Duration;

/// How long a stopping server lets in-flight requests finish before it drops them.
pub const GRACE_PERIOD: Duration = Duration::from_secs(10);

/// Completes at the first Ctrl-C (SIGINT) or SIGTERM.
pub async fn signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}

/// Runs `server` until it stops by itself or `shutdown` completes; then stops it
/// gracefully: no new connections, in-flight requests get [`GRACE_PERIOD`].
///
/// Build the server with `.disable_signals()` and `.shutdown_timeout(...)`, so
/// that this is the only place that decides when it stops.
pub async fn run_until(server: actix_web::dev::Server, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    let handle = server.handle();
    let mut server = std::pin::pin!(server);
    tokio::select! {
        result = &mut server => result,
        () = shutdown => {
            tracing::info!("stopping: finishing in-flight requests");
            // The server future itself carries out the stop: poll both together.
            let (result, ()) = tokio::join!(server, handle.stop(true));
            result
        }
    }
}
