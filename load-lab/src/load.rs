//! The load generator and its summaries.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use hdrhistogram::Histogram;
use indicatif::{ProgressBar, ProgressStyle};

/// One request of a load: when it started (from the start of the load), how
/// long it took, and its HTTP status (0 when no answer came).
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// When it started, from the start of the load.
    pub start: Duration,
    /// How long it took to answer.
    pub latency: Duration,
    /// The HTTP status; 0 for a transport error.
    pub status: u16,
}

/// All the samples of one load, and how long it took in all.
#[derive(Debug, Clone)]
pub struct Load {
    /// Each request.
    pub samples: Vec<Sample>,
    /// From the first request's start to the last answer.
    pub wall: Duration,
}

/// A client for loads: no connection limit, generous timeouts.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(usize::MAX)
        .timeout(Duration::from_secs(120))
        .no_proxy()
        .build()
        .expect("a plain HTTP client builds")
}

fn progress(label: &str, total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("  {msg:<44} [{bar:30}] {pos}/{len} {elapsed}").expect("a valid template"),
    );
    bar.set_message(label.to_owned());
    bar
}

async fn one(client: &reqwest::Client, url: &str, origin: Instant) -> Sample {
    let started = Instant::now();
    let status = match client.get(url).send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            // Read the whole page: the request is done when its body is.
            match response.bytes().await {
                Ok(_) => status,
                Err(_) => 0,
            }
        }
        Err(_) => 0,
    };
    Sample { start: started - origin, latency: started.elapsed(), status }
}

/// `requests` GETs of `url`, at most `concurrency` at once (all at once when
/// they are equal: a burst).
pub async fn burst(client: &reqwest::Client, label: &str, url: &str, requests: usize, concurrency: usize) -> Load {
    let bar = progress(label, requests as u64);
    let origin = Instant::now();
    let samples: Vec<Sample> = futures_util::stream::iter(0..requests)
        .map(|_| async {
            let sample = one(client, url, origin).await;
            bar.inc(1);
            sample
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    bar.finish();
    Load { samples, wall: origin.elapsed() }
}

/// Closed-loop load: `users` virtual users each load `url` again and again,
/// one at a time, for `duration`.
pub async fn sustained(client: &reqwest::Client, label: &str, url: &str, users: usize, duration: Duration) -> Load {
    let bar = progress(label, duration.as_secs().max(1));
    let origin = Instant::now();
    let ticker = async {
        while origin.elapsed() < duration {
            tokio::time::sleep(Duration::from_millis(200)).await;
            bar.set_position(origin.elapsed().as_secs());
        }
    };
    let user = || async {
        let mut samples = Vec::new();
        while origin.elapsed() < duration {
            samples.push(one(client, url, origin).await);
        }
        samples
    };
    let (all, ()) = tokio::join!(futures_util::future::join_all((0..users).map(|_| user())), ticker);
    bar.finish();
    Load { samples: all.into_iter().flatten().collect(), wall: origin.elapsed() }
}

/// What a load came to: counts, throughput and latency percentiles (ms).
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// Requests made.
    pub count: usize,
    /// Answered 200.
    pub ok: usize,
    /// Answered 503.
    pub too_busy: usize,
    /// Answered 504.
    pub timed_out: usize,
    /// No answer, or another status.
    pub other: usize,
    /// 200 answers per second of wall time.
    pub throughput: f64,
    /// Latency percentiles of the samples summarised, in ms.
    pub p50: f64,
    /// 95th percentile, ms.
    pub p95: f64,
    /// 99th percentile, ms.
    pub p99: f64,
    /// Slowest, ms.
    pub max: f64,
}

impl Load {
    /// The summary of every sample.
    pub fn summary(&self) -> Summary {
        self.summary_of(|_| true)
    }

    /// The latency at quantile `q` (0.999 for p99.9) of every sample, in ms.
    pub fn percentile_ms(&self, q: f64) -> f64 {
        let mut latencies: Vec<Duration> = self.samples.iter().map(|s| s.latency).collect();
        latencies.sort();
        let index = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len().max(1)) - 1;
        latencies.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }

    /// The summary of the samples `keep` accepts (counts cover all samples).
    pub fn summary_of(&self, keep: impl Fn(&Sample) -> bool) -> Summary {
        // Microseconds from 1 µs to an hour, 3 significant digits.
        let mut histogram = Histogram::<u64>::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds");
        for sample in self.samples.iter().filter(|s| keep(s)) {
            histogram.saturating_record(sample.latency.as_micros().max(1) as u64);
        }
        let count_of = |status: u16| self.samples.iter().filter(|s| s.status == status).count();
        let (ok, too_busy, timed_out) = (count_of(200), count_of(503), count_of(504));
        let ms = |q: f64| if histogram.is_empty() { 0.0 } else { histogram.value_at_quantile(q) as f64 / 1000.0 };
        Summary {
            count: self.samples.len(),
            ok,
            too_busy,
            timed_out,
            other: self.samples.len() - ok - too_busy - timed_out,
            throughput: ok as f64 / self.wall.as_secs_f64().max(1e-9),
            p50: ms(0.50),
            p95: ms(0.95),
            p99: ms(0.99),
            max: if histogram.is_empty() { 0.0 } else { histogram.max() as f64 / 1000.0 },
        }
    }
}

/// Raises this process's open-file limit to its hard limit: a load of a
/// thousand connections needs several thousand descriptors here (client,
/// app and API sides all live in this process).
pub fn raise_file_limit() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    limit.current = limit.maximum;
    if let Err(error) = setrlimit(Resource::Nofile, limit) {
        eprintln!("note: cannot raise the open-file limit: {error}");
    }
}
