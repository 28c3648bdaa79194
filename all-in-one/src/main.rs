//! `async-aspnet`: the whole sample in one process.
//!
//! Starts the Web API (webapi-pgw), the Web Forms app (webapp-async) and the
//! MVC app (mvc-async), points both apps at the API, prints the three URLs, and
//! stops all three cleanly at Ctrl-C or SIGTERM. Each service also runs alone
//! with its own binary; this is the quick way to see them together.
//!
//! # Layout
//! - `main.rs`: start the three, print their URLs, stop them together.
//! - `cli.rs`: the command line, made of the services' own flags (flattened).
//! - `tests/processes.rs`: the real binaries as processes; `tests/browser.rs`:
//!   the pages in headless Chromium.

use std::io::Write;
use std::process::ExitCode;

use service_kit::address::browsable_url;
use service_kit::startup::with_port_flag;
use tokio::sync::watch;

mod cli;

service_kit::use_jemalloc!();

#[actix_web::main]
async fn main() -> ExitCode {
    service_kit::startup::report("async-aspnet", run().await)
}

async fn run() -> std::io::Result<()> {
    let cli = cli::parse_from(std::env::args_os()).unwrap_or_else(|error| error.exit());
    service_kit::telemetry::init_with(&cli.log, "info");

    let (bind, log) = (cli.bind, cli.log);
    let api_config = webapi_pgw::Config { bind, port: cli.api_port, api: cli.api, log: log.clone() };
    let api = webapi_pgw::Application::build(api_config).map_err(|e| with_port_flag(e, "--api-port or API_PORT"))?;
    let api_url = browsable_url(api.address());
    let settings = app_kit::AppSettings { webapi_url: api_url.clone(), ..cli.apps };
    let webapp = webapp_async::build(webapp_async::Config {
        bind,
        port: cli.webapp_port,
        app: settings.clone(),
        log: log.clone(),
    })
    .map_err(|e| with_port_flag(e, "--webapp-port or WEBAPP_PORT"))?;
    let mvc = mvc_async::build(mvc_async::Config { bind, port: cli.mvc_port, app: settings, log })
        .map_err(|e| with_port_flag(e, "--mvc-port or MVC_PORT"))?;

    // writeln!, not println!: a closed stdout (`| head -1`) must not stop the services.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "The Async ASP.NET sample is running (Ctrl-C stops all three):")
        .and_then(|()| writeln!(out, "  Web API        {api_url}api/products"))
        .and_then(|()| writeln!(out, "  Web Forms app  {}", browsable_url(webapp.address())))
        .and_then(|()| writeln!(out, "  MVC app        {}", browsable_url(mvc.address())))
        .and_then(|()| out.flush());
    drop(out);

    // One signal stops all three.
    let (stop, stopped) = watch::channel(false);
    let when_stopped = || {
        let mut stopped = stopped.clone();
        async move {
            let _ = stopped.wait_for(|s| *s).await;
        }
    };
    tokio::spawn(async move {
        service_kit::shutdown::signal().await;
        let _ = stop.send(true);
    });
    let (a, w, m) = tokio::join!(
        api.run_until_stopped(when_stopped()),
        webapp.run_until_stopped(when_stopped()),
        mvc.run_until_stopped(when_stopped()),
    );
    a.and(w).and(m)
}
