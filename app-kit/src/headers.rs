//! A GET page's request headers, dropped before the page runs
//! (`service_kit::http::drop_headers`: the 7 KB table actix-http parses every
//! head into, which an async page waiting on the Web API held for the whole
//! wait, a fifth of what it cost in load lab scenario 4).
//!
//! No page reads a request header: routing uses the path, the pages the path
//! and the query string, hang-up detection and keep-alive the connection.
//! Bodies are read only by POSTs (the Web Forms postback, the live view's
//! bursts), whose extractors need `Content-Type` and `Content-Length`, so only
//! GET (and HEAD, served as GET) requests lose theirs. The Web API does the
//! same for its own routes (`webapi-pgw/src/routes/release.rs`).

use actix_web::dev::ServiceRequest;
use actix_web::http::Method;
use actix_web::{Error, middleware::Next};

/// Middleware for both apps: the services' HTTP conventions
/// (`service_kit::http::conventions`: HEAD, the access log), and, in the same
/// layer, [`release_get_headers`].
pub fn conventions<B: 'static>(request: ServiceRequest, next: Next<B>) -> service_kit::http::Answer<B> {
    service_kit::http::conventions_with(request, next, release_get_headers)
}

/// Frees the headers of a GET request; other methods keep theirs.
pub fn release_get_headers(request: &mut ServiceRequest) -> Result<(), Error> {
    if request.method() == Method::GET {
        service_kit::http::drop_headers(request);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpRequest, HttpResponse, test, web};

    use super::conventions;

    async fn count_headers(request: HttpRequest) -> HttpResponse {
        HttpResponse::Ok().body(request.headers().len().to_string())
    }

    async fn echo_form(form: web::Form<std::collections::HashMap<String, String>>) -> HttpResponse {
        HttpResponse::Ok().body(form.get("a").cloned().unwrap_or_default())
    }

    #[actix_web::test]
    async fn a_get_page_sees_no_headers_and_a_post_keeps_its_own() {
        let app = test::init_service(
            App::new()
                .wrap(from_fn(conventions))
                .route("/page", web::get().to(count_headers))
                .route("/form", web::post().to(echo_form)),
        )
        .await;
        let get =
            test::TestRequest::get().uri("/page").insert_header(("accept", "text/html")).insert_header(("x-a", "1"));
        assert_eq!(test::call_and_read_body(&app, get.to_request()).await, "0");
        let head = test::TestRequest::default().method(actix_web::http::Method::HEAD).uri("/page");
        let head = test::call_service(&app, head.insert_header(("x-a", "1")).to_request()).await;
        assert!(head.status().is_success(), "HEAD is served as GET: {}", head.status());
        // A postback's body is read through its headers (Content-Type, Content-Length).
        let post = test::TestRequest::post().uri("/form").set_form([("a", "kept")]);
        assert_eq!(test::call_and_read_body(&app, post.to_request()).await, "kept");
    }
}
