//! Logging for every service, set up in one place, and the flags that shape it.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::Directive;

use crate::http::ACCESS_TARGET;

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One line per event for people to read; coloured only on a terminal.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The logging flags every binary takes (flatten them into its config).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LogArgs {
    /// Log lines as `text` for people or `json` (one object per line) for log
    /// collectors. What is logged is chosen by RUST_LOG; NO_COLOR turns colours
    /// off, which are only used when stderr is a terminal anyway.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Log one line per request: method, path, status and milliseconds taken
    /// (ACCESS_LOG=1 or true turns it on too).
    #[arg(long, env = "ACCESS_LOG", value_parser = clap::builder::BoolishValueParser::new())]
    pub access_log: bool,
}

/// Installs the global `tracing` subscriber with the default settings: text
/// lines on stderr, no access log (what the tests use).
pub fn init(default_filter: &str) {
    init_with(&LogArgs::default(), default_filter);
}

/// Installs the global `tracing` subscriber: lines on stderr, as `args` says.
///
/// `RUST_LOG` chooses what is logged (for example `RUST_LOG=warn` for a
/// benchmark, `RUST_LOG=debug` to see every backend call); without it,
/// `default_filter` applies. `--access-log` adds the access log whatever
/// `RUST_LOG` says. Calling it twice is harmless (tests do).
///
/// Colours only when stderr is a terminal and `NO_COLOR` is unset or empty
/// (<https://no-color.org>): escape codes in a log file or `docker logs` are
/// noise, and break tools that search them.
///
/// A log line that cannot be written (stderr closed: a log collector died, a
/// pipe's reader exited) is dropped silently. tracing-subscriber's default is
/// to report that with `eprintln!`, which panics when stderr is gone, and the
/// panic would take the request being served down with it.
pub fn init_with(args: &LogArgs, default_filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let access: Directive =
        format!("{ACCESS_TARGET}={}", if args.access_log { "info" } else { "off" }).parse().expect("a valid directive");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter.add_directive(access))
        .with_writer(std::io::stderr)
        .log_internal_errors(false);
    let _ = match args.log_format {
        LogFormat::Text => builder.with_ansi(colour(std::io::stderr().is_terminal())).try_init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(false).try_init(),
    };
}

/// Whether to colour lines: only on a terminal, and never under `NO_COLOR`.
fn colour(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        log: LogArgs,
    }

    #[test]
    fn the_flags_default_to_text_without_an_access_log_and_parse_their_values() {
        let default = Cli::try_parse_from(["x"]).unwrap().log;
        assert_eq!((default.log_format, default.access_log), (LogFormat::Text, false));
        let set = Cli::try_parse_from(["x", "--log-format", "json", "--access-log"]).unwrap().log;
        assert_eq!((set.log_format, set.access_log), (LogFormat::Json, true));
        assert!(Cli::try_parse_from(["x", "--log-format", "xml"]).is_err());
    }

    #[test]
    fn a_pipe_or_file_gets_no_colour() {
        assert!(!colour(false));
    }
}
