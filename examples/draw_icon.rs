//! Draws `assets/icon.png`: a journal page whose binding is a spine, with a pain trend falling
//! across it. Run with `cargo run --example draw_icon` after changing the drawing.

use image::{Rgba, RgbaImage};

const SIZE: u32 = 256;
const SAMPLES: u32 = 4;

type Color = [f32; 4];

fn rgb(hex: u32) -> Color {
    [
        ((hex >> 16) & 0xff) as f32 / 255.0,
        ((hex >> 8) & 0xff) as f32 / 255.0,
        (hex & 0xff) as f32 / 255.0,
        1.0,
    ]
}

/// Signed distance to a rounded rectangle given by its centre, half size and corner radius.
fn rounded_rect(p: (f32, f32), centre: (f32, f32), half: (f32, f32), radius: f32) -> f32 {
    let qx = (p.0 - centre.0).abs() - half.0 + radius;
    let qy = (p.1 - centre.1).abs() - half.1 + radius;
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
    outside + qx.max(qy).min(0.0) - radius
}

/// Distance to a line segment.
fn segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (pax, pay) = (p.0 - a.0, p.1 - a.1);
    let (bax, bay) = (b.0 - a.0, b.1 - a.1);
    let h = ((pax * bax + pay * bay) / (bax * bax + bay * bay)).clamp(0.0, 1.0);
    ((pax - bax * h).powi(2) + (pay - bay * h).powi(2)).sqrt()
}

fn over(under: Color, top: Color, coverage: f32) -> Color {
    let a = top[3] * coverage;
    let mut out = [0.0; 4];
    for i in 0..3 {
        out[i] = top[i] * a + under[i] * under[3] * (1.0 - a);
    }
    out[3] = a + under[3] * (1.0 - a);
    let alpha = out[3];
    if alpha > 0.0 {
        for value in out.iter_mut().take(3) {
            *value /= alpha;
        }
    }
    out
}

/// The colour of one sample point.
fn sample(p: (f32, f32)) -> Color {
    let mut color = [0.0; 4];
    let inside = |d: f32| if d <= 0.0 { 1.0 } else { 0.0 };

    // Background: a teal rounded square, lighter at the top.
    let t = p.1 / SIZE as f32;
    let top = rgb(0x2A8C9C);
    let bottom = rgb(0x155E6C);
    let bg = [
        top[0] + (bottom[0] - top[0]) * t,
        top[1] + (bottom[1] - top[1]) * t,
        top[2] + (bottom[2] - top[2]) * t,
        1.0,
    ];
    color = over(
        color,
        bg,
        inside(rounded_rect(p, (128.0, 128.0), (120.0, 120.0), 52.0)),
    );

    // The page, with a soft shadow.
    let shadow = [0.0, 0.0, 0.0, 0.18];
    color = over(
        color,
        shadow,
        inside(rounded_rect(p, (143.0, 133.0), (68.0, 86.0), 16.0)),
    );
    color = over(
        color,
        rgb(0xFAF8F2),
        inside(rounded_rect(p, (140.0, 128.0), (68.0, 86.0), 16.0)),
    );

    // Ruled lines.
    for y in [80.0, 110.0, 140.0, 170.0, 200.0] {
        color = over(
            color,
            rgb(0xDCE3E5),
            inside(segment(p, (100.0, y), (192.0, y)) - 1.5),
        );
    }

    // The binding: five vertebrae down the page's left edge.
    for (index, y) in [62.0_f32, 95.0, 128.0, 161.0, 194.0]
        .into_iter()
        .enumerate()
    {
        let x = 72.0 + (index as f32 - 2.0).powi(2) * -1.5;
        color = over(
            color,
            rgb(0xFAF8F2),
            inside(rounded_rect(p, (x, y), (25.0, 14.0), 11.0)),
        );
        color = over(
            color,
            rgb(0x0F4753),
            inside(rounded_rect(p, (x, y), (21.0, 10.0), 9.0)),
        );
    }

    // The trend: pain falling across the page.
    let points = [
        (104.0, 92.0),
        (126.0, 84.0),
        (148.0, 124.0),
        (170.0, 116.0),
        (190.0, 160.0),
    ];
    let line = points
        .windows(2)
        .map(|pair| segment(p, pair[0], pair[1]))
        .fold(f32::MAX, f32::min);
    color = over(color, rgb(0xE4604E), inside(line - 6.5));
    color = over(
        color,
        rgb(0xE4604E),
        inside(((p.0 - 190.0).powi(2) + (p.1 - 160.0).powi(2)).sqrt() - 11.0),
    );
    color = over(
        color,
        rgb(0xFAF8F2),
        inside(((p.0 - 190.0).powi(2) + (p.1 - 160.0).powi(2)).sqrt() - 5.0),
    );
    color
}

fn main() -> Result<(), image::ImageError> {
    let mut image = RgbaImage::new(SIZE, SIZE);
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let mut sum = [0.0_f32; 4];
        for sy in 0..SAMPLES {
            for sx in 0..SAMPLES {
                let p = (
                    x as f32 + (sx as f32 + 0.5) / SAMPLES as f32,
                    y as f32 + (sy as f32 + 0.5) / SAMPLES as f32,
                );
                let c = sample(p);
                for i in 0..3 {
                    sum[i] += c[i] * c[3];
                }
                sum[3] += c[3];
            }
        }
        let n = (SAMPLES * SAMPLES) as f32;
        let alpha = sum[3] / n;
        let channel = |i: usize| {
            if sum[3] > 0.0 {
                (sum[i] / sum[3] * 255.0).round() as u8
            } else {
                0
            }
        };
        *pixel = Rgba([
            channel(0),
            channel(1),
            channel(2),
            (alpha * 255.0).round() as u8,
        ]);
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon.png");
    image.save(&out)?;
    println!("wrote {}", out.display());
    Ok(())
}
