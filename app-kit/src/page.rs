//! Running a page: the synchronous way on a request thread, the asynchronous
//! way on the server's own few threads, with a timeout and cancellation.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use api_client::ApiError;

use crate::backend::Backend;
use crate::metrics::{AppMetrics, InFlight};
use crate::request_pool::{PoolError, RequestPool};

/// Why a page could not show its data, with the status code it answers.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// The page's AsyncTimeout fired; its pending calls were cancelled. 504.
    #[error("the page did not finish within its time limit of {} ms", after.as_millis())]
    Timeout {
        /// The limit that ran out.
        after: Duration,
    },
    /// The Web API failed: down, error status, bad JSON (502), or too slow (504).
    #[error("{0}")]
    Backend(#[from] ApiError),
    /// No request thread was free and the queue was full. 503.
    #[error("Server Too Busy: every request thread is busy and the request queue is full")]
    TooBusy,
    /// The visitor hung up; nobody will see the answer. 499, as nginx logs it.
    #[error("the visitor closed the connection before the page was ready")]
    Cancelled,
    /// The request asked for something not allowed (e.g. a URL off the API's origin). 400.
    #[error("{0}")]
    BadRequest(String),
    /// The page itself failed (a bug). 500.
    #[error("the page failed: {0}")]
    Failed(String),
}

impl PageError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            PageError::Backend(error) if error.is_timeout() => StatusCode::GATEWAY_TIMEOUT,
            PageError::Backend(_) => StatusCode::BAD_GATEWAY,
            PageError::TooBusy => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::REQUEST_TIMEOUT),
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Whether this is a timeout (the apps show their friendly timeout page).
    pub fn is_timeout(&self) -> bool {
        self.status() == StatusCode::GATEWAY_TIMEOUT
    }
}

impl From<PoolError> for PageError {
    fn from(error: PoolError) -> PageError {
        match error {
            PoolError::TooBusy => PageError::TooBusy,
            PoolError::Panicked => PageError::Failed("it panicked on its request thread".into()),
        }
    }
}

/// What every page handler of an app needs: the Web API, the request threads
/// and the metrics.
#[derive(Debug, Clone)]
pub struct Pages {
    /// The Web API.
    pub backend: Backend,
    /// The request threads of the synchronous pages.
    pub pool: RequestPool,
    /// What is counted.
    pub metrics: Arc<AppMetrics>,
}

impl Pages {
    /// Everything a page needs, from the apps' shared settings.
    pub fn from_settings(settings: &crate::AppSettings) -> Result<Pages, crate::backend::BackendError> {
        let metrics = Arc::new(AppMetrics::new());
        Ok(Pages {
            backend: Backend::new(settings, metrics.clone())?,
            pool: RequestPool::new(settings.request_threads as usize, settings.queue_length as usize),
            metrics,
        })
    }

    /// Runs a synchronous page: `work` (its backend calls *and* its rendering)
    /// runs on a request thread, which it blocks throughout, as ASP.NET's
    /// synchronous pages did. The visitor's hang-up does not stop it: a
    /// blocked thread cannot be told anything until its call returns.
    pub async fn run_sync<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Backend) -> Result<T, PageError> + Send + 'static,
    ) -> Result<T, PageError> {
        let backend = self.backend.clone();
        let result = self.pool.run(move || work(&backend)).await;
        if matches!(result, Err(PoolError::TooBusy)) {
            self.metrics.rejected.inc();
            tracing::warn!("503 Server Too Busy: no request thread free and the queue is full");
        }
        result?
    }

    /// Runs an async page: `work` holds no thread while it waits. It is
    /// stopped, and its pending backend calls cancelled (their connections
    /// closed, which the Web API notices), when `timeout` (the page's
    /// AsyncTimeout) runs out or when the visitor hangs up.
    pub async fn run_async<T>(
        &self,
        request: &HttpRequest,
        timeout: Option<Duration>,
        work: impl Future<Output = Result<T, PageError>>,
    ) -> Result<T, PageError> {
        let _running = InFlight::new(&self.metrics.async_pages_in_flight);
        let limited = async {
            match timeout {
                None => work.await,
                Some(after) => tokio::time::timeout(after, work).await.unwrap_or(Err(PageError::Timeout { after })),
            }
        };
        let result = tokio::select! {
            result = limited => result,
            () = service_kit::disconnect::client_gone(request) => Err(PageError::Cancelled),
        };
        match &result {
            Err(PageError::Timeout { after }) => {
                self.metrics.timeouts.inc();
                tracing::info!(path = request.path(), after_ms = after.as_millis(), "AsyncTimeout: page cancelled");
            }
            Err(PageError::Cancelled) => {
                self.metrics.cancellations.inc();
                tracing::info!(path = request.path(), "visitor hung up: page and its backend calls cancelled");
            }
            _ => {}
        }
        result
    }
}
