//! jemalloc for the programs that ask for it: [`use_jemalloc!`](crate::use_jemalloc).
//!
//! A library must not choose the allocator of every program that links it, so
//! this crate only offers it: each binary of the workspace (the three services,
//! the launcher, the load lab) and each test suite that starts the services
//! declares `service_kit::use_jemalloc!();` once, and runs on the allocator the
//! services were measured with. A program that leaves the line out keeps the
//! system allocator (the `healthcheck` probe, the benchmark's `bare_actix`).
//!
//! Why not glibc's: a service holding 10,000 waiting calls makes and frees small
//! blocks at a high rate from two worker threads. Under `bench/webapi-vs-nginx.sh`
//! (wrk, 10,000 connections, 500 ms) jemalloc cut webapi-pgw's CPU time by ~13 %
//! and its peak RSS from ~139 to ~130 MB, in four paired runs against glibc
//! (README, "Benchmark"). mimalloc, tried too, held far more (294 MB against
//! glibc's 193).
//!
//! Linux only, like the hang-up watch; elsewhere the system allocator stays.

#[cfg(target_os = "linux")]
#[doc(hidden)]
pub use tikv_jemallocator::Jemalloc;

/// Makes jemalloc the global allocator of the program that writes it (Linux
/// only; elsewhere it does nothing). Write it once, at the top level of a
/// binary's `main.rs` or a test suite's root:
///
/// ```
/// service_kit::use_jemalloc!();
///
/// fn main() {}
/// ```
#[macro_export]
macro_rules! use_jemalloc {
    () => {
        #[cfg(target_os = "linux")]
        #[global_allocator]
        static SERVICE_KIT_JEMALLOC: $crate::allocator::Jemalloc = $crate::allocator::Jemalloc;
    };
}
