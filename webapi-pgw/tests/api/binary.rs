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
