//! `mvc-async`: the sample's Mvc4Async, in the shape an MVC developer knows.
//!
//! A router maps `/{controller}/{action}/{id?}` to a controller's action; the
//! action fetches its model from the Web API and returns a view; filters,
//! declared once per action, wrap it: UseStopwatch, OutputCache(NoStore),
//! AsyncTimeout and HandleError. Every action has a synchronous twin that
//! blocks a request thread and an asynchronous one that does not.
//!
//! # Layout
//! - [`config`]: flags and environment variables.
//! - [`routing`]: the route table, `{controller}/{action}/{id}`, default Home/Gizmos.
//! - [`controllers`]: `HomeController`, one function per action, sync beside async.
//! - [`filters`]: the action filters and the invoker that applies them.
//! - [`views`]: maud views: the layout, the links partial, one per model, errors.
//! - [`startup`]: [`build`], which prepares the app and binds its port (0 works).

pub mod config;
pub mod controllers;
pub mod filters;
pub mod routing;
pub mod startup;
pub mod views;

pub use config::Config;
pub use startup::build;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
