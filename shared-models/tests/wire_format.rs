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

/// The offset chrono's `Local` gives this machine at `clock`, as `+01:00`: what the
/// server writes after each gizmo date. Computed here apart from the code under test.
fn local_offset_text(clock: &str) -> String {
    use chrono::TimeZone;
    chrono::Local.from_local_datetime(&date(clock)).latest().unwrap().format("%:z").to_string()
}

#[test]
fn gizmos_round_trip_in_the_samples_key_order_with_the_local_offset() {
    let offset = local_offset_text("2026-11-26T08:41:46.123");
    let json =
        format!(r#"{{"Id":1,"Name":"Gizmo 1","IntroducedDate":"2026-11-26T08:41:46.123{offset}","Quantity":42}}"#);

    let parsed: Gizmo = serde_json::from_str(&json).unwrap();

    assert_eq!(parsed.introduced_date, date("2026-11-26T08:41:46.123"));
    assert_eq!(parsed.quantity, 42);
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

#[test]
fn whole_seconds_are_written_without_a_fraction_and_ticks_with_seven_digits() {
    let whole = Gizmo { id: 3, name: "Gizmo 3".into(), introduced_date: date("2026-12-01T10:00:00"), quantity: 3 };
    let ticks = Gizmo { introduced_date: date("2026-12-01T10:00:00.4795332"), ..whole.clone() };

    let offset = local_offset_text("2026-12-01T10:00:00");
    assert_eq!(
        serde_json::to_string(&whole).unwrap(),
        format!(r#"{{"Id":3,"Name":"Gizmo 3","IntroducedDate":"2026-12-01T10:00:00{offset}","Quantity":3}}"#)
    );
    assert_eq!(
        serde_json::to_string(&ticks).unwrap(),
        format!(r#"{{"Id":3,"Name":"Gizmo 3","IntroducedDate":"2026-12-01T10:00:00.4795332{offset}","Quantity":3}}"#)
    );
}

/// Text Json.NET really wrote for known instants (`yyyy-MM-ddTHH:mm:ss.FFFFFFFK`):
/// - Json.NET's IsoDateTimeConverterTests: `new DateTimeOffset(2000, 12, 15, 22, 11, 3, 55,
///   TimeSpan.Zero)` gives `"2000-12-15T22:11:03.055+00:00"` (55 ms: trailing zeros dropped).
/// - Json.NET's documentation, "DateTimeZoneHandling setting": a local `DateTime` of
///   2013-01-21 on a machine at UTC+1, `"DepartureDateLocal": "2013-01-21T00:00:00+01:00"`
///   (no fraction at all).
/// - A Newtonsoft.Json test of local times at UTC+9:
///   `DateTime.Parse("2000-02-29T01:23:45.1234567")` gives `"2000-02-29T01:23:45.1234567+09:00"`.
#[test]
fn dates_are_written_as_json_net_wrote_known_instants() {
    use chrono::FixedOffset;
    use shared_models::wire::local_date_time::format;
    let hours = |h: i32| FixedOffset::east_opt(h * 3600).unwrap();

    assert_eq!(format(&date("2000-12-15T22:11:03.055"), hours(0)), "2000-12-15T22:11:03.055+00:00");
    assert_eq!(format(&date("2013-01-21T00:00:00"), hours(1)), "2013-01-21T00:00:00+01:00");
    assert_eq!(format(&date("2000-02-29T01:23:45.1234567"), hours(9)), "2000-02-29T01:23:45.1234567+09:00");
    // The issue's example, a Pacific daylight time, and a half-hour zone west of UTC.
    assert_eq!(format(&date("2012-06-01T10:49:06.4795332"), hours(-7)), "2012-06-01T10:49:06.4795332-07:00");
    let newfoundland = FixedOffset::west_opt(3 * 3600 + 1800).unwrap();
    assert_eq!(format(&date("2012-06-01T10:49:06.47"), newfoundland), "2012-06-01T10:49:06.47-03:30");
    // Below .NET's 100 ns tick there is nothing to write.
    assert_eq!(format(&date("2012-06-01T10:49:06.000000099"), hours(0)), "2012-06-01T10:49:06+00:00");
}

#[test]
fn dates_as_json_net_wrote_them_are_read_with_or_without_an_offset() {
    // Seven fractional digits, and an offset as JSON.NET adds for local times.
    for (text, expected) in [
        ("2012-03-19T07:22:00.1234567", "2012-03-19T07:22:00.1234567"),
        ("2012-03-19T07:22:00.1234567-07:00", "2012-03-19T07:22:00.1234567"),
        ("2012-03-19T07:22:00Z", "2012-03-19T07:22:00"),
        ("2026-11-26T08:41:46.123", "2026-11-26T08:41:46.123"),
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
