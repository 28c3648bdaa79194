//! `healthcheck [PORT]`: exits 0 when the service on 127.0.0.1:PORT answers
//! `GET /healthz` with 200, 1 otherwise. For container health checks: the
//! images then need no curl. PORT defaults to the `PORT` environment variable.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: healthcheck [PORT]

Exits 0 when the service on 127.0.0.1:PORT answers GET /healthz with 200,
1 when it does not, 2 on a bad command line. PORT defaults to the PORT
environment variable. Made for container health checks (no curl needed).";

fn main() -> ExitCode {
    let argument = std::env::args().nth(1);
    if matches!(argument.as_deref(), Some("-h" | "--help")) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let port = argument.or_else(|| std::env::var("PORT").ok());
    let Some(port) = port.and_then(|p| p.parse::<u16>().ok()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match check(port) {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("unhealthy: {reason}");
            ExitCode::FAILURE
        }
    }
}

fn check(port: u16) -> Result<(), String> {
    let address = ([127, 0, 0, 1], port).into();
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(2)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).map_err(|e| e.to_string())?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).map_err(|e| e.to_string())?;
    let status_line = answer.lines().next().unwrap_or_default();
    if status_line.starts_with("HTTP/1.1 200") { Ok(()) } else { Err(format!("answered `{status_line}`")) }
}
