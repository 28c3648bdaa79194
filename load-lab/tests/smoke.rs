//! A short run of every scenario, so the lab cannot rot: the real binary at
//! smoke scale (a few requests each), and the report it writes.

use std::process::Command;

#[test]
fn every_scenario_runs_and_the_report_has_its_sections_and_charts() {
    let out = std::env::temp_dir().join(format!("load-lab-smoke-{}", std::process::id()));

    let status = Command::new(env!("CARGO_BIN_EXE_load-lab"))
        .args(["--smoke", "--out"])
        .arg(&out)
        .env("RUST_LOG", "error")
        .status()
        .unwrap();

    assert!(status.success(), "load-lab --smoke failed");
    assert!(report_of(&out).contains("Skipped: 8."), "8 is not run at smoke scale, and says so");
    let report = report_of(&out);
    for section in 1..=9 {
        assert!(report.contains(&format!("\n## {section}. ")), "section {section} is missing:\n{report}");
    }
    // What the smoke run can already vouch for: in scenario 3 the synchronous page
    // refuses some of its burst with 503, and the asynchronous one (which needs a
    // thread only to start and to finish) refuses fewer.
    let refused = |page: &str| -> u64 {
        let row = report.lines().find(|l| l.starts_with(&format!("| webapp-async {page} | 12 |"))).unwrap();
        row.split('|').nth(4).unwrap().trim().parse().unwrap()
    };
    assert!(refused("/Products.aspx") > 0, "3: the sync page refuses with 503");
    assert!(refused("/ProductsAsync.aspx") < refused("/Products.aspx"), "3: the async page refuses fewer");
    assert!(report.contains("| yes |"), "5: every call completed or cancelled at the API, none left running");
    for chart in ["starvation-webapp-async.svg", "starvation-mvc-async.svg", "connection-limit.svg"] {
        let svg = std::fs::read_to_string(out.join(chart)).unwrap();
        assert!(svg.starts_with("<svg") && (svg.contains("<circle") || svg.contains("<rect")), "{chart}");
        assert!(report.contains(&format!("]({chart})")), "the report embeds {chart}");
    }
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn unknown_scenarios_are_refused_with_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_load-lab")).args(["--scenario", "10"]).output().unwrap();

    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("10 is not in 1..=9"));
}

fn report_of(out: &std::path::Path) -> String {
    std::fs::read_to_string(out.join("REPORT.md")).unwrap()
}

/// Runs load-lab on `scenarios` at smoke scale with `script` as scenario 8's
/// benchmark script; its exit code and report.
fn run_with_bench_script(scenarios: &[&str], script: &std::path::Path) -> (Option<i32>, String) {
    let out = std::env::temp_dir().join(format!(
        "load-lab-{}-{}",
        script.file_name().unwrap().to_string_lossy(),
        std::process::id()
    ));
    let mut command = Command::new(env!("CARGO_BIN_EXE_load-lab"));
    for scenario in scenarios {
        command.args(["--scenario", scenario]);
    }
    let status = command.args(["--smoke", "--out"]).arg(&out).env("LOAD_LAB_BENCH_SCRIPT", script).status().unwrap();
    let report = report_of(&out);
    let _ = std::fs::remove_dir_all(out);
    (status.code(), report)
}

fn script(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("{name}-{}.sh", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_failing_scenario_gets_its_section_and_the_others_keep_their_results() {
    let broken = script("bench-broken", "echo 'nginx: cannot bind' >&2; exit 1\n");

    let (code, report) = run_with_bench_script(&["1", "8"], &broken);

    assert_eq!(code, Some(1), "a failed scenario makes the run fail, after the report:\n{report}");
    assert!(report.contains("Scenarios measured: 1. Failed: 8."), "{report}");
    assert!(report.contains("| webapp-async | ≈1500 / ≈500 |"), "1's results are kept:\n{report}");
    let eight = &report[report.find("\n## 8. ").unwrap()..];
    assert!(eight.contains("**Failed**: the benchmark script (exit status: 1) printed no table"), "{eight}");
    assert!(eight.contains("nginx: cannot bind"), "the script's own words:\n{eight}");
    let _ = std::fs::remove_file(broken);
}

#[test]
fn a_bench_script_that_cannot_have_its_tools_skips_scenario_8() {
    // What bench/webapi-vs-nginx.sh does without nginx and without root.
    let no_tools = script(
        "bench-no-tools",
        "echo 'cannot install wrk, nginx and its echo module: that needs apt-get and root' >&2; exit 3\n",
    );
    let missing = std::env::temp_dir().join("no-such-bench-script.sh");

    let (skipped, report) = run_with_bench_script(&["8"], &no_tools);
    let (failed, missing_report) = run_with_bench_script(&["8"], &missing);

    assert_eq!(skipped, Some(0), "a skip is not a failure:\n{report}");
    assert!(
        report.contains(
            "**Skipped**: the benchmark script cannot run here: cannot install wrk, nginx and its echo module: that \
             needs apt-get and root."
        ),
        "{report}"
    );
    assert_eq!(failed, Some(1));
    assert!(missing_report.contains("**Failed**: ") && missing_report.contains("no-such-bench-script.sh is missing"));
    let _ = std::fs::remove_file(no_tools);
}
