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

/// A `DateTime` as ASP.NET wrote it: `2026-11-26T08:41:46.123`, no offset.
///
/// Writes milliseconds (or none when they are zero); reads any number of
/// fractional digits, and also a trailing offset or `Z`, keeping the clock time
/// as written, because that is what a `DateTime` of kind Local would show.
pub mod local_date_time {
    use chrono::{DateTime, NaiveDateTime};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    const WRITE_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3f";

    /// Writes the date without an offset.
    pub fn serialize<S: Serializer>(value: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let text = value.format(WRITE_FORMAT).to_string();
        serializer.serialize_str(text.strip_suffix(".000").unwrap_or(&text))
    }

    /// Reads a date with or without an offset.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse::<NaiveDateTime>()
            .or_else(|_| DateTime::parse_from_rfc3339(&text).map(|d| d.naive_local()))
            .map_err(|_| D::Error::custom(format!("`{text}` is not an ISO-8601 date and time")))
    }
}
