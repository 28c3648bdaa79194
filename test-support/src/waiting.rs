//! Waiting for something to become true, without sleeping a fixed time.

use std::time::{Duration, Instant};

/// Waits until `condition` holds, checking every 2 ms, and returns how long
/// that took; panics with `what` after `limit`. For state another task
/// changes (a counter, a gauge) where there is no event to await.
pub async fn eventually(limit: Duration, what: &str, condition: impl Fn() -> bool) -> Duration {
    let started = Instant::now();
    while !condition() {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    started.elapsed()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[tokio::test]
    async fn it_returns_once_the_condition_holds() {
        let calls = AtomicU32::new(0);

        eventually(Duration::from_secs(5), "the third call", || calls.fetch_add(1, Ordering::Relaxed) >= 2).await;

        assert_eq!(calls.load(Ordering::Relaxed), 3);
    }

    #[tokio::test]
    #[should_panic(expected = "never: not within 20ms")]
    async fn it_panics_with_what_it_waited_for() {
        eventually(Duration::from_millis(20), "never", || false).await;
    }
}
