//! The search's results on a map: postings grouped by where they are, in cells the size of
//! a marker at the map's zoom, never more than a given number of groups whatever the number of
//! postings (cells grow until they fit).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::geo::Point;
use super::index::{SearchIndex, TextMatches, Window, unix};
use super::params::SearchParams;
use super::query::{Filter, intersect};

/// The width of a cell in screen pixels at the zoom asked for (a marker with its margin).
const CELL_PIXELS: f64 = 60.0;
/// The deepest zoom of web maps.
pub const MAX_ZOOM: u8 = 20;

/// Postings close together on the map: where their centre is, how many, and the box they
/// span.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub centre: Point,
    pub count: u32,
    /// West, south, east, north.
    pub bounds: [f64; 4],
    /// The posting's id, for a cluster of one.
    pub only: Option<i64>,
}

/// What the map shows for a search.
#[derive(Debug, Default)]
pub struct MapResult {
    pub clusters: Vec<Cluster>,
    /// How many postings match the search.
    pub total: usize,
    /// How many of them have no place on the map (remote ones, mostly).
    pub unplaced: usize,
}

/// Web Mercator coordinates in [0, 1]: the plane map tiles are cut from.
pub(super) fn project((lat, lon): Point) -> (f64, f64) {
    let lat = lat.clamp(-85.051_128, 85.051_128).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    (x, y)
}

#[derive(Default)]
struct Cell {
    count: u32,
    lat: f64,
    lon: f64,
    bounds: [f64; 4],
    first: u32,
}

impl SearchIndex {
    /// The postings matching `params` (their `bbox` included), grouped for a map at `zoom`, in
    /// at most `limit` clusters, largest first.
    pub fn map(
        &self,
        params: &SearchParams,
        text: Option<&TextMatches>,
        now: NaiveDateTime,
        zoom: u8,
        limit: usize,
    ) -> Arc<MapResult> {
        let window = self.window_at(unix(now));
        // The same search on the same postings groups the same way: the map of the whole board
        // reads every posting (a million on a large board), and every visitor opening the map
        // asks for it.
        // A "posted within" filter moves with the clock.
        let moving = params.posted_within.map_or(0, |_| unix(now));
        let key = format!("{zoom}:{limit}:{moving}:{}:{params:?}", text.is_some());
        self.map_memo.get_or(key, &window, || {
            self.group_for_map(params, text, &window, unix(now), zoom, limit)
        })
    }

    fn group_for_map(
        &self,
        params: &SearchParams,
        text: Option<&TextMatches>,
        window: &Window,
        now: i64,
        zoom: u8,
        limit: usize,
    ) -> MapResult {
        let sets: Vec<_> =
            Filter::ALL.into_iter().filter_map(|f| self.filter_set(f, params, text, now)).collect();
        let result = intersect(window, sets.iter().map(|s| s.as_ref()));
        let placed: Vec<(u32, Point, (f64, f64))> = result
            .iter()
            .filter_map(|i| {
                let at = i as usize;
                self.columns.point[at].map(|p| (i, p, self.columns.projected[at]))
            })
            .collect();
        let mut size = CELL_PIXELS / 256.0 / f64::from(1u32 << zoom.min(MAX_ZOOM));
        let cells = loop {
            let cells = group(&placed, size);
            if cells.len() <= limit.max(1) {
                break cells;
            }
            size *= 2.0;
        };
        let mut clusters: Vec<Cluster> = cells
            .into_values()
            .map(|c| Cluster {
                centre: (c.lat / f64::from(c.count), c.lon / f64::from(c.count)),
                count: c.count,
                bounds: c.bounds,
                only: (c.count == 1).then(|| self.columns.id[c.first as usize]),
            })
            .collect();
        // Largest first, then north to south and west to east: the same answer every time.
        clusters.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(b.centre.0.total_cmp(&a.centre.0))
                .then(a.centre.1.total_cmp(&b.centre.1))
        });
        MapResult {
            clusters,
            total: result.len() as usize,
            unplaced: result.len() as usize - placed.len(),
        }
    }
}

/// The postings in square cells of `size` (in projected units), keyed by cell.
fn group(placed: &[(u32, Point, (f64, f64))], size: f64) -> HashMap<(i64, i64), Cell> {
    let mut cells: HashMap<(i64, i64), Cell> = HashMap::new();
    for (pos, (lat, lon), (x, y)) in placed {
        let key = ((x / size).floor() as i64, (y / size).floor() as i64);
        let cell = cells.entry(key).or_insert_with(|| Cell {
            bounds: [*lon, *lat, *lon, *lat],
            first: *pos,
            ..Default::default()
        });
        cell.count += 1;
        cell.lat += lat;
        cell.lon += lon;
        let b = &mut cell.bounds;
        b[0] = b[0].min(*lon);
        b[1] = b[1].min(*lat);
        b[2] = b[2].max(*lon);
        b[3] = b[3].max(*lat);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(points: &[Point]) -> Vec<(u32, Point, (f64, f64))> {
        points.iter().enumerate().map(|(i, p)| (i as u32, *p, project(*p))).collect()
    }

    #[test]
    fn the_projection_is_web_mercator() {
        let (x, y) = project((0.0, 0.0));
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        let (x, y) = project((85.051_128, -180.0));
        assert!(x.abs() < 1e-12 && y.abs() < 1e-6, "{x} {y}");
    }

    #[test]
    fn near_points_share_a_cell_far_ones_do_not() {
        let points = placed(&[(52.52, 13.40), (52.53, 13.41), (48.14, 11.58)]);
        let size = CELL_PIXELS / 256.0 / 64.0; // zoom 6: ~80 km cells at this latitude
        let cells = group(&points, size);
        let mut counts: Vec<u32> = cells.values().map(|c| c.count).collect();
        counts.sort();
        assert_eq!(counts, [1, 2]);
        let berlin = cells.values().find(|c| c.count == 2).unwrap();
        assert_eq!(berlin.bounds, [13.40, 52.52, 13.41, 52.53]);
    }
}
