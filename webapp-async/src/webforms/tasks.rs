//! RegisterAsyncTask: the tasks an async page registers in Load, and how they
//! run after PreRender.
//!
//! A task is a future that fetches something, and a binder that puts its
//! result into the page (the `GridView.DataSource = ...; DataBind()` step):
//! data flows one way, from the task to the page, after the task completes.
//!
//! ASP.NET 4.5 ran Task-based registered tasks **one after another**; only the
//! old `PageAsyncTask` constructor's `executeInParallel` let tasks run
//! together. Here [`AsyncContext::register_async_task`] registers a task that
//! runs alone, and [`AsyncContext::register_parallel_async_task`] one that
//! runs together with the parallel tasks registered next to it.

use std::future::Future;

use app_kit::{Backend, PageError, Timeline};
use futures_util::FutureExt;
use futures_util::future::BoxFuture;

use super::Query;

/// What a registered task has to work with: the Web API and the page's
/// timeline (a clone that records into the same list).
#[derive(Debug, Clone)]
pub struct TaskContext {
    /// The Web API.
    pub backend: Backend,
    /// Where the task's calls are timed.
    pub timeline: Timeline,
}

/// A task's result, bound into the page once the task completes.
type Bound<P> = Box<dyn FnOnce(&mut P) + Send>;

/// A registered task, ready to run.
struct Registered<P> {
    parallel: bool,
    task: BoxFuture<'static, Result<Bound<P>, PageError>>,
}

/// What an async page's `page_load` gets: the query, and RegisterAsyncTask.
pub struct AsyncContext<P> {
    calls: TaskContext,
    query: Query,
    tasks: Vec<Registered<P>>,
}

impl<P: Send + 'static> AsyncContext<P> {
    pub(crate) fn new(backend: Backend, timeline: Timeline, query: Query) -> AsyncContext<P> {
        AsyncContext { calls: TaskContext { backend, timeline }, query, tasks: Vec::new() }
    }

    /// The request's query string.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The Web API (for what Load decides before registering, such as its root).
    pub fn backend(&self) -> &Backend {
        &self.calls.backend
    }

    /// The page's timeline (for Render, once the tasks are done).
    pub(crate) fn timeline(&self) -> Timeline {
        self.calls.timeline.clone()
    }

    /// `RegisterAsyncTask(new PageAsyncTask(...))`: `task` runs after
    /// PreRender, after the tasks registered before it have finished, within
    /// the page's AsyncTimeout; `bind` then puts its result into the page. If
    /// the timeout fires or the visitor leaves, every pending task is cancelled.
    pub fn register_async_task<T, E, F>(&mut self, task: impl FnOnce(TaskContext) -> F, bind: fn(&mut P, T))
    where
        F: Future<Output = Result<T, E>> + Send + 'static,
        E: Into<PageError>,
        T: Send + 'static,
    {
        self.register(false, task, bind);
    }

    /// The same with `executeInParallel`: runs together with the parallel
    /// tasks registered next to it.
    pub fn register_parallel_async_task<T, E, F>(&mut self, task: impl FnOnce(TaskContext) -> F, bind: fn(&mut P, T))
    where
        F: Future<Output = Result<T, E>> + Send + 'static,
        E: Into<PageError>,
        T: Send + 'static,
    {
        self.register(true, task, bind);
    }

    fn register<T, E, F>(&mut self, parallel: bool, task: impl FnOnce(TaskContext) -> F, bind: fn(&mut P, T))
    where
        F: Future<Output = Result<T, E>> + Send + 'static,
        E: Into<PageError>,
        T: Send + 'static,
    {
        // A combinator, not `async move { running.await ... }`: an async block
        // stores the future it captures and, apart, the one it awaits, so it
        // was twice the call's size, held for the whole wait of every page.
        let task = Box::pin(task(self.calls.clone()).map(move |result| {
            let value = result.map_err(Into::into)?;
            Ok(Box::new(move |page: &mut P| bind(page, value)) as Bound<P>)
        }));
        self.tasks.push(Registered { parallel, task });
    }

    /// Runs the registered tasks (serial ones alone, neighbouring parallel
    /// ones together) and binds each result into `page`, in registration order.
    ///
    /// Its state is part of every waiting page's, so it is kept small: by
    /// reference (the page's future holds the context once), a lone task
    /// awaited as it is, and a batch's join boxed (it is 88 bytes inline).
    pub(crate) async fn execute_registered_tasks(&mut self, page: &mut P) -> Result<(), PageError> {
        let mut tasks = std::mem::take(&mut self.tasks);
        tasks.reverse();
        while let Some(first) = tasks.pop() {
            if !(first.parallel && tasks.last().is_some_and(|next| next.parallel)) {
                (first.task.await?)(page);
                continue;
            }
            let mut batch = vec![first.task];
            while let Some(next) = tasks.pop_if(|t| t.parallel) {
                batch.push(next.task);
            }
            for bind in Box::pin(futures_util::future::try_join_all(batch)).await? {
                bind(page);
            }
        }
        Ok(())
    }
}

impl<P> std::fmt::Debug for AsyncContext<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncContext").field("tasks", &self.tasks.len()).finish_non_exhaustive()
    }
}
