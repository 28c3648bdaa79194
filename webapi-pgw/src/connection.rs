//! The TCP connection under a request, kept so that a fault can break it.
//!
//! actix-web gives a handler no way to reach its socket: a handler can only
//! answer. To reset a connection or close it without an answer, `on_connect`
//! (beside service-kit's hang-up watch) notes each accepted socket's descriptor
//! in the connection's data, where a handler finds it again.
//!
//! A note of the number, not a duplicate of the descriptor: a duplicate
//! (`fcntl(F_DUPFD)`) would be simpler to own, but it doubles the descriptors
//! of every open connection, and at the benchmark's 10,000 connections under
//! this machine's limit of 20,000 the accepts themselves would start to fail.
//! The number is only used during a call of the handler on that connection,
//! while actix's dispatcher, which owns the socket, is polling it (see
//! [`with_socket`]).
//!
//! - A reset is `connect(AF_UNSPEC)` on the socket: Linux disconnects an
//!   established TCP socket with a RST (`tcp_disconnect`); the caller reads
//!   "connection reset by peer". (`SO_LINGER` 0 only resets at `close`, which
//!   is actix's to do.)
//! - An empty answer is `shutdown(SHUT_RDWR)`: a FIN before any byte of an
//!   answer. actix's own write then fails and it drops the connection.

use std::any::Any;
use std::os::fd::{AsRawFd, BorrowedFd, RawFd};

use actix_web::HttpRequest;
use actix_web::dev::Extensions;

/// The descriptor of a connection's socket, in its connection data.
#[derive(Debug, Clone, Copy)]
struct Socket(RawFd);

/// Pass this to `HttpServer::on_connect` (after service-kit's): notes the
/// socket of each plain TCP connection.
pub fn on_connect(connection: &dyn Any, data: &mut Extensions) {
    if let Some(stream) = connection.downcast_ref::<tokio::net::TcpStream>() {
        data.insert(Socket(stream.as_raw_fd()));
    }
}

/// Resets the connection of `request` (TCP RST). Whether it could.
pub fn reset(request: &HttpRequest) -> bool {
    with_socket(request, |socket| rustix::net::connect_unspec(socket).is_ok()).unwrap_or(false)
}

/// Closes the connection of `request` in both directions, without an answer. Whether it could.
pub fn close(request: &HttpRequest) -> bool {
    with_socket(request, |socket| rustix::net::shutdown(socket, rustix::net::Shutdown::Both).is_ok()).unwrap_or(false)
}

/// Runs `f` on the socket of `request`'s connection, if it has one.
#[allow(unsafe_code)]
fn with_socket<T>(request: &HttpRequest, f: impl FnOnce(BorrowedFd<'_>) -> T) -> Option<T> {
    let Socket(fd) = *request.conn_data::<Socket>()?;
    // SAFETY: `borrow_raw` needs the descriptor to stay open while the borrow
    // lives. The borrow lives only during this synchronous call, made by a
    // handler of this connection while actix polls it; actix's dispatcher owns
    // the connection's `TcpStream` and closes it only when it is dropped, which
    // cannot happen while it is polling the handler. (This module's callers are
    // handlers; none keeps a request past its answer.)
    let socket = unsafe { BorrowedFd::borrow_raw(fd) };
    Some(f(socket))
}
