//! The workspace's binaries as processes of their own: where a binary is, a
//! free port for it, waiting until it answers, and killing it when its owner
//! is done with it, also when a test fails half-way.
//!
//! Not only for tests: the load lab runs the apps this way to read their
//! threads and memory from /proc without counting its own.

use std::io;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// What can go wrong running a binary of the workspace.
#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    /// The binary is not built (where `cargo build` puts it).
    #[error("{name} is not built next to {}: run `cargo build --workspace --bins` (with --release for a release run)", beside.display())]
    MissingBinary {
        /// The binary's name.
        name: String,
        /// The running program, whose folder was searched.
        beside: PathBuf,
    },
    /// The process could not be started.
    #[error("cannot start {}: {source}", binary.display())]
    Spawn {
        /// The binary.
        binary: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// It started but did not answer in time.
    #[error("{url} did not answer within {within:?}")]
    NotUp {
        /// The URL that was polled.
        url: String,
        /// How long it was given.
        within: Duration,
    },
    /// The system refused something else (the running program's path, a port).
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// A port on 127.0.0.1 that was free a moment ago, for a service to bind.
pub fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The path of a binary of the workspace, built next to the running program:
/// in its folder (the load lab in `target/<profile>/`), or the folder above
/// (test programs in `target/<profile>/deps/`). `cargo test --workspace`
/// builds every package's binaries before it runs the tests.
pub fn sibling_binary(name: &str) -> Result<PathBuf, ProcessError> {
    let exe = std::env::current_exe()?;
    let dir = exe.parent().map(PathBuf::from).unwrap_or_default();
    [dir.join(name), dir.join("..").join(name)]
        .into_iter()
        .find(|path| path.exists())
        .ok_or(ProcessError::MissingBinary { name: name.to_owned(), beside: exe })
}

/// A child process that is killed when dropped, so that a failing test or
/// scenario leaves nothing running behind it.
#[derive(Debug)]
pub struct Process(pub Child);

impl Process {
    /// Starts `command`.
    pub fn spawn(command: &mut Command) -> Result<Process, ProcessError> {
        let binary = PathBuf::from(command.get_program());
        command.spawn().map(Process).map_err(|source| ProcessError::Spawn { binary, source })
    }

    /// Sends SIGTERM and returns whether the process then exits with success
    /// within 15 s (a graceful shutdown, as a container stop would ask for).
    pub fn terminate(mut self) -> bool {
        let pid = self.0.id().to_string();
        if !Command::new("kill").args(["-TERM", &pid]).status().is_ok_and(|s| s.success()) {
            return false;
        }
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            match self.0.try_wait() {
                Ok(Some(status)) => return status.success(),
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(_) => return false,
            }
        }
        false
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `url` until it answers at all (a fresh service's `/healthz`), every
/// 50 ms, for at most `within`.
pub async fn wait_until_up(url: &str, within: Duration) -> Result<(), ProcessError> {
    let started = Instant::now();
    while reqwest::get(url).await.is_err() {
        if started.elapsed() > within {
            return Err(ProcessError::NotUp { url: url.to_owned(), within });
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_that_is_not_built_is_named_in_the_error() {
        let error = sibling_binary("no-such-binary").unwrap_err();

        assert!(matches!(error, ProcessError::MissingBinary { .. }), "{error:?}");
        assert!(error.to_string().contains("no-such-binary is not built next to"), "{error}");
    }

    #[test]
    fn a_program_that_does_not_exist_is_a_spawn_error() {
        let error = Process::spawn(&mut Command::new("/nonexistent/program")).unwrap_err();

        assert!(error.to_string().starts_with("cannot start /nonexistent/program: "), "{error}");
    }

    #[test]
    fn a_process_is_killed_when_dropped() {
        let process = Process::spawn(Command::new("sleep").arg("30")).unwrap();
        let pid = process.0.id();

        drop(process);

        // Reaped by the drop: the pid no longer names our child.
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        assert!(!status.contains("sleep"), "{status}");
    }

    #[tokio::test]
    async fn a_service_that_never_answers_is_not_up() {
        let url = format!("http://127.0.0.1:{}/healthz", free_port().unwrap());

        let error = wait_until_up(&url, Duration::from_millis(100)).await.unwrap_err();

        assert!(error.to_string().ends_with("did not answer within 100ms"), "{error}");
    }
}
