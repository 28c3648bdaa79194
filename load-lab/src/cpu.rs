//! The CPU time of a process, from /proc: how scenario 7 splits a page's cost
//! between the load generator (this process), the app and the Web API, each
//! a process of its own.

use std::io;
use std::time::Duration;

/// The CPU time process `pid` has used so far (user + system, all its
/// threads), from /proc/`pid`/stat; this process is [`std::process::id`].
/// An error when the process is gone (or never was) or the file is not as
/// Linux writes it: a scenario then shows no figure rather than a wrong one.
pub fn cpu_time(pid: u32) -> io::Result<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let malformed = || io::Error::new(io::ErrorKind::InvalidData, format!("/proc/{pid}/stat: {stat:?}"));
    // The fields after the command name (which may hold spaces and parentheses) start after the last ") ".
    let (_, rest) = stat.rsplit_once(") ").ok_or_else(malformed)?;
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 here, in clock ticks.
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).ok_or_else(malformed);
    let per_second = rustix::param::clock_ticks_per_second().max(1);
    Ok(Duration::from_secs_f64((ticks(11)? + ticks(12)?) as f64 / per_second as f64))
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn our_own_cpu_time_grows_as_we_work() {
        let before = cpu_time(std::process::id()).unwrap();

        // Spin a little over two clock ticks (10 ms each at the usual 100 Hz).
        let started = Instant::now();
        let mut x = 0u64;
        while started.elapsed() < Duration::from_millis(50) {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
        let after = cpu_time(std::process::id()).unwrap();

        assert!(after > before, "{before:?} → {after:?}");
    }

    #[test]
    fn a_process_that_does_not_exist_is_an_error_not_a_panic() {
        // Above Linux's largest pid (2^22).
        let error = cpu_time(u32::MAX).unwrap_err();

        assert_eq!(error.kind(), io::ErrorKind::NotFound, "{error}");
    }
}
