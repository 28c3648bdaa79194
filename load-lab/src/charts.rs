//! The report's charts, as SVG (plotters' SVG backend needs no font library).

use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws a chart of `size` on an SVG canvas with `paint` and returns the SVG text.
fn svg(
    size: (u32, u32),
    paint: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), String>,
) -> Result<String, String> {
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        paint(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(text)
}

/// The frame every chart shares: title, margins, room for the axis labels.
fn frame<'a, 'b>(root: &'a DrawingArea<SVGBackend<'b>, Shift>, title: &str) -> ChartBuilder<'a, 'b, SVGBackend<'b>> {
    let mut builder = ChartBuilder::on(root);
    builder.caption(title, ("sans-serif", 18)).margin(12).x_label_area_size(40).y_label_area_size(60);
    builder
}

/// A named series of (x, y) points.
pub struct Series<'a> {
    /// The legend's label.
    pub label: String,
    /// The points.
    pub points: &'a [(f64, f64)],
    /// Its colour.
    pub color: RGBColor,
}

/// The two colours of a sync/async pair.
pub const SYNC: RGBColor = RGBColor(198, 40, 40);
/// The async colour.
pub const ASYNC: RGBColor = RGBColor(46, 125, 50);

/// How a series is drawn: dots or a line.
#[derive(Clone, Copy)]
enum Marks {
    Dots,
    Line,
}

/// A scatter chart of `series`, as SVG text.
pub fn scatter(title: &str, x_label: &str, y_label: &str, series: &[Series<'_>]) -> Result<String, String> {
    xy(title, x_label, y_label, series, Marks::Dots)
}

/// A line chart of `series` (points in x order), as SVG text.
pub fn lines(title: &str, x_label: &str, y_label: &str, series: &[Series<'_>]) -> Result<String, String> {
    xy(title, x_label, y_label, series, Marks::Line)
}

/// The x/y chart both share: axes from the points' maxima, a legend.
fn xy(title: &str, x_label: &str, y_label: &str, series: &[Series<'_>], marks: Marks) -> Result<String, String> {
    let max = |f: fn(&(f64, f64)) -> f64| {
        series.iter().flat_map(|s| s.points.iter().map(f)).fold(0.0_f64, f64::max).max(1e-3) * 1.05
    };
    let (x_max, y_max) = (max(|p| p.0), max(|p| p.1));
    svg((720, 420), |root| {
        let mut chart = frame(root, title).build_cartesian_2d(0.0..x_max, 0.0..y_max).map_err(|e| e.to_string())?;
        chart.configure_mesh().x_desc(x_label).y_desc(y_label).draw().map_err(|e| e.to_string())?;
        for s in series {
            let color = s.color;
            let drawn = match marks {
                Marks::Dots => chart
                    .draw_series(s.points.iter().map(|&p| Circle::new(p, 2, color.mix(0.6).filled())))
                    .map_err(|e| e.to_string())?,
                Marks::Line => chart
                    .draw_series(LineSeries::new(s.points.iter().copied(), color.stroke_width(2)))
                    .map_err(|e| e.to_string())?,
            };
            drawn
                .label(s.label.clone())
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], color.stroke_width(3)));
        }
        let corner = match marks {
            Marks::Dots => SeriesLabelPosition::UpperLeft,
            Marks::Line => SeriesLabelPosition::UpperRight,
        };
        chart
            .configure_series_labels()
            .position(corner)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()
            .map_err(|e| e.to_string())
    })
}

/// A bar chart: one bar per (label, value), as SVG text.
pub fn bars(title: &str, y_label: &str, bars: &[(String, f64, RGBColor)]) -> Result<String, String> {
    let y_max = bars.iter().map(|b| b.1).fold(0.0_f64, f64::max).max(1e-3) * 1.15;
    svg((720, 380), |root| {
        let mut chart =
            frame(root, title).build_cartesian_2d(0.0..bars.len() as f64, 0.0..y_max).map_err(|e| e.to_string())?;
        let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(bars.len() * 2 + 1)
            .x_label_formatter(&|x| {
                let i = (*x - 0.5).round();
                if (*x - 0.5 - i).abs() < 0.01 && i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_desc(y_label)
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, value, color))| {
                Rectangle::new([(i as f64 + 0.15, 0.0), (i as f64 + 0.85, *value)], color.filled())
            }))
            .map(drop)
            .map_err(|e| e.to_string())
    })
}
