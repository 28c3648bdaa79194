//! Refusals: oversized bodies, unknown routes, wrong methods.

use actix_web::dev::ServiceRequest;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_LENGTH, TRANSFER_ENCODING};
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest};

use crate::problem::Problem;

/// The largest request body accepted. The API only has GET routes and reads no
/// body; this bound keeps a client from making it receive one.
pub const MAX_BODY_BYTES: u64 = 1024;

/// The most header bytes (names and values) a request may carry. actix itself
/// stops only at 96 headers, so a few huge ones would otherwise pass.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Middleware for the whole API: the services' HTTP conventions (`HEAD`, the
/// access log: `service_kit::http::conventions`) and, in the same layer,
/// [`refuse_oversized`].
pub fn bound_requests<B: 'static>(request: ServiceRequest, next: Next<B>) -> service_kit::http::Answer<B> {
    service_kit::http::conventions_with(request, next, refuse_oversized)
}

/// Bounds every request before any handler runs: 413 for a body over
/// [`MAX_BODY_BYTES`] or a chunked one of unknown size; 431 for headers over
/// [`MAX_HEADER_BYTES`].
fn refuse_oversized(request: &mut ServiceRequest) -> Result<(), Error> {
    let headers = request.headers();
    let header_bytes: usize = headers.iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if header_bytes > MAX_HEADER_BYTES {
        let detail = format!("request headers are limited to {MAX_HEADER_BYTES} bytes, these have {header_bytes}");
        return Err(Problem::new(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, detail).into());
    }
    let length = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if length.is_some_and(|n| n > MAX_BODY_BYTES) || headers.contains_key(TRANSFER_ENCODING) {
        let detail = format!("request bodies are limited to {MAX_BODY_BYTES} bytes; this API reads none");
        return Err(Problem::new(StatusCode::PAYLOAD_TOO_LARGE, detail).into());
    }
    Ok(())
}

/// The operator's paths, served for GET only (the API's resources answer 405
/// themselves): another method there is 405, not 404.
const GET_ONLY_PATHS: [&str; 4] = ["/", "/healthz", "/metrics", "/openapi.json"];

/// The answer for any path no route matches: 405 for a GET-only path asked
/// with another method, else 404.
pub async fn not_found(request: HttpRequest) -> Problem {
    if GET_ONLY_PATHS.contains(&request.path()) {
        return Problem::method_not_allowed("GET, HEAD");
    }
    Problem::not_found(format!(
        "no route for {} {}; try GET /api/products, /api/widgets or /api/gizmos",
        request.method(),
        request.path()
    ))
}

/// The answer for a known path with a method other than GET (or HEAD, which
/// `service_kit::http::conventions` serves as GET).
pub async fn get_only() -> Problem {
    Problem::method_not_allowed("GET, HEAD")
}
