//! Every page of the app, one concept per file; sync twins beside async ones.
//!
//! - `home.rs`: Default.aspx (what each page shows, the live settings) and About.aspx.
//! - `lists.rs`: Products, Widgets, Gizmos and their Async twins.
//! - `pwg.rs`: PWG (sequential) and PWGasync (parallel), with the waterfall.
//! - `cancellation.rs`: GizmosCancelAsync (AsyncTimeout) and GizmosCancelBtnAsync (Cancel button).
//! - `url_status.rs`: the async user controls of the second seed.
//! - `thread_pool.rs`: ThreadPool.aspx, the request threads live.
//! - `error_pages.rs`: TimeoutErrorPage, the error page, the 404 page.
//! - `source.rs`: `/source/{file}`, the code behind the lesson, linked from About.

pub mod cancellation;
pub mod error_pages;
pub mod home;
pub mod lists;
pub mod pwg;
pub mod source;
pub mod thread_pool;
pub mod url_status;
