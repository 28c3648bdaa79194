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
//!   PreRender, within the page's AsyncTimeout, holding no thread while it
//!   waits: the page gives its request thread back at each pending await and
//!   continues on whichever request thread takes it up.
//!
//! [`tasks`] holds RegisterAsyncTask's tasks and runs them (one after another,
//! or together when registered as parallel); [`lifecycle`] runs either kind
//! of page; [`grid_view`] is the GridView with columns generated from the
//! model's fields; [`master`] is the master page.

pub mod grid_view;
pub mod lifecycle;
pub mod master;
pub mod tasks;

use std::collections::HashMap;
use std::time::Duration;

use app_kit::{Backend, PageError, PageThreads, Timeline};
use maud::Markup;

pub use tasks::{AsyncContext, TaskContext};

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
    /// The page's work so far (waiting for a thread, load and async tasks),
    /// read once: the body and the footer show the same figure.
    pub elapsed: Duration,
    /// Its calls to the Web API.
    pub timeline: Timeline,
    /// The request threads it started and is rendered on.
    pub threads: PageThreads,
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

/// An asynchronous page (`Async="true"`): Load registers tasks; they run after
/// PreRender. `Send`, because it may continue on any request thread.
pub trait AsyncPage: Default + Send + 'static {
    /// The page's directives, with its AsyncTimeout.
    const DIRECTIVES: Directives;

    /// `Page_Load`: registers the page's async tasks with `ctx`.
    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError>;

    /// `Render`: the page's content, after every task has bound its data.
    fn render(&self, ctx: &RenderContext) -> Markup;
}
