//! The `mvc-async` binary: parse the flags, start logging, serve until Ctrl-C or SIGTERM.

use clap::Parser;
use mvc_async::{Config, build};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let config = Config::parse();
    service_kit::telemetry::init("info");
    let app = build(config)?;
    app_kit::web::log_webapi_reachability(&app.pages()).await;
    app.run_until_stopped(service_kit::shutdown::signal()).await
}
