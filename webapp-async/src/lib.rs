//! `webapp-async`: the sample's WebAppAsync, Web Forms-style pages in Rust.
//!
//! Every page of the sample, each in a synchronous version that blocks a
//! request thread while it waits for the Web API and an asynchronous one that
//! does not; PWG and PWGasync with a waterfall of their calls; a page-level
//! AsyncTimeout and a Cancel button whose cancellation reaches the Web API;
//! and the async user controls of the sample's second seed.
//!
//! # Layout
//! - [`config`]: flags and environment variables.
//! - [`webforms`]: the page model: directives, [`webforms::SyncPage`] and
//!   [`webforms::AsyncPage`], RegisterAsyncTask, the lifecycle, GridView, master page.
//! - [`pages`]: the pages themselves, sync twins beside async ones.
//! - [`site_map`]: every page in one table (address, menu entry, twin,
//!   handler): routes, menu, home page and the load lab's paths come from it.
//!   Adding a page: one row there, plus its file in `pages/`.
//! - [`routing`]: `.aspx` addresses (any case) to pages, from the table.
//! - [`startup`]: [`build`], which prepares the app and binds its port (0 works).

pub mod config;
pub mod pages;
pub mod routing;
pub mod site_map;
pub mod startup;
pub mod webforms;

pub use config::Config;
pub use startup::build;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
