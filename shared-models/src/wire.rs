//! Serde helpers that give our types ASP.NET Web API's wire format.
//!
//! Use them with `#[serde(with = "...")]` on a field.

/// A C# `decimal` as a JSON number: `1.99`, never `1.9899999999999999`.
///
/// Serializing goes through `f64`, whose shortest round-trip text of a price
/// with a few decimals is exactly those decimals; reading parses the number's
/// text, so no binary rounding sneaks in on the way back.
pub mod decimal {
    pub use rust_decimal::serde::float::{deserialize, serialize};
}

/// A `DateTime.Now` as ASP.NET Web API wrote it with Json.NET's defaults
/// (`yyyy-MM-ddTHH:mm:ss.FFFFFFFK`): `2012-06-01T10:49:06.4795332-07:00`.
///
/// The sample's gizmo dates were local times (`DateTime.Now.AddDays(...)`, of kind
/// Local), and Json.NET writes a local time with up to seven fractional digits
/// (.NET's 100 ns ticks), trailing zeros dropped (and the dot too when all are
/// zero), and the offset of the machine's time zone at that instant. We keep the
/// date as the local clock time it is ([`NaiveDateTime`](chrono::NaiveDateTime)) and
/// write it with the offset of the server's local time zone (chrono's `Local`: `TZ`
/// or `/etc/localtime`; a container on UTC writes `+00:00`).
///
/// Reading accepts any number of fractional digits, with or without an offset
/// (or `Z`), and keeps the clock time as written, because that is what a
/// `DateTime` of kind Local read by Json.NET would show.
pub mod local_date_time {
    use chrono::offset::LocalResult;
    use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, Offset, TimeZone, Timelike};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// Writes the date as Json.NET wrote a local `DateTime`.
    pub fn serialize<S: Serializer>(value: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(value, local_offset(value)))
    }

    /// Reads a date with or without an offset.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse::<NaiveDateTime>()
            .or_else(|_| DateTime::parse_from_rfc3339(&text).map(|d| d.naive_local()))
            .map_err(|_| D::Error::custom(format!("`{text}` is not an ISO-8601 date and time")))
    }

    /// `value` (a clock time at `offset`) as `yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz`:
    /// what Json.NET wrote for a local `DateTime`, and the DataContractSerializer
    /// for the same value in XML.
    pub fn format(value: &NaiveDateTime, offset: FixedOffset) -> String {
        let mut text = value.format("%Y-%m-%dT%H:%M:%S").to_string();
        // .NET counts 100 ns ticks: seven digits at most; "F" drops trailing zeros.
        let ticks = value.nanosecond() % 1_000_000_000 / 100;
        if ticks > 0 {
            let digits = format!("{ticks:07}");
            text.push('.');
            text.push_str(digits.trim_end_matches('0'));
        }
        let seconds = offset.local_minus_utc();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        text.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
        text
    }

    /// The offset of the server's time zone at the clock time `value`. In the
    /// hour a clock is set back the time is ambiguous: the later (standard)
    /// offset, as .NET's `TimeZoneInfo.GetUtcOffset` assumed standard time; in
    /// the hour that never happens, the offset of the UTC instant with that clock time.
    pub fn local_offset(value: &NaiveDateTime) -> FixedOffset {
        match Local.offset_from_local_datetime(value) {
            LocalResult::Single(offset) | LocalResult::Ambiguous(_, offset) => offset.fix(),
            LocalResult::None => Local.offset_from_utc_datetime(value).fix(),
        }
    }
}
