//! Every page of the app in one table: its address, title, menu entry, twin
//! and handler. Routes, the menu, the home page's lists and the load lab's
//! paths are all built from it, so adding a page is one row here plus the
//! page's own file in `pages/`.

use actix_web::{HttpRequest, HttpResponse};
use app_kit::Host;
use futures_util::future::LocalBoxFuture;

use crate::pages::cancellation::{GizmosCancelAsync, GizmosCancelBtnAsync};
use crate::pages::lists::{Gizmos, GizmosAsync, Products, ProductsAsync, Widgets, WidgetsAsync};
use crate::pages::pwg::{Pwg, PwgAsync};
use crate::pages::url_status::UrlStatusPage;
use crate::pages::{error_pages, home, thread_pool};
use crate::webforms::Query;
use crate::webforms::lifecycle::{serve_async, serve_static, serve_sync};

/// What a page's handler gets.
pub type Handler = fn(HttpRequest, Host, Query) -> LocalBoxFuture<'static, HttpResponse>;

/// One page.
#[derive(Debug, Clone, Copy)]
pub struct PageEntry {
    /// Its address, `/Products.aspx` (matched ignoring case).
    pub path: &'static str,
    /// Its menu entry, if it has one.
    pub menu: Option<&'static str>,
    /// Its async twin (on a synchronous page), for the home page's table.
    pub async_twin: Option<&'static str>,
    /// What it shows, for the home page.
    pub shows: &'static str,
    /// Serves it.
    pub handler: Handler,
}

const fn page(path: &'static str, menu: &'static str, handler: Handler) -> PageEntry {
    PageEntry { path, menu: Some(menu), async_twin: None, shows: "", handler }
}

impl PageEntry {
    const fn twin(self, async_twin: &'static str, shows: &'static str) -> PageEntry {
        PageEntry { async_twin: Some(async_twin), shows, ..self }
    }

    const fn shows(self, shows: &'static str) -> PageEntry {
        PageEntry { shows, ..self }
    }

    const fn hidden(self) -> PageEntry {
        PageEntry { menu: None, ..self }
    }
}

/// Every page, in the menu's order (the sample's, then this project's additions).
pub static PAGES: &[PageEntry] = &[
    page("/Default.aspx", "Home", |r, h, _| Box::pin(serve_static(r, h, home::default_page))),
    page("/About.aspx", "About", |r, h, _| Box::pin(serve_static(r, h, |_| home::about_page()))),
    page("/PWGasync.aspx", "PWGasync", |r, h, q| Box::pin(serve_async::<PwgAsync>(r, h, q))),
    page("/PWG.aspx", "PWG", |r, h, q| Box::pin(serve_sync::<Pwg>(r, h, q))).twin(
        "/PWGasync.aspx",
        "three calls one after another (about the sum of the delays) or at once (about the longest)",
    ),
    page("/GizmosCancelAsync.aspx", "GizmosCancelAsync", |r, h, q| Box::pin(serve_async::<GizmosCancelAsync>(r, h, q)))
        .shows(
            "an AsyncTimeout of 1 s; on timeout the pending call is cancelled and you see the friendly timeout page.",
        ),
    page("/GizmosCancelBtnAsync.aspx", "GizmosCancelBtnAsync", |r, h, q| {
        Box::pin(serve_async::<GizmosCancelBtnAsync>(r, h, q))
    })
    .shows("start a slow load, press Cancel, and the server cancels its call to the Web API."),
    page("/Products.aspx", "Products", |r, h, q| Box::pin(serve_sync::<Products>(r, h, q)))
        .twin("/ProductsAsync.aspx", "one call to the Web API: blocking a request thread, or not"),
    page("/Widgets.aspx", "Widgets", |r, h, q| Box::pin(serve_sync::<Widgets>(r, h, q)))
        .twin("/WidgetsAsync.aspx", "the same for widgets"),
    page("/Gizmos.aspx", "Gizmos", |r, h, q| Box::pin(serve_sync::<Gizmos>(r, h, q)))
        .twin("/GizmosAsync.aspx", "the same for gizmos"),
    page("/ProductsAsync.aspx", "ProductsAsync", |r, h, q| Box::pin(serve_async::<ProductsAsync>(r, h, q))),
    page("/WidgetsAsync.aspx", "WidgetsAsync", |r, h, q| Box::pin(serve_async::<WidgetsAsync>(r, h, q))),
    page("/GizmosAsync.aspx", "GizmosAsync", |r, h, q| Box::pin(serve_async::<GizmosAsync>(r, h, q))),
    page("/UrlStatus.aspx", "UrlStatus", |r, h, q| Box::pin(serve_async::<UrlStatusPage>(r, h, q)))
        .shows("async user controls: the thread each started on, completed on and was rendered on."),
    page("/ThreadPool.aspx", "ThreadPool", |r, h, _| Box::pin(serve_static(r, h, thread_pool::page)))
        .shows("the request threads live: fire a burst of sync or async loads and watch the pool."),
    page("/TimeoutErrorPage.aspx", "TimeoutErrorPage", |r, h, _| {
        Box::pin(serve_static(r, h, |_| error_pages::timeout_error_page()))
    })
    .hidden(),
];

/// The synchronous page and its async twin that the live view's bursts load.
pub const BURST_PAGES: (&str, &str) = ("/Products.aspx", "/ProductsAsync.aspx");

/// The page at `path`, ignoring case, as IIS did.
pub fn find(path: &str) -> Option<&'static PageEntry> {
    PAGES.iter().find(|page| page.path.eq_ignore_ascii_case(path))
}

/// The path of the page whose menu entry is `name` (for the load lab and tests).
pub fn path_of(name: &str) -> Option<&'static str> {
    PAGES.iter().find(|page| page.menu == Some(name) || page.path[1..].eq_ignore_ascii_case(name)).map(|p| p.path)
}
