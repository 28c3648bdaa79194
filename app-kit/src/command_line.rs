//! Each app's command line, declared once for both: `--bind`, `--port` (each
//! app's own default), the apps' shared [`crate::AppSettings`] and the log
//! flags. A macro, because clap's derive wants the port's default and the
//! program's name as constants of the struct it derives; the flags themselves
//! cannot drift apart between the two apps.

/// Declares `pub struct Config` for an app named `$name` whose port defaults
/// to `$port`; its doc comment is the `--help` text.
#[macro_export]
macro_rules! app_command_line {
    ($(#[$doc:meta])* $name:literal, $port:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, ::clap::Parser)]
        #[command(name = $name, version, about, long_about)]
        pub struct Config {
            /// Address or host name to listen on; 0.0.0.0 to accept connections from other hosts.
            #[arg(long, env = "BIND", default_value = "127.0.0.1", value_parser = ::service_kit::address::parse_bind)]
            pub bind: ::std::net::IpAddr,

            /// Port to listen on; 0 picks a free port, which the log names.
            #[arg(long, env = "PORT", default_value_t = $port)]
            pub port: u16,

            #[command(flatten)]
            #[allow(missing_docs)]
            pub app: $crate::AppSettings,

            #[command(flatten)]
            #[allow(missing_docs)]
            pub log: ::service_kit::telemetry::LogArgs,
        }
    };
}
