//! GridView with `AutoGenerateColumns`: a table whose columns come from the
//! model's fields, as they appear in its wire format.
//!
//! The sample's grids listed each public property as a column. Here a model's
//! serde form gives the fields, in declaration order, so a new field on a model
//! shows up in its grid without touching the page.

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

fn cell(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
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
