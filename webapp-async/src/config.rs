//! The app's settings, from flags or the matching environment variables.

use std::net::IpAddr;

use app_kit::AppSettings;
use clap::Parser;
use service_kit::telemetry::LogArgs;

/// The app's port, next to the Web API (7734).
pub const DEFAULT_PORT: u16 = 7735;

/// The Web Forms app of the Async ASP.NET sample: each page in a
/// synchronous version, which blocks a request thread while it waits for the
/// Web API, and an asynchronous one, which does not.
#[derive(Debug, Clone, Parser)]
#[command(name = "webapp-async", version, about, long_about)]
pub struct Config {
    /// Address or host name to listen on; 0.0.0.0 to accept connections from other hosts.
    #[arg(long, env = "BIND", default_value = "127.0.0.1", value_parser = service_kit::address::parse_bind)]
    pub bind: IpAddr,

    /// Port to listen on; 0 picks a free port, which the log names.
    #[arg(long, env = "PORT", default_value_t = DEFAULT_PORT)]
    pub port: u16,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub app: AppSettings,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub log: LogArgs,
}
