//! A second floor for the benchmark, one layer further down: `GET
//! /api/products` served by an actix-http service of its own, under no
//! actix-web `App` (no routing table, no service layers, no `HttpRequest`,
//! no extractors). What is left is actix-http's HTTP/1 and the runtime.
//! `bench/webapi-vs-nginx.sh` runs it beside `bare_actix.rs` and webapi-pgw:
//! the difference between the two floors is what actix-web's own layers cost
//! per call, and so what serving the API below them would save (README,
//! "Benchmark"). On the services' allocator, jemalloc.
//!
//! Usage: `bare_actix_http <port> <delay-ms>`.

use std::convert::Infallible;
use std::time::Duration;

use actix_http::{HttpService, Request, Response, StatusCode, header};
use actix_server::Server;

service_kit::use_jemalloc!();

const PRODUCTS: &str = r#"[{"Id":1,"Name":"Product 1","Price":1.99},{"Id":2,"Name":"Product 2","Price":2.99}]"#;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|a| a.parse().ok()).unwrap_or(18084);
    let delay = Duration::from_millis(args.next().and_then(|a| a.parse().ok()).unwrap_or(500));
    Server::build()
        .bind("bare-actix-http", ("127.0.0.1", port), move || {
            HttpService::build()
                .finish(move |request: Request| async move {
                    if request.path() != "/api/products" {
                        return Ok::<_, Infallible>(Response::build(StatusCode::NOT_FOUND).body(""));
                    }
                    tokio::time::sleep(delay).await;
                    let mut response = Response::build(StatusCode::OK);
                    response.insert_header((header::CONTENT_TYPE, "application/json; charset=utf-8"));
                    Ok(response.body(PRODUCTS))
                })
                .tcp()
        })?
        .workers(2)
        .backlog(16_384)
        .max_concurrent_connections(100_000)
        .run()
        .await
}
