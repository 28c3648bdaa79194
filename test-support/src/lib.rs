//! The helpers of the workspace's tests, written once, and those the load lab
//! needs at run time.
//!
//! # Layout
//! - [`apps`]: a web app under test ([`TestApp`]) against a real webapi-pgw or
//!   a stand-in that fails on purpose.
//! - [`in_process`]: the API and an app started in this process on port 0,
//!   stopped gracefully when their handle goes.
//! - [`process`]: the binaries as processes: where they are built, a free port,
//!   waiting until they answer, killed when dropped.
//! - [`waiting`]: [`eventually`], for state another task changes.
//! - [`pool_lessons`]: the checks of the thread-pool lesson, which both apps
//!   must pass with their own pages.
//!
//! Users: the integration tests of webapi-pgw, webapp-async, mvc-async and
//! all-in-one (dev-dependency), and the load lab (a normal dependency: it runs
//! the same services the same way, and already depends on all this crate does).

pub mod apps;
pub mod in_process;
pub mod pool_lessons;
pub mod process;
pub mod waiting;

pub use apps::{
    TestApp, dead_api_url, elapsed_seconds, fake_api, head_answers_as_get, spawn_api, spawn_app, spawn_app_against,
};
pub use in_process::{ApiInProcess, AppInProcess, Running, start_api, start_app};
pub use waiting::eventually;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
