//! The API's settings, from flags or the matching environment variables.

use std::net::IpAddr;

use clap::{Args, Parser};
use service_kit::telemetry::LogArgs;

/// The port of the sample's IIS Express project, and ours.
pub const DEFAULT_PORT: u16 = 7734;

/// The delay-injecting Web API of the Async ASP.NET sample.
///
/// Every call waits a random delay in [delay-min, delay-max) milliseconds
/// before it answers, without holding a thread, and stops waiting as soon as
/// its caller hangs up.
#[derive(Debug, Clone, Parser)]
#[command(name = "webapi-pgw", version, about, long_about)]
pub struct Config {
    /// Address or host name to listen on; 0.0.0.0 to accept connections from other hosts.
    #[arg(long, env = "BIND", default_value = "127.0.0.1", value_parser = service_kit::address::parse_bind)]
    pub bind: IpAddr,

    /// Port to listen on (7734 as in the sample); 0 picks a free port, which the log names.
    #[arg(long, env = "PORT", default_value_t = DEFAULT_PORT)]
    pub port: u16,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub api: ApiSettings,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub log: LogArgs,
}

/// What the API does, apart from where it listens: its delays, its seed and
/// its threads. A struct of its own so that the launcher (`all-in-one`)
/// flattens these very flags, defaults and checks into its command line.
#[derive(Debug, Clone, Args)]
pub struct ApiSettings {
    /// Shortest delay before an answer, in milliseconds (the sample's DelayMin).
    #[arg(long, env = "DELAY_MIN", default_value_t = 500)]
    pub delay_min: u64,

    /// Delays are drawn below this, in milliseconds (the sample's DelayMax);
    /// equal to --delay-min for a fixed delay.
    #[arg(long, env = "DELAY_MAX", default_value_t = 1500)]
    pub delay_max: u64,

    /// Largest delay a caller may ask for with `?delay=<ms>`; larger asks get 400.
    #[arg(long, env = "MAX_DELAY", default_value_t = 60_000)]
    pub max_delay: u64,

    /// Seed for the random delays and quantities, for a reproducible sequence.
    #[arg(long, env = "SEED")]
    pub seed: Option<u64>,

    /// Worker threads that serve requests [default: one per CPU].
    // Its own id: the apps' settings have a `workers` too, and the launcher takes both.
    #[arg(id = "api_workers", long = "workers", env = "WORKERS", value_name = "WORKERS", value_parser = at_least_one)]
    pub workers: Option<usize>,
}

/// A count of threads: a whole number, 1 or more.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

impl Config {
    /// Checks what clap cannot: that the delay bounds are in order.
    pub fn validate(&self) -> Result<(), String> {
        self.api.validate()
    }

    /// The settings for a test: port 0 on loopback, a fixed delay of `delay_ms`.
    pub fn for_tests(delay_ms: u64) -> Config {
        Config {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 0,
            api: ApiSettings {
                delay_min: delay_ms,
                delay_max: delay_ms,
                max_delay: 60_000,
                seed: Some(1),
                workers: Some(2),
            },
            log: LogArgs::default(),
        }
    }
}

impl ApiSettings {
    /// Checks what clap cannot: that the delay bounds are in order (and, for
    /// settings built in code, that there is a worker).
    pub fn validate(&self) -> Result<(), String> {
        if self.delay_min > self.delay_max {
            return Err(format!(
                "--delay-min ({}) must not be larger than --delay-max ({})",
                self.delay_min, self.delay_max
            ));
        }
        if self.delay_max > self.max_delay {
            return Err(format!(
                "--delay-max ({}) must not be larger than --max-delay ({})",
                self.delay_max, self.max_delay
            ));
        }
        if self.workers == Some(0) {
            return Err("--workers must be at least 1".into());
        }
        Ok(())
    }
}
