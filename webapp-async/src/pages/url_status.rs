//! UrlStatus.aspx: a page of asynchronous user controls.
//!
//! From the second seed of the sample (a blog post on async user controls):
//! each UrlStatus control registers its own async task that fetches one URL,
//! and shows the URL, the thread its request started on, the thread it
//! completed on, the time it took, the HTTP status, and the thread that
//! rendered it. In ASP.NET the start and completion threads often differ (any
//! pool thread may resume the work). In actix-web a request stays on the worker
//! thread that accepted its connection, so they match; what matters is the same:
//! while the call is pending, that thread is free and serves other requests.
//!
//! The controls only fetch URLs on the configured Web API's origin; any other
//! `?url=` is refused with 400, so the page cannot be used to make this server
//! request arbitrary addresses (server-side request forgery).

use std::time::{Duration, Instant};

use api_client::Url;
use app_kit::PageError;
use maud::{Markup, html};

use crate::webforms::{AsyncContext, AsyncPage, Binder, Directives, RenderContext};

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
}

impl AsyncPage for UrlStatusPage {
    const DIRECTIVES: Directives = Directives::titled("UrlStatus");

    fn page_load(&mut self, ctx: &mut AsyncContext<Self>) -> Result<(), PageError> {
        let backend = ctx.backend();
        self.api_root = backend.root().to_string();
        let urls = match ctx.query().get("url") {
            Some(text) => vec![on_api_origin(text, backend.root())?],
            None => DEFAULT_PATHS.iter().filter_map(|path| backend.root().join(path).ok()).collect(),
        };
        for url in urls {
            let (backend, timeline) = (backend.clone(), ctx.timeline());
            // Each control registers its own async task.
            ctx.register_async_task(async move {
                let started_on = thread_label();
                let started = Instant::now();
                let status = backend.status_of(&url, &timeline).await.map_err(|e| e.to_string());
                let control =
                    UrlStatus { url, started_on, completed_on: thread_label(), took: started.elapsed(), status };
                Ok(Box::new(move |page: &mut Self| page.controls.push(control)) as Binder<Self>)
            });
        }
        Ok(())
    }

    fn render(&self, _ctx: &RenderContext) -> Markup {
        let rendered_on = thread_label();
        html! {
            h1 { "UrlStatus: async user controls" }
            p.notice {
                "Each row is a control that fetched its URL in its own registered async task. All ran at once; "
                "while they waited, their thread was free to serve other requests."
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

/// The current thread, short: "actix worker 2 #14" (actix names its workers
/// "actix-rt|system:0|arbiter:2"; the number after # is the thread's id).
fn thread_label() -> String {
    let thread = std::thread::current();
    let id = format!("{:?}", thread.id()).trim_start_matches("ThreadId(").trim_end_matches(')').to_owned();
    let name = thread.name().unwrap_or("unnamed");
    match name.rsplit_once("arbiter:") {
        Some((_, worker)) => format!("actix worker {worker} #{id}"),
        None => format!("{name} #{id}"),
    }
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
