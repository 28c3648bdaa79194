//! Failures on demand: `?status=`, `?fault=`, and the rates for every call.

use std::error::Error as _;
use std::time::{Duration, Instant};

use webapi_pgw::delay::Distribution;
use webapi_pgw::faults::Fault;
use webapi_pgw::metrics::Outcome;
use webapi_pgw::{ApiSettings, Config};

use crate::helpers::{eventually, problem, spawn_app, spawn_app_with};

/// The kinds of I/O error in `error`'s chain of sources.
fn io_kinds(error: &reqwest::Error) -> Vec<std::io::ErrorKind> {
    let mut kinds = Vec::new();
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            kinds.push(io.kind());
        }
        source = cause.source();
    }
    kinds
}

fn timing(response: &reqwest::Response) -> String {
    response.headers()["server-timing"].to_str().unwrap().to_owned()
}

#[actix_web::test]
async fn status_answers_that_status_after_the_delay_as_a_problem() {
    let app = spawn_app(100);
    let started = Instant::now();

    let response = app.get("/api/gizmos?status=503").await;

    assert!(started.elapsed() >= Duration::from_millis(100), "after the delay");
    assert_eq!(response.status(), 503);
    assert!(timing(&response).ends_with(r#"injected;desc="status 503""#), "{}", timing(&response));
    assert_eq!(problem(response).await["detail"], "status 503 injected on request");
    assert_eq!(app.metrics.requests("gizmos", Outcome::InjectedStatus), 1);
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains(r#"webapi_requests_total{controller="gizmos",outcome="injected_status"} 1"#), "{metrics}");
}

#[actix_web::test]
async fn success_statuses_keep_the_data_and_bodiless_ones_have_none() {
    let app = spawn_app(0);

    let created = app.get("/api/products/1?status=201").await;
    assert_eq!(created.status(), 201);
    assert_eq!(created.text().await.unwrap(), r#"{"Id":1,"Name":"Product 1","Price":1.99}"#);

    let no_content = app.get("/api/products?status=204").await;
    assert_eq!(no_content.status(), 204);
    assert_eq!(no_content.text().await.unwrap(), "");
}

#[actix_web::test]
async fn bad_status_and_fault_values_are_400s_naming_the_accepted_ones() {
    let app = spawn_app(0);
    for query in ["status=99", "status=600", "status=abc", "status=", "status=1xx"] {
        let response = app.get(&format!("/api/widgets?{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        let detail = problem(response).await["detail"].as_str().unwrap().to_owned();
        assert!(detail.starts_with("`status` must be a whole number from 200 to 599"), "{query}: {detail}");
    }
    let response = app.get("/api/widgets?fault=explode").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        problem(response).await["detail"],
        "`fault` must be one of reset, empty, malformed or hang, not `explode`"
    );
    let response = app.get("/api/widgets?fault=reset&status=500").await;
    assert_eq!(problem(response).await["detail"], "give `status` or `fault`, not both");
    assert_eq!(app.metrics.requests("widgets", Outcome::Error), 7);
}

#[actix_web::test]
async fn reset_resets_the_connection_after_the_delay() {
    let app = spawn_app(50);
    let started = Instant::now();

    let error = app.client.get(format!("{}/api/products?fault=reset", app.address)).send().await.unwrap_err();

    assert!(started.elapsed() >= Duration::from_millis(50), "after the delay");
    assert!(io_kinds(&error).contains(&std::io::ErrorKind::ConnectionReset), "{error:?}");
    assert_eq!(app.metrics.faults(Fault::Reset), 1);
    assert_eq!(app.metrics.requests("products", Outcome::Fault), 1);
}

#[actix_web::test]
async fn empty_closes_the_connection_without_an_answer() {
    let app = spawn_app(50);

    let error = app.client.get(format!("{}/api/products?fault=empty", app.address)).send().await.unwrap_err();

    assert!(error.is_request() && !error.is_timeout(), "{error:?}");
    assert!(!io_kinds(&error).contains(&std::io::ErrorKind::ConnectionReset), "closed, not reset: {error:?}");
    assert!(format!("{error:?}").contains("IncompleteMessage"), "no answer at all: {error:?}");
    assert_eq!(app.metrics.faults(Fault::Empty), 1);
}

#[actix_web::test]
async fn malformed_answers_200_with_half_the_json() {
    let app = spawn_app(0);
    let whole = app.get("/api/products").await.text().await.unwrap();

    let response = app.get("/api/products?fault=malformed").await;

    assert_eq!(response.status(), 200);
    assert!(timing(&response).ends_with(r#"injected;desc="fault malformed""#));
    let body = response.text().await.unwrap();
    assert_eq!(body, whole[..whole.len() / 2]);
    assert!(serde_json::from_str::<serde_json::Value>(&body).is_err());
    assert_eq!(app.metrics.faults(Fault::Malformed), 1);
}

#[actix_web::test]
async fn hang_never_answers_and_counts_a_caller_who_gives_up_as_cancelled() {
    let app = spawn_app(0);
    let impatient = reqwest::Client::builder().timeout(Duration::from_millis(200)).build().unwrap();

    let error = impatient.get(format!("{}/api/gizmos?fault=hang", app.address)).send().await.unwrap_err();

    assert!(error.is_timeout(), "{error:?}");
    eventually(Duration::from_secs(1), "the API counts the hang cancelled", || {
        app.metrics.requests("gizmos", Outcome::Cancelled) == 1
    })
    .await;
    assert_eq!(app.metrics.faults(Fault::Hang), 1);
    assert_eq!(app.metrics.in_flight(), 0);
}

#[actix_web::test]
async fn hang_closes_the_connection_once_max_delay_has_passed() {
    let app = spawn_app_with(Config {
        api: ApiSettings { max_delay: 300, ..Config::for_tests(0).api },
        ..Config::for_tests(0)
    });
    let started = Instant::now();

    let error = app.client.get(format!("{}/api/gizmos?fault=hang", app.address)).send().await.unwrap_err();

    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(300) && waited < Duration::from_secs(5), "{waited:?}");
    assert!(!error.is_timeout() && format!("{error:?}").contains("IncompleteMessage"), "{error:?}");
    assert_eq!(app.metrics.requests("gizmos", Outcome::Fault), 1);
}

#[actix_web::test]
async fn error_rate_answers_error_status_to_every_call_at_one() {
    let app = spawn_app_with(Config {
        api: ApiSettings { error_rate: 1.0, error_status: 502, ..Config::for_tests(0).api },
        ..Config::for_tests(0)
    });

    for path in ["/api/products", "/api/widgets/1", "/api/gizmos"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 502, "{path}");
        assert!(timing(&response).ends_with(r#"injected;desc="status 502""#));
    }
    // A call's own choice wins over the rate.
    assert_eq!(app.get("/api/products?status=200").await.status(), 200);
}

#[actix_web::test]
async fn fault_rate_breaks_every_call_at_one_with_the_configured_fault() {
    let app = spawn_app_with(Config {
        api: ApiSettings { fault_rate: 1.0, fault: Fault::Malformed, ..Config::for_tests(0).api },
        ..Config::for_tests(0)
    });

    let body = app.get("/api/widgets").await.text().await.unwrap();

    assert_eq!(body, r#"[{"Id":1,"Name":"Widget 1","Price":1.88}"#, "half of the 81 bytes");
    assert_eq!(app.metrics.faults(Fault::Malformed), 1);
}

#[actix_web::test]
async fn rates_draw_a_share_of_calls_reproducibly_with_a_seed() {
    let config = Config {
        api: ApiSettings { error_rate: 0.5, seed: Some(9), ..Config::for_tests(0).api },
        ..Config::for_tests(0)
    };
    let mut runs = Vec::new();
    for _ in 0..2 {
        let app = spawn_app_with(config.clone());
        let mut statuses = Vec::new();
        for _ in 0..40 {
            statuses.push(app.get("/api/products").await.status().as_u16());
        }
        runs.push(statuses);
    }

    let errors = runs[0].iter().filter(|&&s| s == 500).count();
    assert!((8..=32).contains(&errors), "about half of 40 fail: {errors}");
    assert!(runs[0].iter().all(|&s| s == 200 || s == 500));
    assert_eq!(runs[0], runs[1], "the same seed, the same sequence");
}

#[actix_web::test]
async fn lognormal_delays_vary_around_the_median_within_max_delay() {
    let config = Config {
        api: ApiSettings {
            delay_distribution: Distribution::Lognormal,
            delay_median: 20,
            delay_sigma: 1.0,
            max_delay: 60,
            ..Config::for_tests(0).api
        },
        ..Config::for_tests(0)
    };
    let app = spawn_app_with(config);

    let mut planned = Vec::new();
    for _ in 0..30 {
        let header = timing(&app.get("/api/products").await);
        let ms: u64 = header
            .trim_start_matches("planned;desc=\"planned delay\";dur=")
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        planned.push(ms);
    }

    assert!(planned.iter().all(|&ms| ms <= 60), "capped at --max-delay: {planned:?}");
    assert!(planned.iter().any(|&ms| ms < 20) && planned.iter().any(|&ms| ms > 20), "{planned:?}");
}

#[actix_web::test]
async fn the_index_says_what_is_configured() {
    let app = spawn_app_with(Config {
        api: ApiSettings { fault_rate: 0.25, fault: Fault::Hang, ..Config::for_tests(0).api },
        ..Config::for_tests(0)
    });

    let index: serde_json::Value = app.get("/").await.json().await.unwrap();

    assert_eq!(index["failures"]["fault_rate"], 0.25);
    assert_eq!(index["failures"]["fault"], "hang");
    assert_eq!(index["failures"]["error_status"], 500);
    assert_eq!(index["delay"]["distribution"], "uniform");
    assert!(index["query"]["fault"].as_str().unwrap().contains("reset, empty, malformed or hang"));
}

#[actix_web::test]
async fn metrics_count_faults_by_kind() {
    let app = spawn_app(0);
    let _ = app.get("/api/products?fault=malformed").await;
    let _ = app.client.get(format!("{}/api/products?fault=reset", app.address)).send().await;

    let metrics = app.get("/metrics").await.text().await.unwrap();

    assert!(metrics.contains(r#"webapi_faults_total{fault="malformed"} 1"#), "{metrics}");
    assert!(metrics.contains(r#"webapi_faults_total{fault="reset"} 1"#), "{metrics}");
    assert!(metrics.contains(r#"webapi_requests_total{controller="products",outcome="fault"} 2"#), "{metrics}");
}
