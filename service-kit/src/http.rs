//! HTTP as clients expect it, for every route of every service: `HEAD`
//! wherever `GET` is served, and an access log line per request when asked.
//!
//! **HEAD.** RFC 9110 (§9.3.2) asks a server to answer `HEAD` wherever it
//! answers `GET`, with the same status and headers and no body; monitors and
//! load balancers rely on it. actix-web routes `HEAD` only where a route says
//! so, and every route here says `web::get()`. Rather than doubling each route,
//! [`conventions`] turns a `HEAD` request into a `GET` before routing (noting
//! it, see [`is_head`]), so it takes the very path `GET` takes. The body is
//! dropped by actix-http itself: its HTTP/1 codec remembers that the request
//! was `HEAD` when it parsed it, and then writes the status and headers, with
//! the `Content-Length` the body would have had, and no body.
//!
//! **Access log.** One `INFO` event per request on the `access` target:
//! method, path, status and time taken. Off unless `--access-log` (see
//! [`crate::telemetry`]): the filter then disables the target, and a disabled
//! target costs one cached check per request.

use std::time::Instant;

use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;

/// The `tracing` target of the access log's events.
pub const ACCESS_TARGET: &str = "access";

/// Marks a request that came as `HEAD` and is served as `GET`.
#[derive(Debug, Clone, Copy)]
struct CameAsHead;

/// What [`conventions`] answers with: the routed request's own future, as
/// actix-web's `Next` boxes it.
pub type Answer<B> = LocalBoxFuture<'static, Result<ServiceResponse<B>, Error>>;

/// Middleware for an `App` (`.wrap(from_fn(service_kit::http::conventions))`):
/// serves `HEAD` through the `GET` routes, and logs each request when the
/// access log is on.
pub fn conventions<B: 'static>(request: ServiceRequest, next: Next<B>) -> Answer<B> {
    conventions_with(request, next, |_| Ok(()))
}

/// [`conventions`] with a step of the service's own: `prepare` sees each
/// request (a `HEAD` already turned into `GET`) before routing, may change it,
/// and its `Err` is the answer, logged like any other. For a service that
/// would otherwise add a middleware of its own: every layer of actix
/// middleware costs a boxed future per request, held for as long as the
/// request runs.
///
/// Not an `async fn`: the future of the outermost middleware is kept inside
/// each connection's task for its whole life, and an `async fn` here was 280
/// bytes of it (its arguments twice, the log line's fields). With the access
/// log off, the answer is routing's own boxed future, handed on as it is.
pub fn conventions_with<B: 'static>(
    mut request: ServiceRequest,
    next: Next<B>,
    prepare: impl FnOnce(&mut ServiceRequest) -> Result<(), Error>,
) -> Answer<B> {
    let head = request.method() == Method::HEAD;
    if head {
        request.head_mut().method = Method::GET;
        request.extensions_mut().insert(CameAsHead);
    }
    if !tracing::enabled!(target: ACCESS_TARGET, tracing::Level::INFO) {
        return match prepare(&mut request) {
            Ok(()) => next.call(request),
            Err(error) => Box::pin(std::future::ready(Err(error))),
        };
    }
    let started = Instant::now();
    let method = if head { Method::HEAD } else { request.method().clone() };
    let path = request.uri().path_and_query().map_or_else(|| request.path().to_owned(), |p| p.as_str().to_owned());
    let answer = prepare(&mut request).map(|()| next.call(request));
    Box::pin(async move {
        let result = match answer {
            Ok(answer) => answer.await,
            Err(error) => Err(error),
        };
        let status = match &result {
            Ok(response) => response.status(),
            Err(error) => error.as_response_error().status_code(),
        };
        tracing::info!(
            target: ACCESS_TARGET,
            %method,
            path,
            status = status.as_u16(),
            ms = format_args!("{:.1}", started.elapsed().as_secs_f64() * 1000.0),
            "request"
        );
        result
    })
}

/// Whether `request` came as `HEAD` (and is being served as `GET`): for a
/// handler that can skip work only the body needs.
pub fn is_head(request: &HttpRequest) -> bool {
    request.extensions().contains::<CameAsHead>()
}

/// Frees a request's parsed headers, for a route that has read all it needs
/// from them and will hold the request while it waits.
///
/// actix-http parses each request head into a `HeaderMap` made with room for
/// 16 headers, about 7 KB whatever the request sent, and a handler keeps its
/// request until it answers: a call or a page waiting on something held those
/// 7 KB for the whole wait. An empty map allocates nothing. Call it before
/// routing hands the request on (`headers_mut` needs a request nobody else
/// holds yet), on a request whose handler reads no header and no body (a body
/// is read through `Content-Type` and `Content-Length`).
pub fn drop_headers(request: &mut ServiceRequest) {
    *request.headers_mut() = actix_web::http::header::HeaderMap::new();
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpResponse, HttpServer, web};

    use super::*;

    async fn page(request: HttpRequest) -> HttpResponse {
        HttpResponse::Ok()
            .content_type("text/plain")
            .insert_header(("x-saw-head", is_head(&request).to_string()))
            .body("twelve bytes")
    }

    /// Sends `request` on a new connection and reads until the server closes.
    fn raw(address: std::net::SocketAddr, request: &str) -> String {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[actix_web::test]
    async fn head_takes_the_get_route_and_gets_its_headers_without_the_body() {
        let server = HttpServer::new(|| App::new().wrap(from_fn(conventions)).route("/page", web::get().to(page)))
            .workers(1)
            .bind(("127.0.0.1", 0))
            .unwrap();
        let address = server.addrs()[0];
        let server = server.run();
        let handle = server.handle();
        let running = actix_web::rt::spawn(server);

        let ask = |method: &'static str| {
            actix_web::rt::task::spawn_blocking(move || {
                raw(address, &format!("{method} /page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
            })
        };
        let (get, head) = (ask("GET").await.unwrap(), ask("HEAD").await.unwrap());
        assert!(get.starts_with("HTTP/1.1 200 OK\r\n"), "{get}");
        assert!(get.contains("content-length: 12\r\n") && get.ends_with("\r\n\r\ntwelve bytes"), "{get}");
        assert!(get.contains("x-saw-head: false"), "{get}");
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("content-length: 12\r\n"), "HEAD has GET's length: {head}");
        assert!(head.contains("content-type: text/plain\r\n"), "{head}");
        assert!(head.contains("x-saw-head: true"), "the handler can tell: {head}");
        assert!(head.ends_with("\r\n\r\n"), "no body after the headers: {head:?}");

        handle.stop(true).await;
        running.await.unwrap().unwrap();
    }
}
