//! The `webapi-pgw` binary: parse the flags, start logging, serve until Ctrl-C or SIGTERM.

use clap::{CommandFactory, Parser};
use webapi_pgw::{Application, Config};

service_kit::use_jemalloc!();

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let config = Config::parse();
    if let Err(message) = config.validate() {
        Config::command().error(clap::error::ErrorKind::ValueValidation, message).exit();
    }
    service_kit::telemetry::init("info");
    let app = Application::build(config)?;
    app.run_until_stopped(service_kit::shutdown::signal()).await
}
