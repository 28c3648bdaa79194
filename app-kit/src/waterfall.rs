//! The waterfall: a page's backend calls as bars on one time axis, in SVG.
//!
//! On the synchronous PWG page the three bars form a staircase, each call
//! starting when the one before has ended; on PWGasync they lie side by side.
//! The picture makes the lesson visible at a glance.

use std::time::Duration;

use maud::{Markup, html};

use crate::timeline::{CallOutcome, CallSpan};

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 90.0;
const ROW_HEIGHT: f64 = 26.0;
const AXIS_HEIGHT: f64 = 22.0;

/// An SVG picture of `calls` on a time axis from 0 to `total`.
pub fn waterfall(calls: &[CallSpan], total: Duration) -> Markup {
    let total_ms = total.max(calls.iter().map(|c| c.end).max().unwrap_or_default()).as_secs_f64() * 1000.0;
    let scale = (WIDTH - LABEL_WIDTH - 60.0) / total_ms.max(1.0);
    let height = calls.len() as f64 * ROW_HEIGHT + AXIS_HEIGHT;
    let x = |at: Duration| LABEL_WIDTH + at.as_secs_f64() * 1000.0 * scale;
    html! {
        figure.waterfall {
            svg xmlns="http://www.w3.org/2000/svg" role="img" width=(WIDTH) height=(height)
                viewBox=(format!("0 0 {WIDTH} {height}"))
                aria-label="When each call to the Web API ran" {
                @for (row, call) in calls.iter().enumerate() {
                    @let y = row as f64 * ROW_HEIGHT;
                    @let ms = (call.end - call.start).as_millis();
                    text x="0" y=(y + 17.0) { (call.label) }
                    rect class=(bar_class(call.outcome)) x=(format!("{:.1}", x(call.start))) y=(y + 4.0)
                        width=(format!("{:.1}", (x(call.end) - x(call.start)).max(1.0))) height=(ROW_HEIGHT - 8.0) {
                        title { (call.label) ": " (call.start.as_millis()) "–" (call.end.as_millis()) " ms (" (outcome_word(call.outcome)) ")" }
                    }
                    text x=(format!("{:.1}", x(call.end) + 4.0)) y=(y + 17.0) { (ms) " ms" }
                }
                @let axis_y = calls.len() as f64 * ROW_HEIGHT + 4.0;
                line x1=(LABEL_WIDTH) y1=(axis_y) x2=(format!("{:.1}", LABEL_WIDTH + total_ms * scale)) y2=(axis_y) class="axis" {}
                text x=(LABEL_WIDTH) y=(axis_y + 16.0) { "0" }
                text x=(format!("{:.1}", LABEL_WIDTH + total_ms * scale)) y=(axis_y + 16.0) text-anchor="end" {
                    (format!("{total_ms:.0} ms"))
                }
            }
            figcaption { "Calls to the Web API on one time axis, from the start of the page's work." }
        }
    }
}

fn bar_class(outcome: CallOutcome) -> &'static str {
    match outcome {
        CallOutcome::Ok => "bar ok",
        CallOutcome::Failed => "bar failed",
        CallOutcome::Cancelled => "bar cancelled",
    }
}

fn outcome_word(outcome: CallOutcome) -> &'static str {
    match outcome {
        CallOutcome::Ok => "answered",
        CallOutcome::Failed => "failed",
        CallOutcome::Cancelled => "cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: &str, start: u64, end: u64) -> CallSpan {
        CallSpan {
            label: label.into(),
            start: Duration::from_millis(start),
            end: Duration::from_millis(end),
            outcome: CallOutcome::Ok,
        }
    }

    #[test]
    fn bars_sit_where_their_calls_ran() {
        let calls = [span("Products", 0, 500), span("Widgets", 500, 1000)];

        let svg = waterfall(&calls, Duration::from_millis(1000)).into_string();

        // 490 px of axis for 1000 ms: the second bar starts halfway.
        assert!(svg.contains(r#"x="90.0" y="4" width="245.0""#), "{svg}");
        assert!(svg.contains(r#"x="335.0" y="30" width="245.0""#), "{svg}");
        assert!(svg.contains("Widgets: 500–1000 ms (answered)"));
    }

    #[test]
    fn labels_are_escaped() {
        let svg = waterfall(&[span("<b>", 0, 1)], Duration::from_millis(1)).into_string();
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
    }
}
