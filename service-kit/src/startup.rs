//! Start-up failures that say, in one sentence, what failed, with which address
//! or value, and which flag or environment variable changes it.
//!
//! Without this a busy port printed `Error: Os { code: 98, kind: AddrInUse,
//! ... }`, naming neither the address nor the service. A [`StartupError`]
//! travels inside the `std::io::Error` that the servers' `build` functions
//! return (its kind kept, for callers that match on it), and [`report`], at the
//! end of every `main`, prints it and exits non-zero.

use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Why a service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The listening socket could not be made.
    #[error("{service}: cannot listen on {address}: {} (change it with {})", reason(.source), hint(.source, .port_flag))]
    Listen {
        /// The service that tried.
        service: &'static str,
        /// The address it tried.
        address: SocketAddr,
        /// Where to change the port: `--port or PORT`, or the launcher's flag.
        port_flag: String,
        /// What the system said.
        source: io::Error,
    },
    /// A setting's value cannot be used.
    #[error("{service}: {problem} (change it with {flag})")]
    InvalidValue {
        /// The service that was given it.
        service: &'static str,
        /// What is wrong, naming the value: ``the Web API URL `x` is not usable: ...``.
        problem: String,
        /// Where to change it: `--webapi-url or WEBAPI_URL`.
        flag: &'static str,
    },
}

impl StartupError {
    /// A [`StartupError::Listen`] for a service whose port flag is `--port or PORT`.
    pub fn listen(service: &'static str, address: impl Into<SocketAddr>, source: io::Error) -> StartupError {
        StartupError::Listen { service, address: address.into(), port_flag: "--port or PORT".into(), source }
    }
}

impl From<StartupError> for io::Error {
    fn from(error: StartupError) -> io::Error {
        let kind = match &error {
            StartupError::Listen { source, .. } => source.kind(),
            StartupError::InvalidValue { .. } => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, error)
    }
}

/// The failure's sentence for the common causes; the system's words otherwise.
fn reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::AddrInUse => "address already in use".into(),
        io::ErrorKind::AddrNotAvailable => "no such address on this machine".into(),
        io::ErrorKind::PermissionDenied => "permission denied (ports below 1024 need privileges)".into(),
        _ => error.to_string(),
    }
}

/// Which flag fixes it: the port when it is taken or privileged, the address
/// when it is not this machine's, either otherwise.
fn hint(error: &io::Error, port_flag: &str) -> String {
    match error.kind() {
        io::ErrorKind::AddrInUse | io::ErrorKind::PermissionDenied => port_flag.to_owned(),
        io::ErrorKind::AddrNotAvailable => "--bind or BIND".into(),
        _ => format!("--bind or BIND, or {port_flag}"),
    }
}

/// For a launcher that sets a service's port with a flag of its own: names
/// `port_flag` instead of `--port or PORT` in `error`, if it is a listen failure.
pub fn with_port_flag(error: io::Error, port_flag: &str) -> io::Error {
    if !error.get_ref().is_some_and(|inner| inner.is::<StartupError>()) {
        return error;
    }
    let kind = error.kind();
    match error.into_inner().map(|inner| inner.downcast::<StartupError>()) {
        Some(Ok(startup)) => match *startup {
            StartupError::Listen { service, address, source, .. } => {
                StartupError::Listen { service, address, port_flag: port_flag.into(), source }.into()
            }
            other => other.into(),
        },
        // Not reached: checked above.
        _ => io::Error::from(kind),
    }
}

/// The end of every `main`: prints a failure as one line on stderr (prefixed
/// with `service` unless it is a [`StartupError`], which names its own) and
/// exits 1; exits 0 otherwise.
pub fn report(service: &str, result: io::Result<()>) -> ExitCode {
    let Err(error) = result else { return ExitCode::SUCCESS };
    match error.get_ref().and_then(|inner| inner.downcast_ref::<StartupError>()) {
        Some(startup) => eprintln!("{startup}"),
        None => eprintln!("{service}: {error}"),
    }
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_use() -> io::Error {
        StartupError::listen("webapp-async", ([127, 0, 0, 1], 7735), io::Error::from(io::ErrorKind::AddrInUse)).into()
    }

    #[test]
    fn a_busy_port_is_one_sentence_naming_service_address_and_flag() {
        let error = in_use();
        assert_eq!(error.kind(), io::ErrorKind::AddrInUse, "the kind is kept");
        assert_eq!(
            error.to_string(),
            "webapp-async: cannot listen on 127.0.0.1:7735: address already in use (change it with --port or PORT)"
        );
    }

    #[test]
    fn a_launcher_names_its_own_port_flag() {
        let error = with_port_flag(in_use(), "--webapp-port or WEBAPP_PORT");
        assert_eq!(error.kind(), io::ErrorKind::AddrInUse);
        assert!(error.to_string().ends_with("(change it with --webapp-port or WEBAPP_PORT)"), "{error}");
        let other = with_port_flag(io::Error::other("boom"), "--api-port");
        assert_eq!(other.to_string(), "boom", "other errors pass unchanged");
    }

    #[test]
    fn an_address_not_on_this_machine_points_at_bind() {
        let error = StartupError::listen("x", ([10, 9, 9, 9], 1), io::Error::from(io::ErrorKind::AddrNotAvailable));
        assert!(error.to_string().ends_with("no such address on this machine (change it with --bind or BIND)"));
    }

    #[test]
    fn a_bad_value_names_it_and_its_flag() {
        let error: io::Error = StartupError::InvalidValue {
            service: "mvc-async",
            problem: "the Web API URL `nope` is not usable: relative URL without a base".into(),
            flag: "--webapi-url or WEBAPI_URL",
        }
        .into();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(
            error.to_string(),
            "mvc-async: the Web API URL `nope` is not usable: relative URL without a base \
             (change it with --webapi-url or WEBAPI_URL)"
        );
        assert_eq!(report("mvc-async", Err(error)), ExitCode::FAILURE);
        assert_eq!(report("mvc-async", Ok(())), ExitCode::SUCCESS);
    }
}
