//! Releasing the request's headers before the delay: most of what a waiting
//! call would otherwise hold in memory.
//!
//! actix-http parses each request head into a `HeaderMap` made with room for 16
//! headers: about 7 KB, whatever the request sent. The handler keeps the request
//! for its whole delay (it answers on it), so at 10,000 waiting calls those maps
//! were ~70 MB of the API's ~195 MB peak. By the time an API handler runs, the
//! headers have been used: `bound_requests` has checked their size, routing has
//! matched the path, the connection's keep-alive state was taken from them when
//! the head was parsed. The handlers read only the path, the query string and
//! the connection's data. So the API's routes drop the map at the door, and the
//! peak falls to ~140 MB (README, "Speed and memory").
//!
//! Only the API's routes do this: `/`, `/healthz` and `/metrics` keep theirs.
//! The one thing an API handler learns from a header, the media type `Accept`
//! asks for, is negotiated here first and left in the request's extensions:
//! one middleware, not two, because each layer of actix middleware costs a
//! boxed future and a dynamic call per request (README, "Benchmark").

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::HeaderMap;
use actix_web::middleware::Next;

use crate::conneg;

/// Middleware for a route whose handler reads no request header: negotiates
/// the answer's media type, frees the parsed headers, then calls the handler.
pub async fn release_headers(
    mut request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    conneg::remember(&request, conneg::negotiate(&request));
    // Replacing the map frees its table; an empty `HeaderMap` allocates nothing.
    // (Routing matched this request on a `ServiceRequest` nobody else holds,
    // which is also what `headers_mut` needs.)
    *request.headers_mut() = HeaderMap::new();
    next.call(request).await
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpRequest, HttpResponse, test, web};

    use super::release_headers;

    async fn count_headers(request: HttpRequest) -> HttpResponse {
        HttpResponse::Ok().body(request.headers().len().to_string())
    }

    #[actix_web::test]
    async fn the_handler_sees_no_headers_and_the_answer_is_whole() {
        let app = test::init_service(
            App::new()
                .service(web::resource("/released").wrap(from_fn(release_headers)).to(count_headers))
                .service(web::resource("/kept").to(count_headers)),
        )
        .await;
        let with_headers = || {
            test::TestRequest::get()
                .insert_header(("user-agent", "test"))
                .insert_header(("accept", "application/json"))
                .insert_header(("x-trace", "1"))
        };
        let kept = test::call_and_read_body(&app, with_headers().uri("/kept").to_request()).await;
        assert_eq!(kept, "3", "without the middleware the handler sees all three");
        let released = test::call_and_read_body(&app, with_headers().uri("/released").to_request()).await;
        assert_eq!(released, "0");
    }
}
