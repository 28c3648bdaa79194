//! Process-level tests of what an operator sees: start-up failures as one
//! sentence with a non-zero exit, and logs that suit a file or a collector.
//! They run the real binaries (`cargo test --workspace` builds them all).

use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A binary of the workspace, next to this test's own executable's folder.
fn binary(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop(); // deps/
    dir.pop(); // debug/ (or release/)
    let path = dir.join(name);
    assert!(path.exists(), "{} is missing: run `cargo build --workspace --bins` first", path.display());
    path
}

const SERVICES: [&str; 3] = ["webapi-pgw", "webapp-async", "mvc-async"];

/// Runs a binary that is expected to stop by itself (it failed to start),
/// killing it if it is still running after 20 s.
fn run_to_failure(command: &mut Command) -> Output {
    let mut child = command.env("RUST_LOG", "warn").stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{command:?} kept running: it should have refused to start");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The one line a failed start printed, after checking the exit code.
fn failure(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("Os {") && !stderr.contains("Custom {"), "{stderr}");
    stderr.trim_end().to_owned()
}

#[test]
fn a_port_in_use_is_one_sentence_naming_service_address_and_flag() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    for service in SERVICES {
        let output = run_to_failure(Command::new(binary(service)).args(["--port", &port.to_string()]));
        assert_eq!(
            failure(&output),
            format!(
                "{service}: cannot listen on 127.0.0.1:{port}: address already in use (change it with --port or PORT)"
            )
        );
    }
    // The launcher names its own flag for the service that could not listen.
    let output = run_to_failure(Command::new(env!("CARGO_BIN_EXE_async-aspnet")).args([
        "--api-port",
        "0",
        "--webapp-port",
        &port.to_string(),
        "--mvc-port",
        "0",
    ]));
    assert_eq!(
        failure(&output),
        format!(
            "webapp-async: cannot listen on 127.0.0.1:{port}: address already in use \
             (change it with --webapp-port or WEBAPP_PORT)"
        )
    );
}

#[test]
fn a_bad_web_api_url_is_one_sentence_naming_the_value_and_flag() {
    for service in ["webapp-async", "mvc-async"] {
        let output = run_to_failure(Command::new(binary(service)).args(["--port", "0"]).env("WEBAPI_URL", "ftp://x"));
        let message = failure(&output);
        assert!(message.starts_with(&format!("{service}: the Web API URL `ftp://x` is not usable: ")), "{message}");
        assert!(message.ends_with("(change it with --webapi-url or WEBAPI_URL)"), "{message}");
    }
}

#[test]
fn a_bind_host_that_does_not_resolve_is_a_usage_error_naming_the_flag() {
    let output = run_to_failure(Command::new(binary("webapi-pgw")).args(["--bind", "no-such-host.invalid"]));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--bind"), "{stderr}");
    assert!(stderr.contains("cannot resolve the host name `no-such-host.invalid`"), "{stderr}");
}

/// A service writing its log to a file, as `docker logs` or `> file` would.
struct Logged {
    child: Child,
    log: PathBuf,
}

impl Drop for Logged {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

/// Starts `service` on a free port with its stderr going to a file; `setup`
/// adds flags or environment.
fn start_logged(service: &str, setup: impl FnOnce(&mut Command) -> &mut Command) -> (Logged, u16) {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let log = std::env::temp_dir().join(format!("{service}-{port}-{}.log", std::process::id()));
    let mut command = Command::new(binary(service));
    command.args(["--port", &port.to_string()]).env("RUST_LOG", "info").env_remove("NO_COLOR");
    command.env_remove("LOG_FORMAT").env_remove("ACCESS_LOG").stderr(File::create(&log).unwrap());
    let child = setup(&mut command).spawn().unwrap();
    (Logged { child, log }, port)
}

/// The log so far, once it holds `wanted` (waits up to 20 s).
fn log_with(log: &Path, wanted: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains(wanted) {
            return text;
        }
        assert!(Instant::now() < deadline, "the log never said `{wanted}`:\n{text}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends `method path` and reads the whole answer (the connection is closed after it).
fn ask(port: u16, method: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn logs_written_to_a_file_have_no_colour_codes() {
    for service in SERVICES {
        let (logged, port) = start_logged(service, |c| c.env("WEBAPI_URL", "http://127.0.0.1:9/"));
        // The apps warn that the API is away: a WARN level, coloured on a terminal.
        let wanted = if service == "webapi-pgw" { "listening on" } else { "not reachable" };
        let text = log_with(&logged.log, wanted);
        assert!(text.contains(&format!("listening on http://127.0.0.1:{port}/")), "{text}");
        assert!(!text.contains('\x1b'), "{service} wrote escape codes into a file:\n{text:?}");
    }
}

#[test]
fn json_logs_are_one_object_per_line_and_the_access_log_has_a_line_per_request() {
    let (logged, port) = start_logged("webapi-pgw", |c| c.args(["--log-format", "json"]).env("ACCESS_LOG", "1"));
    log_with(&logged.log, "listening on");
    assert!(ask(port, "GET", "/healthz").starts_with("HTTP/1.1 200"));
    assert!(ask(port, "HEAD", "/api/products?delay=0").starts_with("HTTP/1.1 200"));
    let text = log_with(&logged.log, "/api/products?delay=0");

    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    assert!(lines.iter().all(|l| l["level"].is_string() && l["timestamp"].is_string()), "{text}");
    let access: Vec<_> = lines.iter().filter(|l| l["target"] == "access").collect();
    assert_eq!(access.len(), 2, "one line per request:\n{text}");
    assert_eq!(
        (&access[0]["method"], &access[0]["path"], &access[0]["status"]),
        (&"GET".into(), &"/healthz".into(), &200.into())
    );
    assert_eq!(access[1]["method"], "HEAD", "the method as the client sent it");
    assert_eq!(access[1]["path"], "/api/products?delay=0");
}

#[test]
fn without_the_flag_there_is_no_access_log() {
    let (logged, port) = start_logged("mvc-async", |c| c.env("WEBAPI_URL", "http://127.0.0.1:9/"));
    log_with(&logged.log, "not reachable");
    assert!(ask(port, "GET", "/metrics").starts_with("HTTP/1.1 200"));
    assert!(ask(port, "GET", "/NoSuchController").starts_with("HTTP/1.1 404"));
    // No waiting needed: an access line is written before its answer is sent.
    let text = std::fs::read_to_string(&logged.log).unwrap();
    assert!(!text.contains("/metrics") && !text.contains("/NoSuchController"), "{text}");
    assert!(!text.contains(" access: "), "{text}");
}

#[test]
fn binding_every_interface_names_a_url_a_browser_can_open() {
    let (logged, port) = start_logged("webapi-pgw", |c| c.args(["--bind", "0.0.0.0"]));
    let text = log_with(&logged.log, "listening on");
    assert!(text.contains(&format!("listening on http://127.0.0.1:{port}/")), "{text}");
    assert!(!text.contains("http://0.0.0.0"), "{text}");
    assert!(ask(port, "GET", "/healthz").starts_with("HTTP/1.1 200"));
}

#[test]
fn bind_accepts_a_host_name() {
    let (logged, port) = start_logged("webapp-async", |c| c.args(["--bind", "localhost"]));
    let text = log_with(&logged.log, "listening on");
    assert!(text.contains(&format!("listening on http://127.0.0.1:{port}/")), "{text}");
    assert!(ask(port, "GET", "/healthz").starts_with("HTTP/1.1 200"));
}
