//! Distances on the Earth, and the postings within a radius of a point.

use roaring::RoaringBitmap;

use super::params::Bbox;

/// The mean radius of the Earth (IUGG), in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Kilometres along one degree of latitude.
const KM_PER_DEGREE: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

/// A latitude and longitude in decimal degrees.
pub type Point = (f64, f64);

/// The great-circle distance between two points, by the haversine formula (well conditioned
/// at the short distances a job search asks about).
pub fn distance_km(a: Point, b: Point) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The postings that have coordinates, ordered by latitude: a radius search reads only the band
/// of latitudes the circle spans, skips the longitudes it cannot reach, then measures each
/// candidate. Each entry carries its point: reading it by position would jump around memory
/// for every entry of the band.
#[derive(Debug, Default)]
pub(super) struct ByLatitude {
    /// Latitude, longitude, position.
    entries: Vec<(f64, f64, u32)>,
}

impl ByLatitude {
    pub(super) fn new(points: &[Option<Point>]) -> ByLatitude {
        let mut entries: Vec<(f64, f64, u32)> = points
            .iter()
            .enumerate()
            .filter_map(|(pos, p)| p.map(|(lat, lon)| (lat, lon, pos as u32)))
            .collect();
        entries.sort_by(|a, b| a.0.total_cmp(&b.0));
        ByLatitude { entries }
    }

    /// The positions whose point is at most `km` from `centre`.
    pub(super) fn within(&self, centre: Point, km: f64) -> RoaringBitmap {
        // A degree of latitude is the same length everywhere: the band is exact, and a little
        // wider than needed so that rounding never drops a point on the circle.
        let band = km / KM_PER_DEGREE + 1e-6;
        // The widest longitude a circle spans, from its centre's latitude (the tangent
        // meridians); none near a pole, where the circle may span them all.
        let angle = km / EARTH_RADIUS_KM;
        let reach = angle.sin() / centre.0.to_radians().cos();
        let lon_reach =
            if angle < std::f64::consts::FRAC_PI_2 && reach < 1.0 && centre.0.abs() + band < 90.0 {
                reach.asin().to_degrees() + 1e-6
            } else {
                f64::INFINITY
            };
        let start = self.entries.partition_point(|(lat, _, _)| *lat < centre.0 - band);
        self.entries[start..]
            .iter()
            .take_while(|(lat, _, _)| *lat <= centre.0 + band)
            .filter(|(lat, lon, _)| {
                let east_west = ((lon - centre.1 + 540.0) % 360.0 - 180.0).abs();
                east_west <= lon_reach && distance_km(centre, (*lat, *lon)) <= km
            })
            .map(|(_, _, pos)| *pos)
            .collect()
    }

    /// The positions whose point lies in `bbox`.
    pub(super) fn inside(&self, bbox: &Bbox) -> RoaringBitmap {
        let start = self.entries.partition_point(|(lat, _, _)| *lat < bbox.south);
        self.entries[start..]
            .iter()
            .take_while(|(lat, _, _)| *lat <= bbox.north)
            .filter(|(lat, lon, _)| bbox.contains((*lat, *lon)))
            .map(|(_, _, pos)| *pos)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_known_ones() {
        let berlin = (52.5200, 13.4050);
        let munich = (48.1372, 11.5756);
        // 504 km by the great circle (on a sphere of the mean radius).
        assert!(
            (distance_km(berlin, munich) - 504.4).abs() < 1.0,
            "{}",
            distance_km(berlin, munich)
        );
        assert_eq!(distance_km(berlin, berlin), 0.0);
        // Half the world round: no NaN where rounding pushes the haversine past 1.
        let antipode = (-52.52, 13.405 - 180.0);
        assert!(
            (distance_km(berlin, antipode) - EARTH_RADIUS_KM * std::f64::consts::PI).abs() < 0.01
        );
    }

    /// The positions within `km` of `centre`, each point measured.
    fn measured(points: &[Option<Point>], centre: Point, km: f64) -> RoaringBitmap {
        points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_some_and(|p| distance_km(centre, p) <= km))
            .map(|(i, _)| i as u32)
            .collect()
    }

    #[test]
    fn a_band_finds_exactly_the_points_within_the_radius() {
        let points: Vec<Option<Point>> = (0..400)
            .map(|i| {
                (i % 9 != 0)
                    .then_some((50.0 + (i % 20) as f64 * 0.05, 10.0 + (i / 20) as f64 * 0.07))
            })
            .collect();
        let index = ByLatitude::new(&points);
        let centre = (50.5, 10.6);
        for km in [5.0, 25.0, 50.0, 200.0] {
            assert_eq!(index.within(centre, km), measured(&points, centre, km), "{km} km");
        }
    }

    #[test]
    fn the_longitude_shortcut_drops_no_point_anywhere_on_earth() {
        let points: Vec<Option<Point>> = (-89..=89)
            .step_by(3)
            .flat_map(|lat| (-180..180).step_by(4).map(move |lon| Some((lat as f64, lon as f64))))
            .collect();
        let index = ByLatitude::new(&points);
        for centre in [(50.5, 10.6), (0.0, 179.9), (-60.0, -179.0), (84.0, 30.0), (-88.0, 0.0)] {
            for km in [300.0, 500.0, 2000.0, 8000.0, 12000.0] {
                let expected = measured(&points, centre, km);
                assert!(!expected.is_empty());
                assert_eq!(index.within(centre, km), expected, "{centre:?}, {km} km");
            }
        }
    }
}
