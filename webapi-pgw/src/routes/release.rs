//! Releasing the request's headers before the delay: most of what a waiting
//! call would otherwise hold in memory (`service_kit::http::drop_headers`).
//! At 10,000 waiting calls those maps were ~70 MB of the API's ~195 MB peak.
//! By the time an API handler runs, the headers have been used: the limits
//! have checked their size, routing has matched the path, the connection's
//! keep-alive state was taken from them when the head was parsed. The handlers
//! read only the path, the query string and the connection's data. So the
//! API's routes drop the map at the door (README, "Where the memory goes").
//!
//! Only the API's routes do this: `/`, `/healthz` and `/metrics` keep theirs.
//! The one thing an API handler learns from a header, the media type `Accept`
//! asks for, is negotiated here first and left in the request's extensions.
//! The API's routes call this themselves (`api.rs`), not through a
//! middleware: a layer of actix middleware costs a boxed future per request.

use actix_web::dev::ServiceRequest;

use crate::conneg;

/// For a route whose handler reads no request header: negotiates the answer's
/// media type, then frees the parsed headers.
pub fn negotiate_and_release(request: &mut ServiceRequest) {
    conneg::remember(request, conneg::negotiate(request));
    service_kit::http::drop_headers(request);
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::negotiate_and_release;
    use crate::conneg::{MediaType, negotiated};

    #[test]
    fn the_headers_are_gone_and_the_negotiated_type_stays() {
        let mut request = TestRequest::get()
            .insert_header(("user-agent", "test"))
            .insert_header(("accept", "application/xml"))
            .insert_header(("x-trace", "1"))
            .to_srv_request();
        assert_eq!(request.headers().len(), 3);
        negotiate_and_release(&mut request);
        assert_eq!(request.headers().len(), 0);
        let (request, _) = request.into_parts();
        assert_eq!(negotiated(&request), MediaType::ApplicationXml);
    }

    #[test]
    fn json_is_what_is_left_when_nothing_else_is_asked() {
        let mut request = TestRequest::get().insert_header(("accept", "*/*")).to_srv_request();
        negotiate_and_release(&mut request);
        let (request, _) = request.into_parts();
        assert_eq!(negotiated(&request), MediaType::ApplicationJson);
    }
}
