//! Layout helpers shared by the charts: palette, font sizes, legend strip, category axes.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

pub(super) type Area<DB> = DrawingArea<DB, Shift>;
pub(super) type Drawn<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
pub(super) type Chart2d<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Okabe–Ito, with yellow late: it is the hardest to see on white.
pub(super) const PALETTE: [RGBColor; 8] = [
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x00, 0x00),
];
pub(super) const SUPPORT: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub(super) const OPPOSE: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub(super) const MENTION: RGBColor = RGBColor(0x99, 0x99, 0x99);
pub(super) const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub(super) const BAND: RGBColor = RGBColor(0xF3, 0xF3, 0xF3);

pub(super) fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// `c` mixed with white; `keep` is the share of `c` kept.
pub(super) fn tint(c: RGBColor, keep: f64) -> RGBColor {
    let mix = |v: u8| (255.0 - (255.0 - f64::from(v)) * keep).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// Font sizes and spacing, scaled with the chart so a 2000 × 1200 chart looks like 1000 × 600.
pub(super) struct Theme {
    k: f64,
}

impl Theme {
    pub(super) fn new(width: u32, height: u32) -> Self {
        let k = (f64::from(width) / 1000.0).min(f64::from(height) / 600.0);
        Theme {
            k: k.clamp(0.5, 4.0),
        }
    }
    pub(super) fn px(&self, v: f64) -> u32 {
        (v * self.k).round().max(1.0) as u32
    }
    pub(super) fn font(&self, v: f64) -> TextStyle<'static> {
        ("sans-serif", v * self.k).into_font().color(&BLACK)
    }
    pub(super) fn bold(&self, v: f64) -> TextStyle<'static> {
        FontDesc::new(FontFamily::SansSerif, v * self.k, FontStyle::Bold).color(&BLACK)
    }
}

/// Distinct values in order of first appearance.
pub(super) fn uniq<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in items {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

pub(super) fn index(list: &[&str], s: &str) -> usize {
    list.iter().position(|x| *x == s).unwrap_or(0)
}

/// The largest finite value, or `floor`.
pub(super) fn finite_max(values: impl IntoIterator<Item = f64>, floor: f64) -> f64 {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(floor, f64::max)
}

/// Vertical centre of category row `i` of `n`, the first at the top.
pub(super) fn row(n: usize, i: usize) -> f64 {
    (n - i) as f64 - 0.5
}

#[derive(Clone, Copy)]
pub(super) enum Mark {
    Fill(RGBColor),
    Light(RGBColor),
    Whisker,
    Line(RGBColor),
}

/// Draws a centred legend strip (wrapping into rows) at the top of `area`; returns the rest.
pub(super) fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    items: &[(String, Mark)],
) -> Drawn<Area<DB>, DB> {
    let font = th.font(15.0);
    let (w, _) = area.dim_in_pixel();
    let (sw, gap, sep, row_h) = (
        th.px(16.0) as i32,
        th.px(8.0) as i32,
        th.px(26.0) as i32,
        th.px(24.0) as i32,
    );
    let mut widths = Vec::new();
    for (text, _) in items {
        widths.push(sw + gap + area.estimate_text_size(text, &font)?.0 as i32);
    }
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (i, &wi) in widths.iter().enumerate() {
        if used > 0 && used + sep + wi > w as i32 {
            rows.push(Vec::new());
            used = 0;
        }
        used += if used > 0 { sep + wi } else { wi };
        rows.last_mut().expect("one row").push(i);
    }
    let (strip, rest) = area.split_vertically(row_h * rows.len() as i32 + th.px(4.0) as i32);
    let style = font.pos(Pos::new(HPos::Left, VPos::Center));
    for (r, members) in rows.iter().enumerate() {
        let total: i32 = members.iter().map(|&i| widths[i] + sep).sum::<i32>() - sep;
        let (mut x, y) = ((w as i32 - total) / 2, row_h * r as i32 + row_h / 2);
        for &i in members {
            draw_mark(&strip, th, items[i].1, (x, y), sw)?;
            strip.draw_text(&items[i].0, &style, (x + sw + gap, y))?;
            x += widths[i] + sep;
        }
    }
    Ok(rest)
}

/// Draws a legend key `size` pixels wide with its left middle at `(x, y)`.
fn draw_mark<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    mark: Mark,
    (x, y): (i32, i32),
    size: i32,
) -> Drawn<(), DB> {
    let (half, edge) = (size / 2, th.px(1.5));
    let square = [(x, y - half), (x + size, y + half)];
    let line =
        |a: (i32, i32), b: (i32, i32), style: ShapeStyle| PathElement::new(vec![a, b], style);
    match mark {
        Mark::Fill(c) => area.draw(&Rectangle::new(square, c.filled())),
        Mark::Light(c) => {
            area.draw(&Rectangle::new(square, tint(c, 0.35).filled()))?;
            area.draw(&Rectangle::new(square, c.stroke_width(edge)))
        }
        Mark::Whisker => {
            let s = BLACK.stroke_width(edge);
            area.draw(&line((x, y), (x + size, y), s))?;
            area.draw(&line((x, y - half), (x, y + half), s))?;
            area.draw(&line((x + size, y - half), (x + size, y + half), s))
        }
        Mark::Line(c) => {
            area.draw(&line((x, y), (x + size, y), c.stroke_width(th.px(3.0))))?;
            area.draw(&Circle::new((x + half, y), th.px(4.0), c.filled()))
        }
    }
}

/// `text` cut to at most `max` pixels wide, with an ellipsis when cut.
pub(super) fn fit<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    font: &TextStyle,
    max: u32,
) -> Drawn<String, DB> {
    let mut chars: Vec<char> = text.chars().collect();
    let mut out = text.to_string();
    while area.estimate_text_size(&out, font)?.0 > max && !chars.is_empty() {
        chars.pop();
        out = chars.iter().collect::<String>() + "…";
    }
    Ok(out)
}

/// Width of the label column: the widest label plus padding, at most `cap` pixels.
pub(super) fn label_width<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    labels: &[&str],
    cap: u32,
) -> Drawn<u32, DB> {
    let font = th.font(15.0);
    let mut widest = 0;
    for l in labels {
        widest = widest.max(area.estimate_text_size(l, &font)?.0);
    }
    Ok((widest + th.px(14.0)).min(cap))
}

/// A chart with categories down the y axis (labels drawn by `row_labels`) and x from `x`.
pub(super) fn cat_chart<'a, DB: DrawingBackend>(
    area: &'a Area<DB>,
    th: &Theme,
    caption: Option<&str>,
    left: u32,
    n: usize,
    x: Range<f64>,
    x_desc: &str,
) -> Drawn<Chart2d<'a, DB>, DB> {
    let mut builder = ChartBuilder::on(area);
    builder
        .margin_top(th.px(8.0))
        .margin_left(th.px(6.0))
        .margin_right(th.px(24.0))
        .x_label_area_size(th.px(52.0))
        .y_label_area_size(left);
    if let Some(c) = caption {
        builder.caption(c, th.bold(16.0));
    }
    let mut chart = builder.build_cartesian_2d(x.clone(), 0.0..n as f64)?;
    let bands = (0..n).filter(|i| i % 2 == 1).map(|i| {
        let y = row(n, i);
        Rectangle::new([(x.start, y - 0.5), (x.end, y + 0.5)], BAND.filled())
    });
    chart.draw_series(bands)?;
    let decimals = if chart.x_range().end - chart.x_range().start < 4.0 {
        1
    } else {
        0
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels((area.dim_in_pixel().0.saturating_sub(left) / th.px(40.0)).clamp(2, 10) as usize)
        .x_desc(x_desc)
        .x_label_formatter(&|v| format!("{v:.decimals$}"))
        .label_style(th.font(13.0))
        .axis_desc_style(th.font(15.0))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .draw()?;
    Ok(chart)
}

/// Draws category labels right-aligned in the label column left of `chart`'s plotting area.
pub(super) fn row_labels<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    chart: &Chart2d<DB>,
    labels: &[&str],
    max: u32,
) -> Drawn<(), DB> {
    let font = th.font(15.0);
    let style = font.pos(Pos::new(HPos::Right, VPos::Center));
    let (bx, by) = area.get_base_pixel();
    for (i, label) in labels.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(chart.x_range().start, row(labels.len(), i)));
        let text = fit(area, label, &font, max.saturating_sub(th.px(12.0)))?;
        area.draw_text(&text, &style, (px - bx - th.px(8.0) as i32, py - by))?;
    }
    Ok(())
}

/// Splits `area` into a grid of `n` panels, wider than tall.
pub(super) fn grid<DB: DrawingBackend>(area: &Area<DB>, n: usize) -> Vec<Area<DB>> {
    let rows = ((n as f64 / 1.5).sqrt().round() as usize).clamp(1, n.max(1));
    let mut panels = area.split_evenly((rows, n.div_ceil(rows)));
    panels.truncate(n);
    panels
}
