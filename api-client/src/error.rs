//! What can go wrong when a page calls the Web API.

use std::time::Duration;

/// A failed call to the Web API, with a message fit for an error page.
///
/// The variants are the questions a page (and its reader) asks: could we reach
/// the API at all, did it answer in time, did it answer with success, and was
/// the answer the JSON we expected?
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The configured root URL cannot be used to build a request.
    #[error("the Web API URL `{url}` is not usable: {reason}")]
    InvalidUrl {
        /// The URL as configured.
        url: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// No connection could be made, or it broke before an answer came.
    #[error("could not reach the Web API at {url}: {reason}")]
    Connect {
        /// The URL that was called.
        url: String,
        /// The transport's own words.
        reason: String,
    },
    /// The call took longer than it was allowed to.
    #[error("the Web API did not answer {url} within {} ms", after.as_millis())]
    Timeout {
        /// The URL that was called.
        url: String,
        /// The time limit that ran out.
        after: Duration,
    },
    /// The API answered, but not with success.
    #[error("the Web API answered {url} with HTTP {status}")]
    Status {
        /// The URL that was called.
        url: String,
        /// The HTTP status code it answered with.
        status: u16,
    },
    /// The API answered 2xx, but the body was not the expected JSON.
    #[error("the Web API sent a body for {url} that is not the expected JSON: {reason}")]
    Body {
        /// The URL that was called.
        url: String,
        /// What the parser said.
        reason: String,
    },
}

impl ApiError {
    /// Whether the call ran out of time (pages answer 504 for this, 502 otherwise).
    pub fn is_timeout(&self) -> bool {
        matches!(self, ApiError::Timeout { .. })
    }

    /// Maps a transport error of reqwest to ours, keeping the most useful words.
    pub(crate) fn from_transport(url: &str, error: reqwest::Error) -> ApiError {
        let url = url.to_owned();
        if error.is_decode() {
            return ApiError::Body { url, reason: root_cause(&error) };
        }
        ApiError::Connect { url, reason: in_words(&error) }
    }
}

/// A transport failure in the words a visitor understands, with the system's
/// own words after it: a reset, an answer that never came, or the rest.
fn in_words(error: &(dyn std::error::Error + 'static)) -> String {
    let cause = root_cause(error);
    let mut source = Some(error);
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::ConnectionReset
        {
            return format!("the connection was reset ({cause})");
        }
        source = current.source();
    }
    if cause.contains("connection closed before message completed") {
        return format!("the connection closed without an answer ({cause})");
    }
    cause
}

/// The innermost cause's message: "Connection refused (os error 111)" says more
/// than reqwest's outer "error sending request".
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}
