//! The `webapi-pgw` binary: parse the flags, start logging, serve until Ctrl-C or SIGTERM.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use webapi_pgw::{Application, Config};

service_kit::use_jemalloc!();

#[actix_web::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    if let Err(message) = config.validate() {
        Config::command().error(clap::error::ErrorKind::ValueValidation, message).exit();
    }
    service_kit::telemetry::init_with(&config.log, "info");
    let result = match Application::build(config) {
        Ok(app) => app.run_until_stopped(service_kit::shutdown::signal()).await,
        Err(error) => Err(error),
    };
    service_kit::startup::report("webapi-pgw", result)
}
