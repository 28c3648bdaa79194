//! The `mvc-async` binary: parse the flags, start logging, serve until Ctrl-C or SIGTERM.

use clap::Parser;
use mvc_async::{Config, build};

service_kit::use_jemalloc!();

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let config = Config::parse();
    service_kit::telemetry::init("info");
    app_kit::web::serve(build(config)?).await
}
