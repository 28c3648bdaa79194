//! The API's settings, from flags or the matching environment variables.

use std::net::IpAddr;

use clap::{Args, Parser};
use service_kit::telemetry::LogArgs;

use crate::delay::Distribution;
use crate::faults::{self, Fault};

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

    /// How delays are drawn: uniform in [--delay-min, --delay-max) (the sample's),
    /// or lognormal around --delay-median with --delay-sigma (WireMock's), capped at --max-delay.
    #[arg(long, env = "DELAY_DISTRIBUTION", value_enum, default_value_t = Distribution::Uniform)]
    pub delay_distribution: Distribution,

    /// Median of lognormal delays, in milliseconds.
    #[arg(long, env = "DELAY_MEDIAN", default_value_t = 1000)]
    pub delay_median: u64,

    /// Spread of lognormal delays: the standard deviation of their logarithm, 0 to 10.
    #[arg(long, env = "DELAY_SIGMA", default_value_t = 0.5, value_parser = parse_sigma)]
    pub delay_sigma: f64,

    /// Share of calls, 0 to 1, answered with --error-status instead of their data.
    #[arg(long, env = "ERROR_RATE", default_value_t = 0.0, value_parser = faults::parse_rate)]
    pub error_rate: f64,

    /// The status of those calls, 400 to 599 (a problem+json body).
    #[arg(long, env = "ERROR_STATUS", default_value_t = 500, value_parser = clap::value_parser!(u16).range(400..=599))]
    pub error_status: u16,

    /// Share of calls, 0 to 1, broken by --fault after their delay.
    #[arg(long, env = "FAULT_RATE", default_value_t = 0.0, value_parser = faults::parse_rate)]
    pub fault_rate: f64,

    /// The fault of those calls: reset the connection, close it without an
    /// answer (empty), answer a truncated body (malformed), or never answer (hang).
    #[arg(long, env = "FAULT", value_enum, default_value_t = Fault::Reset)]
    pub fault: Fault,
}

fn parse_sigma(text: &str) -> Result<f64, String> {
    let sigma: f64 = text.parse().map_err(|_| format!("`{text}` is not a number"))?;
    if !(0.0..=10.0).contains(&sigma) {
        return Err(format!("sigma is from 0 to 10, not {sigma}"));
    }
    Ok(sigma)
}

/// The defaults of every flag, for a host that builds a `Config` by hand
/// (tests, the load lab) and sets only some fields.
impl Default for Config {
    fn default() -> Config {
        Config {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: DEFAULT_PORT,
            api: ApiSettings::default(),
            log: LogArgs::default(),
        }
    }
}

/// The defaults of the API's flags.
impl Default for ApiSettings {
    fn default() -> ApiSettings {
        ApiSettings {
            delay_min: 500,
            delay_max: 1500,
            max_delay: 60_000,
            seed: None,
            workers: None,
            delay_distribution: Distribution::Uniform,
            delay_median: 1000,
            delay_sigma: 0.5,
            error_rate: 0.0,
            error_status: 500,
            fault_rate: 0.0,
            fault: Fault::Reset,
        }
    }
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
                ..ApiSettings::default()
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

    /// What calls inject, from the flags.
    pub fn fault_plan(&self) -> faults::FaultPlan {
        faults::FaultPlan {
            error_rate: self.error_rate,
            // The range is checked by clap; a struct built by hand falls back to 500.
            error_status: actix_web::http::StatusCode::from_u16(self.error_status)
                .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR),
            fault_rate: self.fault_rate,
            fault: self.fault,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::Config;

    #[test]
    fn the_default_is_what_the_flags_default_to() {
        // Without any flag (and with none of their variables set in a test run).
        let parsed = Config::try_parse_from(["webapi-pgw"]).unwrap();
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Config::default()));
    }
}
