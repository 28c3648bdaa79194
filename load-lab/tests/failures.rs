//! A scenario that fails, or cannot run, gets a section saying why, and the
//! report keeps every other scenario's results. Scenario 8's benchmark script
//! is swapped for one that fails or skips at will (`LOAD_LAB_BENCH_SCRIPT`).
//! (Apart from tests/smoke.rs, whose timing-sensitive run they would crowd:
//! test binaries run one after another.)

use std::process::Command;

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
