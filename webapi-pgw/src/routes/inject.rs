//! Delivering what a call injects instead of its answer: a status, or a fault.
//! (What to inject, and why, is `faults.rs`; how a connection is broken,
//! `connection.rs`.)

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, ResponseError};

use super::ApiState;
use super::api::Timing;
use crate::connection;
use crate::conneg::MediaType;
use crate::faults::{Fault, Injection};
use crate::metrics::Outcome;
use crate::problem::Problem;

/// The answer (if any) for a call that injects `injection`, after its wait.
/// `body` is what it would have answered: its data, or the item's 404.
pub fn deliver(
    request: &HttpRequest,
    state: &ApiState,
    controller: &'static str,
    injection: Injection,
    timing: &Timing,
    media: MediaType,
    body: Result<Bytes, Problem>,
) -> HttpResponse {
    tracing::info!(controller, injected = %injection.describe(), "injected");
    let mut response = match injection {
        Injection::Status(status) => {
            state.metrics.count(controller, Outcome::InjectedStatus);
            with_status(status, media, body)
        }
        Injection::Fault(fault) => {
            state.metrics.count(controller, Outcome::Fault);
            state.metrics.count_fault(fault);
            match break_answer(request, fault, media, body) {
                Some(response) => response,
                // The connection is already broken; actix's write of this fails.
                None => return HttpResponse::new(StatusCode::INTERNAL_SERVER_ERROR),
            }
        }
    };
    response.headers_mut().insert(super::api::SERVER_TIMING, timing.header_value());
    response
}

/// 4xx and 5xx as a problem; other statuses with the call's own answer.
fn with_status(status: StatusCode, media: MediaType, body: Result<Bytes, Problem>) -> HttpResponse {
    if status.is_client_error() || status.is_server_error() {
        return Problem::new(status, format!("status {} injected on request", status.as_u16())).error_response();
    }
    if matches!(status.as_u16(), 204 | 205 | 304) {
        // These statuses carry no body.
        return HttpResponse::build(status).finish();
    }
    match body {
        Ok(body) => HttpResponse::build(status).insert_header((CONTENT_TYPE, media.content_type())).body(body),
        // The item does not exist: its 404 stands.
        Err(problem) => problem.error_response(),
    }
}

/// Breaks the answer as `fault` says; `Some` answer only for a malformed one,
/// or when the connection could not be reached to break it.
fn break_answer(
    request: &HttpRequest,
    fault: Fault,
    media: MediaType,
    body: Result<Bytes, Problem>,
) -> Option<HttpResponse> {
    let done = match fault {
        Fault::Reset => connection::reset(request),
        // A hang reaches here when --max-delay has passed: it ends as an empty answer.
        Fault::Empty | Fault::Hang => connection::close(request),
        Fault::Malformed => {
            // The first half of the answer, with a Content-Length that matches
            // it: the HTTP is whole, the JSON (or XML) is cut off.
            let mut body = body.unwrap_or_else(|problem| serde_json::to_vec(&problem).unwrap_or_default().into());
            body.truncate(body.len() / 2);
            let content_type = HeaderValue::from_static(media.content_type());
            return Some(HttpResponse::Ok().insert_header((CONTENT_TYPE, content_type)).body(body));
        }
    };
    if done {
        return None;
    }
    let detail = format!("the connection could not be reached to inject `fault={fault}`");
    Some(Problem::new(StatusCode::INTERNAL_SERVER_ERROR, detail).error_response())
}
