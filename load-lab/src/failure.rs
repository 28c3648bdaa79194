//! What can stop a scenario, in words for the lab's user.

use std::path::PathBuf;

/// A failed scenario: a service would not start, or the lab could not measure.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The scenario cannot run here, for this reason (the report says
    /// "skipped"; the run does not fail for it).
    #[error("skipped: {0}")]
    Skip(String),
    /// There is no scenario with this number.
    #[error("there is no scenario {0}")]
    NoScenario(u8),
    /// A service in this process could not start (e.g. no port to bind).
    #[error("a service would not start: {0}")]
    Start(#[from] std::io::Error),
    /// An app that runs as its own process is not built, would not start,
    /// or did not answer.
    #[error(transparent)]
    Process(#[from] test_support::process::ProcessError),
    /// A load task panicked or was cancelled.
    #[error("a load task failed: {0}")]
    Load(#[from] tokio::task::JoinError),
    /// The scenario panicked (a bug in the lab): the message.
    #[error("the scenario panicked: {0}")]
    Panicked(String),
    /// A chart could not be drawn.
    #[error("cannot draw the chart: {0}")]
    Chart(String),
    /// The benchmark script of scenario 8 is not where it should be.
    #[error("{} is missing", .0.display())]
    MissingScript(PathBuf),
    /// The benchmark script could not be run.
    #[error("cannot run the benchmark script: {0}")]
    Script(#[source] std::io::Error),
    /// The benchmark script ran but printed no table: its exit status and stderr.
    #[error("the benchmark script ({0}) printed no table:\n{1}")]
    NoTable(std::process::ExitStatus, String),
}
