//! The `load-lab` binary: run the scenarios, write the report.

use std::path::PathBuf;

use clap::Parser;
use load_lab::lab::{Lab, RunningUrls, parse_url};
use load_lab::report::Report;
use load_lab::scenarios::{self, Scale};

service_kit::use_jemalloc!();

/// Measures each claim of the Async ASP.NET tutorial against the real services
/// and writes a Markdown report with SVG charts.
///
/// By default each scenario starts its own services with the settings its
/// claim needs. Given any of --api-url, --webapp-url or --mvc-url, it measures
/// services already running instead (the containers of `docker compose up`,
/// another host): the scenarios that can use them run against them, and those
/// that must choose the services' settings are skipped, with the reason in the
/// report.
#[derive(Debug, Parser)]
#[command(name = "load-lab", version, about, long_about)]
struct Cli {
    /// Scenarios to run, by number (1-11); all when none is given.
    #[arg(long = "scenario", short = 's', value_parser = clap::value_parser!(u8).range(1..=11))]
    scenarios: Vec<u8>,

    /// Folder for REPORT.md and the charts (created if missing). The committed
    /// report is docs/load-lab: `--out docs/load-lab` refreshes it.
    #[arg(long, short = 'o', default_value = "target/load-lab")]
    out: PathBuf,

    /// A few requests per scenario instead of the full load: checks that every
    /// scenario still runs (the test suite uses it), not what it measures.
    #[arg(long)]
    smoke: bool,

    /// The root of a webapi-pgw already running (e.g. http://127.0.0.1:7734/):
    /// measure it instead of starting one. It should be the API the running
    /// apps call.
    #[arg(long, env = "LAB_API_URL", value_parser = parse_url)]
    api_url: Option<String>,

    /// The root of a webapp-async already running (e.g. http://127.0.0.1:7735/).
    #[arg(long, env = "LAB_WEBAPP_URL", value_parser = parse_url)]
    webapp_url: Option<String>,

    /// The root of a mvc-async already running (e.g. http://127.0.0.1:7736/).
    #[arg(long, env = "LAB_MVC_URL", value_parser = parse_url)]
    mvc_url: Option<String>,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    service_kit::telemetry::init("error");
    load_lab::load::raise_file_limit();
    let scale = if cli.smoke { Scale::Smoke } else { Scale::Full };
    let lab = Lab::new(RunningUrls { api: cli.api_url.map(|url| url + "/"), webapp: cli.webapp_url, mvc: cli.mvc_url });
    let chosen: Vec<u8> = if cli.scenarios.is_empty() { (1..=11).collect() } else { cli.scenarios };
    let mut report = Report::new(scale, &chosen, &lab.describe());
    // Every scenario gets its section, failed or not: the report is written
    // before the exit status says whether any failed.
    for number in chosen {
        let (section, outcome) = scenarios::run(number, scale, &lab).await;
        report.add(number, section, outcome);
    }
    match report.write(&cli.out) {
        Ok(path) if report.failed() => {
            eprintln!("report written to {}; some scenarios failed (see the report)", path.display());
            std::process::ExitCode::FAILURE
        }
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
