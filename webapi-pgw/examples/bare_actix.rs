//! The floor for the benchmark: the smallest actix-web server that does what
//! webapi-pgw's hot path does (wait a fixed delay, answer the products JSON),
//! with none of its features: no random delays, no hang-up detection, no
//! metrics, no limits. `bench/webapi-vs-nginx.sh` runs it beside webapi-pgw and
//! nginx, so the cost of those features, and the cost of actix-web itself, can
//! be read off one table. It runs on the services' allocator (jemalloc), so that
//! the difference is the features', not the allocators'.
//!
//! Usage: `bare_actix <port> <delay-ms>`.

use std::time::Duration;

use actix_web::{App, HttpResponse, HttpServer, web};

service_kit::use_jemalloc!();

const PRODUCTS: &str = r#"[{"Id":1,"Name":"Product 1","Price":1.99},{"Id":2,"Name":"Product 2","Price":2.99}]"#;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|a| a.parse().ok()).unwrap_or(18083);
    let delay = Duration::from_millis(args.next().and_then(|a| a.parse().ok()).unwrap_or(500));
    HttpServer::new(move || {
        App::new().route(
            "/api/products",
            web::get().to(move || async move {
                tokio::time::sleep(delay).await;
                HttpResponse::Ok().content_type("application/json; charset=utf-8").body(PRODUCTS)
            }),
        )
    })
    .workers(2)
    .backlog(16_384)
    .max_connections(100_000)
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
