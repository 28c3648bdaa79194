//! UrlStatus.aspx: a page of asynchronous user controls.
//!
//! From the second seed of the sample (a blog post on async user controls):
//! each UrlStatus control registers its own async task that fetches one URL,
//! and shows the URL, the thread its request started on, the thread it
//! completed on, the time it took, the HTTP status, and the thread that
//! rendered it. As in the blog, the three differ: the control starts on a
//! request thread, an I/O thread sees its answer complete, and the page
//! renders on whichever request thread took up its last continuation. While
//! the call is pending, no request thread is held.
//!
//! The tasks run one after another, as ASP.NET 4.5 ran Task-based registered
//! tasks; `?parallel=1` registers them as parallel (the old `PageAsyncTask`'s
//! `executeInParallel`), and they run at once.
//!
//! The controls only fetch URLs on the configured Web API's origin; any other
//! `?url=` is refused with 400, so the page cannot be used to make this server
//! request arbitrary addresses (server-side request forgery).

use std::time::{Duration, Instant};

use app_kit::threads;

use api_client::Url;
use app_kit::PageError;
use maud::{Markup, html};

use crate::webforms::{AsyncContext, AsyncPage, Directives, RenderContext, TaskContext};

/// The paths fetched when no `?url=` is given: the API's three collections
/// and one address it answers 404 for.
pub const DEFAULT_PATHS: [&str; 4] = ["api/Products", "api/Widgets", "api/Gizmos", "api/NoSuchController"];

/// One control's state.
#[derive(Debug, Clone)]
pub struct UrlStatus {
    url: Url,
    started_on: String,
    completed_on: String,
    took: Duration,
    status: Result<u16, String>,
}

/// The page hosting the controls.
#[derive(Default)]
pub struct UrlStatusPage {
    controls: Vec<UrlStatus>,
    api_root: String,
    parallel: bool,
}

impl AsyncPage for UrlStatusPage {
    const DIRECTIVES: Directives = Directives::titled("UrlStatus");

    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError> {
        let root = ctx.backend().root().clone();
        self.api_root = root.to_string();
        self.parallel = ctx.query().get("parallel").is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
        let urls = match ctx.query().get("url") {
            Some(text) => vec![on_api_origin(text, &root)?],
            None => DEFAULT_PATHS.iter().filter_map(|path| root.join(path).ok()).collect(),
        };
        for url in urls {
            // Each control registers its own async task.
            let task = move |api: TaskContext| check(api, url);
            let bind = |page: &mut Self, control| page.controls.push(control);
            if self.parallel {
                ctx.register_parallel_async_task(task, bind);
            } else {
                ctx.register_async_task(task, bind);
            }
        }
        Ok(())
    }

    fn render(&self, ctx: &RenderContext) -> Markup {
        let rendered_on = &ctx.threads.rendered_on;
        html! {
            h1 { "UrlStatus: async user controls" }
            p.notice {
                "Each row is a control that fetched its URL in its own registered async task. "
                @if self.parallel {
                    "The tasks were registered as parallel (executeInParallel), so they ran at once. "
                    a href="/UrlStatus.aspx" { "One after another" } ", as ASP.NET 4.5 ran them by default."
                } @else {
                    "They ran one after another, as ASP.NET 4.5 ran Task-based registered tasks. "
                    a href="/UrlStatus.aspx?parallel=1" { "Register them as parallel" } " to run them at once."
                }
                " While a call was pending, no request thread was held: an I/O thread saw it complete."
            }
            table.grid {
                thead { tr { th { "URL" } th { "Started on" } th { "Completed on" } th { "Time (ms)" } th { "Status" } th { "Rendered on" } } }
                tbody {
                    @for control in &self.controls {
                        tr {
                            td { (control.url) }
                            td { (control.started_on) }
                            td { (control.completed_on) }
                            td.number { (control.took.as_millis()) }
                            td { @match &control.status { Ok(code) => (code), Err(reason) => span.error { (reason) } } }
                            td { (rendered_on) }
                        }
                    }
                }
            }
            form method="get" action="/UrlStatus.aspx" {
                label { "Another URL on the Web API " input type="url" name="url" size="50" placeholder=(format!("{}api/Gizmos/1", self.api_root)); }
                " " button type="submit" { "Check" }
            }
        }
    }
}

/// `text` as a URL, if it is on the same origin (scheme, host, port) as `root`.
pub fn on_api_origin(text: &str, root: &Url) -> Result<Url, PageError> {
    let url = Url::parse(text).map_err(|e| PageError::BadRequest(format!("`{text}` is not an absolute URL: {e}")))?;
    if url.origin() != root.origin() {
        return Err(PageError::BadRequest(format!(
            "UrlStatus only checks URLs on the Web API's origin ({}), not `{text}`",
            root.origin().ascii_serialization()
        )));
    }
    Ok(url)
}

/// One control's work: fetch `url`, noting the threads it ran on.
async fn check(api: TaskContext, url: Url) -> Result<UrlStatus, PageError> {
    let started_on = threads::current();
    let started = Instant::now();
    let (status, completed_on) = match api.backend.status_of(&url, &api.timeline).await {
        Ok((code, completed_on)) => (Ok(code), completed_on),
        Err(error) => (Err(error.to_string()), threads::current()),
    };
    Ok(UrlStatus { url, started_on, completed_on, took: started.elapsed(), status })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_api_origin_is_allowed() {
        let root = Url::parse("http://localhost:7734/").unwrap();
        assert!(on_api_origin("http://localhost:7734/api/Gizmos/1", &root).is_ok());
        for bad in [
            "http://localhost:7735/",
            "https://localhost:7734/",
            "http://169.254.169.254/latest/meta-data",
            "http://localhost.evil.example:7734/",
            "file:///etc/passwd",
            "/api/Gizmos",
        ] {
            assert!(matches!(on_api_origin(bad, &root), Err(PageError::BadRequest(_))), "{bad}");
        }
    }
}
