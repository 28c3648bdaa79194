//! The failure policy, end to end through the host: a 503 and a timeout each
//! give exactly one log line, and a 503 is counted once.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use app_kit::failure::ErrorPages;
use app_kit::{AppSettings, Host, PageError};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// Counts every event logged at info or above.
#[derive(Clone, Default)]
struct LogLines(Arc<AtomicUsize>);

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for LogLines {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if *event.metadata().level() <= tracing::Level::INFO {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

struct Plain;

impl ErrorPages for Plain {
    fn timeout_page(&self, error: &PageError, _: Duration) -> String {
        format!("timeout: {error}")
    }

    fn error_page(&self, error: &PageError, _: Duration) -> String {
        format!("error: {error}")
    }
}

/// A host whose one request thread and empty queue refuse a second page.
fn host() -> Host {
    // No call reaches this URL: the pages here make none.
    Host::new(&AppSettings::for_tests("http://127.0.0.1:9/", 1, 0), Plain).unwrap()
}

#[tokio::test]
async fn a_503_is_logged_once_and_counted_once() {
    let (host, lines) = (host(), LogLines::default());
    let _logging = tracing::subscriber::set_default(tracing_subscriber::registry().with(lines.clone()));
    let request = actix_web::test::TestRequest::default().to_http_request();
    let (release, held) = std::sync::mpsc::channel::<()>();
    let (started, running) = tokio::sync::oneshot::channel();
    let blocker = tokio::spawn({
        let host = host.clone();
        async move {
            host.run_sync(move |_| {
                let _ = started.send(());
                let _ = held.recv();
                Ok(())
            })
            .await
        }
    });
    running.await.unwrap();

    let refused = host.run_sync(|_| Ok(String::new())).await;
    let response = host.respond(&request, refused, Duration::ZERO);

    assert_eq!(response.status(), 503);
    assert_eq!(response.headers().get("retry-after").unwrap(), "1");
    assert_eq!(lines.0.load(Ordering::SeqCst), 1, "one log line for one 503");
    let metrics = host.metrics.render(host.pool.snapshot());
    assert!(metrics.lines().any(|l| l == "app_requests_rejected_total 1"), "{metrics}");
    drop(release);
    blocker.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_timeout_is_logged_once_and_counted_once() {
    let (host, lines) = (host(), LogLines::default());
    let _logging = tracing::subscriber::set_default(tracing_subscriber::registry().with(lines.clone()));
    let request = actix_web::test::TestRequest::default().to_http_request();

    let page = std::future::pending::<Result<String, PageError>>();
    let timed_out = host.run_async(request.clone(), Duration::from_millis(20), page).await;
    let response = host.respond(&request, timed_out, Duration::from_millis(20));

    assert_eq!(response.status(), 504);
    assert_eq!(lines.0.load(Ordering::SeqCst), 1, "one log line for one timeout");
    assert_eq!(host.metrics.timeouts.get(), 1);
}
