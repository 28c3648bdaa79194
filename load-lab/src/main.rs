//! The `load-lab` binary: run the scenarios, write the report.

use std::path::PathBuf;

use clap::Parser;
use load_lab::report::Report;
use load_lab::scenarios::{self, Scale};

service_kit::use_jemalloc!();

/// Measures each claim of the Async ASP.NET tutorial against the real services
/// and writes a Markdown report with SVG charts.
#[derive(Debug, Parser)]
#[command(name = "load-lab", version, about, long_about)]
struct Cli {
    /// Scenarios to run, by number (1-11); all when none is given.
    #[arg(long = "scenario", short = 's', value_parser = clap::value_parser!(u8).range(1..=11))]
    scenarios: Vec<u8>,

    /// Folder for REPORT.md and the charts (created if missing).
    #[arg(long, short = 'o', default_value = "docs/load-lab")]
    out: PathBuf,

    /// A few requests per scenario instead of the full load: checks that every
    /// scenario still runs (the test suite uses it), not what it measures.
    #[arg(long)]
    smoke: bool,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    service_kit::telemetry::init("error");
    load_lab::load::raise_file_limit();
    let scale = if cli.smoke { Scale::Smoke } else { Scale::Full };
    let chosen: Vec<u8> = if cli.scenarios.is_empty() { (1..=11).collect() } else { cli.scenarios };
    let mut report = Report::new(scale, &chosen);
    for number in chosen {
        match scenarios::run(number, scale).await {
            Ok(section) => report.add(section),
            Err(error) => {
                eprintln!("scenario {number} failed: {error}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    match report.write(&cli.out) {
        Ok(path) => {
            println!("report written to {}", path.display());
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot write the report to {}: {error}", cli.out.display());
            std::process::ExitCode::FAILURE
        }
    }
}
