//! The pages' host, as IIS and ASP.NET were: the request threads every page
//! runs on, the I/O threads, the Web API, what is counted, and the app's
//! error pages. Both apps run every page through it.
//!
//! Actix plays IIS's part: its few workers accept the connection, admit the
//! request to the request pool, and wait (holding no thread) for the page.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse};
use api_client::ApiError;

use crate::backend::Backend;
use crate::failure::{self, ErrorPages};
use crate::io_runtime::IoRuntime;
use crate::metrics::{AppMetrics, InFlight};
use crate::page_error::PageError;
use crate::request_pool::RequestPool;
use crate::settings::AppSettings;

/// Why the host could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// `--webapi-url` is not a usable URL.
    #[error("--webapi-url (WEBAPI_URL): {0}")]
    WebApiUrl(#[from] ApiError),
    /// The I/O threads could not be started.
    #[error("cannot start the I/O threads: {0}")]
    IoThreads(#[from] std::io::Error),
}

/// Everything a page handler of an app needs. Cheap to clone.
#[derive(Clone)]
pub struct Host {
    /// The Web API.
    pub backend: Backend,
    /// The request threads.
    pub pool: RequestPool,
    /// What is counted.
    pub metrics: Arc<AppMetrics>,
    /// The settings it was made from (the home pages show them).
    pub settings: Arc<AppSettings>,
    error_pages: Arc<dyn ErrorPages>,
    io: Arc<IoRuntime>,
}

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Host").field("backend", &self.backend).field("pool", &self.pool).finish_non_exhaustive()
    }
}

impl Host {
    /// The host of an app with `settings`, whose failures show `error_pages`.
    pub fn new(settings: &AppSettings, error_pages: impl ErrorPages) -> Result<Host, StartError> {
        let io = IoRuntime::start()?;
        let metrics = Arc::new(AppMetrics::new());
        Ok(Host {
            backend: Backend::new(settings, metrics.clone(), io.handle())?,
            pool: RequestPool::new(settings.pool_config(), io.handle()),
            metrics,
            settings: Arc::new(settings.clone()),
            error_pages: Arc::new(error_pages),
            io: Arc::new(io),
        })
    }

    /// The same host, whose pages' backend calls ask the Web API for
    /// `injection`'s faults (a page's `?fault=` and `?status=`).
    pub fn injecting(&self, injection: &crate::injection::Injection) -> Host {
        if injection.is_none() {
            return self.clone();
        }
        Host { backend: self.backend.injecting(injection), ..self.clone() }
    }

    /// The I/O threads' runtime (for work that is no page, such as the live
    /// view's bursts).
    pub fn io(&self) -> tokio::runtime::Handle {
        self.io.handle()
    }

    /// Runs a synchronous page: `work` (its backend calls *and* its
    /// rendering) runs on a request thread, which it blocks throughout, as
    /// ASP.NET's synchronous pages did. The visitor's hang-up does not stop
    /// it: a blocked thread cannot be told anything until its call returns.
    pub async fn run_sync<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Backend) -> Result<T, PageError> + Send + 'static,
    ) -> Result<T, PageError> {
        let _running = InFlight::new(&self.metrics.sync_pages_in_flight);
        let backend = self.backend.clone();
        self.pool.run(move || work(&backend)).await?
    }

    /// Runs an async page: `page` (load, tasks, render) starts when a request
    /// thread takes it, gives its thread back at each pending await, and
    /// continues on whichever request thread takes its continuation. It is
    /// dropped wherever it is (running, waiting for I/O, or queued for a
    /// thread), its pending backend calls cancelled, when `timeout` (the
    /// AsyncTimeout) runs out or when the visitor hangs up.
    ///
    /// The page is handed to the pool when this is called, not when the
    /// returned future is first polled: so the future a waiting page's
    /// connection holds does not also keep room for the page (an `async fn`
    /// would keep its argument's space for its whole life, however long after
    /// the page moved into its task). That future owns what it needs (the
    /// request, to hear its visitor hang up), so that its caller can build
    /// on it with combinators rather than an `async` block around it.
    pub fn run_async<T, F>(
        &self,
        request: HttpRequest,
        timeout: Duration,
        page: F,
    ) -> impl Future<Output = Result<T, PageError>> + use<T, F>
    where
        F: Future<Output = Result<T, PageError>> + Send + 'static,
        T: Send + 'static,
    {
        let (metrics, task) = (self.metrics.clone(), self.pool.spawn(page));
        async move {
            let _running = InFlight::new(&metrics.async_pages_in_flight);
            let task = task?;
            let finished = async { task.await.unwrap_or_else(|| Err(PageError::Failed("it panicked".into()))) };
            tokio::select! {
                result = tokio::time::timeout(timeout, finished) => result.unwrap_or(Err(PageError::Timeout { after: timeout })),
                () = service_kit::disconnect::client_gone(&request) => Err(PageError::Cancelled),
            }
        }
    }

    /// The answer: the page's HTML, never cached, or what the failure policy
    /// says with the app's error page. Counts the page as completed.
    pub fn respond(&self, request: &HttpRequest, page: Result<String, PageError>, elapsed: Duration) -> HttpResponse {
        self.metrics.pages_completed.inc();
        match page {
            Ok(html) => HttpResponse::Ok()
                .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
                .insert_header((CACHE_CONTROL, "no-store"))
                .body(html),
            Err(error) => failure::respond(&error, request.path(), elapsed, &self.metrics, self.error_pages.as_ref()),
        }
    }
}
