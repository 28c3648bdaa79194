//! Why a page could not show its data, and the status code each reason answers.

use std::time::Duration;

use actix_web::http::StatusCode;
use api_client::ApiError;

use crate::request_pool::PoolError;

/// Why a page could not show its data, with the status code it answers.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// The page's AsyncTimeout fired; its pending calls were cancelled. 504.
    #[error("the page did not finish within its time limit of {} ms", after.as_millis())]
    Timeout {
        /// The limit that ran out.
        after: Duration,
    },
    /// The Web API failed: down, error status, bad JSON. 502. (A slow API is
    /// the page's AsyncTimeout's business: the calls themselves have no limit.)
    #[error("{0}")]
    Backend(#[from] ApiError),
    /// No request thread was free and the queue was full. 503.
    #[error("Server Too Busy: every request thread is busy and the request queue is full")]
    TooBusy,
    /// The visitor hung up; nobody will see the answer. 499, as nginx logs it.
    #[error("the visitor closed the connection before the page was ready")]
    Cancelled,
    /// The request asked for something not allowed (e.g. a URL off the API's origin). 400.
    #[error("{0}")]
    BadRequest(String),
    /// The page itself failed (a bug). 500.
    #[error("the page failed: {0}")]
    Failed(String),
}

impl PageError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            PageError::Backend(_) => StatusCode::BAD_GATEWAY,
            PageError::TooBusy => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::REQUEST_TIMEOUT),
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Whether this is a timeout (the apps show their friendly timeout page).
    pub fn is_timeout(&self) -> bool {
        self.status() == StatusCode::GATEWAY_TIMEOUT
    }
}

impl From<PoolError> for PageError {
    fn from(error: PoolError) -> PageError {
        match error {
            PoolError::TooBusy => PageError::TooBusy,
            PoolError::Panicked => PageError::Failed("it panicked on its request thread".into()),
        }
    }
}
