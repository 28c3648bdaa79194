//! The lab against services it did not start: the URLs it is given, what it
//! runs against them, and what it skips.

use std::process::Command;

use load_lab::services::{App, default_settings, start_api, start_app};
use webapi_pgw::metrics::Outcome;

/// The report's section `number`, from its heading to the next.
fn section(report: &str, number: u8) -> &str {
    let start = report.find(&format!("\n## {number}. ")).unwrap_or_else(|| panic!("no section {number}:\n{report}"));
    let rest = &report[start + 1..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lab_measures_running_services_and_skips_what_needs_its_own() {
    // "Running" services: started here, on ports the lab is only told of.
    let api = start_api(200, 200).unwrap();
    let webapp = start_app(App::WebForms, default_settings(&api.url)).unwrap();
    let mvc = start_app(App::Mvc, default_settings(&api.url)).unwrap();
    let out = std::env::temp_dir().join(format!("load-lab-running-{}", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_load-lab"));
    command
        .args(["--smoke", "--api-url", &api.url, "--webapp-url", &webapp.address, "--out"])
        .arg(&out)
        .env("LAB_MVC_URL", &mvc.address)
        .env("RUST_LOG", "error");

    let output = tokio::task::spawn_blocking(move || command.output()).await.unwrap().unwrap();

    assert!(output.status.success(), "load-lab failed: {}", String::from_utf8_lossy(&output.stderr));
    let report = std::fs::read_to_string(out.join("REPORT.md")).unwrap();
    for address in [api.url.trim_end_matches('/'), &webapp.address, &mvc.address] {
        assert!(report.contains(&format!("at <{address}")), "the report names {address}:\n{report}");
    }
    assert!(report.contains("Scenarios measured: 1, 5, 7, 9. Skipped: 2, 3, 4, 6, 8, 10, 11."), "{report}");
    for own in [2, 3, 4, 6, 8, 10, 11] {
        assert!(
            section(&report, own).contains("**Skipped**: needs to start its own services with"),
            "{own}: {}",
            section(&report, own)
        );
    }
    for measured in [1, 5, 7, 9] {
        let text = section(&report, measured);
        assert!(!text.contains("**Skipped**") && !text.contains("**Failed**"), "{measured}: {text}");
        assert!(text.contains("|---|"), "{measured} has its table: {text}");
    }
    assert!(section(&report, 1).contains("| webapp-async | sum / longest"), "{}", section(&report, 1));
    assert!(section(&report, 5).contains("| yes |"), "5: every call accounted for:\n{}", section(&report, 5));
    assert!(section(&report, 9).contains("The running app with its own settings"), "{}", section(&report, 9));
    // The load reached the running services: MVC's 150 ms AsyncTimeout cancelled calls at this API.
    assert!(api.metrics.requests("gizmos", Outcome::Cancelled) >= 10, "the lab's timeouts reached the running API");
    assert!(webapp.host.metrics.pages_completed.get() > 0 && mvc.host.metrics.pages_completed.get() > 0);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn urls_that_are_not_absolute_http_are_usage_errors_naming_the_flag() {
    for (args, env, flag) in [
        (vec!["--api-url", "localhost:7734"], None, "--api-url"),
        (vec!["--mvc-url", "https://example.com/"], None, "--mvc-url"),
        (vec![], Some(("LAB_WEBAPP_URL", "ftp://host/")), "--webapp-url"),
    ] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_load-lab"));
        command.args(&args);
        if let Some((name, value)) = env {
            command.env(name, value);
        }

        let output = command.output().unwrap();

        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(flag) && stderr.contains("http://"), "{args:?}: {stderr}");
    }
}
