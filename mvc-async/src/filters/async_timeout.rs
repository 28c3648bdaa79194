//! AsyncTimeout(ms): how long an async action may run before it is stopped.
//!
//! When it fires, the action's future is dropped; with it go its pending calls
//! to the Web API, whose connections close, which the API counts as cancelled.
//! (The run itself is `app_kit::page::Pages::run_async`; this says which limit.)

use std::time::Duration;

use crate::controllers::Action;

/// The declared limit of `action`, if any. ASP.NET's default for async
/// actions without the attribute was 45 s, which no action here comes near, so
/// none is applied to them: only a declared limit counts.
pub fn of(action: &Action) -> Option<Duration> {
    action.async_timeout
}
