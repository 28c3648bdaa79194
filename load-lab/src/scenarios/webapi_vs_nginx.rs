//! Scenario 8: the Web API beside nginx, by the benchmark script.

use std::path::PathBuf;
use std::process::Command;

use crate::failure::Failure;
use crate::report::Section;
use crate::scenarios::Scale;

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/webapi-vs-nginx.sh");
    if !script.exists() {
        return Err(Failure::MissingScript(script));
    }
    let claim = "a slow backend built on async I/O serves as well as nginx waiting on a timer (this project's \
                 goal: at least nginx's req/s, p99 at most 600 ms, RSS at most 150 MB at 10,000 connections)."
        .to_owned();
    if scale == Scale::Smoke {
        let body = "Not run at smoke scale: the script builds a release binary and installs nginx. Run \
                    `load-lab --scenario 8` or `bench/webapi-vs-nginx.sh`.\n"
            .to_owned();
        return Ok(Section { title: "8. The Web API against nginx".into(), claim, body, charts: Vec::new() });
    }
    println!("  running {} (about 2.5 minutes)", script.display());
    let output = tokio::task::spawn_blocking(move || Command::new("bash").arg(&script).output())
        .await?
        .map_err(Failure::Script)?;
    let text = String::from_utf8_lossy(&output.stdout);
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with('|') || l.starts_with("- ") || l.starts_with("Load:") || l.contains("throughput:"))
        .collect();
    if kept.is_empty() {
        return Err(Failure::NoTable(String::from_utf8_lossy(&output.stderr).into_owned()));
    }
    let mut body = String::from(
        "Three servers one after another, each answering after exactly 500 ms, under \
        `wrk -t2 -c10000 -d10s`, three rounds with the order turned each round; medians, and the highest peak RSS \
        (see `bench/webapi-vs-nginx.sh`, and the README for how webapi-pgw stays below the RSS a bare actix-web \
        handler needs).\n\n",
    );
    for line in kept {
        body.push_str(line);
        body.push('\n');
        if line.starts_with("Load:") {
            body.push('\n');
        }
    }
    Ok(Section { title: "8. The Web API against nginx".into(), claim, body, charts: Vec::new() })
}
