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

/// The whole report.
pub struct Report {
    header: String,
    sections: Vec<Section>,
}

impl Report {
    /// A report of `scenarios` at `scale`, headed with this machine and the date.
    pub fn new(scale: Scale, scenarios: &[u8]) -> Report {
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
             Written by `load-lab` ({}) on {date}. Machine: {cores} cores, {memory}, Linux {}. The load \
             generator, the apps and the Web API share these cores. Scenarios: {}.\n\n\
             Each section sets the tutorial's claim beside what was measured. Delays are fixed, or \
             random with a fixed seed, so runs are repeatable up to the machine's noise.\n",
            match scale {
                Scale::Full => "full scale",
                Scale::Smoke => "SMOKE scale: a few requests each, numbers not meaningful",
            },
            kernel.trim(),
            scenarios.join(", ")
        );
        Report { header, sections: Vec::new() }
    }

    /// Adds a scenario's section.
    pub fn add(&mut self, section: Section) {
        self.sections.push(section);
    }

    /// Writes `REPORT.md` and the charts into `folder`; returns the report's path.
    pub fn write(&self, folder: &Path) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(folder)?;
        let mut text = self.header.clone();
        for section in &self.sections {
            text.push_str(&format!("\n## {}\n\n**The claim.** {}\n\n{}\n", section.title, section.claim, section.body));
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
