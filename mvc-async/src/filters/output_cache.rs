//! OutputCache(Location = None, NoStore = true), on every action: the pages
//! show live data and timings, so no browser or proxy may keep a copy.

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, EXPIRES, HeaderValue, PRAGMA};

/// Marks `response` as not to be stored or reused.
pub fn no_store(mut response: HttpResponse) -> HttpResponse {
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store, no-cache"));
    headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    headers.insert(EXPIRES, HeaderValue::from_static("0"));
    response
}
