//! The Markdown report, and the folder it is written to.

use std::path::{Path, PathBuf};

use crate::scenarios::Scale;

/// One scenario's part of the report.
pub struct Section {
    /// "1. Parallel calls".
    pub title: String,
    /// What the tutorial claims.
    pub claim: String,
    /// What was measured: tables and commentary, in Markdown.
    pub body: String,
    /// Charts: (file name, SVG text); the body links them.
    pub charts: Vec<(String, String)>,
}

impl Section {
    /// A section with no measurement: why a scenario was skipped or failed.
    pub fn note(title: String, body: String) -> Section {
        Section { title, claim: String::new(), body, charts: Vec::new() }
    }
}

/// How a scenario ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It ran and measured.
    Measured,
    /// It cannot run here, for this reason; not a failure.
    Skipped(String),
    /// It failed, for this reason: the run exits non-zero.
    Failed(String),
}

/// The whole report.
pub struct Report {
    header: String,
    sections: Vec<(u8, Section, Outcome)>,
}

impl Report {
    /// A report of `scenarios` at `scale`, headed with this machine, the date
    /// and `services` (which services were measured, in words).
    pub fn new(scale: Scale, scenarios: &[u8], services: &str) -> Report {
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        let memory = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or("?".to_owned(), |kb| format!("{:.0} GiB", kb / 1_048_576.0));
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
        let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
        let scenarios: Vec<String> = scenarios.iter().map(u8::to_string).collect();
        let header = format!(
            "# Load lab report\n\n\
             Written by `load-lab` ({}) on {date}. Machine: {cores} cores, {memory}, Linux {}. \
             Scenarios: {}.\n\n{services}\n\n\
             Each section sets the tutorial's claim beside what was measured.\n",
            match scale {
                Scale::Full => "full scale",
                Scale::Smoke => "SMOKE scale: a few requests each, numbers not meaningful",
            },
            kernel.trim(),
            scenarios.join(", ")
        );
        Report { header, sections: Vec::new() }
    }

    /// Adds scenario `number`'s section and how it ended.
    pub fn add(&mut self, number: u8, section: Section, outcome: Outcome) {
        self.sections.push((number, section, outcome));
    }

    /// Whether any scenario failed.
    pub fn failed(&self) -> bool {
        self.sections.iter().any(|(_, _, outcome)| matches!(outcome, Outcome::Failed(_)))
    }

    /// "Scenarios measured: 1, 5. Skipped: 2, 3. Failed: 8.", leaving out empty kinds.
    fn outcomes(&self) -> String {
        let numbers = |kind: fn(&Outcome) -> bool| -> Vec<String> {
            self.sections.iter().filter(|(_, _, o)| kind(o)).map(|(n, _, _)| n.to_string()).collect()
        };
        [
            ("Scenarios measured", numbers(|o| *o == Outcome::Measured)),
            ("Skipped", numbers(|o| matches!(o, Outcome::Skipped(_)))),
            ("Failed", numbers(|o| matches!(o, Outcome::Failed(_)))),
        ]
        .into_iter()
        .filter(|(_, n)| !n.is_empty())
        .map(|(kind, n)| format!("{kind}: {}.", n.join(", ")))
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// Writes `REPORT.md` and the charts into `folder`; returns the report's path.
    pub fn write(&self, folder: &Path) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(folder)?;
        let mut text = format!("{}\n{}\n", self.header, self.outcomes());
        for (_, section, _) in &self.sections {
            let claim =
                if section.claim.is_empty() { String::new() } else { format!("**The claim.** {}\n\n", section.claim) };
            text.push_str(&format!("\n## {}\n\n{claim}{}\n", section.title, section.body));
            for (name, svg) in &section.charts {
                std::fs::write(folder.join(name), svg)?;
            }
        }
        let path = folder.join("REPORT.md");
        std::fs::write(&path, text)?;
        Ok(path)
    }
}

/// A Markdown table from a header row and data rows.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut text = format!("| {} |\n|{}\n", header.join(" | "), "---|".repeat(header.len()));
    for row in rows {
        text.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    text
}
