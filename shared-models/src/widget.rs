//! A widget: the same shape as a product, with other prices.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A widget as the Web API sends it: `{"Id":1,"Name":"Widget 1","Price":1.88}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Widget {
    /// The widget's number, from 1.
    pub id: i32,
    /// Display name, "Widget 1" and so on.
    pub name: String,
    /// Unit price, written as a JSON number with its exact decimal digits.
    #[serde(with = "crate::wire::decimal")]
    pub price: Decimal,
}
