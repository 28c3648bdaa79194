//! `GET /openapi.json`: the API's contract, an OpenAPI 3.1 document.
//!
//! The document is a checked-in file, `webapi-pgw/api/openapi.json`, readable
//! and diffable on its own; this server fills in the one value that depends on
//! how it was started: the largest `?delay=` it accepts (--max-delay). A test
//! checks that every route the server serves is in it and every path in it is
//! served; `scripts/contract-check.sh` checks the running server against it
//! with schemathesis.

use actix_web::{HttpResponse, get, web};

use super::ApiState;

/// The document as checked in.
const DOCUMENT: &str = include_str!("../../api/openapi.json");

/// The document for a server whose --max-delay is `max_delay_ms`.
pub fn document(max_delay_ms: u64) -> serde_json::Value {
    // The file is checked by this crate's tests; a broken one would show as `null`.
    let mut document: serde_json::Value = serde_json::from_str(DOCUMENT).unwrap_or_default();
    if let Some(maximum) = document.pointer_mut("/components/parameters/delay/schema/maximum") {
        *maximum = max_delay_ms.into();
    }
    document
}

/// `GET /openapi.json`.
#[get("/openapi.json")]
pub async fn openapi(state: web::Data<ApiState>) -> HttpResponse {
    HttpResponse::Ok().json(document(state.plan.max_delay().as_millis() as u64))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_checked_in_document_is_openapi_3_1_with_the_servers_max_delay() {
        let document = super::document(1234);
        assert_eq!(document["openapi"], "3.1.0");
        assert_eq!(document["components"]["parameters"]["delay"]["schema"]["maximum"], 1234);
    }
}
