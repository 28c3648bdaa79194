//! The per-worker epoll instance that watches connections for hang-ups.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::os::fd::{AsFd, OwnedFd};
use std::pin::Pin;
use std::rc::{Rc, Weak};

use rustix::buffer::spare_capacity;
use rustix::event::{Timespec, epoll};
use tokio::io::unix::AsyncFd;
use tokio::sync::Notify;

use super::Watch;

thread_local! {
    /// This worker thread's watcher, made on its first connection. `Some(None)`
    /// means it could not be made; then this worker's connections go unwatched.
    static WATCHER: RefCell<Option<Option<Rc<Watcher>>>> = const { RefCell::new(None) };
}

/// One epoll instance and the connections registered with it.
#[derive(Debug)]
struct Watcher {
    epoll: AsyncFd<OwnedFd>,
    next_id: Cell<u64>,
    connections: RefCell<HashMap<u64, Weak<Connection>>>,
}

/// One watched connection. Dropped with the connection's data, when actix is
/// done with the connection; its socket's epoll entry goes when the socket closes.
#[derive(Debug)]
pub(super) struct Connection {
    id: u64,
    closed: Cell<bool>,
    hung_up: Notify,
    watcher: Rc<Watcher>,
}

/// Registers `stream` with this thread's watcher.
pub(super) fn watch(stream: &tokio::net::TcpStream) -> Option<Rc<Connection>> {
    let watcher = WATCHER.with(|cell| cell.borrow_mut().get_or_insert_with(Watcher::start).clone())?;
    let id = watcher.next_id.get();
    watcher.next_id.set(id + 1);
    let flags = epoll::EventFlags::RDHUP | epoll::EventFlags::ONESHOT;
    if let Err(error) = epoll::add(watcher.epoll.get_ref(), stream.as_fd(), epoll::EventData::new_u64(id), flags) {
        tracing::warn!(%error, "cannot watch this connection for a hang-up");
        return None;
    }
    let connection =
        Rc::new(Connection { id, closed: Cell::new(false), hung_up: Notify::new(), watcher: watcher.clone() });
    watcher.connections.borrow_mut().insert(id, Rc::downgrade(&connection));
    Some(connection)
}

impl Watcher {
    /// Makes the epoll instance and spawns the task that reads it.
    fn start() -> Option<Rc<Watcher>> {
        let made = epoll::create(epoll::CreateFlags::CLOEXEC).map_err(std::io::Error::from).and_then(register);
        match made {
            Ok(epoll) => {
                let watcher =
                    Rc::new(Watcher { epoll, next_id: Cell::new(0), connections: RefCell::new(HashMap::new()) });
                actix_web::rt::spawn(watcher.clone().run());
                Some(watcher)
            }
            Err(error) => {
                tracing::warn!(%error, "cannot watch connections for hang-ups on this worker");
                None
            }
        }
    }

    /// Waits for hang-ups and tells the connections concerned, forever.
    async fn run(self: Rc<Self>) {
        let mut events = Vec::with_capacity(256);
        let no_wait = Timespec { tv_sec: 0, tv_nsec: 0 };
        loop {
            let Ok(mut ready) = self.epoll.readable().await else { return };
            events.clear();
            match epoll::wait(self.epoll.get_ref(), spare_capacity(&mut events), Some(&no_wait)) {
                // Read until empty: tokio only says "readable" again on new events.
                Ok(_) if events.is_empty() => ready.clear_ready(),
                Ok(_) => events.drain(..).for_each(|event| self.hung_up(event.data.u64())),
                Err(rustix::io::Errno::INTR) => {}
                Err(error) => {
                    tracing::error!(%error, "the hang-up watcher failed; hang-ups go unnoticed on this worker");
                    return;
                }
            }
        }
    }

    fn hung_up(&self, id: u64) {
        let connection = self.connections.borrow().get(&id).and_then(Weak::upgrade);
        if let Some(connection) = connection {
            connection.closed.set(true);
            connection.hung_up.notify_waiters();
        }
    }
}

/// Registers the epoll descriptor with tokio's reactor.
#[allow(unsafe_code)]
fn register(epoll: OwnedFd) -> std::io::Result<AsyncFd<OwnedFd>> {
    // SAFETY: `AsyncFd::register` needs the descriptor to stay open and unchanged
    // for as long as the `AsyncFd` lives. It owns the `OwnedFd`, which nobody
    // else can close or replace, so it does.
    unsafe { AsyncFd::register(epoll) }.map_err(std::io::Error::from)
}

impl Watch for Connection {
    fn closed(&self) -> Pin<Box<dyn Future<Output = ()> + '_>> {
        Box::pin(async move {
            loop {
                // Made before the check, so a hang-up in between is not missed.
                let hung_up = self.hung_up.notified();
                if self.closed.get() {
                    return;
                }
                hung_up.await;
            }
        })
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.watcher.connections.borrow_mut().remove(&self.id);
    }
}
