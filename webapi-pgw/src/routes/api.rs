//! `GET /api/{controller}` and `GET /api/{controller}/{id}`: the API itself.
//!
//! Each call picks its delay, waits it out without holding a thread, and then
//! answers with the data: products and widgets as serialised once at start
//! (`bodies.rs`), gizmos freshly generated. The wait is raced against the caller
//! hanging up, as the sample's `Task.Delay(delay, cancelToken)` was: a caller
//! that gives up stops the work at once. A call may instead answer a status
//! or break its connection on purpose (`?status=`, `?fault=`, the rates: see
//! `faults.rs` and `inject.rs`); the answer is JSON or XML as `Accept` asks.
//!
//! `HEAD` (served through these `GET` routes) answers at once, without the
//! delay and without an injected failure: the delay stands for the cost of
//! producing the data, which `HEAD` does not ask for, and a monitor or load
//! balancer probing a resource wants to know it is served, not to wait a
//! second per probe. Everything else is `GET`'s: the status (404, 400
//! included), `Content-Type`, `Content-Length` and a `Server-Timing` that says
//! no delay was waited.

use std::time::{Duration, Instant};

use std::convert::Infallible;

use actix_web::dev::{HttpServiceFactory, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, web};
use serde::Deserialize;
use shared_models::{Resource, catalog};

use super::limits::get_only;
use super::{ApiState, inject, release};
use crate::bodies::{many, one};
use crate::conneg::{MediaType, negotiated};
use crate::faults::{Fault, Injection};
use crate::metrics::Outcome;
use crate::problem::Problem;

/// The name of the header that reports the delay.
pub(super) const SERVER_TIMING: actix_web::http::header::HeaderName =
    actix_web::http::header::HeaderName::from_static("server-timing");

/// The query string every API route understands.
#[derive(Debug, Deserialize)]
pub struct ApiQuery {
    /// `?delay=<ms>`: wait exactly this long instead of a random delay.
    delay: Option<String>,
    /// `?status=<200..599>`: answer this status after the delay.
    status: Option<String>,
    /// `?fault=reset|empty|malformed|hang`: break the answer so.
    fault: Option<String>,
}

/// `/api/{controller}`: the whole collection.
///
/// The names the clients write (`/api/Products`, as the sample's pages did,
/// and `/api/products`) are static routes, matched by comparing strings; any
/// other casing (`/api/PRODUCTS`) reaches the pattern route, which actix-router
/// matches with a regular expression: 8 % of the API's instructions per call
/// when every call went that way.
pub fn collection() -> impl HttpServiceFactory {
    let names =
        Resource::ALL.into_iter().flat_map(|resource| [(resource.name(), resource), (label(resource), resource)]);
    let routes: Vec<_> = names
        .map(|(name, resource)| api_route(&format!("/api/{name}"), Endpoint::Collection(Some(resource))))
        .collect();
    (routes, api_route("/api/{controller}", Endpoint::Collection(None)))
}

/// `/api/{controller}/{id}`: one item of it.
pub fn item() -> impl HttpServiceFactory {
    api_route("/api/{controller}/{id}", Endpoint::Item)
}

/// What an API route answers.
#[derive(Debug, Clone, Copy)]
enum Endpoint {
    /// The collection of the route's own controller, or of `{controller}`.
    Collection(Option<Resource>),
    /// Item `{id}` of `{controller}`.
    Item,
}

/// What every API route is: GET only (405 otherwise), served by a plain
/// service rather than a handler with extractors behind a middleware. It
/// negotiates the answer's media type from `Accept` and drops the request's
/// headers before the wait (`release.rs`), reads the path and the query
/// itself, and answers. Each layer it skips (the middleware's boxed future,
/// the extractors' futures) was work on every call and memory held for every
/// waiting one.
fn api_route(path: &str, endpoint: Endpoint) -> actix_web::Resource {
    web::resource(path)
        .route(web::get().service(fn_service(move |request| serve(endpoint, request))))
        .default_service(web::to(get_only))
}

async fn serve(endpoint: Endpoint, mut request: ServiceRequest) -> Result<ServiceResponse, Infallible> {
    release::negotiate_and_release(&mut request);
    let (request, _payload) = request.into_parts();
    let answer = match endpoint {
        Endpoint::Collection(resource) => get_collection(&request, resource).await,
        Endpoint::Item => get_item(&request).await,
    };
    let response = answer.unwrap_or_else(|problem| problem.error_response());
    Ok(ServiceResponse::new(request, response))
}

/// The API's shared state, which `configure` always provides.
fn state_of(request: &HttpRequest) -> Result<&ApiState, Problem> {
    request.app_data::<web::Data<ApiState>>().map(|data| &***data).ok_or_else(|| {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "the API's state is missing (a configuration error)")
    })
}

/// The query string, or a 400 that says what is wrong with it.
fn query_of(request: &HttpRequest) -> Result<ApiQuery, Problem> {
    web::Query::<ApiQuery>::from_query(request.query_string())
        .map(web::Query::into_inner)
        .map_err(|error| Problem::bad_request(format!("the query string is malformed: {error}")))
}

/// `{controller}` and the rest of the path's parameters, percent-decoded as
/// actix's `Path` extractor does (a malformed path is its 400).
async fn path_of<T: serde::de::DeserializeOwned>(request: &HttpRequest) -> Result<T, Problem> {
    web::Path::<T>::extract(request)
        .await
        .map(web::Path::into_inner)
        .map_err(|error| Problem::bad_request(format!("the path is malformed: {error}")))
}

async fn get_collection(request: &HttpRequest, resource: Option<Resource>) -> Result<HttpResponse, Problem> {
    let state = state_of(request)?;
    let resource = match resource {
        Some(resource) => resource,
        None => known(&path_of::<String>(request).await?, state)?,
    };
    let query = query_of(request)?;
    let call = prepare(request, state, resource, &query)?;
    let timing = wait(request, state, resource, call).await?;
    let media = negotiated(request);
    let body = state.bodies.collection(resource, media).unwrap_or_else(|| many(media, &gizmos(state)).into());
    Ok(finish(request, state, resource, timing, media, Ok(body)))
}

async fn get_item(request: &HttpRequest) -> Result<HttpResponse, Problem> {
    let state = state_of(request)?;
    let (controller, id) = path_of::<(String, String)>(request).await?;
    let resource = known(&controller, state)?;
    let Ok(id) = id.parse::<i32>() else {
        state.metrics.count(label(resource), Outcome::Error);
        return Err(Problem::bad_request(format!("the id must be a whole number, not `{id}`")));
    };
    let query = query_of(request)?;
    let call = prepare(request, state, resource, &query)?;
    let timing = wait(request, state, resource, call).await?;
    // As a database would: look the item up after the round trip.
    let media = negotiated(request);
    let body = state
        .bodies
        .item(resource, id, media)
        .unwrap_or_else(|| gizmos(state).into_iter().find(|g| g.id == id).map(|g| one(media, &g).into()));
    let body = body.ok_or_else(|| Problem::not_found(format!("there is no {} with id {id}", singular(resource))));
    Ok(finish(request, state, resource, timing, media, body))
}

/// What one call is to do: wait so long, then answer its data or what was injected.
#[derive(Debug, Clone, Copy)]
struct Call {
    planned: Duration,
    injection: Option<Injection>,
}

/// Reads the call's query: its delay and what to inject, each checked (a bad
/// value is a 400 before any wait). A hang waits up to `--max-delay`. A `HEAD`
/// waits nothing and injects nothing.
fn prepare(request: &HttpRequest, state: &ApiState, resource: Resource, query: &ApiQuery) -> Result<Call, Problem> {
    if service_kit::http::is_head(request) {
        // `?delay=` is still checked (a bad one is GET's 400), but not waited,
        // and no delay is drawn: HEAD leaves the seeded sequence of delays alone.
        if query.delay.is_some() {
            state
                .plan
                .pick(query.delay.as_deref())
                .inspect_err(|_| state.metrics.count(label(resource), Outcome::Error))?;
        }
        return Ok(Call { planned: Duration::ZERO, injection: None });
    }
    let checked = state.plan.pick(query.delay.as_deref()).and_then(|planned| {
        let uniform = || state.plan.with_rng(|rng| rng.f64());
        let injection = state.faults.pick(query.status.as_deref(), query.fault.as_deref(), uniform)?;
        Ok(Call { planned, injection })
    });
    let mut call = checked.inspect_err(|_| state.metrics.count(label(resource), Outcome::Error))?;
    if call.injection == Some(Injection::Fault(Fault::Hang)) {
        call.planned = state.plan.max_delay();
    }
    Ok(call)
}

/// The answer after the wait: the data (or the item's 404), or what was injected.
fn finish(
    request: &HttpRequest,
    state: &ApiState,
    resource: Resource,
    timing: Timing,
    media: MediaType,
    body: Result<Bytes, Problem>,
) -> HttpResponse {
    if let Some(injection) = timing.injected {
        return inject::deliver(request, state, label(resource), injection, &timing, media, body);
    }
    match body {
        Ok(body) => answer(state, resource, timing, media, body),
        Err(problem) => {
            state.metrics.count(label(resource), Outcome::Error);
            // Answered after the full delay, like any lookup: it says so too.
            let mut response = problem.error_response();
            response.headers_mut().insert(SERVER_TIMING, timing.header_value());
            response
        }
    }
}

/// The planned and the actual delay of one call, and what it injects.
pub(super) struct Timing {
    planned: Duration,
    waited: Duration,
    injected: Option<Injection>,
}

impl Timing {
    /// The `Server-Timing` header: what the caller waited for, planned and
    /// actual, and what was injected (`injected;desc="status 503"`).
    ///
    /// Written with integers only (the actual delay in tenths of a millisecond,
    /// rounded) and without `core::fmt`: formatting an `f64` with `format!`
    /// took 5 % of the API's instructions per call.
    pub(super) fn header_value(&self) -> HeaderValue {
        let tenths = (self.waited.as_micros() + 50) / 100;
        let mut number = itoa::Buffer::new();
        let mut text = Vec::with_capacity(96);
        text.extend_from_slice(b"planned;desc=\"planned delay\";dur=");
        text.extend_from_slice(number.format(self.planned.as_millis()).as_bytes());
        text.extend_from_slice(b", waited;desc=\"actual delay\";dur=");
        text.extend_from_slice(number.format(tenths / 10).as_bytes());
        text.extend_from_slice(&[b'.', b'0' + (tenths % 10) as u8]);
        if let Some(injection) = self.injected {
            text.extend_from_slice(format!(", injected;desc=\"{}\"", injection.describe()).as_bytes());
        }
        HeaderValue::from_maybe_shared(Bytes::from(text)).unwrap_or_else(|_| HeaderValue::from_static("planned"))
    }
}

/// Waits out the call's delay, unless the caller hangs up first.
async fn wait(request: &HttpRequest, state: &ApiState, resource: Resource, call: Call) -> Result<Timing, Problem> {
    let Call { planned, injection } = call;
    let started = Instant::now();
    let in_flight = state.metrics.delay_started();
    // `biased`: when the delay and the hang-up are ready together, the delay wins.
    let completed = tokio::select! {
        biased;
        () = tokio::time::sleep(planned) => true,
        () = service_kit::disconnect::client_gone(request) => false,
    };
    drop(in_flight);
    let waited = started.elapsed();
    state.metrics.observe_delay(waited);
    if completed {
        return Ok(Timing { planned, waited, injected: injection });
    }
    if let Some(Injection::Fault(fault)) = injection {
        // A hang the caller gave up on is a cancellation, and still a fault served.
        state.metrics.count_fault(fault);
    }
    state.metrics.count(label(resource), Outcome::Cancelled);
    tracing::info!(controller = %resource, planned_ms = planned.as_millis(), waited_ms = waited.as_millis(), "caller hung up: delay cancelled");
    // Nobody will read this answer; 499 is what nginx logs for the same case.
    let status = StatusCode::from_u16(499).unwrap_or(StatusCode::REQUEST_TIMEOUT);
    Err(Problem::new(status, "the caller closed the connection during the delay"))
}

/// A 200 answer with the `Server-Timing` header, counted as completed.
fn answer(state: &ApiState, resource: Resource, timing: Timing, media: MediaType, body: Bytes) -> HttpResponse {
    state.metrics.count(label(resource), Outcome::Completed);
    tracing::info!(
        controller = %resource,
        planned_ms = timing.planned.as_millis(),
        in_flight = state.metrics.in_flight(),
        "answered"
    );
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, HeaderValue::from_static(media.content_type())))
        .insert_header((SERVER_TIMING, timing.header_value()))
        .body(body)
}

fn gizmos(state: &ApiState) -> Vec<shared_models::Gizmo> {
    let now = chrono::Local::now().naive_local();
    state.plan.with_rng(|rng| catalog::gizmos(now, rng))
}

/// The controller named in the URL, any case, or 404.
fn known(name: &str, state: &ApiState) -> Result<Resource, Problem> {
    Resource::from_name(name).ok_or_else(|| {
        state.metrics.count("none", Outcome::Error);
        Problem::not_found(format!("there is no controller `{name}`; try products, widgets or gizmos"))
    })
}

/// The metrics label of a controller.
pub(super) fn label(resource: Resource) -> &'static str {
    match resource {
        Resource::Products => "products",
        Resource::Widgets => "widgets",
        Resource::Gizmos => "gizmos",
    }
}

fn singular(resource: Resource) -> &'static str {
    match resource {
        Resource::Products => "product",
        Resource::Widgets => "widget",
        Resource::Gizmos => "gizmo",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::Fault;

    fn header(planned_ms: u64, waited_us: u64, injected: Option<Injection>) -> String {
        let timing =
            Timing { planned: Duration::from_millis(planned_ms), waited: Duration::from_micros(waited_us), injected };
        timing.header_value().to_str().unwrap().to_owned()
    }

    #[test]
    fn server_timing_rounds_the_actual_delay_to_a_tenth_of_a_millisecond() {
        assert_eq!(
            header(500, 500_049, None),
            r#"planned;desc="planned delay";dur=500, waited;desc="actual delay";dur=500.0"#
        );
        assert!(header(500, 499_951, None).ends_with("dur=500.0"));
        assert!(header(12, 12_345, None).ends_with("dur=12.3"));
        assert!(header(0, 0, None).ends_with("dur=0, waited;desc=\"actual delay\";dur=0.0"));
        assert!(header(0, 9_950, None).ends_with("dur=10.0"));
    }

    #[test]
    fn server_timing_names_what_was_injected() {
        let text = header(500, 500_000, Some(Injection::Fault(Fault::Malformed)));
        assert!(text.ends_with(r#"dur=500.0, injected;desc="fault malformed""#), "{text}");
    }
}
