//! A product: the first of the sample's three resources.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A product as the Web API sends it: `{"Id":1,"Name":"Product 1","Price":1.99}`.
///
/// `Price` is a [`Decimal`], not an `f64`, because the sample used C#'s `decimal`:
/// `0.99 + 1` must be exactly `1.99`, both in memory and on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Product {
    /// The product's number, from 1.
    pub id: i32,
    /// Display name, "Product 1" and so on.
    pub name: String,
    /// Unit price, written as a JSON number with its exact decimal digits.
    #[serde(with = "crate::wire::decimal")]
    pub price: Decimal,
}
