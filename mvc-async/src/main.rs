//! The `mvc-async` binary: parse the flags, start logging, serve until Ctrl-C or SIGTERM.

use std::process::ExitCode;

use clap::Parser;
use mvc_async::{Config, build};

service_kit::use_jemalloc!();

#[actix_web::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    service_kit::telemetry::init_with(&config.log, "info");
    let result = match build(config) {
        Ok(app) => app_kit::web::serve(app).await,
        Err(error) => Err(error),
    };
    service_kit::startup::report("mvc-async", result)
}
