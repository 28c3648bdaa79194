//! Building and running the API server.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use service_kit::startup::StartupError;
use service_kit::{disconnect, shutdown};

use crate::bodies::Bodies;
use crate::config::Config;
use crate::delay::{DelayPlan, Distribution};
use crate::metrics::Metrics;
use crate::routes::{self, ApiState};

/// How many connections may wait to be accepted. The kernel caps it at
/// `net.core.somaxconn`; a burst of thousands of new connections needs both high.
const BACKLOG: u32 = 16_384;

/// A bound, not yet running API server.
pub struct Application {
    address: SocketAddr,
    metrics: Arc<Metrics>,
    server: actix_web::dev::Server,
}

impl Application {
    /// Validates `config`, binds the listener and prepares the server.
    /// Binding here, not in `run`, is what lets port 0 report the port it got.
    pub fn build(config: Config) -> std::io::Result<Application> {
        config.validate().map_err(|message| std::io::Error::new(std::io::ErrorKind::InvalidInput, message))?;
        let metrics = Arc::new(Metrics::new());
        let mut plan =
            DelayPlan::new(config.api.delay_min, config.api.delay_max, config.api.max_delay, config.api.seed);
        if config.api.delay_distribution == Distribution::Lognormal {
            plan = plan.lognormal(config.api.delay_median, config.api.delay_sigma);
        }
        let state = web::Data::new(ApiState {
            plan,
            faults: config.api.fault_plan(),
            metrics: metrics.clone(),
            bodies: Bodies::new(),
        });
        let workers = config.api.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
        let server = HttpServer::new(move || {
            App::new()
                // One layer: HEAD, the access log and the bounds (see `routes/limits.rs`).
                .wrap(from_fn(routes::bound_requests))
                .configure(routes::configure(state.clone()))
        })
        .workers(workers)
        .backlog(BACKLOG)
        .max_connections(100_000)
        .on_connect(|connection, data| {
            disconnect::on_connect(connection, data);
            crate::connection::on_connect(connection, data);
        })
        .disable_signals()
        .shutdown_timeout(shutdown::GRACE_PERIOD.as_secs())
        .bind((config.bind, config.port))
        .map_err(|error| StartupError::listen("webapi-pgw", (config.bind, config.port), error))?;
        let address = server.addrs()[0];
        disconnect::warn_if_unsupported();
        tracing::info!(
            %address,
            delay_min_ms = config.api.delay_min,
            delay_max_ms = config.api.delay_max,
            seed = ?config.api.seed,
            workers,
            "webapi-pgw listening on {}",
            service_kit::address::browsable_url(address)
        );
        tracing::info!(
            delay_distribution = ?config.api.delay_distribution,
            delay_median_ms = config.api.delay_median,
            delay_sigma = config.api.delay_sigma,
            max_delay_ms = config.api.max_delay,
            error_rate = config.api.error_rate,
            error_status = config.api.error_status,
            fault_rate = config.api.fault_rate,
            fault = %config.api.fault,
            "delays and injected failures"
        );
        Ok(Application { address, metrics, server: server.run() })
    }

    /// The address it listens on (with the real port when 0 was asked for).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The live metrics, for tests and for a host process.
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// Serves until `shutdown` completes, then stops gracefully.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        shutdown::run_until(self.server, shutdown).await
    }
}
