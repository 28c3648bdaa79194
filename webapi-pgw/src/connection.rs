//! The TCP connection under a request, kept so that a fault can break it.
//!
//! actix-web gives a handler no way to reach its socket: a handler can only
//! answer. To reset a connection or close it without an answer, the API keeps
//! its own handle on each accepted socket: `on_connect` (beside service-kit's
//! hang-up watch) duplicates the socket's descriptor into the connection's
//! data, where a handler finds it again. The duplicate is a second descriptor
//! for the same socket, closed with the connection's data; it costs one
//! descriptor per open connection and a `fcntl` per accepted one.
//!
//! - A reset is `connect(AF_UNSPEC)` on the socket: Linux disconnects an
//!   established TCP socket with a RST (`tcp_disconnect`), whoever else holds a
//!   descriptor for it; the caller reads "connection reset by peer". Closing our
//!   duplicate with `SO_LINGER` 0 would not do it: actix still holds the socket.
//! - An empty answer is `shutdown(SHUT_RDWR)`: a FIN before any byte of an
//!   answer. actix's own write then fails and it drops the connection.

use std::any::Any;
use std::os::fd::OwnedFd;

use actix_web::HttpRequest;
use actix_web::dev::Extensions;

/// Our duplicate of a connection's socket, in its connection data.
#[derive(Debug)]
struct Socket(OwnedFd);

/// Pass this to `HttpServer::on_connect` (after service-kit's): keeps a handle
/// on each plain TCP connection. Without one (the duplicate failed: out of
/// descriptors) the connection is served as usual; only its faults cannot break it.
pub fn on_connect(connection: &dyn Any, data: &mut Extensions) {
    let Some(stream) = connection.downcast_ref::<tokio::net::TcpStream>() else { return };
    match rustix::io::fcntl_dupfd_cloexec(stream, 0) {
        Ok(socket) => {
            data.insert(Socket(socket));
        }
        Err(error) => tracing::debug!(%error, "no handle on this connection: its faults cannot break it"),
    }
}

/// Resets the connection of `request` (TCP RST). Whether it could.
pub fn reset(request: &HttpRequest) -> bool {
    socket(request).is_some_and(|socket| rustix::net::connect_unspec(&socket.0).is_ok())
}

/// Closes the connection of `request` in both directions, without an answer. Whether it could.
pub fn close(request: &HttpRequest) -> bool {
    socket(request).is_some_and(|socket| rustix::net::shutdown(&socket.0, rustix::net::Shutdown::Both).is_ok())
}

fn socket(request: &HttpRequest) -> Option<&Socket> {
    request.conn_data::<Socket>()
}
