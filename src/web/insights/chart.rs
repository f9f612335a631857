//! The insights chart: one horizontal bar per row, people's clicks and the channels'
//! engagement stacked, drawn on the server as SVG (plotters), so it reads without JavaScript.
//! Its words come from the page's language; plotters escapes every text it writes.

use plotters::prelude::*;

const BLUE: RGBColor = RGBColor(31, 78, 121);
const AMBER: RGBColor = RGBColor(242, 165, 65);

fn short(s: &str) -> String {
    if s.chars().count() <= 22 {
        s.to_string()
    } else {
        s.chars().take(21).collect::<String>() + "…"
    }
}

/// Bars for at most twelve `(label, first, second)` rows; empty without rows.
pub fn bars(rows: &[(String, i64, i64)], first: &str, second: &str) -> String {
    // Nothing earned yet: bars of zero say nothing the table does not.
    if rows.iter().all(|r| r.1 + r.2 == 0) {
        return String::new();
    }
    let rows = &rows[..rows.len().min(12)];
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, rows, first, second).map_err(|e| e.to_string()) {
        tracing::warn!(error = %e, "could not draw the insights chart");
        return String::new();
    }
    // Named for screen readers; the table below it holds the same numbers.
    let label = format!("{first}, {second}")
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" "),
        1,
    )
}

fn draw<'a>(
    svg: &'a mut String,
    rows: &[(String, i64, i64)],
    first: &str,
    second: &str,
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    let n = rows.len();
    let height = 80 + 40 * n as u32;
    let root = SVGBackend::with_string(svg, (960, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let max = rows.iter().map(|r| r.1 + r.2).max().unwrap_or(0).max(1);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(30)
        .y_label_area_size(210)
        .build_cartesian_2d(0i64..(max + max / 8 + 1), (0..n).into_segmented())?;
    let labels: Vec<String> = rows.iter().map(|r| short(&r.0)).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(RGBColor(233, 237, 242))
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .x_labels(6)
        .label_style(("sans-serif", 18))
        .draw()?;
    let band = |i: usize, from: i64, to: i64, color: RGBColor| {
        let mut r = Rectangle::new(
            [
                (from, SegmentValue::Exact(i)),
                (to, SegmentValue::Exact(i + 1)),
            ],
            color.filled(),
        );
        r.set_margin(7, 7, 0, 0);
        r
    };
    chart
        .draw_series(rows.iter().enumerate().map(|(i, r)| band(i, 0, r.1, BLUE)))?
        .label(first)
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], BLUE.filled()));
    chart
        .draw_series(
            rows.iter()
                .enumerate()
                .map(|(i, r)| band(i, r.1, r.1 + r.2, AMBER)),
        )?
        .label(second)
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], AMBER.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(("sans-serif", 17))
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(221, 227, 234))
        .draw()?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::bars;

    #[test]
    fn one_bar_per_row_with_labels_escaped() {
        let svg = bars(
            &[
                ("Mastodon".into(), 12, 30),
                ("<script>x</script>".into(), 5, 0),
            ],
            "Clicks",
            "Engagement",
        );
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"Clicks, Engagement\""),
            "{svg}"
        );
        assert!(svg.contains("\nMastodon\n"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("\nEngagement\n"), "the legend");
        assert_eq!(bars(&[], "a", "b"), "");
        assert_eq!(
            bars(&[("Feed".into(), 0, 0)], "a", "b"),
            "",
            "nothing earned"
        );
    }
}
