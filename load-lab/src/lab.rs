//! Whose services a scenario measures: its own, started with the settings it
//! chooses, or services already running (the containers of `docker compose
//! up`, another host) at the URLs the user gave.
//!
//! This is the one place that decides. A scenario asks [`Lab::api`] and
//! [`Lab::app`] for what it would start, and gets handles that work the same
//! either way: URLs to load, and the services' `/metrics` to read. Which
//! scenarios cannot use running services at all is declared beside the list
//! of scenarios (`scenarios/mod.rs`), not inside each one.

use app_kit::AppSettings;
use test_support::in_process::ApiInProcess;

use crate::failure::Failure;
use crate::services::{App, Page, RunningApp, start_api, start_app};

/// One of the three services, as a scenario's need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// webapi-pgw.
    Api,
    /// An app.
    App(App),
}

impl Service {
    /// The flag that gives this service's URL.
    pub fn flag(self) -> &'static str {
        match self {
            Service::Api => "--api-url",
            Service::App(App::WebForms) => "--webapp-url",
            Service::App(App::Mvc) => "--mvc-url",
        }
    }
}

/// The URLs of services already running; at least one is set.
#[derive(Debug, Clone, Default)]
pub struct RunningUrls {
    /// webapi-pgw's root, with a trailing slash.
    pub api: Option<String>,
    /// webapp-async's root, without one.
    pub webapp: Option<String>,
    /// mvc-async's root, without one.
    pub mvc: Option<String>,
}

/// Whose services the scenarios measure.
#[derive(Debug, Clone)]
pub enum Lab {
    /// Each scenario starts its own, with the settings its claim needs.
    Own,
    /// Services already running.
    Running(RunningUrls),
}

impl Lab {
    /// [`Lab::Running`] when any URL is given, else [`Lab::Own`].
    pub fn new(urls: RunningUrls) -> Lab {
        if urls.api.is_none() && urls.webapp.is_none() && urls.mvc.is_none() { Lab::Own } else { Lab::Running(urls) }
    }

    /// Whether scenarios start their own services.
    pub fn is_own(&self) -> bool {
        matches!(self, Lab::Own)
    }

    /// What the report says it measured.
    pub fn describe(&self) -> String {
        match self {
            Lab::Own => "Services: each scenario started its own, with the settings its claim needs; the load \
                         generator, the apps and the Web API share this machine's cores. Delays are \
                         fixed, or random with a fixed seed, so runs are repeatable up to the machine's noise."
                .into(),
            Lab::Running(urls) => {
                let given: Vec<String> =
                    [("webapi-pgw", &urls.api), ("webapp-async", &urls.webapp), ("mvc-async", &urls.mvc)]
                        .into_iter()
                        .filter_map(|(name, url)| url.as_ref().map(|url| format!("{name} at <{url}>")))
                        .collect();
                format!(
                    "Services: already running, with their own settings and delays; the lab started none. Measured: \
                     {}. Scenarios whose claim needs settings the lab must choose were skipped.",
                    given.join(", ")
                )
            }
        }
    }

    /// Why a scenario that needs `needs` cannot run here, if it cannot.
    pub fn missing(&self, needs: &[Service]) -> Option<String> {
        let Lab::Running(urls) = self else { return None };
        let missing: Vec<&str> = needs.iter().filter(|s| self.url_of(urls, **s).is_none()).map(|s| s.flag()).collect();
        (!missing.is_empty()).then(|| format!("needs {}", missing.join(" and ")))
    }

    fn url_of<'a>(&self, urls: &'a RunningUrls, service: Service) -> Option<&'a String> {
        match service {
            Service::Api => urls.api.as_ref(),
            Service::App(App::WebForms) => urls.webapp.as_ref(),
            Service::App(App::Mvc) => urls.mvc.as_ref(),
        }
    }

    /// The Web API: our own with delays in [min, max) ms (fixed if equal), or
    /// the running one with whatever delays it draws.
    pub fn api(&self, delay_min: u64, delay_max: u64) -> Result<Api, Failure> {
        match self {
            Lab::Own => {
                let own = start_api(delay_min, delay_max)?;
                let delays = if delay_min == delay_max {
                    format!("a fixed {delay_min} ms")
                } else {
                    format!("uniform {delay_min}–{delay_max} ms delays (seeded)")
                };
                Ok(Api { url: own.url.clone(), delays, _own: Some(own) })
            }
            Lab::Running(urls) => {
                let url = self.url_of(urls, Service::Api).ok_or(Failure::Skip("needs --api-url".into()))?;
                Ok(Api {
                    url: url.clone(),
                    delays: format!("the delays the running Web API at <{url}> draws"),
                    _own: None,
                })
            }
        }
    }

    /// The Web API for the apps a scenario starts, when it starts them: our
    /// own with delays in [min, max) ms; none against running apps, which
    /// call their own API (the scenario need not measure it).
    pub fn api_for_apps(&self, delay_min: u64, delay_max: u64) -> Result<Option<Api>, Failure> {
        if self.is_own() { self.api(delay_min, delay_max).map(Some) } else { Ok(None) }
    }

    /// `app`: our own against the API at `settings`' URL with `settings`, or
    /// the running one with its own settings and its own API.
    pub fn app(&self, app: App, settings: AppSettings) -> Result<AppUnderTest, Failure> {
        match self {
            Lab::Own => {
                let own = start_app(app, settings)?;
                Ok(AppUnderTest { app, address: own.address.clone(), _own: Some(own) })
            }
            Lab::Running(urls) => {
                let url = self
                    .url_of(urls, Service::App(app))
                    .ok_or(Failure::Skip(format!("needs {}", Service::App(app).flag())))?;
                Ok(AppUnderTest { app, address: url.clone(), _own: None })
            }
        }
    }
}

/// The Web API a scenario measures; ours stops when this is dropped.
pub struct Api {
    /// Its root, with a trailing slash.
    pub url: String,
    /// Its delays, in words for the report.
    pub delays: String,
    _own: Option<ApiInProcess>,
}

impl Api {
    /// Calls to `controller` that ended with `outcome` (`completed`,
    /// `cancelled`, `error`) so far, from its `/metrics`; 0 when unreadable.
    pub async fn requests(&self, client: &reqwest::Client, controller: &str, outcome: &str) -> u64 {
        let text = scrape(client, &format!("{}metrics", self.url)).await;
        metric(&text, "webapi_requests_total", &[("controller", controller), ("outcome", outcome)]) as u64
    }

    /// Calls waiting out their delay now, from its `/metrics`.
    pub async fn in_flight(&self, client: &reqwest::Client) -> u64 {
        let text = scrape(client, &format!("{}metrics", self.url)).await;
        metric(&text, "webapi_delays_in_flight", &[]) as u64
    }
}

/// An app a scenario measures; ours stops when this is dropped.
pub struct AppUnderTest {
    app: App,
    /// Its root, without a trailing slash.
    pub address: String,
    _own: Option<RunningApp>,
}

/// An app's request pool, as its `/metrics` shows it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pool {
    /// Request threads alive.
    pub threads: f64,
    /// The pool's minimum.
    pub min: f64,
    /// The pool's maximum.
    pub max: f64,
    /// New requests waiting for a thread.
    pub queued: f64,
}

impl AppUnderTest {
    /// The URL of `page` in this app.
    pub fn url(&self, page: Page) -> String {
        format!("{}{}", self.address, self.app.path(page))
    }
}

/// The request pool of the app at `address` now, from its `/metrics` (zeros
/// when they cannot be read).
pub async fn pool(client: &reqwest::Client, address: &str) -> Pool {
    let text = scrape(client, &format!("{address}/metrics")).await;
    Pool {
        threads: metric(&text, "app_request_threads", &[]),
        min: metric(&text, "app_request_threads_min", &[]),
        max: metric(&text, "app_request_threads_max", &[]),
        queued: metric(&text, "app_request_queue_depth", &[]),
    }
}

async fn scrape(client: &reqwest::Client, url: &str) -> String {
    match client.get(url).send().await {
        Ok(response) => response.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The value of the sample `name` whose labels include `labels`, in
/// Prometheus/OpenMetrics text; 0 when there is none.
fn metric(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.rsplit_once(' '))
        .filter(|(series, _)| {
            let (metric, rest) = series.split_once('{').unwrap_or((series, ""));
            metric == name && labels.iter().all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")))
        })
        .filter_map(|(_, value)| value.trim().parse::<f64>().ok())
        .sum()
}

/// Parses an `--api-url`, `--webapp-url` or `--mvc-url`: an absolute http
/// URL with a host, returned without a trailing slash.
pub fn parse_url(text: &str) -> Result<String, String> {
    let url = reqwest::Url::parse(text).map_err(|e| format!("`{text}` is not an absolute URL ({e})"))?;
    if url.scheme() != "http" || url.host_str().is_none() {
        return Err(format!("`{text}` must be an http:// URL with a host (the lab speaks plain HTTP)"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("`{text}` must be a service's root, without a query or fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_absolute_http_with_a_host() {
        assert_eq!(parse_url("http://127.0.0.1:7735/").unwrap(), "http://127.0.0.1:7735");
        assert_eq!(parse_url("http://web:7735/base/").unwrap(), "http://web:7735/base");
        for bad in ["127.0.0.1:7735", "/Products.aspx", "ftp://host/", "https://host/", "http://h/?x=1", "nonsense"] {
            assert!(parse_url(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn metrics_are_read_by_name_and_labels() {
        let text = "# TYPE webapi_requests counter\n\
                    webapi_requests_total{controller=\"gizmos\",outcome=\"cancelled\"} 7\n\
                    webapi_requests_total{controller=\"gizmos\",outcome=\"completed\"} 3\n\
                    webapi_requests_total{controller=\"products\",outcome=\"cancelled\"} 1\n\
                    app_request_threads 4\napp_request_threads_min 2\n# EOF\n";
        assert_eq!(metric(text, "webapi_requests_total", &[("controller", "gizmos"), ("outcome", "cancelled")]), 7.0);
        assert_eq!(metric(text, "webapi_requests_total", &[("outcome", "cancelled")]), 8.0);
        assert_eq!(metric(text, "app_request_threads", &[]), 4.0);
        assert_eq!(metric(text, "app_request_queue_depth", &[]), 0.0);
    }

    #[test]
    fn any_url_means_running_services_and_a_missing_one_is_named() {
        assert!(Lab::new(RunningUrls::default()).is_own());
        let lab = Lab::new(RunningUrls { webapp: Some("http://a:1".into()), ..Default::default() });
        assert!(!lab.is_own());
        assert_eq!(lab.missing(&[Service::App(App::WebForms)]), None);
        assert_eq!(lab.missing(&[Service::Api, Service::App(App::Mvc)]).unwrap(), "needs --api-url and --mvc-url");
        assert!(lab.describe().contains("webapp-async at <http://a:1>"), "{}", lab.describe());
    }
}
