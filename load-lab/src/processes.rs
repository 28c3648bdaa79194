//! The services as processes of their own, so that /proc shows each one's
//! threads, memory and CPU time without the lab's: the apps (scenario 4 reads
//! their threads and memory; scenario 7 their CPU), the Web API (scenario 7;
//! scenario 10 kills and restarts it) and the floor of scenarios 4 and 7,
//! app-kit's example `bare_pwgasync`. Each is killed when its handle is dropped.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use app_kit::AppSettings;
use test_support::process::{Process, ProcessError, free_port, sibling_binary, wait_until_up};

use crate::services::App;

/// Where the floor is, from the folder of the running program: cargo puts an
/// example in `examples/` beside the binaries (`target/<profile>/examples/`),
/// and [`sibling_binary`] also looks one folder up, for test programs.
pub const FLOOR: &str = "examples/bare_pwgasync";

/// How to build the floor, for a report that could not find it.
pub const BUILD_FLOOR: &str = "cargo build --release --examples -p app-kit";

/// The Web API's settings, by the environment variables it reads: removed
/// from its environment, so the lab's own cannot leak in (its flags set the
/// ones a scenario chooses).
const API_ENV: [&str; 16] = [
    "BIND",
    "PORT",
    "DELAY_MIN",
    "DELAY_MAX",
    "MAX_DELAY",
    "SEED",
    "WORKERS",
    "DELAY_DISTRIBUTION",
    "DELAY_MEDIAN",
    "DELAY_SIGMA",
    "ERROR_RATE",
    "ERROR_STATUS",
    "FAULT_RATE",
    "FAULT",
    "LOG_FORMAT",
    "ACCESS_LOG",
];

/// A service running as its own process. Killed when dropped.
pub struct ServiceProcess {
    process: Process,
    /// Its root, without a trailing slash.
    pub address: String,
}

impl ServiceProcess {
    /// Starts the `app` binary (built next to this one) with `settings`.
    pub async fn app(app: App, settings: &AppSettings) -> Result<ServiceProcess, ProcessError> {
        let binary = sibling_binary(app.name())?;
        let port = free_port()?;
        ServiceProcess::start(app_command(&binary, port, settings), port, "/healthz").await
    }

    /// Starts webapi-pgw (built next to this one) with a fixed delay of `delay_ms`.
    pub async fn api(delay_ms: u64) -> Result<ServiceProcess, ProcessError> {
        let port = free_port()?;
        let delay = delay_ms.to_string();
        let command = api_command(port, &["--delay-min", &delay, "--delay-max", &delay])?;
        ServiceProcess::start(command, port, "/healthz").await
    }

    /// Starts the floor against the Web API at `api_url` (its root, with a
    /// trailing slash); `None` when the example is not built, which a
    /// scenario reports rather than fails for: `cargo build` alone does not
    /// build examples.
    pub async fn floor(api_url: &str) -> Result<Option<ServiceProcess>, ProcessError> {
        let binary = match sibling_binary(FLOOR) {
            Ok(binary) => binary,
            Err(ProcessError::MissingBinary { .. }) => return Ok(None),
            Err(error) => return Err(error),
        };
        let port = free_port()?;
        let mut command = Command::new(binary);
        command.arg(port.to_string()).arg(api_url);
        // It has no /healthz; its 404 for / is an answer, and costs the API nothing.
        ServiceProcess::start(command, port, "/").await.map(Some)
    }

    async fn start(mut command: Command, port: u16, probe: &str) -> Result<ServiceProcess, ProcessError> {
        let process = Process::spawn(command.stdout(Stdio::null()))?;
        let address = format!("http://127.0.0.1:{port}");
        wait_until_up(&format!("{address}{probe}"), Duration::from_secs(20)).await?;
        Ok(ServiceProcess { process, address })
    }

    /// Its process id, for [`crate::cpu::cpu_time`].
    pub fn pid(&self) -> u32 {
        self.process.0.id()
    }

    /// (OS threads, resident memory in KiB) of the process now.
    pub fn threads_and_rss(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        (field("Threads:"), field("VmRSS:"))
    }
}

/// The command that starts webapi-pgw (built next to this one) on `port`
/// with `args`, logging errors only, its output dropped.
pub fn api_command(port: u16, args: &[&str]) -> Result<Command, ProcessError> {
    let mut command = Command::new(sibling_binary("webapi-pgw")?);
    command.args(["--port", &port.to_string()]).args(args).env("RUST_LOG", "error");
    command.stdout(Stdio::null()).stderr(Stdio::null());
    for name in API_ENV {
        command.env_remove(name);
    }
    Ok(command)
}

/// The command that starts an app's binary on `port` with every one of
/// `settings`, by the environment variables the app reads. A setting left
/// unset is removed from the environment, so the lab's own cannot leak in.
fn app_command(binary: &Path, port: u16, settings: &AppSettings) -> Command {
    // Every field by name: a new setting does not compile until it is passed on.
    let AppSettings {
        webapi_url,
        request_threads,
        min_threads,
        thread_injection_ms,
        thread_idle_ms,
        queue_length,
        max_backend_connections,
        workers,
    } = settings;
    let mut command = Command::new(binary);
    command
        .env("PORT", port.to_string())
        .env("WEBAPI_URL", webapi_url)
        .env("REQUEST_THREADS", request_threads.to_string())
        .env("THREAD_INJECTION_MS", thread_injection_ms.to_string())
        .env("THREAD_IDLE_MS", thread_idle_ms.to_string())
        .env("QUEUE_LENGTH", queue_length.to_string())
        .env("RUST_LOG", "error")
        .env_remove("ACCESS_LOG");
    for (name, value) in
        [("MIN_THREADS", *min_threads), ("MAX_BACKEND_CONNECTIONS", *max_backend_connections), ("WORKERS", *workers)]
    {
        match value {
            Some(value) => command.env(name, value.to_string()),
            None => command.env_remove(name),
        };
    }
    command
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    fn env_of(command: &Command) -> Vec<(&OsStr, Option<&OsStr>)> {
        command.get_envs().collect()
    }

    #[test]
    fn an_app_process_gets_every_setting() {
        let settings = AppSettings {
            webapi_url: "http://127.0.0.1:1/".into(),
            request_threads: 7,
            min_threads: Some(2),
            thread_injection_ms: 250,
            thread_idle_ms: 1000,
            queue_length: 8,
            max_backend_connections: Some(9),
            workers: Some(3),
        };

        let command = app_command(Path::new("webapp-async"), 1234, &settings);

        let env = env_of(&command);
        for (name, value) in [
            ("PORT", "1234"),
            ("WEBAPI_URL", "http://127.0.0.1:1/"),
            ("REQUEST_THREADS", "7"),
            ("MIN_THREADS", "2"),
            ("THREAD_INJECTION_MS", "250"),
            ("THREAD_IDLE_MS", "1000"),
            ("QUEUE_LENGTH", "8"),
            ("MAX_BACKEND_CONNECTIONS", "9"),
            ("WORKERS", "3"),
        ] {
            assert!(env.contains(&(OsStr::new(name), Some(OsStr::new(value)))), "{name}={value} missing: {env:?}");
        }
    }

    #[test]
    fn an_unset_setting_is_not_inherited_from_the_lab() {
        let settings = AppSettings::for_tests("http://127.0.0.1:1/", 1, 0);
        let settings = AppSettings { workers: None, min_threads: None, ..settings };

        let command = app_command(Path::new("mvc-async"), 1234, &settings);

        let env = env_of(&command);
        assert!(env.contains(&(OsStr::new("MAX_BACKEND_CONNECTIONS"), None)), "{env:?}");
        assert!(env.contains(&(OsStr::new("WORKERS"), None)), "{env:?}");
        assert!(env.contains(&(OsStr::new("MIN_THREADS"), None)), "{env:?}");
    }
}
