//! Failures a page may ask its backend calls to suffer, passed on to the Web
//! API's own fault injection: `?fault=reset|empty|malformed|hang` and
//! `?status=<200..599>` on a page become the same on each of its calls.
//!
//! This is how a visitor (or the live view's bursts, or a test) sees what a
//! failing or hung backend does to each kind of page, without restarting the
//! API with other settings.

use std::collections::HashMap;

use crate::page_error::PageError;

/// The faults the Web API can inject, by its own names.
pub const FAULTS: [&str; 4] = ["reset", "empty", "malformed", "hang"];

/// What to ask of the Web API on every call of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Injection {
    fault: Option<&'static str>,
    status: Option<u16>,
}

impl Injection {
    /// No injection: the backend as it is.
    pub fn none() -> Injection {
        Injection::default()
    }

    /// The injection a page's query asks for (`fault`, `status`); a value the
    /// Web API would not accept is a 400 that names the accepted ones.
    pub fn from_query(query: &HashMap<String, String>) -> Result<Injection, PageError> {
        let fault = match query.get("fault") {
            None => None,
            Some(text) => Some(FAULTS.into_iter().find(|f| f.eq_ignore_ascii_case(text)).ok_or_else(|| {
                PageError::BadRequest(format!("`fault` must be one of {}, not `{text}`", FAULTS.join(", ")))
            })?),
        };
        let status = match query.get("status") {
            None => None,
            Some(text) => Some(text.parse::<u16>().ok().filter(|s| (200..=599).contains(s)).ok_or_else(|| {
                PageError::BadRequest(format!("`status` must be an HTTP status from 200 to 599, not `{text}`"))
            })?),
        };
        Ok(Injection { fault, status })
    }

    /// Whether anything is injected.
    pub fn is_none(&self) -> bool {
        self.fault.is_none() && self.status.is_none()
    }

    /// The query string to add to each call, without `?`: `fault=hang&status=500`.
    pub fn query(&self) -> String {
        let fault = self.fault.map(|f| format!("fault={f}"));
        let status = self.status.map(|s| format!("status={s}"));
        fault.into_iter().chain(status).collect::<Vec<_>>().join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_pages_fault_and_status_become_its_calls_query() {
        let injection = Injection::from_query(&query(&[("fault", "Hang"), ("status", "503")])).unwrap();
        assert_eq!(injection.query(), "fault=hang&status=503");
        assert!(Injection::from_query(&query(&[])).unwrap().is_none());
    }

    #[test]
    fn values_the_api_would_refuse_are_a_400_naming_the_accepted_ones() {
        for (key, value, words) in [
            ("fault", "explode", "`fault` must be one of reset, empty, malformed, hang"),
            ("status", "600", "`status` must be an HTTP status from 200 to 599"),
            ("status", "abc", "`status` must be an HTTP status"),
        ] {
            let error = Injection::from_query(&query(&[(key, value)])).unwrap_err();
            assert!(matches!(&error, PageError::BadRequest(m) if m.contains(words)), "{error}");
        }
    }
}
