//! Noticing that a client hung up while its request is still in progress.
//!
//! When a client gives up (a browser's Stop button, a timeout in the caller),
//! the work done for it is wasted; the sample's Web API stopped its delay then,
//! because ASP.NET cancels the request's `CancellationToken` on a disconnect.
//! actix-web 4 does not: it keeps polling a handler's future after its client
//! has gone (actix-web issues #3029 and #3462). So we watch the sockets ourselves.
//!
//! How (Linux): each actix worker thread has one extra epoll instance, the
//! *hang-up watcher*. When actix accepts a connection, [`on_connect`] adds the
//! connection's socket to it with `EPOLLRDHUP | EPOLLONESHOT`: "tell me once
//! when the peer closes or resets". The watcher's epoll descriptor is itself
//! registered with tokio, so one small task per worker sleeps until some peer
//! hangs up and then wakes exactly the requests of that connection. A handler
//! races its work against [`client_gone`].
//!
//! Why not a duplicate of each socket, peeked at from the handler: that costs
//! a second file descriptor per connection, and 10,000 connections would need
//! 20,000, over the hard limit of many machines. This costs one per worker, and
//! nothing is read from the socket, so actix still sees every byte.
//!
//! Elsewhere (macOS, the BSDs, Windows) connections are not watched: a hang-up
//! goes unnoticed and the work for it runs to its end. [`warn_if_unsupported`]
//! says so once at start. (kqueue's `EVFILT_READ` with `EV_EOF` could do on
//! macOS what epoll does here; it is not written, as no macOS build can be
//! checked on this project's machines.)
//!
//! Limits, by design: a client that half-closes its side and still waits for
//! the answer is taken as gone (no HTTP client does that; nginx reads it the
//! same way); only plain TCP connections are watched (we serve no TLS).

use std::any::Any;
use std::future::pending;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use actix_web::HttpRequest;
use actix_web::dev::Extensions;

#[cfg(target_os = "linux")]
mod epoll_watch;

/// The hang-up watch of one connection, kept in its connection data.
#[derive(Debug, Clone)]
pub struct PeerWatch(Rc<dyn Watch>);

/// What a connection's watch can tell. Polled rather than `async`, so that
/// waiting for a hang-up allocates no future: at 10,000 waiting calls, every
/// request pays for what this does.
trait Watch: std::fmt::Debug {
    /// Ready once the peer has closed or reset the connection. Until then it
    /// keeps `cx`'s waker, in a slot it hands out the first time (`*slot`).
    fn poll_closed(&self, slot: &mut Option<usize>, cx: &mut Context<'_>) -> Poll<()>;

    /// The waiter holding `slot` stopped waiting: its waker can go.
    fn forget(&self, slot: usize);
}

/// The future of [`PeerWatch::closed`]: completes when the peer hangs up.
#[derive(Debug)]
#[must_use = "futures do nothing unless polled"]
pub struct Closed<'a> {
    watch: &'a dyn Watch,
    slot: Option<usize>,
}

impl Future for Closed<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        this.watch.poll_closed(&mut this.slot, cx)
    }
}

impl Drop for Closed<'_> {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            self.watch.forget(slot);
        }
    }
}

/// Pass this to `HttpServer::on_connect`: it watches each plain TCP connection
/// for a hang-up. A connection it cannot watch is served as usual, only without
/// hang-up detection (and the log says why, once per worker).
pub fn on_connect(connection: &dyn Any, data: &mut Extensions) {
    let Some(stream) = connection.downcast_ref::<tokio::net::TcpStream>() else { return };
    #[cfg(target_os = "linux")]
    if let Some(watch) = epoll_watch::watch(stream) {
        data.insert(PeerWatch(watch));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (stream, data);
}

/// Logs a warning, once per process, when this platform cannot watch
/// connections for hang-ups (anything but Linux); does nothing on Linux.
/// Servers call it when they start listening.
pub fn warn_if_unsupported() {
    #[cfg(not(target_os = "linux"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            tracing::warn!(
                "hang-up detection works on Linux only: here a client that hangs up is not noticed, \
                 so its work (and a page's calls to the Web API) runs to the end"
            )
        });
    }
}

impl PeerWatch {
    /// The watch of the connection that `request` came on, if it has one.
    pub fn of(request: &HttpRequest) -> Option<&PeerWatch> {
        request.conn_data::<PeerWatch>()
    }

    /// Completes when the peer has closed or reset the connection.
    pub fn closed(&self) -> Closed<'_> {
        Closed { watch: &*self.0, slot: None }
    }
}

/// Completes when the client of `request` hangs up; never, if its connection
/// is not watched. Race it against the request's work with `tokio::select!`.
pub async fn client_gone(request: &HttpRequest) {
    // Borrowed, not cloned: the request outlives the wait.
    match PeerWatch::of(request) {
        Some(watch) => watch.closed().await,
        None => pending().await,
    }
}
