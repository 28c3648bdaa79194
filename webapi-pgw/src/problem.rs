//! Errors as RFC 9457 problem details: `application/problem+json` bodies.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// An error answer. Its `detail` says what was wrong in the request, in words a
/// caller can act on; the status code says whose fault it was.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The HTTP status.
    #[serde(serialize_with = "status_as_number")]
    pub status: StatusCode,
    /// The status's reason phrase ("Bad Request").
    pub title: &'static str,
    /// What exactly was wrong.
    pub detail: String,
    /// For 405: the methods the resource does allow.
    #[serde(skip)]
    pub allow: Option<&'static str>,
}

impl Problem {
    /// A problem with `status` and `detail`.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        let title = status.canonical_reason().unwrap_or("Error");
        Problem { status, title, detail: detail.into(), allow: None }
    }

    /// 400: the request is malformed.
    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 404: nothing here.
    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, detail)
    }

    /// 405 with the `Allow` header.
    pub fn method_not_allowed(allow: &'static str) -> Problem {
        Problem {
            allow: Some(allow),
            ..Problem::new(StatusCode::METHOD_NOT_ALLOWED, format!("the methods allowed here are {allow}"))
        }
    }
}

fn status_as_number<S: serde::Serializer>(status: &StatusCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u16(status.as_u16())
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.title, self.detail)
    }
}

impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json")));
        if let Some(allow) = self.allow {
            response.insert_header((header::ALLOW, allow));
        }
        response.body(serde_json::to_string(self).unwrap_or_default())
    }
}

/// So a handler can return a `Problem` as its whole answer (unknown routes).
impl actix_web::Responder for Problem {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _request: &actix_web::HttpRequest) -> HttpResponse {
        self.error_response()
    }
}
