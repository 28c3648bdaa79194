//! The HTTP surface of the API, configured in one place for `main` and the tests.
//!
//! - `api.rs`: `GET /api/{controller}` and `/api/{controller}/{id}`.
//! - `inject.rs`: what a call answers when a status or a fault is injected.
//! - `openapi.rs`: `/openapi.json`, the API's OpenAPI 3.1 document (`api/openapi.json`).
//! - `ops.rs`: `/` (an index), `/healthz` and `/metrics`.
//! - `limits.rs`: what is refused before any handler runs (oversized bodies and headers),
//!   and the answers for unknown routes and wrong methods.
//! - `release.rs`: the API's routes free the request's headers before they wait.

mod api;
mod inject;
mod limits;
mod openapi;
mod ops;
mod release;

use std::sync::Arc;

use actix_web::web;

use crate::bodies::Bodies;
use crate::delay::DelayPlan;
use crate::faults::FaultPlan;
use crate::metrics::Metrics;

/// What every handler shares: the delay plan, the faults, the metrics and the fixed answers.
#[derive(Debug)]
pub struct ApiState {
    /// How long calls wait.
    pub plan: DelayPlan,
    /// What calls inject instead of their answer.
    pub faults: FaultPlan,
    /// What is counted.
    pub metrics: Arc<Metrics>,
    /// The answers that never change, serialised once.
    pub bodies: Bodies,
}

/// Registers every route on an actix `App` (or a test service).
pub fn configure(state: web::Data<ApiState>) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        cfg.app_data(state)
            .service(ops::index)
            .service(ops::healthz)
            .service(ops::metrics)
            .service(openapi::openapi)
            .service(api::collection())
            .service(api::item())
            .default_service(web::to(limits::not_found));
    }
}

pub use limits::bound_requests;
