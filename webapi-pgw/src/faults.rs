//! What can go wrong on purpose: an error status or a broken connection
//! instead of the data, asked for per request or drawn for every request.
//!
//! People point a client at a misbehaving backend to see what the client does;
//! the tools of that trade inspired these: httpbin answers any status on
//! demand, WireMock resets connections, sends empty or malformed answers, and
//! toxiproxy stalls them. Per request: `?status=<200..599>` or
//! `?fault=reset|empty|malformed|hang`. For every request: `--error-rate` with
//! `--error-status`, and `--fault-rate` with `--fault`.

use std::fmt;

use actix_web::http::StatusCode;

use crate::problem::Problem;

/// A way to break an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Fault {
    /// Reset the connection (TCP RST) after the delay: the caller sees
    /// "connection reset by peer".
    Reset,
    /// Close the connection after the delay without an answer.
    Empty,
    /// Answer 200 with a JSON body cut off halfway.
    Malformed,
    /// Never answer: wait until the caller hangs up or `--max-delay` passes,
    /// then close the connection.
    Hang,
}

impl Fault {
    /// Every fault, in the order the documentation lists them.
    pub const ALL: [Fault; 4] = [Fault::Reset, Fault::Empty, Fault::Malformed, Fault::Hang];

    /// Its name, as in `?fault=` and the metrics.
    pub fn name(self) -> &'static str {
        match self {
            Fault::Reset => "reset",
            Fault::Empty => "empty",
            Fault::Malformed => "malformed",
            Fault::Hang => "hang",
        }
    }

    fn parse(text: &str) -> Result<Fault, Problem> {
        Fault::ALL.into_iter().find(|fault| fault.name() == text).ok_or_else(|| {
            Problem::bad_request(format!("`fault` must be one of reset, empty, malformed or hang, not `{text}`"))
        })
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What one call answers instead of its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Injection {
    /// Answer with this status: the data for 2xx and 3xx, a problem for 4xx and 5xx.
    Status(StatusCode),
    /// Break the answer so.
    Fault(Fault),
}

impl Injection {
    /// How `Server-Timing` and the log name it: `status 503`, `fault malformed`.
    pub fn describe(self) -> String {
        match self {
            Injection::Status(status) => format!("status {}", status.as_u16()),
            Injection::Fault(fault) => format!("fault {fault}"),
        }
    }
}

/// The statuses `?status=` accepts. 1xx are left out: they are interim
/// answers, and a server cannot end a request with one.
pub const STATUS_RANGE: std::ops::RangeInclusive<u16> = 200..=599;

/// The per-request choice and the rates for every request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaultPlan {
    /// Share of calls answered with `error_status`, 0 to 1.
    pub error_rate: f64,
    /// The status of those calls.
    pub error_status: StatusCode,
    /// Share of calls broken by `fault`, 0 to 1.
    pub fault_rate: f64,
    /// The fault those calls get.
    pub fault: Fault,
}

impl Default for FaultPlan {
    /// Nothing injected unless a request asks.
    fn default() -> Self {
        FaultPlan {
            error_rate: 0.0,
            error_status: StatusCode::INTERNAL_SERVER_ERROR,
            fault_rate: 0.0,
            fault: Fault::Reset,
        }
    }
}

impl FaultPlan {
    /// The plan in words, for the index at `/`.
    pub fn describe(&self) -> serde_json::Value {
        serde_json::json!({
            "error_rate": self.error_rate,
            "error_status": self.error_status.as_u16(),
            "fault_rate": self.fault_rate,
            "fault": self.fault.name(),
        })
    }

    /// What a call with these query parameters gets: its own `status` or
    /// `fault` if it names one (a bad value is a 400), else a draw from the
    /// rates with `uniform` numbers in [0, 1): a fault first, then an error status.
    pub fn pick(
        &self,
        status: Option<&str>,
        fault: Option<&str>,
        mut uniform: impl FnMut() -> f64,
    ) -> Result<Option<Injection>, Problem> {
        match (status, fault) {
            (Some(_), Some(_)) => Err(Problem::bad_request("give `status` or `fault`, not both")),
            (Some(text), None) => parse_status(text).map(|status| Some(Injection::Status(status))),
            (None, Some(text)) => Fault::parse(text.trim()).map(|fault| Some(Injection::Fault(fault))),
            (None, None) if self.fault_rate > 0.0 && uniform() < self.fault_rate => {
                Ok(Some(Injection::Fault(self.fault)))
            }
            (None, None) if self.error_rate > 0.0 && uniform() < self.error_rate => {
                Ok(Some(Injection::Status(self.error_status)))
            }
            (None, None) => Ok(None),
        }
    }
}

fn parse_status(text: &str) -> Result<StatusCode, Problem> {
    let out_of_range = || {
        Problem::bad_request(format!(
            "`status` must be a whole number from {} to {}, not `{text}`",
            STATUS_RANGE.start(),
            STATUS_RANGE.end()
        ))
    };
    let code: u16 = text.trim().parse().map_err(|_| out_of_range())?;
    if !STATUS_RANGE.contains(&code) {
        return Err(out_of_range());
    }
    StatusCode::from_u16(code).map_err(|_| out_of_range())
}

/// Parses a rate for clap: a number from 0 to 1.
pub fn parse_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text.parse().map_err(|_| format!("`{text}` is not a number"))?;
    if !(0.0..=1.0).contains(&rate) {
        return Err(format!("a rate is from 0 to 1, not {rate}"));
    }
    Ok(rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> f64 {
        panic!("no draw when the request names what it wants")
    }

    #[test]
    fn a_request_names_a_status_or_a_fault() {
        let plan = FaultPlan::default();
        assert_eq!(
            plan.pick(Some("503"), None, never).unwrap(),
            Some(Injection::Status(StatusCode::SERVICE_UNAVAILABLE))
        );
        assert_eq!(plan.pick(Some("200"), None, never).unwrap(), Some(Injection::Status(StatusCode::OK)));
        for fault in Fault::ALL {
            assert_eq!(plan.pick(None, Some(fault.name()), never).unwrap(), Some(Injection::Fault(fault)));
        }
        assert_eq!(plan.pick(None, None, never).unwrap(), None, "no rates, no draw");
    }

    #[test]
    fn bad_values_are_400s_that_name_what_is_accepted() {
        let plan = FaultPlan::default();
        for bad in ["99", "199", "600", "abc", "", "-1", "5.0"] {
            let problem = plan.pick(Some(bad), None, never).unwrap_err();
            assert_eq!(problem.status, StatusCode::BAD_REQUEST);
            assert!(problem.detail.contains("from 200 to 599"), "{bad}: {}", problem.detail);
        }
        let problem = plan.pick(None, Some("boom"), never).unwrap_err();
        assert_eq!(problem.detail, "`fault` must be one of reset, empty, malformed or hang, not `boom`");
        assert!(plan.pick(Some("500"), Some("reset"), never).unwrap_err().detail.contains("not both"));
    }

    #[test]
    fn rates_draw_a_fault_first_then_an_error() {
        let plan = FaultPlan { error_rate: 0.5, fault_rate: 0.25, fault: Fault::Hang, ..FaultPlan::default() };
        let mut draws = [0.1].into_iter();
        assert_eq!(plan.pick(None, None, || draws.next().unwrap()).unwrap(), Some(Injection::Fault(Fault::Hang)));
        let mut draws = [0.9, 0.4].into_iter();
        let error = Some(Injection::Status(StatusCode::INTERNAL_SERVER_ERROR));
        assert_eq!(plan.pick(None, None, || draws.next().unwrap()).unwrap(), error);
        let mut draws = [0.9, 0.6].into_iter();
        assert_eq!(plan.pick(None, None, || draws.next().unwrap()).unwrap(), None);
    }

    #[test]
    fn rates_are_from_zero_to_one() {
        assert_eq!(parse_rate("0.25"), Ok(0.25));
        assert_eq!(parse_rate("1"), Ok(1.0));
        assert!(parse_rate("1.5").unwrap_err().contains("from 0 to 1"));
        assert!(parse_rate("-0.1").is_err() && parse_rate("NaN").is_err() && parse_rate("half").is_err());
    }
}
