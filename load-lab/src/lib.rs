//! The load lab: each claim of the tutorial, measured.
//!
//! The tutorial says asynchronous pages beat synchronous ones under load, that
//! parallel calls take the longest delay instead of the sum, that timeouts
//! cancel work all the way to the backend, and that server settings matter.
//! The sample never measured any of it. Each scenario here starts the real
//! services it needs (in this process, or as separate processes where their
//! threads and memory are measured), or uses services already running,
//! puts load on them, and writes what it saw next to what the tutorial
//! claims, as Markdown tables and SVG charts. A scenario that cannot run, or
//! fails, gets a section saying why; the report is always written.
//!
//! # Layout
//! - [`load`]: the load generator (bursts and sustained closed-loop load) and
//!   its summaries (percentiles from an HDR histogram).
//! - [`lab`]: whose services a scenario measures: its own, or services
//!   already running (`--api-url`, `--webapp-url`, `--mvc-url`); the one
//!   place that decides, and the handles both give (URLs, `/metrics`).
//! - [`services`]: starting and stopping the API and the apps for a scenario,
//!   in this process.
//! - [`processes`]: the API, the apps and scenario 7's floor as processes of
//!   their own, to read each one's threads, memory and CPU from /proc.
//! - [`cpu`]: the CPU time of a process, from /proc.
//! - [`charts`]: the SVG charts (plotters).
//! - [`scenarios`]: the eleven scenarios, one file each, and which of them can
//!   measure running services.
//! - [`report`]: the Markdown report and where it is written.
//! - [`failure`]: what can stop a scenario, or skip it ([`failure::Failure`]).

pub mod charts;
pub mod cpu;
pub mod failure;
pub mod lab;
pub mod load;
pub mod processes;
pub mod report;
pub mod scenarios;
pub mod services;

// Unit tests run on the services' allocator too.
#[cfg(test)]
service_kit::use_jemalloc!();
