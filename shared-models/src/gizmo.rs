//! A gizmo: the resource with a date and a stock count.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A gizmo as the Web API sends it, keys in the sample's order:
/// `{"Id":1,"Name":"Gizmo 1","IntroducedDate":"2026-11-26T08:41:46.1234567+00:00","Quantity":42}`.
///
/// The date is the sample's `DateTime.Now.AddDays(4 * i)`, a local time, written
/// as Json.NET wrote one: up to seven fractional digits and the offset of the
/// server's time zone ([`crate::wire::local_date_time`]). In memory it is the
/// local clock time; reading also accepts a date without an offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Gizmo {
    /// The gizmo's number, from 1.
    pub id: i32,
    /// Display name, "Gizmo 1" and so on.
    pub name: String,
    /// When the gizmo is (or was) introduced.
    #[serde(with = "crate::wire::local_date_time")]
    pub introduced_date: NaiveDateTime,
    /// How many are in stock.
    pub quantity: i32,
}
