//! The binary's command line: help that names every setting, and clear refusals.

use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_webapi-pgw");

#[test]
fn help_names_every_flag_and_its_environment_variable() {
    let output = Command::new(BINARY).arg("--help").output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();

    assert!(output.status.success());
    for name in ["--port", "PORT", "--bind", "BIND", "--delay-min", "DELAY_MIN", "--delay-max", "DELAY_MAX"] {
        assert!(help.contains(name), "--help does not mention {name}:\n{help}");
    }
    for name in ["--max-delay", "MAX_DELAY", "--seed", "SEED", "--workers", "WORKERS", "[default: 7734]"] {
        assert!(help.contains(name), "--help does not mention {name}:\n{help}");
    }
    for name in [
        "--error-rate",
        "ERROR_RATE",
        "--error-status",
        "ERROR_STATUS",
        "--fault-rate",
        "FAULT_RATE",
        "--fault ",
        "env: FAULT=",
    ] {
        assert!(help.contains(name), "--help does not mention {name}:\n{help}");
    }
    for name in
        ["--delay-distribution", "DELAY_DISTRIBUTION", "--delay-median", "DELAY_MEDIAN", "--delay-sigma", "DELAY_SIGMA"]
    {
        assert!(help.contains(name), "--help does not mention {name}:\n{help}");
    }
}

#[test]
fn inconsistent_delays_exit_with_a_usage_error() {
    let output = Command::new(BINARY).args(["--delay-min", "5", "--delay-max", "2"]).output().unwrap();

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--delay-min (5) must not be larger than --delay-max (2)"), "{stderr}");
}

#[test]
fn environment_variables_configure_it_too() {
    let output = Command::new(BINARY).env("DELAY_MIN", "abc").output().unwrap();

    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("invalid value 'abc'"));
}

#[test]
fn zero_workers_exit_with_a_usage_error() {
    let output = Command::new(BINARY).args(["--workers", "0"]).output().unwrap();

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("invalid value '0' for '--workers <WORKERS>': must be at least 1"), "{stderr}");
}

/// A running binary, killed when the test ends (also when it fails).
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary on a free port with `envs`, and returns it with its address,
/// read from the start-up log (`webapi-pgw listening on http://…/`).
fn start_binary(args: &[&str], envs: &[(&str, &str)]) -> (Running, String) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(BINARY)
        .args(["--port", "0"])
        .args(args)
        .envs(envs.iter().copied())
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let child = Running(child);
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| Some(line.split("listening on http://").nth(1)?.split('/').next()?.to_owned()))
        .expect("the log names the address");
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, address)
}

/// One `GET` on a new connection, with `headers` (each ending in CRLF); the whole answer as text.
fn raw_get(address: &str, path: &str, headers: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n{headers}Connection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

/// The sample's gizmo dates were `DateTime.Now`, written by Json.NET with the
/// machine's offset; ours carry the offset of the server's `TZ`
/// (`Etc/GMT+7` is UTC−7 in POSIX's inverted sign).
#[test]
fn gizmo_dates_carry_the_offset_of_the_servers_time_zone() {
    let (_running, address) = start_binary(&[], &[("TZ", "Etc/GMT+7")]);

    let answer = raw_get(&address, "/api/gizmos?delay=0", "");
    let xml = raw_get(&address, "/api/gizmos/1?delay=0", "Accept: application/xml\r\n");

    let dates: Vec<&str> =
        answer.split(r#""IntroducedDate":""#).skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect();
    assert_eq!(dates.len(), 3, "{answer}");
    assert!(dates.iter().all(|d| d.ends_with("-07:00")), "{dates:?}");
    // The DataContractSerializer wrote the same text in XML.
    let date = xml.split("<IntroducedDate>").nth(1).and_then(|rest| rest.split("</IntroducedDate>").next());
    assert!(date.is_some_and(|d| d.ends_with("-07:00")), "{xml}");
}

#[test]
fn bad_failure_and_distribution_flags_are_clear_start_up_errors() {
    for (args, message) in [
        (&["--error-rate", "1.5"][..], "a rate is from 0 to 1, not 1.5"),
        (&["--fault-rate=-0.1"], "a rate is from 0 to 1, not -0.1"),
        (&["--error-rate", "often"], "`often` is not a number"),
        (&["--error-status", "200"], "200 is not in 400..=599"),
        (&["--fault", "explode"], "invalid value 'explode' for '--fault <FAULT>'"),
        (&["--delay-distribution", "normal"], "invalid value 'normal' for '--delay-distribution"),
        (&["--delay-sigma=-1"], "sigma is from 0 to 10, not -1"),
        (&["--delay-median", "soon"], "invalid value 'soon' for '--delay-median"),
    ] {
        let output = Command::new(BINARY).args(args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    let output = Command::new(BINARY).env("FAULT", "explode").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "the environment is checked too");
}

#[test]
fn the_start_up_log_says_what_failures_are_configured() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(BINARY)
        .args(["--port", "0", "--fault-rate", "0.1", "--fault", "hang", "--delay-distribution", "lognormal"])
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let _running = Running(child);

    let line = lines.map_while(Result::ok).find(|line| line.contains("delays and injected failures")).unwrap();

    for part in ["delay_distribution=Lognormal", "fault_rate=0.1", "fault=hang", "error_status=500", "delay_sigma=0.5"]
    {
        assert!(line.contains(part), "{part} in {line}");
    }
}
