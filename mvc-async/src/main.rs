//! The `mvc-async` binary: parse the flags, start logging, serve until Ctrl-C or SIGTERM.

use clap::Parser;
use mvc_async::{Config, build};

service_kit::use_jemalloc!();

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    app_kit::web::main("mvc-async", config.log.clone(), move || build(config)).await
}
