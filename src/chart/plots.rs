//! The five charts, each drawn on any plotters backend below the title.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{
    cat_chart, colour, finite_max, fit, grid, index, label_width, legend, row, row_labels, tint,
    uniq, Area, Drawn, Mark, Theme, GRID, MENTION, OPPOSE, SUPPORT,
};
use super::{Diverging, KeyTerm, ShareBar, StanceBar, TimePoint};

pub(super) fn share<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    bars: &[ShareBar],
) -> Drawn<(), DB> {
    let bars: Vec<&ShareBar> = bars.iter().filter(|b| b.share.is_finite()).collect();
    let lexicons = uniq(bars.iter().map(|b| b.lexicon.as_str()));
    let actors = uniq(bars.iter().map(|b| b.actor.as_str()));
    let mut items: Vec<(String, Mark)> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.to_string(), Mark::Fill(colour(i))))
        .collect();
    items.push(("95% interval".to_string(), Mark::Whisker));
    let body = legend(area, th, &items)?;
    let top = finite_max(bars.iter().flat_map(|b| [b.share, b.hi]), 0.0) * 100.0;
    let xmax = (top * 1.15).clamp(5.0, 100.0);
    let left = label_width(&body, th, &lexicons, body.dim_in_pixel().0 / 3)?;
    let (n, h) = (lexicons.len(), 0.8 / actors.len() as f64);
    let mut chart = cat_chart(
        &body,
        th,
        None,
        left,
        n,
        0.0..xmax,
        "share of statements (%)",
    )?;
    let pct = |v: f64| (v * 100.0).clamp(0.0, xmax);
    let place = |b: &ShareBar| {
        let upper =
            row(n, index(&lexicons, &b.lexicon)) + 0.4 - h * index(&actors, &b.actor) as f64;
        (upper - h * 0.9, upper, upper - h * 0.45)
    };
    chart.draw_series(bars.iter().map(|b| {
        let (lo_y, hi_y, _) = place(b);
        Rectangle::new(
            [(0.0, lo_y), (pct(b.share), hi_y)],
            colour(index(&actors, &b.actor)).filled(),
        )
    }))?;
    let stroke = BLACK.stroke_width(th.px(1.5));
    let whiskers = bars.iter().filter(|b| b.lo.is_finite() && b.hi.is_finite());
    chart.draw_series(whiskers.flat_map(|b| {
        let (mid, cap) = (place(b).2, h * 0.25);
        let (lo, hi) = (pct(b.lo), pct(b.hi));
        [
            PathElement::new(vec![(lo, mid), (hi, mid)], stroke),
            PathElement::new(vec![(lo, mid - cap), (lo, mid + cap)], stroke),
            PathElement::new(vec![(hi, mid - cap), (hi, mid + cap)], stroke),
        ]
    }))?;
    // The value of each bar right of its whisker (so a 0% bar is visibly 0, not missing), or
    // inside the bar's end when there is no room left.
    let font = th.font(12.0);
    let gap = th.px(5.0) as i32;
    chart.draw_series(bars.iter().map(|b| {
        let end = if b.hi.is_finite() {
            b.share.max(b.hi)
        } else {
            b.share
        };
        let (x, h, dx) = if pct(end) > xmax * 0.88 {
            (pct(b.share), HPos::Right, -gap)
        } else {
            (pct(end), HPos::Left, gap)
        };
        let text = percent(b.share);
        EmptyElement::at((x, place(b).2))
            + Text::new(text, (dx, 0), font.pos(Pos::new(h, VPos::Center)))
    }))?;
    row_labels(&body, th, &chart, &lexicons, left)
}

/// A share as a percentage label: `15%`, `7.3%`, `0%`.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p == 0.0 || p >= 9.95 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

pub(super) fn logodds<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    a: &str,
    b: &str,
    rows: &[Diverging],
) -> Drawn<(), DB> {
    let rows: Vec<&Diverging> = rows.iter().filter(|r| r.z.is_finite()).collect();
    let lexicons: Vec<&str> = rows.iter().map(|r| r.lexicon.as_str()).collect();
    let items = [
        (format!("more {a}"), Mark::Fill(colour(0))),
        (format!("more {b}"), Mark::Fill(colour(1))),
        ("q < 0.05 (BH), marked *".to_string(), Mark::Fill(MENTION)),
        ("not significant".to_string(), Mark::Light(MENTION)),
    ];
    let body = legend(area, th, &items)?;
    let m = finite_max(rows.iter().map(|r| r.z.abs()), 1.0) * 1.3;
    let left = label_width(&body, th, &lexicons, body.dim_in_pixel().0 / 3)?;
    let n = rows.len();
    let desc = format!("log-odds z (positive: more {a})");
    let mut chart = cat_chart(&body, th, None, left, n, -m..m, &desc)?;
    let sig = |r: &Diverging| r.q.is_some_and(|q| q < 0.05);
    let fill = |r: &Diverging| colour(usize::from(r.z < 0.0));
    chart.draw_series(rows.iter().enumerate().flat_map(|(i, r)| {
        let (y, c) = (row(n, i), fill(r));
        let face = if sig(r) {
            c.filled()
        } else {
            tint(c, 0.35).filled()
        };
        let corners = [(0.0, y - 0.3), (r.z, y + 0.3)];
        [
            Rectangle::new(corners, face),
            Rectangle::new(corners, c.stroke_width(th.px(1.5))),
        ]
    }))?;
    let zero = PathElement::new(
        vec![(0.0, 0.0), (0.0, n as f64)],
        BLACK.stroke_width(th.px(1.5)),
    );
    chart.draw_series([zero])?;
    let font = th.font(13.0);
    chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
        let text = format!("{:+.2}{}", r.z, if sig(r) { " *" } else { "" });
        let (h, dx) = if r.z < 0.0 {
            (HPos::Right, -(th.px(5.0) as i32))
        } else {
            (HPos::Left, th.px(5.0) as i32)
        };
        EmptyElement::at((r.z, row(n, i)))
            + Text::new(text, (dx, 0), font.pos(Pos::new(h, VPos::Center)))
    }))?;
    row_labels(&body, th, &chart, &lexicons, left)
}

pub(super) fn stance<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    bars: &[StanceBar],
) -> Drawn<(), DB> {
    let lexicons = uniq(bars.iter().map(|b| b.lexicon.as_str()));
    let actors = uniq(bars.iter().map(|b| b.actor.as_str()));
    let items = [
        ("support", SUPPORT),
        ("oppose", OPPOSE),
        ("mention", MENTION),
    ]
    .map(|(t, c)| (t.to_string(), Mark::Fill(c)));
    let body = legend(area, th, &items)?;
    let total = |b: &StanceBar| (b.support + b.oppose + b.mention) as f64;
    let xmax = (finite_max(bars.iter().map(total), 0.0) * 1.08).max(5.0);
    let (w, _) = body.dim_in_pixel();
    let left = label_width(&body, th, &lexicons, w / 4)?;
    let (strip, plots) = body.split_horizontally(left);
    let n = lexicons.len();
    for (j, (panel, actor)) in plots
        .split_evenly((1, actors.len()))
        .iter()
        .zip(&actors)
        .enumerate()
    {
        let mut chart = cat_chart(
            panel,
            th,
            Some(actor),
            th.px(4.0),
            n,
            0.0..xmax,
            "matches (count)",
        )?;
        for b in bars.iter().filter(|b| b.actor == *actor) {
            let y = row(n, index(&lexicons, &b.lexicon));
            let cuts = [
                0,
                b.support,
                b.support + b.oppose,
                b.support + b.oppose + b.mention,
            ];
            let segs = [SUPPORT, OPPOSE, MENTION]
                .into_iter()
                .enumerate()
                .filter(|&(s, _)| cuts[s + 1] > cuts[s]);
            chart.draw_series(segs.map(|(s, c)| {
                Rectangle::new(
                    [(cuts[s] as f64, y - 0.3), (cuts[s + 1] as f64, y + 0.3)],
                    c.filled(),
                )
            }))?;
        }
        if j == 0 {
            row_labels(&strip, th, &chart, &lexicons, left)?;
        }
    }
    Ok(())
}

pub(super) fn timeline<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    points: &[TimePoint],
) -> Drawn<(), DB> {
    let points: Vec<&TimePoint> = points.iter().filter(|p| p.share.is_finite()).collect();
    let lexicons = uniq(points.iter().map(|p| p.lexicon.as_str()));
    let actors = uniq(points.iter().map(|p| p.actor.as_str()));
    let mut periods = uniq(points.iter().map(|p| p.period.as_str()));
    periods.sort_unstable();
    let mut items: Vec<(String, Mark)> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.to_string(), Mark::Line(colour(i))))
        .collect();
    if points.iter().any(|p| p.lo.is_finite() && p.hi.is_finite()) {
        items.push(("95% interval".to_string(), Mark::Whisker));
    }
    let body = legend(area, th, &items)?;
    let tops = points.iter().flat_map(|p| [p.share, p.hi]);
    let ymax = (finite_max(tops, 0.0) * 108.0).clamp(5.0, 100.0);
    let font = th.font(12.0);
    let mut label_w = 0;
    for period in &periods {
        label_w = label_w.max(body.estimate_text_size(period, &font)?.0 + th.px(10.0));
    }
    for (panel, lexicon) in grid(&body, lexicons.len()).iter().zip(&lexicons) {
        let caption = fit(
            panel,
            lexicon,
            &th.bold(15.0),
            panel.dim_in_pixel().0.saturating_sub(th.px(16.0)),
        )?;
        let mut chart = ChartBuilder::on(panel)
            .margin(th.px(6.0))
            .margin_right(th.px(16.0))
            .caption(caption, th.bold(15.0))
            .x_label_area_size(th.px(24.0))
            .y_label_area_size(th.px(44.0))
            .build_cartesian_2d(-0.5..periods.len() as f64 - 0.5, 0.0..ymax)?;
        chart
            .configure_mesh()
            .x_labels(0)
            .y_labels(5)
            .y_desc("share (%)")
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style(font.clone())
            .axis_desc_style(font.clone())
            .bold_line_style(GRID)
            .light_line_style(TRANSPARENT)
            .draw()?;
        let slot = panel.dim_in_pixel().0.saturating_sub(th.px(60.0)) as f64 / periods.len() as f64;
        let step = ((f64::from(label_w) / slot).ceil() as usize).max(1);
        let (bx, by) = panel.get_base_pixel();
        let style = font.pos(Pos::new(HPos::Center, VPos::Top));
        for (i, period) in periods.iter().enumerate().step_by(step) {
            let (px, py) = chart.backend_coord(&(i as f64, 0.0));
            panel.draw_text(period, &style, (px - bx, py - by + th.px(6.0) as i32))?;
        }
        let pct = |v: f64| (v * 100.0).clamp(0.0, ymax);
        let n = actors.len() as f64;
        for (a, actor) in actors.iter().enumerate() {
            // Actors sit side by side within a period so that whiskers do not cover each other,
            // and earlier actors draw wider, so a line under an equal later one shows its edges.
            let dx = (a as f64 - (n - 1.0) / 2.0) * 0.08;
            let under = (n - 1.0 - a as f64).min(3.0);
            let mine: Vec<(f64, &TimePoint)> = periods
                .iter()
                .enumerate()
                .filter_map(|(i, period)| {
                    let p = points.iter().find(|p| {
                        p.lexicon == *lexicon && p.actor == *actor && p.period == *period
                    })?;
                    Some((i as f64 + dx, *p))
                })
                .collect();
            let c = colour(a);
            let whisker = c.stroke_width(th.px(1.5));
            let cap = 0.025;
            chart.draw_series(
                mine.iter()
                    .filter(|(_, p)| p.lo.is_finite() && p.hi.is_finite())
                    .flat_map(|&(x, p)| {
                        let (lo, hi) = (pct(p.lo), pct(p.hi));
                        [
                            PathElement::new(vec![(x, lo), (x, hi)], whisker),
                            PathElement::new(vec![(x - cap, lo), (x + cap, lo)], whisker),
                            PathElement::new(vec![(x - cap, hi), (x + cap, hi)], whisker),
                        ]
                    }),
            )?;
            let line: Vec<(f64, f64)> = mine.iter().map(|&(x, p)| (x, pct(p.share))).collect();
            let width = th.px(2.5 + 2.0 * under);
            chart.draw_series([PathElement::new(line.clone(), c.stroke_width(width))])?;
            chart.draw_series(
                line.into_iter()
                    .map(|xy| Circle::new(xy, th.px(3.5 + under), c.filled())),
            )?;
        }
    }
    Ok(())
}

pub(super) fn keyness<DB: DrawingBackend>(
    area: &Area<DB>,
    th: &Theme,
    terms: &[KeyTerm],
) -> Drawn<(), DB> {
    let actors = uniq(
        terms
            .iter()
            .filter(|t| t.z.is_finite())
            .map(|t| t.actor.as_str()),
    );
    let lo = terms
        .iter()
        .map(|t| t.z)
        .filter(|z| z.is_finite())
        .fold(0.0, f64::min)
        * 1.1;
    let hi = finite_max(terms.iter().map(|t| t.z), 1.0) * 1.1;
    for (a, (panel, actor)) in grid(area, actors.len()).iter().zip(&actors).enumerate() {
        let mut mine: Vec<&KeyTerm> = terms
            .iter()
            .filter(|t| t.actor == *actor && t.z.is_finite())
            .collect();
        mine.sort_by(|x, y| y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term)));
        let labels: Vec<&str> = mine.iter().map(|t| t.term.as_str()).collect();
        let left = label_width(panel, th, &labels, panel.dim_in_pixel().0 / 2)?;
        let n = labels.len();
        let mut chart = cat_chart(panel, th, Some(actor), left, n, lo..hi, "keyness z")?;
        chart.draw_series(mine.iter().enumerate().map(|(i, t)| {
            Rectangle::new(
                [(0.0, row(n, i) - 0.35), (t.z, row(n, i) + 0.35)],
                colour(a).filled(),
            )
        }))?;
        row_labels(panel, th, &chart, &labels, left)?;
    }
    Ok(())
}
