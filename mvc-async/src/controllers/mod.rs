//! Controllers, and the shape of an action.
//!
//! An action is a function from the Web API (and the page's timeline) to a
//! [`View`]. Every action starts on a request thread. A synchronous action is
//! a plain `fn`: it blocks its thread to the end. An asynchronous action
//! returns a future (`Send`, as it may continue on any request thread): it
//! gives its thread back at each pending await.

pub mod home;

use std::time::Duration;

use app_kit::{Backend, PageError, Timeline};
use futures_util::future::BoxFuture;

use crate::views::View;

/// ASP.NET's AsyncTimeout for an async action without the attribute: 45 s.
pub const DEFAULT_ASYNC_TIMEOUT: Duration = Duration::from_secs(45);

/// The body of a synchronous action.
pub type SyncBody = fn(&Backend, &Timeline) -> Result<View, PageError>;

/// The body of an asynchronous action.
pub type AsyncBody = for<'a> fn(&'a Backend, &'a Timeline) -> BoxFuture<'a, Result<View, PageError>>;

/// What an action does.
#[derive(Clone, Copy)]
pub enum ActionBody {
    /// `public ActionResult X()`: blocks a request thread.
    Sync(SyncBody),
    /// `public async Task<ActionResult> X()`: holds no thread while it waits.
    Async(AsyncBody),
}

/// An action and its declared filters (the attributes above a C# action).
#[derive(Clone, Copy)]
pub struct Action {
    /// Its name in URLs: `/Home/{name}`.
    pub name: &'static str,
    /// What it does.
    pub body: ActionBody,
    /// `[AsyncTimeout(ms)]`: stop the action and cancel its backend calls
    /// after this; without the attribute, ASP.NET's default of 45 s.
    pub async_timeout: Duration,
}

impl Action {
    /// A synchronous action.
    pub const fn sync(name: &'static str, body: SyncBody) -> Action {
        Action { name, body: ActionBody::Sync(body), async_timeout: DEFAULT_ASYNC_TIMEOUT }
    }

    /// An asynchronous action.
    pub const fn asynchronous(name: &'static str, body: AsyncBody) -> Action {
        Action { name, body: ActionBody::Async(body), async_timeout: DEFAULT_ASYNC_TIMEOUT }
    }

    /// Declares `[AsyncTimeout(ms)]` on an asynchronous action.
    pub const fn async_timeout(self, ms: u64) -> Action {
        Action { async_timeout: Duration::from_millis(ms), ..self }
    }
}
