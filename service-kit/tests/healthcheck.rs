//! The `healthcheck` probe as a container runs it.

use std::net::TcpListener;
use std::process::Command;

const PROBE: &str = env!("CARGO_BIN_EXE_healthcheck");

#[test]
fn help_exits_0_with_the_usage() {
    for flag in ["--help", "-h"] {
        let output = Command::new(PROBE).arg(flag).output().unwrap();
        assert!(output.status.success(), "{flag}: {:?}", output.status);
        let usage = String::from_utf8(output.stdout).unwrap();
        assert!(usage.starts_with("usage: healthcheck [PORT]") && usage.contains("/healthz"), "{usage}");
    }
}

#[test]
fn a_bad_port_is_a_usage_error_and_a_silent_one_is_unhealthy() {
    let output = Command::new(PROBE).arg("http").env_remove("PORT").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().starts_with("usage: healthcheck"));

    // A port that accepts nothing: bound, then freed.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let output = Command::new(PROBE).arg(port.to_string()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr).unwrap().starts_with("unhealthy: "));
}
