//! `async-aspnet`: the whole sample in one process.
//!
//! Starts the Web API (webapi-pgw), the Web Forms app (webapp-async) and the
//! MVC app (mvc-async), points both apps at the API, prints the three URLs, and
//! stops all three cleanly at Ctrl-C or SIGTERM. Each service also runs alone
//! with its own binary; this is the quick way to see them together.

use std::io::Write;
use std::net::IpAddr;

use app_kit::AppSettings;
use clap::Parser;
use tokio::sync::watch;

/// Runs the Async ASP.NET sample's three services together.
#[derive(Debug, Parser)]
#[command(name = "async-aspnet", version, about, long_about)]
struct Cli {
    /// Address all three listen on; 0.0.0.0 to accept connections from other hosts.
    #[arg(long, env = "BIND", default_value = "127.0.0.1")]
    bind: IpAddr,

    /// Port of the Web API.
    #[arg(long, env = "API_PORT", default_value_t = 7734)]
    api_port: u16,

    /// Port of the Web Forms app.
    #[arg(long, env = "WEBAPP_PORT", default_value_t = 7735)]
    webapp_port: u16,

    /// Port of the MVC app.
    #[arg(long, env = "MVC_PORT", default_value_t = 7736)]
    mvc_port: u16,

    /// Shortest delay of the Web API, in milliseconds.
    #[arg(long, env = "DELAY_MIN", default_value_t = 500)]
    delay_min: u64,

    /// The Web API's delays are drawn below this, in milliseconds.
    #[arg(long, env = "DELAY_MAX", default_value_t = 1500)]
    delay_max: u64,

    /// Seed for the Web API's random delays, for a reproducible sequence.
    #[arg(long, env = "SEED")]
    seed: Option<u64>,

    /// Most OS threads for each app's synchronous pages.
    #[arg(long, env = "REQUEST_THREADS", default_value_t = 5000)]
    request_threads: u32,

    /// Synchronous requests that may wait for a thread in each app before 503.
    #[arg(long, env = "QUEUE_LENGTH", default_value_t = 1000)]
    queue_length: u32,

    /// Most calls to the Web API at once from each app [default: unlimited].
    #[arg(long, env = "MAX_BACKEND_CONNECTIONS")]
    max_backend_connections: Option<u32>,
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    service_kit::telemetry::init("info");

    let api_config = webapi_pgw::Config {
        bind: cli.bind,
        port: cli.api_port,
        delay_min: cli.delay_min,
        delay_max: cli.delay_max,
        max_delay: 60_000,
        seed: cli.seed,
        workers: None,
        ..webapi_pgw::Config::default()
    };
    if let Err(message) = api_config.validate() {
        use clap::CommandFactory;
        Cli::command().error(clap::error::ErrorKind::ValueValidation, message).exit();
    }
    let api = webapi_pgw::Application::build(api_config)?;
    let api_url = format!("http://{}/", api.address());
    let settings = AppSettings {
        webapi_url: api_url.clone(),
        request_threads: cli.request_threads,
        queue_length: cli.queue_length,
        max_backend_connections: cli.max_backend_connections,
        workers: None,
    };
    let webapp =
        webapp_async::build(webapp_async::Config { bind: cli.bind, port: cli.webapp_port, app: settings.clone() })?;
    let mvc = mvc_async::build(mvc_async::Config { bind: cli.bind, port: cli.mvc_port, app: settings })?;

    // writeln!, not println!: a closed stdout (`| head -1`) must not stop the services.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "The Async ASP.NET sample is running (Ctrl-C stops all three):")
        .and_then(|()| writeln!(out, "  Web API        {api_url}api/products"))
        .and_then(|()| writeln!(out, "  Web Forms app  http://{}/", webapp.address()))
        .and_then(|()| writeln!(out, "  MVC app        http://{}/", mvc.address()))
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
