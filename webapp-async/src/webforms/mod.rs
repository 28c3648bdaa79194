//! The Web Forms page model, in Rust.
//!
//! An ASP.NET Web Forms page runs a lifecycle: Load, then PreRender, then
//! (on an `Async="true"` page) the async tasks registered during Load, then
//! Render. A page's directives say whether it is async and its AsyncTimeout.
//!
//! Here a page is a type that implements one of two traits:
//! - [`SyncPage`]: its `page_load` runs on a request thread and may call the
//!   Web API with the blocking client. Its context has no way to register an
//!   async task, so the mistake ASP.NET only catches at run time ("An
//!   asynchronous operation cannot be started at this time") does not compile.
//! - [`AsyncPage`]: its `page_load` gets an [`AsyncContext`], whose
//!   [`AsyncContext::register_async_task`] queues work that runs after
//!   PreRender, within the page's AsyncTimeout, holding no thread.
//!
//! [`lifecycle`] runs either kind; [`grid_view`] is the GridView with columns
//! generated from the model's fields; [`master`] is the master page.

pub mod grid_view;
pub mod lifecycle;
pub mod master;

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use app_kit::{Backend, PageError, Timeline};
use futures_util::future::LocalBoxFuture;
use maud::Markup;

/// ASP.NET's default AsyncTimeout: 45 seconds.
pub const DEFAULT_ASYNC_TIMEOUT: Duration = Duration::from_secs(45);

/// The `<%@ Page %>` directive: the page's title and, for an async page, its AsyncTimeout.
#[derive(Debug, Clone, Copy)]
pub struct Directives {
    /// The page's title.
    pub title: &'static str,
    /// `AsyncTimeout`: how long the registered async tasks may run together.
    pub async_timeout: Duration,
}

impl Directives {
    /// A page titled `title`, with the default AsyncTimeout.
    pub const fn titled(title: &'static str) -> Directives {
        Directives { title, async_timeout: DEFAULT_ASYNC_TIMEOUT }
    }

    /// The same with `AsyncTimeout` set.
    pub const fn async_timeout(self, timeout: Duration) -> Directives {
        Directives { async_timeout: timeout, ..self }
    }
}

/// The query string of the request, for pages that read one.
pub type Query = HashMap<String, String>;

/// What a page may use while it renders.
#[derive(Debug)]
pub struct RenderContext {
    /// The page's work so far (load and async tasks), for the "Elapsed time" label.
    pub elapsed: Duration,
    /// Its calls to the Web API.
    pub timeline: Timeline,
}

/// A synchronous page: everything happens on one request thread, which it blocks.
pub trait SyncPage: Default + Send + 'static {
    /// The page's directives.
    const DIRECTIVES: Directives;

    /// `Page_Load`: may block on the Web API through `ctx.backend`.
    fn page_load(&mut self, ctx: &SyncContext<'_>) -> Result<(), PageError>;

    /// `Render`: the page's content (the master page frames it).
    fn render(&self, ctx: &RenderContext) -> Markup;
}

/// What a synchronous page's `page_load` gets: a blocking backend, nothing async.
#[derive(Debug)]
pub struct SyncContext<'a> {
    /// The Web API; use its `fetch_blocking` and friends.
    pub backend: &'a Backend,
    /// Where its calls are timed.
    pub timeline: &'a Timeline,
    /// The request's query string.
    pub query: &'a Query,
}

/// An asynchronous page (`Async="true"`): Load registers tasks; they run after PreRender.
pub trait AsyncPage: Default + 'static {
    /// The page's directives, with its AsyncTimeout.
    const DIRECTIVES: Directives;

    /// `Page_Load`: registers the page's async tasks with `ctx`.
    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError>;

    /// `Render`: the page's content, after every task has bound its data.
    fn render(&self, ctx: &RenderContext) -> Markup;
}

/// What a registered task gives back: how to bind its data into the page
/// (the `GridView.DataSource = ...; DataBind()` step), run after it completes.
pub type Binder<P> = Box<dyn FnOnce(&mut P)>;

/// What an async page's `page_load` gets: the backend, and `register_async_task`.
pub struct AsyncContext<P> {
    backend: Backend,
    timeline: Timeline,
    query: Query,
    tasks: Vec<LocalBoxFuture<'static, Result<Binder<P>, PageError>>>,
}

impl<P> AsyncContext<P> {
    pub(crate) fn new(backend: Backend, timeline: Timeline, query: Query) -> AsyncContext<P> {
        AsyncContext { backend, timeline, query, tasks: Vec::new() }
    }

    /// The Web API (a clone, for a task to own).
    pub fn backend(&self) -> Backend {
        self.backend.clone()
    }

    /// The page's timeline (a clone that records into the same list).
    pub fn timeline(&self) -> Timeline {
        self.timeline.clone()
    }

    /// The request's query string.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// `RegisterAsyncTask`: `task` runs after PreRender, together with the
    /// page's other tasks, within the page's AsyncTimeout. If the timeout fires
    /// or the visitor leaves, every task still pending is cancelled.
    pub fn register_async_task(&mut self, task: impl Future<Output = Result<Binder<P>, PageError>> + 'static) {
        self.tasks.push(Box::pin(task));
    }

    pub(crate) fn into_tasks(self) -> Vec<LocalBoxFuture<'static, Result<Binder<P>, PageError>>> {
        self.tasks
    }
}

impl<P> std::fmt::Debug for AsyncContext<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncContext").field("tasks", &self.tasks.len()).finish_non_exhaustive()
    }
}
