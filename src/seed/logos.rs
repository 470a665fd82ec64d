//! Logos for the demo companies, drawn here rather than shipped as files: a rounded square in
//! a colour and with a mark (disc, diamond, bars, triangle) that follow from the company's
//! name. They go through the same checks, storage and versions task as an uploaded logo, so
//! a first start shows logos on every page that has them.

use diesel::prelude::*;
use image::{Rgb, RgbImage};

use crate::db::DbConn;
use crate::db::schema::companies;
use crate::tasks::Task;
use crate::uploads::{Storage, logo};

const SIDE: u32 = 256;

/// A stable small hash of `name` (FNV-1a), so that each company keeps its look.
fn hash(name: &str) -> u32 {
    name.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// An RGB colour from a hue in degrees, at fixed saturation and lightness that carry white.
fn colour(hue: u32) -> Rgb<u8> {
    let h = (hue % 360) as f32 / 60.0;
    let (c, l) = (0.55_f32, 0.42_f32);
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let byte = |v: f32| ((v + m).clamp(0.0, 1.0) * 255.0).round() as u8;
    Rgb([byte(r), byte(g), byte(b)])
}

/// The demo logo of `name`, as PNG bytes.
pub fn draw(name: &str) -> Vec<u8> {
    let h = hash(name);
    let background = colour(h % 360);
    let white = Rgb([255, 255, 255]);
    let mark = h / 360 % 4;
    let c = SIDE as f32 / 2.0;
    let image = RgbImage::from_fn(SIDE, SIDE, |x, y| {
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        // Rounded corners (radius 40) are left white, like the page behind them.
        let r = 40.0;
        let (cx, cy) = (fx.clamp(r, SIDE as f32 - r), fy.clamp(r, SIDE as f32 - r));
        if (fx - cx).powi(2) + (fy - cy).powi(2) > r * r {
            return white;
        }
        let (dx, dy) = (fx - c, fy - c);
        let inside = match mark {
            0 => dx * dx + dy * dy < 64.0 * 64.0,
            1 => dx.abs() + dy.abs() < 80.0,
            2 => {
                dy.abs() < 70.0
                    && ((dx + 60.0).abs() < 14.0 || dx.abs() < 14.0 || (dx - 60.0).abs() < 14.0)
            }
            _ => dy < 55.0 && dy > -65.0 && dx.abs() < (dy + 65.0) * 0.6,
        };
        if inside { white } else { background }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).expect("encoding a PNG in memory");
    out.into_inner()
}

/// Gives every company without a logo its drawn one, and enqueues the versions; returns how
/// many were stored. For the demo data only.
pub async fn store(pool: &crate::db::DbPool, storage: &Storage) -> Result<usize, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let without: Vec<(i64, String)> = companies::table
        .filter(companies::logo_key.is_null())
        .select((companies::id, companies::name))
        .load(&mut conn)
        .map_err(|e| format!("reading the companies: {e}"))?;
    for (id, name) in &without {
        let checked = logo::check(&draw(name), false)
            .map_err(|e| format!("the demo logo of {name}: {e:?}"))?;
        let key = checked.new_key();
        storage.put(&key, checked.bytes).await?;
        attach(&mut conn, *id, &key).map_err(|e| format!("the demo logo of {name}: {e}"))?;
    }
    Ok(without.len())
}

fn attach(conn: &mut DbConn, id: i64, key: &str) -> QueryResult<()> {
    crate::db::write_transaction(conn, |conn| {
        diesel::update(companies::table.find(id))
            .set((companies::logo_key.eq(key), companies::logo_versions.eq(false)))
            .execute(conn)?;
        crate::tasks::logo_versions::LogoVersions { company_id: id, key: key.to_owned() }
            .enqueue(conn)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_gets_a_logo_that_passes_the_upload_checks() {
        let a = logo::check(&draw("Nordlicht Logistik GmbH"), false).unwrap();
        let b = logo::check(&draw("Dnipro Soft"), false).unwrap();
        assert_eq!((a.width, a.height), (SIDE, SIDE));
        assert_ne!(a.bytes, b.bytes);
        assert_eq!(draw("Dnipro Soft"), draw("Dnipro Soft"));
    }

    #[test]
    fn colours_stay_dark_enough_for_a_white_mark() {
        for hue in (0..360).step_by(15) {
            let Rgb([r, g, b]) = colour(hue);
            let luma = 0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b);
            assert!(luma < 170.0, "hue {hue}: {r},{g},{b}");
        }
    }
}
