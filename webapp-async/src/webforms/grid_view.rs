//! GridView with `AutoGenerateColumns`: a table whose columns come from the
//! model's fields, as they appear in its wire format.
//!
//! The sample's grids listed each public property as a column. Here a model's
//! serde form gives the fields, in declaration order, so a new field on a model
//! shows up in its grid without touching the page.
//!
//! A GridView bound a `DateTime` column with the culture's general format: on
//! the sample's en-US servers `11/28/2026 7:30:09 PM`. The wire form is text
//! (`2026-11-28T19:30:09.115`, or with an offset), so a cell whose text reads
//! as an ISO-8601 date and time is shown that way, with its clock time as
//! written (a local `DateTime`, as the page would have held it).

use chrono::{DateTime, NaiveDateTime};
use maud::{Markup, html};
use serde::Serialize;
use serde_json::Value;

/// A table of `items`, one column per field of the first item.
pub fn grid_view<T: Serialize>(items: &[T]) -> Markup {
    let rows: Vec<serde_json::Map<String, Value>> = items
        .iter()
        .filter_map(|item| match serde_json::to_value(item) {
            Ok(Value::Object(fields)) => Some(fields),
            _ => None,
        })
        .collect();
    let columns: Vec<&String> = rows.first().map(|r| r.keys().collect()).unwrap_or_default();
    html! {
        table.grid {
            thead { tr { @for column in &columns { th { (column) } } } }
            tbody {
                @for row in &rows {
                    tr {
                        @for column in &columns {
                            @let value = row.get(*column).unwrap_or(&Value::Null);
                            @if value.is_number() { td.number { (cell(value)) } } @else { td { (cell(value)) } }
                        }
                    }
                }
            }
        }
    }
}

/// `DateTime.ToString()` under en-US: month/day/year without leading zeros,
/// a 12-hour clock with seconds, AM or PM.
const EN_US_GENERAL_DATE_TIME: &str = "%-m/%-d/%Y %-I:%M:%S %p";

fn cell(value: &Value) -> String {
    match value {
        Value::String(text) => match date_time(text) {
            Some(when) => when.format(EN_US_GENERAL_DATE_TIME).to_string(),
            None => text.clone(),
        },
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `text` as a date and time, if it is one: without an offset, or with one
/// (then its clock time as written).
fn date_time(text: &str) -> Option<NaiveDateTime> {
    text.parse::<NaiveDateTime>().ok().or_else(|| DateTime::parse_from_rfc3339(text).ok().map(|d| d.naive_local()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_come_from_the_fields_in_order() {
        let html = grid_view(&shared_models::catalog::products()).into_string();

        assert!(html.contains("<tr><th>Id</th><th>Name</th><th>Price</th></tr>"), "{html}");
        assert!(html.contains(r#"<td class="number">1</td><td>Product 1</td><td class="number">1.99</td>"#), "{html}");
    }

    /// A GridView's `DateTime` cell under en-US, as `DateTime.ToString()` wrote it.
    #[test]
    fn dates_read_as_a_gridview_showed_them_under_en_us() {
        for (wire, shown) in [
            ("2026-11-28T19:30:09.115", "11/28/2026 7:30:09 PM"),
            ("2012-06-01T10:49:06.4795332-07:00", "6/1/2012 10:49:06 AM"),
            ("2026-01-05T00:05:00+00:00", "1/5/2026 12:05:00 AM"),
            ("2026-12-31T12:00:00", "12/31/2026 12:00:00 PM"),
        ] {
            assert_eq!(cell(&Value::String(wire.into())), shown, "{wire}");
        }
        for text in ["Gizmo 1", "2026-11-28", "19:30:09", ""] {
            assert_eq!(cell(&Value::String(text.into())), text, "not a date and time: kept as written");
        }
    }

    #[test]
    fn values_are_escaped() {
        #[derive(Serialize)]
        struct Row {
            name: &'static str,
        }
        let html = grid_view(&[Row { name: "<script>" }]).into_string();
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    }
}
