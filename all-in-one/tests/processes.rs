//! Process-level tests: the real binaries, started as separate processes with
//! their flags and environment variables, exercised over HTTP end to end.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use test_support::process::{Process, free_port, sibling_binary};

/// A binary of the workspace (`cargo test --workspace` builds them all first).
fn binary(name: &str) -> PathBuf {
    sibling_binary(name).unwrap_or_else(|error| panic!("{error}"))
}

fn port() -> u16 {
    free_port().expect("a free port")
}

async fn wait_until_up(url: &str) {
    test_support::process::wait_until_up(url, Duration::from_secs(20)).await.unwrap_or_else(|error| panic!("{error}"));
}

async fn page(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn the_three_binaries_work_together_with_flags_and_environment() {
    let (api_port, webapp_port, mvc_port) = (port(), port(), port());
    let api_url = format!("http://127.0.0.1:{api_port}/");
    // The API by flags, the apps by environment variables.
    let api = Process(
        Command::new(binary("webapi-pgw"))
            .args(["--port", &api_port.to_string(), "--delay-min", "20", "--delay-max", "40"])
            .env("RUST_LOG", "warn")
            .spawn()
            .unwrap(),
    );
    let app = |name: &str, port: u16| {
        Process(
            Command::new(binary(name))
                .env("PORT", port.to_string())
                .env("WEBAPI_URL", &api_url)
                .env("REQUEST_THREADS", "8")
                .env("RUST_LOG", "warn")
                .spawn()
                .unwrap(),
        )
    };
    let (webapp, mvc) = (app("webapp-async", webapp_port), app("mvc-async", mvc_port));
    for port in [api_port, webapp_port, mvc_port] {
        wait_until_up(&format!("http://127.0.0.1:{port}/healthz")).await;
    }

    for path in [
        "Products.aspx",
        "ProductsAsync.aspx",
        "Widgets.aspx",
        "WidgetsAsync.aspx",
        "Gizmos.aspx",
        "GizmosAsync.aspx",
        "PWG.aspx",
        "PWGasync.aspx",
        "GizmosCancelAsync.aspx",
        "GizmosCancelBtnAsync.aspx",
        "UrlStatus.aspx",
        "About.aspx",
        "",
        "TimeoutErrorPage.aspx",
    ] {
        let (status, html) = page(&format!("http://127.0.0.1:{webapp_port}/{path}")).await;
        assert_eq!(status, 200, "webapp-async /{path}");
        assert!(html.contains("WebAppAsync"), "/{path}");
    }
    for action in ["Products", "ProductsAsync", "Widgets", "WidgetsAsync", "Gizmos", "GizmosAsync", "PWG", "PWGasync"] {
        let (status, html) = page(&format!("http://127.0.0.1:{mvc_port}/Home/{action}")).await;
        assert_eq!(status, 200, "mvc-async /Home/{action}");
        assert!(html.contains("Elapsed time: "), "/Home/{action}");
    }
    // 20-40 ms delays are within the 150 and 50 ms limits only sometimes: both outcomes are fine pages.
    for action in ["GizmosCancelAsync", "PWGtimeOut"] {
        let (status, _) = page(&format!("http://127.0.0.1:{mvc_port}/Home/{action}")).await;
        assert!(status == 200 || status == 504, "mvc-async /Home/{action}: {status}");
    }
    let (status, body) = page(&format!("{api_url}api/gizmos")).await;
    assert_eq!(status, 200);
    assert!(body.starts_with(r#"[{"Id":1,"Name":"Gizmo 1","IntroducedDate":""#));

    assert!(webapp.terminate(), "webapp-async exits cleanly on SIGTERM");
    assert!(mvc.terminate(), "mvc-async exits cleanly on SIGTERM");
    assert!(api.terminate(), "webapi-pgw exits cleanly on SIGTERM");
}

#[tokio::test]
async fn the_launcher_runs_all_three_prints_their_urls_and_stops_cleanly() {
    let mut launcher = Process(
        Command::new(env!("CARGO_BIN_EXE_async-aspnet"))
            .args([
                "--api-port",
                "0",
                "--webapp-port",
                "0",
                "--mvc-port",
                "0",
                "--delay-min",
                "10",
                "--delay-max",
                "20",
            ])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(launcher.0.stdout.take().unwrap()).lines().map(Result::unwrap);
    assert!(lines.next().unwrap().contains("Ctrl-C stops all three"));
    let mut url_of = |label: &str| {
        let line = lines.next().unwrap();
        assert!(line.contains(label), "{line}");
        line.split_whitespace().last().unwrap().to_owned()
    };
    let (api, webapp, mvc) = (url_of("Web API"), url_of("Web Forms app"), url_of("MVC app"));

    assert_eq!(page(&api).await.0, 200);
    let (status, html) = page(&format!("{webapp}PWGasync.aspx")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Product 1"), "the Web Forms app reaches the API");
    let (status, html) = page(&mvc).await;
    assert_eq!(status, 200);
    assert!(html.contains("Gizmos Synchronous"), "the MVC app's default route");

    assert!(launcher.terminate(), "the launcher stops all three cleanly");
}

#[tokio::test]
async fn an_app_started_while_the_api_is_down_says_so_and_serves_its_error_page_even_with_its_log_closed() {
    let (dead_api, port) = (format!("http://127.0.0.1:{}/", port()), port());
    let mut child = Command::new(binary("webapp-async"))
        .env("PORT", port.to_string())
        .env("WEBAPI_URL", &dead_api)
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let app = Process(child);
    // The log's first warning, read on a thread (the pipe blocks). The reader then
    // stops, closing the log pipe: the app must go on serving without its log.
    let (found, warning) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("WARN") {
                let _ = found.send(line);
                return;
            }
        }
    });

    wait_until_up(&format!("http://127.0.0.1:{port}/healthz")).await;
    let warning = warning.recv_timeout(Duration::from_secs(10)).expect("a warning in the log");
    assert!(warning.contains("the Web API is not reachable now"), "{warning}");
    let (status, html) = page(&format!("http://127.0.0.1:{port}/Products.aspx")).await;
    assert_eq!(status, 502);
    assert!(html.contains("could not reach the Web API"));
    assert!(app.terminate());
}
