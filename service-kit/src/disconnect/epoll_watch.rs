//! The per-worker epoll instance that watches connections for hang-ups.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::os::fd::{AsFd, OwnedFd};
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use rustix::buffer::spare_capacity;
use rustix::event::{Timespec, epoll};
use tokio::io::unix::AsyncFd;

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
    /// The wakers of the calls waiting for a hang-up, by slot. Almost always
    /// one: HTTP/1 serves a connection's requests one at a time. A plain cell,
    /// not tokio's `Notify`: everything here stays on one worker thread, and
    /// `Notify`'s lock cost ~0.7 % of the API's CPU at 10,000 connections.
    waiters: RefCell<Vec<Option<Waker>>>,
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
    let connection = Rc::new(Connection {
        id,
        closed: Cell::new(false),
        waiters: RefCell::new(Vec::new()),
        watcher: watcher.clone(),
    });
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
            // Taken out first: a woken task may drop its waiter, which borrows the list.
            let wakers: Vec<Waker> = connection.waiters.borrow_mut().iter_mut().filter_map(Option::take).collect();
            wakers.into_iter().for_each(Waker::wake);
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
    fn poll_closed(&self, slot: &mut Option<usize>, cx: &mut Context<'_>) -> Poll<()> {
        if self.closed.get() {
            return Poll::Ready(());
        }
        // One thread only, so no hang-up can slip in between the check and this.
        let mut waiters = self.waiters.borrow_mut();
        match slot.and_then(|i| waiters.get_mut(i)) {
            Some(Some(waker)) => waker.clone_from(cx.waker()),
            Some(empty) => *empty = Some(cx.waker().clone()),
            None => {
                let free = waiters.iter().position(Option::is_none).unwrap_or_else(|| {
                    waiters.push(None);
                    waiters.len() - 1
                });
                waiters[free] = Some(cx.waker().clone());
                *slot = Some(free);
            }
        }
        Poll::Pending
    }

    fn forget(&self, slot: usize) {
        if let Some(waker) = self.waiters.borrow_mut().get_mut(slot) {
            *waker = None;
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.watcher.connections.borrow_mut().remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use std::future::poll_fn;
    use std::pin::Pin;
    use std::time::Duration;

    use tokio::net::{TcpListener, TcpStream};

    use super::*;
    use crate::disconnect::Closed;

    /// A connected pair: (the server's side, the client's side).
    async fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).await.unwrap();
        let (server, _) = listener.accept().await.unwrap();
        (server, client)
    }

    fn waiter(connection: &Connection) -> Closed<'_> {
        Closed { watch: connection, slot: None }
    }

    /// Polls `closed` once: has the hang-up been seen?
    async fn seen(closed: &mut Closed<'_>) -> bool {
        poll_fn(|cx| Poll::Ready(Pin::new(&mut *closed).poll(cx).is_ready())).await
    }

    fn waiting(connection: &Connection) -> usize {
        connection.waiters.borrow().iter().flatten().count()
    }

    #[actix_web::test]
    async fn every_waiter_of_a_connection_is_woken_by_its_hang_up() {
        let (server, client) = pair().await;
        let connection = watch(&server).expect("the connection is watched");
        let (mut first, mut second) = (waiter(&connection), waiter(&connection));
        assert!(!seen(&mut first).await && !seen(&mut second).await);
        assert_eq!(waiting(&connection), 2);

        drop(client);
        let both = async { tokio::join!(first, second) };
        tokio::time::timeout(Duration::from_secs(10), both).await.expect("both waiters see the hang-up");
        assert_eq!(waiting(&connection), 0);
        // Whoever asks after the hang-up is told at once.
        assert!(seen(&mut waiter(&connection)).await);
    }

    #[actix_web::test]
    async fn a_waiter_that_stops_waiting_gives_its_place_back() {
        let (server, _client) = pair().await;
        let connection = watch(&server).expect("the connection is watched");
        for _ in 0..100 {
            let mut closed = waiter(&connection);
            assert!(!seen(&mut closed).await);
            assert!(!seen(&mut closed).await, "polling again keeps one place");
            assert_eq!(waiting(&connection), 1);
        }
        assert_eq!(waiting(&connection), 0);
        assert_eq!(connection.waiters.borrow().len(), 1, "the same place served every waiter");
    }
}
