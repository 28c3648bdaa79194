//! How long each call waits before it answers.

use std::sync::Mutex;
use std::time::Duration;

use crate::problem::Problem;

/// How delays are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Distribution {
    /// Uniform in [--delay-min, --delay-max): the sample's.
    Uniform,
    /// Lognormal around --delay-median with --delay-sigma, as WireMock's, capped
    /// at --max-delay: most calls near the median, a long tail of slow ones.
    Lognormal,
}

/// The delay plan: uniform in [min, max), or fixed when min = max, or lognormal,
/// with a per-request override bounded by `max_override`.
#[derive(Debug)]
pub struct DelayPlan {
    min_ms: u64,
    max_ms: u64,
    max_override_ms: u64,
    /// `Some((median ms, sigma))` for lognormal draws.
    lognormal: Option<(f64, f64)>,
    /// One generator for the whole API, so a seed gives one reproducible sequence.
    /// A std mutex: it is held for a few nanoseconds and never across an await.
    rng: Mutex<fastrand::Rng>,
}

impl DelayPlan {
    /// A plan drawing from [min_ms, max_ms); `seed` makes the draws reproducible.
    pub fn new(min_ms: u64, max_ms: u64, max_override_ms: u64, seed: Option<u64>) -> DelayPlan {
        let rng = seed.map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed);
        DelayPlan { min_ms, max_ms, max_override_ms, lognormal: None, rng: Mutex::new(rng) }
    }

    /// The same plan drawing lognormal delays instead: `median_ms · e^(sigma · Z)`
    /// for a standard normal Z (WireMock's `median` and `sigma`), capped at the
    /// largest override (--max-delay).
    pub fn lognormal(self, median_ms: u64, sigma: f64) -> DelayPlan {
        DelayPlan { lognormal: Some((median_ms as f64, sigma)), ..self }
    }

    /// The plan in words, for the index at `/`.
    pub fn describe(&self) -> serde_json::Value {
        match self.lognormal {
            Some((median, sigma)) => serde_json::json!({
                "distribution": "lognormal", "median_ms": median, "sigma": sigma, "max_ms": self.max_override_ms,
            }),
            None => serde_json::json!({
                "distribution": "uniform", "min_ms": self.min_ms, "max_ms": self.max_ms,
                "max_requested_ms": self.max_override_ms,
            }),
        }
    }

    /// The largest delay a call may wait (--max-delay).
    pub fn max_delay(&self) -> Duration {
        Duration::from_millis(self.max_override_ms)
    }

    /// The delay for one call: the caller's `?delay=` if given and valid, else a draw.
    pub fn pick(&self, requested: Option<&str>) -> Result<Duration, Problem> {
        match requested {
            Some(text) => self.parse_override(text).map(Duration::from_millis),
            None => Ok(Duration::from_millis(self.draw())),
        }
    }

    /// A random number from the shared generator, for the data (gizmo quantities).
    pub fn with_rng<T>(&self, f: impl FnOnce(&mut fastrand::Rng) -> T) -> T {
        f(&mut self.rng.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    fn draw(&self) -> u64 {
        if let Some((median, sigma)) = self.lognormal {
            let z = self.with_rng(standard_normal);
            // `as` saturates: an infinite draw becomes u64::MAX, then the cap.
            return ((median * (sigma * z).exp()).round() as u64).min(self.max_override_ms);
        }
        if self.min_ms >= self.max_ms {
            return self.min_ms;
        }
        self.with_rng(|rng| rng.u64(self.min_ms..self.max_ms))
    }

    fn parse_override(&self, text: &str) -> Result<u64, Problem> {
        let ms: u64 = text.trim().parse().map_err(|_| {
            Problem::bad_request(format!("`delay` must be a whole number of milliseconds, not `{text}`"))
        })?;
        if ms > self.max_override_ms {
            return Err(Problem::bad_request(format!(
                "`delay` must be at most {} ms (--max-delay), not {ms}",
                self.max_override_ms
            )));
        }
        Ok(ms)
    }
}

/// A standard normal draw from two uniform ones (the Box–Muller transform).
fn standard_normal(rng: &mut fastrand::Rng) -> f64 {
    // 1 - [0, 1) is (0, 1]: the logarithm stays finite.
    let u1 = 1.0 - rng.f64();
    let u2 = rng.f64();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_stay_in_the_half_open_range_and_cover_it() {
        let plan = DelayPlan::new(500, 510, 60_000, Some(3));
        let draws: Vec<u64> = (0..2_000).map(|_| plan.pick(None).unwrap().as_millis() as u64).collect();
        assert!(draws.iter().all(|d| (500..510).contains(d)));
        assert!(draws.contains(&500) && draws.contains(&509), "both ends of the range are drawn");
    }

    #[test]
    fn equal_bounds_give_a_fixed_delay() {
        let plan = DelayPlan::new(250, 250, 60_000, None);
        assert!((0..100).all(|_| plan.pick(None).unwrap() == Duration::from_millis(250)));
    }

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let a = DelayPlan::new(0, 1_000_000, 60_000, Some(42));
        let b = DelayPlan::new(0, 1_000_000, 60_000, Some(42));
        let draw = |p: &DelayPlan| (0..20).map(|_| p.pick(None).unwrap()).collect::<Vec<_>>();
        assert_eq!(draw(&a), draw(&b));
    }

    #[test]
    fn lognormal_draws_centre_on_the_median_with_the_sigmas_spread_and_the_cap() {
        let plan = DelayPlan::new(500, 1500, 10_000, Some(7)).lognormal(500, 0.5);
        let mut draws: Vec<u64> = (0..20_001).map(|_| plan.pick(None).unwrap().as_millis() as u64).collect();
        draws.sort_unstable();
        let at = |q: f64| draws[(q * 20_000.0) as usize] as f64;
        // Median e^mu = 500; the 84th percentile is one sigma up: 500 e^0.5 ≈ 824.
        assert!((470.0..530.0).contains(&at(0.5)), "median {}", at(0.5));
        assert!((770.0..880.0).contains(&at(0.8413)), "84th percentile {}", at(0.8413));
        assert!(draws[0] < 250, "a long tail both ways: lowest {}", draws[0]);

        let capped = DelayPlan::new(500, 1500, 600, Some(7)).lognormal(500, 2.0);
        let most = (0..2_000).map(|_| capped.pick(None).unwrap()).max().unwrap();
        assert_eq!(most, Duration::from_millis(600), "capped at --max-delay");
    }

    #[test]
    fn overrides_are_validated_not_clamped() {
        let plan = DelayPlan::new(500, 1500, 2_000, None);
        assert_eq!(plan.pick(Some("0")).unwrap(), Duration::ZERO);
        assert_eq!(plan.pick(Some("2000")).unwrap(), Duration::from_millis(2000));
        for bad in ["2001", "-1", "1.5", "abc", "", "99999999999999999999999"] {
            let problem = plan.pick(Some(bad)).unwrap_err();
            assert_eq!(problem.status.as_u16(), 400, "delay={bad}");
        }
        assert!(plan.pick(Some("2001")).unwrap_err().detail.contains("at most 2000 ms"));
    }
}
