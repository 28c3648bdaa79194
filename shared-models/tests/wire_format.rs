//! The models read and write JSON exactly as ASP.NET Web API wrote it.

use std::str::FromStr;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use shared_models::{Gizmo, Product, Widget, catalog};

fn date(text: &str) -> NaiveDateTime {
    text.parse().unwrap()
}

#[test]
fn products_round_trip_with_pascal_case_keys_and_exact_prices() {
    let json = r#"[{"Id":1,"Name":"Product 1","Price":1.99},{"Id":2,"Name":"Product 2","Price":2.99}]"#;

    let parsed: Vec<Product> = serde_json::from_str(json).unwrap();

    assert_eq!(parsed, catalog::products());
    assert_eq!(parsed[0].price, Decimal::from_str("1.99").unwrap());
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

#[test]
fn widgets_round_trip() {
    let json = r#"[{"Id":1,"Name":"Widget 1","Price":1.88},{"Id":2,"Name":"Widget 2","Price":2.88}]"#;

    let parsed: Vec<Widget> = serde_json::from_str(json).unwrap();

    assert_eq!(parsed, catalog::widgets());
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

#[test]
fn prices_keep_every_decimal_digit_of_larger_values() {
    let json = r#"{"Id":7,"Name":"Dear","Price":123456.07}"#;

    let parsed: Product = serde_json::from_str(json).unwrap();

    assert_eq!(parsed.price, Decimal::from_str("123456.07").unwrap());
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

#[test]
fn gizmos_round_trip_in_the_samples_key_order_with_dates_without_offset() {
    let json = r#"{"Id":1,"Name":"Gizmo 1","IntroducedDate":"2026-11-26T08:41:46.123","Quantity":42}"#;

    let parsed: Gizmo = serde_json::from_str(json).unwrap();

    assert_eq!(parsed.introduced_date, date("2026-11-26T08:41:46.123"));
    assert_eq!(parsed.quantity, 42);
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

#[test]
fn whole_seconds_are_written_without_a_fraction() {
    let gizmo = Gizmo { id: 3, name: "Gizmo 3".into(), introduced_date: date("2026-12-01T10:00:00"), quantity: 3 };

    let json = serde_json::to_string(&gizmo).unwrap();

    assert_eq!(json, r#"{"Id":3,"Name":"Gizmo 3","IntroducedDate":"2026-12-01T10:00:00","Quantity":3}"#);
}

#[test]
fn dates_as_json_net_wrote_them_are_read_too() {
    // Seven fractional digits, and an offset as JSON.NET adds for local times.
    for (text, expected) in [
        ("2012-03-19T07:22:00.1234567", "2012-03-19T07:22:00.1234567"),
        ("2012-03-19T07:22:00.1234567-07:00", "2012-03-19T07:22:00.1234567"),
        ("2012-03-19T07:22:00Z", "2012-03-19T07:22:00"),
    ] {
        let json = format!(r#"{{"Id":1,"Name":"G","IntroducedDate":"{text}","Quantity":5}}"#);
        let parsed: Gizmo = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed.introduced_date, date(expected), "reading {text}");
    }
}

#[test]
fn malformed_values_are_rejected_with_a_clear_reason() {
    let bad_date = r#"{"Id":1,"Name":"G","IntroducedDate":"next tuesday","Quantity":5}"#;
    let error = serde_json::from_str::<Gizmo>(bad_date).unwrap_err().to_string();
    assert!(error.contains("`next tuesday` is not an ISO-8601 date"), "{error}");

    let camel_case = r#"{"id":1,"name":"Product 1","price":1.99}"#;
    let error = serde_json::from_str::<Product>(camel_case).unwrap_err().to_string();
    assert!(error.contains("missing field `Id`"), "{error}");
}
