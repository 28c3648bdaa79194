//! The sample's data, generated on each call "as if from a database".
//!
//! The numbers follow the sample exactly: products cost 0.99 + i, widgets
//! 0.88 + i, and gizmos have a random stock in [3, 333) and are introduced
//! 4 × i days from now.

use chrono::{Duration, NaiveDateTime, Timelike};
use rust_decimal::Decimal;

use crate::{Gizmo, Product, Widget};

/// How many products the catalog holds (ids 1 and 2).
pub const PRODUCT_COUNT: i32 = 2;
/// How many widgets the catalog holds (ids 1 and 2).
pub const WIDGET_COUNT: i32 = 2;
/// How many gizmos the catalog holds (ids 1 to 3).
pub const GIZMO_COUNT: i32 = 3;

/// `base + i` as an exact decimal with two places, e.g. `0.99 + 1 = 1.99`.
fn price(cents_base: i64, i: i32) -> Decimal {
    Decimal::new(cents_base + 100 * i64::from(i), 2)
}

/// Products 1 and 2 at 1.99 and 2.99.
pub fn products() -> Vec<Product> {
    (1..=PRODUCT_COUNT).map(|i| Product { id: i, name: format!("Product {i}"), price: price(99, i) }).collect()
}

/// Widgets 1 and 2 at 1.88 and 2.88.
pub fn widgets() -> Vec<Widget> {
    (1..=WIDGET_COUNT).map(|i| Widget { id: i, name: format!("Widget {i}"), price: price(88, i) }).collect()
}

/// Gizmos 1 to 3, introduced `now + 4 * i` days, with a random quantity in [3, 333).
///
/// `now` is a parameter (not read here) so that tests can pin it; the time is
/// cut to whole milliseconds, the precision the wire format carries.
pub fn gizmos(now: NaiveDateTime, rng: &mut fastrand::Rng) -> Vec<Gizmo> {
    let now = now.with_nanosecond(now.nanosecond() / 1_000_000 * 1_000_000).unwrap_or(now);
    (1..=GIZMO_COUNT)
        .map(|i| Gizmo {
            id: i,
            name: format!("Gizmo {i}"),
            introduced_date: now + Duration::days(4 * i64::from(i)),
            quantity: rng.i32(3..333),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn prices_follow_the_sample_exactly() {
        let prices: Vec<_> = products().into_iter().map(|p| p.price).collect();
        assert_eq!(prices, [Decimal::from_str("1.99").unwrap(), Decimal::from_str("2.99").unwrap()]);
        let prices: Vec<_> = widgets().into_iter().map(|w| w.price).collect();
        assert_eq!(prices, [Decimal::from_str("1.88").unwrap(), Decimal::from_str("2.88").unwrap()]);
    }

    #[test]
    fn gizmos_are_spaced_four_days_apart_with_quantities_in_range() {
        let now = "2026-11-22T08:00:00.123456".parse::<NaiveDateTime>().unwrap();
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200 {
            let gizmos = gizmos(now, &mut rng);
            assert_eq!(gizmos.len(), 3);
            for (g, i) in gizmos.iter().zip(1..) {
                assert_eq!(g.id, i);
                assert_eq!(g.name, format!("Gizmo {i}"));
                assert!((3..333).contains(&g.quantity), "quantity {} out of [3, 333)", g.quantity);
                let expected = "2026-11-22T08:00:00.123".parse::<NaiveDateTime>().unwrap();
                assert_eq!(g.introduced_date, expected + Duration::days(4 * i64::from(i)));
            }
        }
    }
}
