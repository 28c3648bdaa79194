//! The launcher's command line, made of the services' own flags.
//!
//! The Web API's [`ApiSettings`] and the apps' [`AppSettings`] are flattened
//! in, so each flag has one declaration: its default, its environment variable
//! and its checks are the service's own and cannot drift. The launcher adds
//! only what differs when the three run together: one `--bind`, a port each
//! (`--api-port`, ...), and the two `--workers`, which would clash, renamed
//! `--api-workers` and `--app-workers`. The apps' `--webapi-url` is hidden:
//! the launcher points both apps at its own API.

use std::net::IpAddr;

use app_kit::AppSettings;
use clap::parser::ValueSource;
use clap::{ArgMatches, Command, CommandFactory, FromArgMatches, Parser};
use webapi_pgw::ApiSettings;

/// Runs the Async ASP.NET sample's three services together.
#[derive(Debug, Parser)]
#[command(name = "async-aspnet", version, about, long_about)]
pub struct Cli {
    /// Address or host name all three listen on; 0.0.0.0 to accept connections from other hosts.
    #[arg(long, env = "BIND", default_value = "127.0.0.1", value_parser = service_kit::address::parse_bind)]
    pub bind: IpAddr,

    /// Port of the Web API; 0 picks a free port.
    #[arg(long, env = "API_PORT", default_value_t = webapi_pgw::config::DEFAULT_PORT)]
    pub api_port: u16,

    /// Port of the Web Forms app; 0 picks a free port.
    #[arg(long, env = "WEBAPP_PORT", default_value_t = webapp_async::config::DEFAULT_PORT)]
    pub webapp_port: u16,

    /// Port of the MVC app; 0 picks a free port.
    #[arg(long, env = "MVC_PORT", default_value_t = mvc_async::config::DEFAULT_PORT)]
    pub mvc_port: u16,

    #[command(flatten, next_help_heading = "The Web API")]
    #[allow(missing_docs)]
    pub api: ApiSettings,

    #[command(flatten, next_help_heading = "Each web app")]
    #[allow(missing_docs)]
    pub apps: AppSettings,

    #[command(flatten, next_help_heading = "Logs")]
    #[allow(missing_docs)]
    pub log: service_kit::telemetry::LogArgs,
}

/// The command line: the derived one, with the services' clashing flags renamed.
pub fn command() -> Command {
    Cli::command()
        .mut_arg("api_workers", |arg| arg.long("api-workers").env("API_WORKERS").value_name("API_WORKERS"))
        .mut_arg("workers", |arg| arg.long("app-workers").env("APP_WORKERS").value_name("APP_WORKERS"))
        .mut_arg("webapi_url", |arg| arg.hide(true).env(None))
}

/// Parses `args` (the program's name first), with every service's checks.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut command = command();
    let mut matches = command.try_get_matches_from_mut(args)?;
    refuse_webapi_url(&mut command, &matches)?;
    let cli = Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))?;
    cli.api.validate().map_err(|message| command.error(clap::error::ErrorKind::ValueValidation, message))?;
    Ok(cli)
}

/// `--webapi-url` belongs to the apps alone: here it would be silently overridden.
fn refuse_webapi_url(command: &mut Command, matches: &ArgMatches) -> Result<(), clap::Error> {
    if matches.value_source("webapi_url") == Some(ValueSource::CommandLine) {
        return Err(command.error(
            clap::error::ErrorKind::ArgumentConflict,
            "--webapi-url: the launcher points both apps at the Web API it starts (set --api-port instead)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        parse_from(std::iter::once("async-aspnet").chain(args.iter().copied()))
    }

    #[test]
    fn the_command_line_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn the_defaults_are_the_services_own() {
        let cli = parse(&[]).unwrap();

        assert_eq!((cli.api_port, cli.webapp_port, cli.mvc_port), (7734, 7735, 7736));
        assert_eq!((cli.api.delay_min, cli.api.delay_max, cli.api.max_delay), (500, 1500, 60_000));
        assert_eq!((cli.apps.request_threads, cli.apps.queue_length), (5000, 1000));
        assert_eq!((cli.api.workers, cli.apps.workers, cli.apps.max_backend_connections), (None, None, None));
    }

    #[test]
    fn both_kinds_of_workers_and_the_max_delay_are_settable() {
        let cli = parse(&["--api-workers", "3", "--app-workers", "4", "--max-delay", "2000"]).unwrap();

        assert_eq!((cli.api.workers, cli.apps.workers, cli.api.max_delay), (Some(3), Some(4), 2000));
    }

    #[test]
    fn the_services_checks_apply() {
        for (args, says) in [
            (&["--request-threads", "0"][..], "--request-threads"),
            (&["--max-backend-connections", "0"], "--max-backend-connections"),
            (&["--app-workers", "0"], "--app-workers"),
            (&["--api-workers", "0"], "--api-workers"),
            (&["--delay-min", "5", "--delay-max", "2"], "--delay-min (5) must not be larger than --delay-max (2)"),
            (&["--delay-max", "70000"], "--delay-max (70000) must not be larger than --max-delay (60000)"),
        ] {
            let error = parse(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));

            assert_eq!(error.exit_code(), 2, "{args:?}");
            assert!(error.to_string().contains(says), "{args:?}: {error}");
        }
    }

    #[test]
    fn the_apps_webapi_url_is_refused() {
        let error = parse(&["--webapi-url", "http://elsewhere:1/"]).expect_err("refused");

        assert_eq!(error.exit_code(), 2);
        assert!(error.to_string().contains("points both apps at the Web API it starts"), "{error}");
    }

    #[test]
    fn help_groups_the_flags_by_service_and_hides_the_webapi_url() {
        let help = command().render_long_help().to_string();

        for name in ["The Web API:", "Each web app:", "--api-workers", "API_WORKERS", "--app-workers", "APP_WORKERS"] {
            assert!(help.contains(name), "--help lacks {name}:\n{help}");
        }
        for name in ["--max-delay", "MAX_DELAY", "--api-port", "API_PORT", "--request-threads", "[default: 7735]"] {
            assert!(help.contains(name), "--help lacks {name}:\n{help}");
        }
        assert!(!help.contains("--webapi-url"), "{help}");
    }
}
