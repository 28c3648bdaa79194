//! `/source/{file}`: the code behind the lesson, readable in the browser.
//!
//! About.aspx links here, so a visitor can go from the explanation straight to
//! the lines that do it. Only this fixed list is served, embedded at build time:
//! no path from the request ever reaches the file system.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use maud::html;

use super::error_pages;
use crate::webforms::master;

/// The files a visitor can read: (name in the URL, path in the repository, what it shows, text).
pub const FILES: &[(&str, &str, &str, &str)] = &[
    (
        "lists.rs",
        "webapp-async/src/pages/lists.rs",
        "Products.aspx and ProductsAsync.aspx: the twins side by side",
        include_str!("lists.rs"),
    ),
    ("pwg.rs", "webapp-async/src/pages/pwg.rs", "PWG.aspx and PWGasync.aspx", include_str!("pwg.rs")),
    (
        "cancellation.rs",
        "webapp-async/src/pages/cancellation.rs",
        "GizmosCancelAsync.aspx and GizmosCancelBtnAsync.aspx",
        include_str!("cancellation.rs"),
    ),
    (
        "webforms.rs",
        "webapp-async/src/webforms/mod.rs",
        "the page model: SyncPage, AsyncPage, RegisterAsyncTask",
        include_str!("../webforms/mod.rs"),
    ),
    (
        "lifecycle.rs",
        "webapp-async/src/webforms/lifecycle.rs",
        "the page lifecycle, synchronous and asynchronous",
        include_str!("../webforms/lifecycle.rs"),
    ),
    (
        "tasks.rs",
        "webapp-async/src/webforms/tasks.rs",
        "RegisterAsyncTask: one after another, or in parallel",
        include_str!("../webforms/tasks.rs"),
    ),
    (
        "request_pool.rs",
        "app-kit/src/request_pool/mod.rs",
        "the request threads every page runs on, their queue and 503 Server Too Busy",
        include_str!("../../../app-kit/src/request_pool/mod.rs"),
    ),
    (
        "injector.rs",
        "app-kit/src/request_pool/injector.rs",
        "thread injection: one new thread per 500 ms while requests wait, as .NET's gate thread",
        include_str!("../../../app-kit/src/request_pool/injector.rs"),
    ),
    (
        "host.rs",
        "app-kit/src/host.rs",
        "running a page: blocking its thread, or step by step with AsyncTimeout and cancellation",
        include_str!("../../../app-kit/src/host.rs"),
    ),
    (
        "disconnect.rs",
        "service-kit/src/disconnect.rs",
        "noticing a visitor who hangs up",
        include_str!("../../../service-kit/src/disconnect.rs"),
    ),
];

/// The page showing `name`, or 404 for a name not in [`FILES`].
pub fn source_page(name: &str, path: &str) -> HttpResponse {
    let Some((_, repository_path, what, text)) = FILES.iter().find(|f| f.0 == name) else {
        return error_pages::not_found(path);
    };
    let content = html! {
        h1 { code { (repository_path) } }
        p.notice { (what) ". " a href="/About.aspx" { "Back to About" } }
        pre.source { code { (text) } }
    };
    master::html_response(StatusCode::OK, master::page(repository_path, content, None).into_string())
}
