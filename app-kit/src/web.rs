//! The server both apps run on, and the routes they share.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};

use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use service_kit::startup::StartupError;
use service_kit::{disconnect, shutdown};

use crate::failure::ErrorPages;
use crate::host::Host;
use crate::live::LiveView;
use crate::settings::AppSettings;

/// The stylesheet of both apps, served at `/site.css` (a file, not inline, so
/// the Content-Security-Policy can forbid inline styles).
pub const STYLESHEET: &str = include_str!("site.css");

/// Headers every answer carries: no sniffing, no framing, no referrer, and a
/// policy that allows only this site's own stylesheet and script.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "no-referrer"))
        .add((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ))
}

/// `/site.css`, `/healthz` and `/metrics`.
pub fn common_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/site.css", web::get().to(stylesheet))
        .route("/healthz", web::get().to(healthz))
        .route("/metrics", web::get().to(metrics));
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLESHEET)
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok\n")
}

async fn metrics(host: web::Data<Host>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(host.metrics.render(host.pool.snapshot()))
}

/// A bound, not yet running app server, with the pages' host.
pub struct AppServer {
    address: SocketAddr,
    host: Host,
    server: actix_web::dev::Server,
}

impl AppServer {
    /// Prepares the pages' host (request threads, I/O threads, backend) from
    /// `settings`, with the app's `error_pages` and its `live_view` of the
    /// pool; binds `bind:port` (0 picks a
    /// free port), and prepares a server with the common routes, security
    /// headers and `configure`'s own routes. Connections are watched for
    /// hang-ups. A bad `--webapi-url` is refused here.
    pub fn build<F>(
        name: &'static str,
        (bind, port): (IpAddr, u16),
        settings: &AppSettings,
        error_pages: impl ErrorPages,
        live_view: LiveView,
        configure: F,
    ) -> std::io::Result<AppServer>
    where
        F: Fn(&mut web::ServiceConfig) + Clone + Send + 'static,
    {
        let host = Host::new(settings, error_pages).map_err(|e| match e {
            crate::host::StartError::WebApiUrl(e) => std::io::Error::from(StartupError::InvalidValue {
                service: name,
                problem: e.to_string(),
                flag: "--webapi-url or WEBAPI_URL",
            }),
            crate::host::StartError::IoThreads(e) => {
                std::io::Error::new(e.kind(), format!("{name}: cannot start the I/O threads: {e}"))
            }
        })?;
        let webapi = host.backend.root().to_string();
        let data = web::Data::new(host.clone());
        let live = web::Data::new(live_view);
        let live_data = live.clone();
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(security_headers())
                .wrap(from_fn(crate::headers::conventions))
                .app_data(data.clone())
                .app_data(live_data.clone())
                .configure(common_routes)
                .configure(crate::live::routes)
                .configure(configure.clone())
        })
        .backlog(4096)
        .on_connect(disconnect::on_connect)
        .disable_signals()
        .shutdown_timeout(shutdown::GRACE_PERIOD.as_secs());
        if let Some(workers) = settings.workers {
            server = server.workers(workers as usize);
        }
        let server = server.bind((bind, port)).map_err(|error| StartupError::listen(name, (bind, port), error))?;
        let address = server.addrs()[0];
        live.listening_on(address);
        disconnect::warn_if_unsupported();
        tracing::info!(%address, %webapi, "{name} listening on {}", service_kit::address::browsable_url(address));
        Ok(AppServer { address, host, server: server.run() })
    }

    /// The address it listens on (with the real port when 0 was asked for).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The pages' host: request threads, backend, metrics (for tests and logs).
    pub fn host(&self) -> Host {
        self.host.clone()
    }

    /// Serves until `shutdown` completes, then stops gracefully.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        shutdown::run_until(self.server, shutdown).await
    }
}

/// Runs a built app until Ctrl-C or SIGTERM, after logging whether its Web API
/// answers: what both apps' `main` does.
pub async fn serve(app: AppServer) -> std::io::Result<()> {
    log_webapi_reachability(&app.host()).await;
    app.run_until_stopped(shutdown::signal()).await
}

/// What both apps' `main` does: start logging as `log` says, build the app
/// with `build` (after logging starts, so its start-up lines are kept),
/// serve it, and turn a failure into one sentence and exit status 1.
pub async fn main(
    name: &'static str,
    log: service_kit::telemetry::LogArgs,
    build: impl FnOnce() -> std::io::Result<AppServer>,
) -> std::process::ExitCode {
    service_kit::telemetry::init_with(&log, "info");
    let result = match build() {
        Ok(app) => serve(app).await,
        Err(error) => Err(error),
    };
    service_kit::startup::report(name, result)
}

/// The `<head>` of every page of both apps: charset, viewport, title, stylesheet.
pub fn html_head(title: &str, app_name: &str) -> maud::Markup {
    maud::html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " – " (app_name) }
            link rel="stylesheet" href="/site.css";
        }
    }
}

/// Logs whether the Web API answers, without failing: the app starts either
/// way, and its pages show the error page while the API is away.
pub async fn log_webapi_reachability(host: &Host) {
    match host.backend.reachable().await {
        Ok(()) => tracing::info!(webapi = %host.backend.root(), "the Web API is reachable"),
        Err(error) => tracing::warn!(%error, "the Web API is not reachable now; pages will show an error until it is"),
    }
}
