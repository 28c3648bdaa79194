//! The memory allocator of every program that links this crate: jemalloc.
//!
//! Declared here, once, so the three services, the launcher, the load lab and
//! the tests all run on the allocator they were measured with. Why not glibc's:
//! a service holding 10,000 waiting calls makes and frees small blocks at a high
//! rate from two worker threads. Under `bench/webapi-vs-nginx.sh` (wrk, 10,000
//! connections, 500 ms) jemalloc cut webapi-pgw's CPU time by ~13 % and its peak
//! RSS from ~139 to ~130 MB, in four paired runs against glibc (README,
//! "Benchmark"). mimalloc, tried too, held far more (294 MB against glibc's 193).
//!
//! Linux only, like the hang-up watch; elsewhere the system allocator stays.

#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
