//! The flags both web apps take, each with its environment variable.

use std::time::Duration;

use clap::Args;

use crate::request_pool::PoolConfig;

/// Settings shared by both apps. Each app adds `--bind` and `--port` with its
/// own default port.
#[derive(Debug, Clone, Args)]
pub struct AppSettings {
    /// Root URL of the Web API (the sample's WidgetServiceURI).
    #[arg(long, env = "WEBAPI_URL", default_value = "http://localhost:7734/")]
    pub webapi_url: String,

    /// Most request threads, which every page needs to start (the tutorial's
    /// .NET 4.5 thread pool maximum, 5000).
    #[arg(long, env = "REQUEST_THREADS", default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..))]
    pub request_threads: u32,

    /// Request threads started at once when work comes; above this, threads
    /// are added one per --thread-injection-ms [default: one per CPU, as .NET].
    #[arg(long, env = "MIN_THREADS", value_parser = clap::value_parser!(u32).range(1..))]
    pub min_threads: Option<u32>,

    /// Above the minimum, one new request thread per this many ms while
    /// requests wait (.NET's gate thread: 500); 0 starts threads at once.
    #[arg(long, env = "THREAD_INJECTION_MS", default_value_t = 500)]
    pub thread_injection_ms: u64,

    /// Request threads above the minimum retire after this many ms without
    /// work (.NET: 20 s).
    #[arg(long, env = "THREAD_IDLE_MS", default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub thread_idle_ms: u64,

    /// How many new requests may wait for a free thread; past that they get
    /// 503 Server Too Busy (HTTP.sys's default queue length, 1000).
    #[arg(long, env = "QUEUE_LENGTH", default_value_t = 1000)]
    pub queue_length: u32,

    /// Most calls to the Web API at once [default: unlimited, as the sample set
    /// it]. 12 × the number of CPUs reproduces ASP.NET's autoConfig default.
    #[arg(long, env = "MAX_BACKEND_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_backend_connections: Option<u32>,

    /// Worker threads of the HTTP server, which admit requests and hand them
    /// to the request threads (IIS's part) [default: one per CPU].
    #[arg(long, env = "WORKERS", value_parser = clap::value_parser!(u32).range(1..))]
    pub workers: Option<u32>,
}

impl AppSettings {
    /// Settings for tests: the given API, at most `request_threads` threads
    /// started at once (no injection delay), a queue of `queue_length`.
    pub fn for_tests(webapi_url: &str, request_threads: u32, queue_length: u32) -> AppSettings {
        AppSettings {
            webapi_url: webapi_url.to_owned(),
            request_threads,
            min_threads: Some(1),
            thread_injection_ms: 0,
            thread_idle_ms: 20_000,
            queue_length,
            max_backend_connections: None,
            workers: Some(2),
        }
    }

    /// The request pool's shape.
    pub fn pool_config(&self) -> PoolConfig {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        PoolConfig {
            min_threads: self.min_threads.map_or(cpus, |n| n as usize),
            max_threads: self.request_threads as usize,
            queue_length: self.queue_length as usize,
            injection_interval: Duration::from_millis(self.thread_injection_ms),
            idle_timeout: Duration::from_millis(self.thread_idle_ms),
        }
    }
}
