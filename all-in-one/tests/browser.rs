//! Browser tests: the pages in a real headless Chromium, driven by WebDriver.
//!
//! They need Chromium (or Chrome) and chromedriver: `CHROME` and `CHROMEDRIVER`
//! name them, else they are looked up on PATH; `scripts/install-test-deps.sh`
//! installs Debian's where it can. When either is missing the tests skip with
//! the reason, except under `CI=true`, where they fail: CI never skips them
//! silently. Screenshots of the main pages are saved to `target/screenshots/`
//! as test artifacts.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app_kit::AppSettings;
use app_kit::Host;
use fantoccini::{Client, ClientBuilder, Locator};
use test_support::eventually;
use test_support::in_process::{Running, start_api, start_app};
use test_support::process::{Process, free_port};
use webapi_pgw::metrics::{Metrics, Outcome};

service_kit::use_jemalloc!();

/// The browser and its driver: `(chromium, chromedriver)`, each from its
/// environment variable if set, else the first of its names found on PATH.
/// `None` when either is missing, after printing what to install, so that the
/// tests skip; under `CI=true` a missing browser panics instead.
fn browser_tools() -> Option<(PathBuf, PathBuf)> {
    let find = |var: &str, names: &[&str]| match std::env::var_os(var) {
        Some(path) => Some(PathBuf::from(path)).filter(|path| path.is_file()),
        None => std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
            .find(|path| path.is_file()),
    };
    let chromium = find("CHROME", &["chromium", "chromium-browser", "google-chrome"]);
    let chromedriver = find("CHROMEDRIVER", &["chromedriver"]);
    if let (Some(chromium), Some(chromedriver)) = (&chromium, &chromedriver) {
        return Some((chromium.clone(), chromedriver.clone()));
    }
    let mut missing = Vec::new();
    if chromium.is_none() {
        missing.push("Chromium (CHROME, or chromium, chromium-browser or google-chrome on PATH)");
    }
    if chromedriver.is_none() {
        missing.push("chromedriver (CHROMEDRIVER, or chromedriver on PATH)");
    }
    let missing = missing.join(" and ");
    let reason = format!("{missing} not found: run scripts/install-test-deps.sh, or see the README's Prerequisites");
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true, so the browser tests may not skip: {reason}");
    // Straight to stderr: the test harness would capture `eprintln!` of a passing test.
    let _ = writeln!(std::io::stderr(), "skipping the browser test: {reason}");
    None
}

/// The three services in this process, and a browser pointed at them.
struct Lab {
    api_metrics: Arc<Metrics>,
    webapp: String,
    webapp_pages: Host,
    mvc: String,
    browser: Client,
    /// chromedriver, killed when the test ends.
    _driver: Process,
    _servers: [Running; 3],
}

/// The lab, or `None` when the browser is missing and the test skips.
async fn start_lab(delay_ms: u64) -> Option<Lab> {
    let (chromium, chromedriver) = browser_tools()?;
    let api = start_api(webapi_pgw::Config::for_tests(delay_ms)).unwrap();
    let settings = AppSettings::for_tests(&api.url, 8, 8);
    let localhost = [127, 0, 0, 1].into();
    let webapp = start_app(
        webapp_async::build(webapp_async::Config {
            bind: localhost,
            port: 0,
            app: settings.clone(),
            log: Default::default(),
        })
        .unwrap(),
    );
    let mvc = start_app(
        mvc_async::build(mvc_async::Config { bind: localhost, port: 0, app: settings, log: Default::default() })
            .unwrap(),
    );

    let port = free_port().unwrap();
    let driver = Process(
        Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let profile = std::env::temp_dir().join(format!("async-aspnet-chromium-{port}"));
    let capabilities = serde_json::json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1100,1000", format!("--user-data-dir={}", profile.display()),
            ],
        }
    });
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(capabilities.as_object().unwrap().clone());
    let started = Instant::now();
    let browser = loop {
        match builder.connect(&format!("http://127.0.0.1:{port}")).await {
            Ok(client) => break client,
            Err(error) if started.elapsed() < Duration::from_secs(30) => {
                let _ = error;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(error) => panic!("no WebDriver session with chromedriver: {error}"),
        }
    };
    Some(Lab {
        api_metrics: api.metrics,
        webapp: webapp.address,
        webapp_pages: webapp.host,
        mvc: mvc.address,
        browser,
        _driver: driver,
        _servers: [api.server, webapp.server, mvc.server],
    })
}

/// Saves a screenshot of the current page as `target/screenshots/<name>.png`.
async fn screenshot(browser: &Client, name: &str) {
    let png = browser.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// The widths of the waterfall's bars, as the browser laid them out.
async fn bar_widths(browser: &Client) -> Vec<f64> {
    let widths = browser
        .execute(
            "return [...document.querySelectorAll('figure.waterfall rect.bar')].map(r => r.getBBox().width);",
            vec![],
        )
        .await
        .unwrap();
    widths.as_array().unwrap().iter().map(|w| w.as_f64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn menus_lead_to_every_page_and_the_waterfalls_render() {
    let Some(lab) = start_lab(150).await else { return };
    let browser = &lab.browser;

    // The Web Forms app: home page, then along the master page's menu.
    browser.goto(&lab.webapp).await.unwrap();
    assert_eq!(browser.title().await.unwrap(), "Home – WebAppAsync");
    screenshot(browser, "webapp-home").await;
    for (link, heading) in [
        ("Products", "Sync Products"),
        ("ProductsAsync", "Products Asynchronous"),
        ("UrlStatus", "UrlStatus: async user controls"),
    ] {
        browser.find(Locator::LinkText(link)).await.unwrap().click().await.unwrap();
        let h1 = browser.wait().for_element(Locator::Css("h1")).await.unwrap();
        assert_eq!(h1.text().await.unwrap(), heading, "after following {link}");
    }
    screenshot(browser, "webapp-urlstatus").await;
    for (link, name) in [("PWG", "webapp-pwg"), ("PWGasync", "webapp-pwgasync")] {
        browser.find(Locator::LinkText(link)).await.unwrap().click().await.unwrap();
        browser.wait().for_element(Locator::Css("figure.waterfall")).await.unwrap();
        let widths = bar_widths(browser).await;
        assert_eq!(widths.len(), 3, "{link}: three bars");
        assert!(widths.iter().all(|w| *w > 10.0), "{link}: bars are drawn with a width: {widths:?}");
        screenshot(browser, name).await;
    }

    // The MVC app: the default route, then the links partial.
    browser.goto(&lab.mvc).await.unwrap();
    assert_eq!(browser.find(Locator::Css("main h2")).await.unwrap().text().await.unwrap(), "Gizmos Synchronous");
    screenshot(browser, "mvc-home").await;
    browser.find(Locator::LinkText("Async PWG")).await.unwrap().click().await.unwrap();
    let h2 = browser.wait().for_element(Locator::Css("main h2")).await.unwrap();
    assert_eq!(h2.text().await.unwrap(), "Synch Type: Asynchronous");
    assert_eq!(bar_widths(browser).await.len(), 3);
    screenshot(browser, "mvc-pwgasync").await;
    browser.find(Locator::LinkText("Sync PWG")).await.unwrap().click().await.unwrap();
    let h2 = browser.wait().for_element(Locator::Css("main h2")).await.unwrap();
    assert_eq!(h2.text().await.unwrap(), "Synch Type: Synchronous");
    screenshot(browser, "mvc-pwg").await;

    lab.browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(target_os = "linux"), ignore = "hang-up detection is Linux-only: service-kit/src/disconnect.rs")]
async fn pressing_cancel_cancels_the_backend_call_in_the_web_api() {
    let Some(lab) = start_lab(0).await else { return };
    let browser = &lab.browser;
    browser.goto(&format!("{}/GizmosCancelBtnAsync.aspx", lab.webapp)).await.unwrap();

    // Ask for a 20 s load, start it, and wait until the API is working on it.
    let delay = browser.find(Locator::Id("delay")).await.unwrap();
    delay.clear().await.unwrap();
    delay.send_keys("20000").await.unwrap();
    browser.find(Locator::Id("start")).await.unwrap().click().await.unwrap();
    eventually(Duration::from_secs(10), "the load reaches the Web API", || lab.api_metrics.in_flight() > 0).await;

    browser.find(Locator::Id("cancel")).await.unwrap().click().await.unwrap();

    let status = browser.find(Locator::Id("status")).await.unwrap().text().await.unwrap();
    assert!(status.starts_with("Cancelled after"), "{status}");
    eventually(Duration::from_secs(5), "the Web API sees the cancellation", || {
        lab.api_metrics.requests("gizmos", Outcome::Cancelled) > 0
    })
    .await;
    assert_eq!(lab.api_metrics.in_flight(), 0, "the Web API stopped its delay");
    // The app counts the visitor's hang-up just after dropping its call, so the API may see it first.
    eventually(Duration::from_secs(5), "the app counts the visitor leaving", || {
        lab.webapp_pages.metrics.cancellations.get() > 0
    })
    .await;
    assert_eq!(lab.webapp_pages.metrics.cancellations.get(), 1, "the app saw the visitor leave, once");
    screenshot(browser, "webapp-cancel-button").await;

    lab.browser.close().await.unwrap();
}

/// ThreadPool.aspx's live view: a sync burst against a pool that injects
/// threads slowly, watched without reloading: the thread count rises and a
/// queue appears.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_view_shows_a_sync_burst_starving_the_pool() {
    let Some(lab) = start_lab(0).await else { return };
    let browser = &lab.browser;
    let api = start_api(webapi_pgw::Config::for_tests(1_000)).unwrap();
    let settings =
        AppSettings { min_threads: Some(2), thread_injection_ms: 200, ..AppSettings::for_tests(&api.url, 100, 50) };
    let app = start_app(
        webapp_async::build(webapp_async::Config {
            bind: [127, 0, 0, 1].into(),
            port: 0,
            app: settings,
            log: Default::default(),
        })
        .unwrap(),
    );
    let url = format!("{}/ThreadPool.aspx", app.address);

    browser.goto(&url).await.unwrap();
    browser.execute("window.notReloaded = true;", vec![]).await.unwrap();
    let count = browser.find(Locator::Id("burst-count")).await.unwrap();
    count.clear().await.unwrap();
    count.send_keys("200").await.unwrap();
    browser.find(Locator::Id("burst-sync")).await.unwrap().click().await.unwrap();

    // The numbers move by themselves: threads creep up, a queue forms.
    let read = |id: &'static str| async move {
        let text = browser.find(Locator::Id(id)).await.unwrap().text().await.unwrap();
        text.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0)
    };
    let started = Instant::now();
    let (mut threads, mut queued) = (0, 0);
    while (threads < 5 || queued == 0) && started.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        threads = threads.max(read("threads").await);
        queued = queued.max(read("queued").await);
    }
    assert!(threads >= 5, "the thread count rose by injection: {threads}");
    assert!(queued > 0, "requests queued while threads were injected");
    let same_page = browser.execute("return window.notReloaded === true;", vec![]).await.unwrap();
    assert_eq!(same_page, serde_json::Value::Bool(true), "the page was not reloaded");
    assert!(browser.find(Locator::Id("burst-status")).await.unwrap().text().await.unwrap().contains("sent"));
    screenshot(browser, "webapp-threadpool").await;

    lab.browser.close().await.unwrap();
}
