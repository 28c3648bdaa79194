//! The operator's routes: an index, the health check and the metrics.

use actix_web::{HttpResponse, get, web};
use serde_json::json;

use super::ApiState;

/// `GET /`: what this API serves and how it is configured, for a person who
/// opens it in a browser.
#[get("/")]
pub async fn index(state: web::Data<ApiState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "service": "webapi-pgw",
        "endpoints": ["/api/products", "/api/widgets", "/api/gizmos", "/api/{controller}/{id}", "/healthz", "/metrics", "/openapi.json"],
        "query": {
            "delay": "milliseconds to wait instead of a drawn delay, at most --max-delay",
            "status": "answer this status (200 to 599) after the delay; 4xx and 5xx as problem+json",
            "fault": "reset, empty, malformed or hang: break the answer so after the delay",
        },
        "formats": "JSON; XML (the DataContractSerializer's) for Accept: application/xml, text/xml or a browser's Accept",
        "delay": state.plan.describe(),
        "failures": state.faults.describe(),
    }))
}

/// `GET /healthz`: 200 while the process serves requests; no delay.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok\n")
}

/// `GET /metrics`: the counters in the OpenMetrics text format.
#[get("/metrics")]
pub async fn metrics(state: web::Data<ApiState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(state.metrics.render())
}
