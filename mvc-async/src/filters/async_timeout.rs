//! AsyncTimeout(ms): how long an async action may run before it is stopped.
//!
//! When it fires, the action's future is dropped wherever it is (running,
//! waiting for the Web API, or queued for a request thread); with it go its
//! pending calls to the Web API, whose connections close, which the API
//! counts as cancelled. (The run itself is `app_kit::Host::run_async`; this
//! says which limit.)

use std::time::Duration;

use crate::controllers::Action;

/// The limit of `action`: its declared `[AsyncTimeout]`, or ASP.NET's
/// default of 45 s for an action without one.
pub fn of(action: &Action) -> Duration {
    action.async_timeout
}
