//! The pool's behaviour: admission, the queue and 503, async steps on request
//! threads, cancellation anywhere, thread injection and retirement.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::*;

/// An I/O runtime for the pool's threads to enter.
fn io() -> crate::io_runtime::IoRuntime {
    crate::io_runtime::IoRuntime::start().unwrap()
}

/// Occupies a thread until the returned sender is dropped or sent to.
async fn block_one(pool: &RequestPool) -> (mpsc::Sender<()>, tokio::task::JoinHandle<Result<(), PoolError>>) {
    let (release, wait) = mpsc::channel::<()>();
    let (started, running) = tokio::sync::oneshot::channel();
    let pool = pool.clone();
    let handle = tokio::spawn(async move {
        pool.run(move || {
            let _ = started.send(());
            let _ = wait.recv();
        })
        .await
    });
    running.await.unwrap();
    (release, handle)
}

/// Waits until `condition` holds of the pool's snapshot, or panics after `limit`.
async fn until(pool: &RequestPool, limit: Duration, what: &str, condition: impl Fn(&PoolSnapshot) -> bool) {
    let deadline = Instant::now() + limit;
    while !condition(&pool.snapshot()) {
        assert!(Instant::now() < deadline, "{what}: not within {limit:?}: {:?}", pool.snapshot());
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

fn thread_name() -> String {
    std::thread::current().name().unwrap_or("unnamed").to_owned()
}

#[tokio::test]
async fn runs_work_on_a_named_request_thread_and_returns_its_result() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(2, 0), io.handle());

    let name = pool.run(thread_name).await.unwrap();

    assert_eq!(name, "request thread #1");
}

#[tokio::test]
async fn a_full_pool_queues_then_refuses() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(2, 1), io.handle());
    let (release_a, a) = block_one(&pool).await;
    let (release_b, b) = block_one(&pool).await;

    // Both threads are busy: the next request waits in the queue...
    let queued = tokio::spawn({
        let pool = pool.clone();
        async move { pool.run(|| 42).await }
    });
    until(&pool, Duration::from_secs(5), "one request queued", |s| s.queued == 1).await;
    // ...and the one after that is refused, sync or async alike.
    assert_eq!(pool.run(|| 0).await, Err(PoolError::TooBusy));
    assert_eq!(pool.spawn(async {}).err(), Some(PoolError::TooBusy));
    let snapshot = pool.snapshot();
    assert_eq!((snapshot.threads, snapshot.busy, snapshot.queued, snapshot.rejected), (2, 2, 1, 2));

    drop((release_a, release_b));
    assert_eq!(queued.await.unwrap(), Ok(42));
    assert!(a.await.unwrap().is_ok() && b.await.unwrap().is_ok());
    until(&pool, Duration::from_secs(5), "the threads went idle", |s| s.busy == 0).await;
}

#[tokio::test]
async fn threads_are_reused_and_survive_a_panicking_page() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(1, 10), io.handle());

    assert_eq!(pool.run(|| panic!("page bug")).await, Err::<(), _>(PoolError::Panicked));
    assert_eq!(pool.spawn(async { panic!("async page bug") }).unwrap().await, None::<()>);
    for i in 0..5 {
        assert_eq!(pool.run(move || i * 2).await, Ok(i * 2));
    }
    assert_eq!(pool.snapshot().threads, 1);
}

#[tokio::test]
async fn an_async_page_waits_behind_a_full_pool() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(1, 5), io.handle());
    let (release, blocker) = block_one(&pool).await;

    let page = pool.spawn(async { thread_name() }).unwrap();
    until(&pool, Duration::from_secs(5), "the async page queued", |s| s.queued == 1).await;
    let page = tokio::spawn(page);
    // It cannot start while the only thread is held...
    tokio::task::yield_now().await;
    assert!(!page.is_finished(), "an async page needs a request thread to start");

    drop(release);
    assert_eq!(page.await.unwrap().as_deref(), Some("request thread #1"));
    assert!(blocker.await.unwrap().is_ok());
}

#[tokio::test]
async fn a_continuation_resumes_on_a_request_thread_after_io_completes_on_an_io_thread() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(4, 5), io.handle());

    let page = pool.spawn(async {
        let started_on = thread_name();
        // A timer of the I/O runtime: the page gives its thread back here.
        tokio::time::sleep(Duration::from_millis(20)).await;
        (started_on, thread_name())
    });
    let (started_on, resumed_on) = page.unwrap().await.unwrap();

    assert!(started_on.starts_with("request thread #"), "{started_on}");
    assert!(resumed_on.starts_with("request thread #"), "{resumed_on}");
    // A thread counts its step after the step has handed the page its result.
    until(&pool, Duration::from_secs(5), "a start and a continuation counted", |s| s.steps >= 2).await;
}

#[tokio::test]
async fn while_an_async_page_waits_its_thread_serves_others() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(1, 50), io.handle());

    // Twenty pages that each wait 200 ms, on one thread: together, not in turn.
    let started = Instant::now();
    let pages: Vec<_> =
        (0..20).map(|_| pool.spawn(async { tokio::time::sleep(Duration::from_millis(200)).await }).unwrap()).collect();
    for page in pages {
        page.await.unwrap();
    }

    assert!(started.elapsed() < Duration::from_millis(200 * 20 / 2), "took {:?}", started.elapsed());
    assert_eq!(pool.snapshot().threads, 1);
}

#[tokio::test]
async fn dropping_the_task_cancels_a_page_queued_for_a_thread() {
    let io = io();
    let pool = RequestPool::new(PoolConfig::instant(1, 5), io.handle());
    let (dropped, was_dropped) = mpsc::channel::<()>();

    // The page starts, waits on a timer, and its continuation queues behind a blocked thread.
    let guard = DropSignal(dropped);
    let page = pool
        .spawn(async move {
            let _guard = guard;
            tokio::time::sleep(Duration::from_millis(10)).await;
            std::future::pending::<()>().await;
        })
        .unwrap();
    until(&pool, Duration::from_secs(5), "the page's first step ran", |s| s.steps >= 1 && s.busy == 0).await;
    let (release, blocker) = block_one(&pool).await;
    until(&pool, Duration::from_secs(5), "the continuation queued", |s| s.continuations_queued == 1).await;

    drop(page);
    drop(release);
    blocker.await.unwrap().unwrap();
    // The page's future is dropped (with everything it held) when a thread takes the step.
    was_dropped.recv_timeout(Duration::from_secs(5)).expect("the cancelled page was dropped");
}

struct DropSignal(mpsc::Sender<()>);

impl Drop for DropSignal {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

#[tokio::test]
async fn above_the_minimum_threads_are_injected_one_per_interval() {
    let io = io();
    let config = PoolConfig {
        min_threads: 2,
        max_threads: 100,
        queue_length: 100,
        injection_interval: Duration::from_millis(100),
        idle_timeout: Duration::from_secs(20),
    };
    let pool = RequestPool::new(config, io.handle());
    let (release, held) = mpsc::channel::<()>();
    let held = std::sync::Arc::new(std::sync::Mutex::new(held));

    // A burst of 30 blocking pages: the minimum starts at once, then the gate adds one per interval.
    let started = Instant::now();
    let burst: Vec<_> = (0..30)
        .map(|_| {
            let (pool, held) = (pool.clone(), held.clone());
            tokio::spawn(async move {
                pool.run(move || {
                    let _ = held.lock().unwrap().recv();
                })
                .await
            })
        })
        .collect();
    until(&pool, Duration::from_secs(5), "the minimum started", |s| s.threads >= 2).await;
    until(&pool, Duration::from_secs(10), "ten threads", |s| s.threads >= 10).await;
    let took = started.elapsed();
    let snapshot = pool.snapshot();

    // Eight injections at 100 ms each: about 0.8 s, never at once.
    assert!(took >= Duration::from_millis(8 * 100 / 2), "10 threads after {took:?}: {snapshot:?}");
    assert!(took < Duration::from_millis(8 * 100 * 5), "10 threads after {took:?}: {snapshot:?}");
    assert!(snapshot.injected >= 8, "{snapshot:?}");
    assert!(snapshot.queued > 0, "the rest waited: {snapshot:?}");
    drop(release);
    for page in burst {
        page.await.unwrap().unwrap_or(());
    }
}

#[tokio::test]
async fn threads_above_the_minimum_retire_after_their_idle_time() {
    let io = io();
    let config = PoolConfig {
        min_threads: 1,
        max_threads: 4,
        queue_length: 10,
        injection_interval: Duration::ZERO,
        idle_timeout: Duration::from_millis(100),
    };
    let pool = RequestPool::new(config, io.handle());
    let (a, b, c) = (block_one(&pool).await, block_one(&pool).await, block_one(&pool).await);
    assert_eq!(pool.snapshot().threads, 3);

    for (release, handle) in [a, b, c] {
        drop(release);
        handle.await.unwrap().unwrap();
    }
    until(&pool, Duration::from_secs(5), "two threads retired", |s| s.retired == 2).await;

    assert_eq!(pool.snapshot().threads, 1, "the minimum stays");
}

#[test]
fn one_idle_thread_at_a_time_is_woken_and_the_search_is_passed_on() {
    let queued = |state: &mut State| {
        state.queue.push_back(Queued { work: Work::Blocking(Box::new(|| {})), new_request: false });
        whom_to_wake(state)
    };
    let mut state = State { idle: 3, ..State::default() };
    assert_eq!(queued(&mut state), Wake::IdleThread, "the first item wakes a thread");
    assert_eq!(queued(&mut state), Wake::Nobody, "the next waits for the one already woken");
    assert_eq!(queued(&mut state), Wake::Nobody);
    // The woken thread takes an item (as `take_work` does) and passes the search on.
    state.idle -= 1;
    state.searching = false;
    state.queue.pop_front();
    assert_eq!(pass_the_search_on(&mut state), Wake::IdleThread, "two items left, two threads idle");
    assert_eq!(pass_the_search_on(&mut state), Wake::Nobody, "one searcher at a time");
    state.searching = false;
    state.queue.clear();
    assert_eq!(pass_the_search_on(&mut state), Wake::Nobody, "nothing left to take");
}

#[test]
fn with_no_idle_thread_only_a_waiting_gate_is_woken() {
    let mut state = State { idle: 0, gate_waiting: true, ..State::default() };
    assert_eq!(whom_to_wake(&mut state), Wake::Gate);
    state.gate_waiting = false;
    assert_eq!(whom_to_wake(&mut state), Wake::Nobody, "a gate counting its interval is not woken again");
}

#[tokio::test]
async fn a_burst_of_continuations_on_many_idle_threads_all_finish() {
    // Many threads idle and many steps at once: the search passed on from
    // thread to thread must leave no step behind.
    let pool = RequestPool::new(PoolConfig::instant(16, 1000), io().handle());
    let warm: Vec<_> = (0..16).map(|_| pool.run(|| std::thread::sleep(Duration::from_millis(20)))).collect();
    futures_util::future::join_all(warm).await;
    until(&pool, Duration::from_secs(5), "16 idle threads", |s| s.threads == 16 && s.busy == 0).await;
    let pages: Vec<_> = (0..500u64)
        .map(|i| {
            pool.spawn(async move {
                tokio::task::yield_now().await;
                i
            })
            .unwrap()
        })
        .collect();
    let sum: u64 = futures_util::future::join_all(pages).await.into_iter().map(Option::unwrap).sum();
    assert_eq!(sum, (0..500).sum::<u64>());
}
