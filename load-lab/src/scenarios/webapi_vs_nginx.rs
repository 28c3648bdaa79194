//! Scenario 8: the Web API beside nginx, by the benchmark script.
//!
//! The script needs wrk, nginx with its echo module, and cargo; it installs
//! the first three with apt-get when it can. When it cannot have them it
//! exits 3, and the scenario is skipped with the script's reason.

use std::path::PathBuf;
use std::process::Command;

use crate::failure::Failure;
use crate::report::Section;
use crate::scenarios::Scale;

/// A script to run instead of `bench/webapi-vs-nginx.sh`, at any scale (the
/// tests use it to make the scenario fail, or skip, at will).
pub const SCRIPT_VAR: &str = "LOAD_LAB_BENCH_SCRIPT";

/// The script's exit status when it cannot have its tools.
const CANNOT_HAVE_TOOLS: i32 = 3;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let chosen = std::env::var_os(SCRIPT_VAR).map(PathBuf::from);
    let chosen_by_env = chosen.is_some();
    if chosen.is_none() && scale == Scale::Smoke {
        return Err(Failure::Skip(
            "not run at smoke scale: the benchmark script builds a release binary and may install nginx; run \
             `load-lab --scenario 8` or `bench/webapi-vs-nginx.sh`"
                .into(),
        ));
    }
    let script =
        chosen.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/webapi-vs-nginx.sh"));
    if !script.exists() {
        return Err(Failure::MissingScript(script));
    }
    let claim = "a slow backend built on async I/O serves as well as nginx waiting on a timer (this project's \
                 goal: at least nginx's req/s, and at most its CPU time, peak RSS and p99, at 10,000 connections)."
        .to_owned();
    println!("  running {}{}", script.display(), if chosen_by_env { "" } else { " (about 3.5 minutes)" });
    let output = tokio::task::spawn_blocking(move || Command::new("bash").arg(&script).output())
        .await?
        .map_err(Failure::Script)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(CANNOT_HAVE_TOOLS) {
        let reason =
            stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("the script could not have its tools");
        return Err(Failure::Skip(format!("the benchmark script cannot run here: {}", reason.trim())));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    // The script's report starts at its "Load:" line: the tables and the verdicts, kept as written.
    let Some(start) = text.find("Load:") else {
        return Err(Failure::NoTable(output.status, stderr.into_owned()));
    };
    let mut body = String::from(
        "Four servers one after another (nginx, webapi-pgw, and two floors: a bare actix-web handler and a bare \
        actix-http service), each answering after exactly 500 ms, under \
        `wrk -t2 -c10000 -d10s`, three rounds with the order turned each round; medians, and the highest peak RSS \
        (see `bench/webapi-vs-nginx.sh`, and the README for where webapi-pgw's CPU and memory go).\n\n",
    );
    body.push_str(text[start..].trim_end());
    body.push('\n');
    Ok(Section { title: super::title(8), claim, body, charts: Vec::new() })
}
