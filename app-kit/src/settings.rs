//! The flags both web apps take, each with its environment variable.

use clap::Args;

/// Settings shared by both apps. Each app adds `--bind` and `--port` with its
/// own default port.
#[derive(Debug, Clone, Args)]
pub struct AppSettings {
    /// Root URL of the Web API (the sample's WidgetServiceURI).
    #[arg(long, env = "WEBAPI_URL", default_value = "http://localhost:7734/")]
    pub webapi_url: String,

    /// Most OS threads that run synchronous pages at once (the .NET 4.5 thread
    /// pool's default maximum, 5000). Async pages need none of them.
    #[arg(long, env = "REQUEST_THREADS", default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..))]
    pub request_threads: u32,

    /// How many synchronous requests may wait for a free thread; past that they
    /// get 503 Server Too Busy (HTTP.sys's default queue length, 1000).
    #[arg(long, env = "QUEUE_LENGTH", default_value_t = 1000)]
    pub queue_length: u32,

    /// Most calls to the Web API at once [default: unlimited, as the sample set
    /// it]. 12 × the number of CPUs reproduces ASP.NET's autoConfig default.
    #[arg(long, env = "MAX_BACKEND_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_backend_connections: Option<u32>,

    /// Worker threads of the async server [default: one per CPU].
    #[arg(long, env = "WORKERS", value_parser = clap::value_parser!(u32).range(1..))]
    pub workers: Option<u32>,
}

impl AppSettings {
    /// Settings for tests: the given API, a small pool and queue.
    pub fn for_tests(webapi_url: &str, request_threads: u32, queue_length: u32) -> AppSettings {
        AppSettings {
            webapi_url: webapi_url.to_owned(),
            request_threads,
            queue_length,
            max_backend_connections: None,
            workers: Some(2),
        }
    }
}
