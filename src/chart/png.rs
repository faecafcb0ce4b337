//! The PNG backend: plotters' bitmap backend with text drawn correctly from the embedded font.
//!
//! plotters 0.3.7 draws `ab_glyph` text without each glyph's left side bearing, so letters
//! sit unevenly ("auto nomy"). This wrapper delegates everything to `BitMapBackend` except
//! `draw_text`, which places each glyph at its outline's real pixel bounds. Measuring
//! (`estimate_text_size`) stays plotters' own: the sum of advances, which is what we draw.

use ab_glyph::{point, Font, FontRef, ScaleFont};
use plotters::prelude::{BitMapBackend, DrawingBackend};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontStyle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

type Bitmap<'a> = BitMapBackend<'a>;
type Failure<'a> = DrawingErrorKind<<Bitmap<'a> as DrawingBackend>::ErrorType>;

pub(super) struct PngBackend<'a> {
    inner: Bitmap<'a>,
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl<'a> PngBackend<'a> {
    pub(super) fn new(inner: Bitmap<'a>) -> Result<Self, ab_glyph::InvalidFont> {
        Ok(PngBackend {
            inner,
            regular: FontRef::try_from_slice(dejavu::sans::regular())?,
            bold: FontRef::try_from_slice(dejavu::sans::bold())?,
        })
    }
}

impl<'a> DrawingBackend for PngBackend<'a> {
    type ErrorType = <Bitmap<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Failure<'a>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Failure<'a>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure<'a>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure<'a>> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure<'a>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Failure<'a>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Failure<'a>> {
        let colour = style.color();
        let face = if matches!(style.style(), FontStyle::Bold) {
            &self.bold
        } else {
            &self.regular
        };
        let font = face.as_scaled(style.size() as f32);
        let mut pen = Vec::with_capacity(text.len());
        let mut x = 0.0f32;
        let mut prev = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                x += font.kern(p, id);
            }
            pen.push((id, x));
            x += font.h_advance(id);
            prev = Some(id);
        }
        let height = font.ascent() - font.descent();
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Center => -x / 2.0,
            HPos::Right => -x,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0.0,
            VPos::Center => -height / 2.0,
            VPos::Bottom => -height,
        };
        let (trans, (w, h)) = (style.transform(), self.get_size());
        let mut pixels = Vec::new();
        for (id, gx) in pen {
            let glyph =
                id.with_scale_and_position(font.scale(), point(gx + dx, dy + font.ascent()));
            if let Some(outline) = font.outline_glyph(glyph) {
                let min = outline.px_bounds().min;
                outline.draw(|px, py, coverage| {
                    let (tx, ty) =
                        trans.transform(min.x as i32 + px as i32, min.y as i32 + py as i32);
                    pixels.push(((pos.0 + tx, pos.1 + ty), coverage));
                });
            }
        }
        for ((px, py), coverage) in pixels {
            if px >= 0 && py >= 0 && (px as u32) < w && (py as u32) < h && coverage > 0.0 {
                let alpha = colour.alpha * f64::from(coverage.min(1.0));
                self.inner.draw_pixel(
                    (px, py),
                    BackendColor {
                        alpha,
                        rgb: colour.rgb,
                    },
                )?;
            }
        }
        Ok(())
    }
}
