//! `GET /api/{controller}` and `GET /api/{controller}/{id}`: the API itself.
//!
//! Each call picks its delay, waits it out without holding a thread, and then
//! answers with freshly generated data. The wait is raced against the caller
//! hanging up, as the sample's `Task.Delay(delay, cancelToken)` was: a caller
//! that gives up stops the work at once.

use std::time::{Duration, Instant};

use actix_web::dev::HttpServiceFactory;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::middleware::from_fn;
use actix_web::{FromRequest, Handler, HttpRequest, HttpResponse, Responder, ResponseError, web};
use serde::{Deserialize, Serialize};
use shared_models::{Resource, catalog};

use super::ApiState;
use super::limits::get_only;
use super::release::release_headers;
use crate::conneg::{MediaType, negotiate_first, negotiated};
use crate::metrics::Outcome;
use crate::problem::Problem;
use crate::xml::{self, DataContract};

/// The name of the header that reports the delay.
const SERVER_TIMING: actix_web::http::header::HeaderName =
    actix_web::http::header::HeaderName::from_static("server-timing");

/// The query string every API route understands.
#[derive(Debug, Deserialize)]
pub struct DelayQuery {
    /// `?delay=<ms>`: wait exactly this long instead of a random delay.
    delay: Option<String>,
}

/// `/api/{controller}`: the whole collection.
pub fn collection() -> impl HttpServiceFactory {
    api_route("/api/{controller}", get_collection)
}

/// `/api/{controller}/{id}`: one item of it.
pub fn item() -> impl HttpServiceFactory {
    api_route("/api/{controller}/{id}", get_item)
}

/// What every API route is: GET only (405 otherwise), the answer's media type
/// negotiated from `Accept` (see `conneg.rs`), and then the request's headers
/// dropped before the handler waits (see `release.rs`): nothing after needs them.
fn api_route<F, Args>(path: &str, handler: F) -> impl HttpServiceFactory
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    web::resource(path)
        .wrap(from_fn(release_headers))
        .wrap(from_fn(negotiate_first))
        .route(web::get().to(handler))
        .default_service(web::to(get_only))
}

async fn get_collection(
    request: HttpRequest,
    controller: web::Path<String>,
    query: web::Query<DelayQuery>,
    state: web::Data<ApiState>,
) -> Result<HttpResponse, Problem> {
    let resource = known(&controller, &state)?;
    let timing = wait(&request, &state, resource, query.delay.as_deref()).await?;
    let media = negotiated(&request);
    let body = match resource {
        Resource::Products => many(media, &catalog::products()),
        Resource::Widgets => many(media, &catalog::widgets()),
        Resource::Gizmos => many(media, &gizmos(&state)),
    };
    Ok(answer(&state, resource, timing, media, body))
}

async fn get_item(
    request: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<DelayQuery>,
    state: web::Data<ApiState>,
) -> Result<HttpResponse, Problem> {
    let (controller, id) = path.into_inner();
    let resource = known(&controller, &state)?;
    let Ok(id) = id.parse::<i32>() else {
        state.metrics.count(label(resource), Outcome::Error);
        return Err(Problem::bad_request(format!("the id must be a whole number, not `{id}`")));
    };
    let timing = wait(&request, &state, resource, query.delay.as_deref()).await?;
    // As a database would: look the item up after the round trip.
    let media = negotiated(&request);
    let body = match resource {
        Resource::Products => catalog::products().into_iter().find(|p| p.id == id).map(|p| one(media, &p)),
        Resource::Widgets => catalog::widgets().into_iter().find(|w| w.id == id).map(|w| one(media, &w)),
        Resource::Gizmos => gizmos(&state).into_iter().find(|g| g.id == id).map(|g| one(media, &g)),
    };
    match body {
        Some(body) => Ok(answer(&state, resource, timing, media, body)),
        None => {
            state.metrics.count(label(resource), Outcome::Error);
            // Answered after the full delay, like any lookup: it says so too.
            let mut response =
                Problem::not_found(format!("there is no {} with id {id}", singular(resource))).error_response();
            response.headers_mut().insert(SERVER_TIMING, timing.header_value());
            Ok(response)
        }
    }
}

/// The planned and the actual delay of one call.
struct Timing {
    planned: Duration,
    waited: Duration,
}

impl Timing {
    /// The `Server-Timing` header: what the caller waited for, planned and actual.
    fn header_value(&self) -> HeaderValue {
        let text = format!(
            "planned;desc=\"planned delay\";dur={}, waited;desc=\"actual delay\";dur={:.1}",
            self.planned.as_millis(),
            self.waited.as_secs_f64() * 1000.0
        );
        HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("planned"))
    }
}

/// Picks the delay and waits it out, unless the caller hangs up first.
async fn wait(
    request: &HttpRequest,
    state: &ApiState,
    resource: Resource,
    requested: Option<&str>,
) -> Result<Timing, Problem> {
    let planned = state.plan.pick(requested).inspect_err(|_| state.metrics.count(label(resource), Outcome::Error))?;
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
        return Ok(Timing { planned, waited });
    }
    state.metrics.count(label(resource), Outcome::Cancelled);
    tracing::info!(controller = %resource, planned_ms = planned.as_millis(), waited_ms = waited.as_millis(), "caller hung up: delay cancelled");
    // Nobody will read this answer; 499 is what nginx logs for the same case.
    let status = StatusCode::from_u16(499).unwrap_or(StatusCode::REQUEST_TIMEOUT);
    Err(Problem::new(status, "the caller closed the connection during the delay"))
}

/// A collection in the negotiated media type.
fn many<T: Serialize + DataContract>(media: MediaType, items: &[T]) -> Vec<u8> {
    // Serializing these plain structs cannot fail; an empty body would show it if it did.
    if media.is_xml() { xml::many(items) } else { serde_json::to_vec(items).unwrap_or_default() }
}

/// One item in the negotiated media type.
fn one<T: Serialize + DataContract>(media: MediaType, item: &T) -> Vec<u8> {
    if media.is_xml() { xml::one(item) } else { serde_json::to_vec(item).unwrap_or_default() }
}

/// A 200 answer with the `Server-Timing` header, counted as completed.
fn answer(state: &ApiState, resource: Resource, timing: Timing, media: MediaType, body: Vec<u8>) -> HttpResponse {
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
fn label(resource: Resource) -> &'static str {
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
