//! The public search URL contract (`/{locale}/jobs?q=…&workplace=…`): parsed leniently, so a
//! bad value is dropped with a notice instead of failing the page, and written back as links.

use crate::models::{EmploymentType, Seniority, Workplace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best text match first; only meaningful with `q` (otherwise newest).
    #[default]
    Relevance,
    Newest,
    Salary,
    /// Nearest first; only meaningful with `near` (otherwise as without a sort).
    Distance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Salary, Sort::Distance];
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Salary => "salary",
            Sort::Distance => "distance",
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The posted-within choices offered in the filter form, in days.
pub const POSTED_WITHIN_CHOICES: [i64; 4] = [1, 7, 14, 30];
pub const MAX_PAGE: u32 = 10_000;
pub const MAX_SALARY: i64 = 10_000_000;
/// The radii a location search offers, in kilometres.
pub const RADII: [u32; 6] = [5, 10, 25, 50, 100, 200];
/// The radius of a location search that names none: a commute.
pub const DEFAULT_RADIUS: u32 = 25;

/// Where a location search is centred: coordinates, or a place to look up.
#[derive(Debug, Clone, PartialEq)]
pub enum Near {
    Point { lat: f64, lon: f64 },
    Place(String),
}

impl Near {
    /// `lat,lon` in decimal degrees, or a place's name (without control characters).
    pub fn parse(value: &str) -> Option<Near> {
        if let Some((lat, lon)) = value.split_once(',')
            && let (Ok(lat), Ok(lon)) = (lat.trim().parse::<f64>(), lon.trim().parse::<f64>())
        {
            return ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
                .then_some(Near::Point { lat, lon });
        }
        (value.chars().count() <= 100
            && !value.chars().any(char::is_control)
            && !value.starts_with(|c: char| c.is_ascii_digit() || c == '-'))
        .then(|| Near::Place(value.to_owned()))
    }

    /// The parameter's value: coordinates rounded to about a metre.
    pub fn as_param(&self) -> String {
        match self {
            Near::Point { lat, lon } => format!("{},{}", round5(*lat), round5(*lon)),
            Near::Place(name) => name.clone(),
        }
    }
}

/// A rectangle of the map: west, south, east and north edges in degrees. West may be east of
/// east: the box then spans the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bbox {
    pub fn parse(value: &str) -> Option<Bbox> {
        let numbers: Vec<f64> =
            value.split(',').map(|n| n.trim().parse().ok()).collect::<Option<_>>()?;
        let [west, south, east, north] = numbers[..] else { return None };
        let lon = -180.0..=180.0;
        let lat = -90.0..=90.0;
        (lon.contains(&west)
            && lon.contains(&east)
            && lat.contains(&south)
            && lat.contains(&north)
            && south <= north)
            .then_some(Bbox { west, south, east, north })
    }

    /// The parameter's value, rounded outwards to about a metre: a box written from its
    /// postings' own points still holds them all.
    pub fn as_param(&self) -> String {
        let down = |x: f64| (x * 100_000.0).floor() / 100_000.0;
        let up = |x: f64| (x * 100_000.0).ceil() / 100_000.0;
        format!("{},{},{},{}", down(self.west), down(self.south), up(self.east), up(self.north))
    }

    pub fn contains(&self, (lat, lon): (f64, f64)) -> bool {
        let east_west = if self.west <= self.east {
            (self.west..=self.east).contains(&lon)
        } else {
            lon >= self.west || lon <= self.east
        };
        (self.south..=self.north).contains(&lat) && east_west
    }
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchParams {
    pub q: String,
    pub workplace: Option<Workplace>,
    pub employment_type: Option<EmploymentType>,
    pub seniority: Option<Seniority>,
    pub country: Option<String>,
    pub city: Option<String>,
    pub skills: Vec<String>,
    pub salary_min: Option<i64>,
    pub posted_within: Option<i64>,
    pub company: Option<String>,
    pub near: Option<Near>,
    /// Kilometres around `near`; [`DEFAULT_RADIUS`] when not given.
    pub radius: Option<u32>,
    /// With `near`: whether remote postings (which have no distance) come too.
    pub include_remote: bool,
    /// Only postings on this part of the map ("search as I move the map").
    pub bbox: Option<Bbox>,
    pub sort: Option<Sort>,
    pub page: u32,
}

/// A parameter whose value was not understood and was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParam {
    pub name: &'static str,
    pub value: String,
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl SearchParams {
    /// Parses a raw query string. Unknown parameters (tracking tags and the like) are ignored
    /// silently; known ones with bad values are reported.
    pub fn parse(query: &str) -> (SearchParams, Vec<InvalidParam>) {
        let mut p = SearchParams { page: 1, ..Default::default() };
        let mut invalid = Vec::new();
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let ok = match key.as_ref() {
                "q" => {
                    p.q = value.chars().take(200).collect();
                    true
                }
                "workplace" => set(&mut p.workplace, Workplace::parse(value)),
                "type" => set(&mut p.employment_type, EmploymentType::parse(value)),
                "seniority" => set(&mut p.seniority, Seniority::parse(value)),
                "country" => set(
                    &mut p.country,
                    (value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic()))
                        .then(|| value.to_ascii_uppercase()),
                ),
                "city" => set(
                    &mut p.city,
                    (value.chars().count() <= 100 && !value.chars().any(char::is_control))
                        .then(|| value.to_owned()),
                ),
                "skill" => {
                    let ok = is_slug(value) && p.skills.len() < 10;
                    if ok && !p.skills.iter().any(|s| s == value) {
                        p.skills.push(value.to_owned());
                    }
                    ok
                }
                "salary_min" => set(
                    &mut p.salary_min,
                    value.parse::<i64>().ok().filter(|n| (0..=MAX_SALARY).contains(n)),
                ),
                "posted_within" => set(
                    &mut p.posted_within,
                    value.parse::<i64>().ok().filter(|n| (1..=365).contains(n)),
                ),
                "company" => set(&mut p.company, is_slug(value).then(|| value.to_owned())),
                "near" => set(&mut p.near, Near::parse(value)),
                "radius" => {
                    set(&mut p.radius, value.parse::<u32>().ok().filter(|r| RADII.contains(r)))
                }
                "bbox" => set(&mut p.bbox, Bbox::parse(value)),
                "remote" => match value {
                    "include" => {
                        p.include_remote = true;
                        true
                    }
                    "exclude" => {
                        p.include_remote = false;
                        true
                    }
                    _ => false,
                },
                "sort" => set(&mut p.sort, Sort::parse(value)),
                "page" => match value.parse::<u32>() {
                    Ok(n) if (1..=MAX_PAGE).contains(&n) => {
                        p.page = n;
                        true
                    }
                    _ => false,
                },
                _ => true,
            };
            if !ok {
                let name = PARAM_NAMES.iter().find(|n| **n == key.as_ref()).copied().unwrap_or("?");
                invalid.push(InvalidParam { name, value: value.chars().take(100).collect() });
            }
        }
        // A radius or the remote choice mean nothing without a centre: not kept, so that
        // links and alerts do not carry them.
        if p.near.is_none() {
            p.radius = None;
            p.include_remote = false;
        }
        (p, invalid)
    }

    /// The sort in effect: relevance needs a text query, distance a centre.
    pub fn effective_sort(&self) -> Sort {
        let plain = if self.q.trim().is_empty() { Sort::Newest } else { Sort::Relevance };
        match self.sort {
            Some(Sort::Relevance) | None => plain,
            Some(Sort::Distance) if self.near.is_none() => plain,
            Some(other) => other,
        }
    }

    /// The radius in effect, in kilometres.
    pub fn radius_km(&self) -> u32 {
        self.radius.unwrap_or(DEFAULT_RADIUS)
    }

    /// The query string for these parameters (without `?`), page 1 omitted.
    pub fn to_query(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        if let Some(v) = self.workplace {
            out.append_pair("workplace", v.as_str());
        }
        if let Some(v) = self.employment_type {
            out.append_pair("type", v.as_str());
        }
        if let Some(v) = self.seniority {
            out.append_pair("seniority", v.as_str());
        }
        if let Some(v) = &self.country {
            out.append_pair("country", v);
        }
        if let Some(v) = &self.city {
            out.append_pair("city", v);
        }
        for s in &self.skills {
            out.append_pair("skill", s);
        }
        if let Some(v) = self.salary_min {
            out.append_pair("salary_min", &v.to_string());
        }
        if let Some(v) = self.posted_within {
            out.append_pair("posted_within", &v.to_string());
        }
        if let Some(v) = &self.company {
            out.append_pair("company", v);
        }
        if let Some(v) = &self.near {
            out.append_pair("near", &v.as_param());
            if let Some(r) = self.radius {
                out.append_pair("radius", &r.to_string());
            }
            if self.include_remote {
                out.append_pair("remote", "include");
            }
        }
        if let Some(v) = &self.bbox {
            out.append_pair("bbox", &v.as_param());
        }
        if let Some(v) = self.sort {
            out.append_pair("sort", v.as_str());
        }
        if self.page > 1 {
            out.append_pair("page", &self.page.to_string());
        }
        out.finish()
    }

    /// Whether any filter (not sort or page) is set.
    pub fn has_filters(&self) -> bool {
        let bare = SearchParams { sort: self.sort, page: self.page, ..Default::default() };
        *self != bare
    }
}

/// Every parameter of the search URL contract.
pub const PARAM_NAMES: [&str; 16] = [
    "q",
    "workplace",
    "type",
    "seniority",
    "country",
    "city",
    "skill",
    "salary_min",
    "posted_within",
    "company",
    "near",
    "radius",
    "remote",
    "bbox",
    "sort",
    "page",
];

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_whole_contract() {
        let (p, invalid) = SearchParams::parse(
            "q=rails+engineer&workplace=remote&type=full_time&seniority=senior&country=de&city=Berlin\
             &skill=ruby&skill=redis&salary_min=60000&posted_within=7&company=acme&sort=salary&page=2&utm_source=x",
        );
        assert!(invalid.is_empty(), "{invalid:?}");
        assert_eq!(p.q, "rails engineer");
        assert_eq!(p.workplace, Some(Workplace::Remote));
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        assert_eq!(p.country.as_deref(), Some("DE"));
        assert_eq!(p.skills, ["ruby", "redis"]);
        assert_eq!(p.page, 2);
        let (again, _) = SearchParams::parse(&p.to_query());
        assert_eq!(again, p);
    }

    #[test]
    fn bad_values_are_reported_and_ignored() {
        let (p, invalid) = SearchParams::parse(
            "workplace=moon&salary_min=-5&page=0&country=Germany&skill=<b>&sort=x",
        );
        assert_eq!(p, SearchParams { page: 1, ..Default::default() });
        let names: Vec<_> = invalid.iter().map(|i| i.name).collect();
        assert_eq!(names, ["workplace", "salary_min", "page", "country", "skill", "sort"]);
    }

    #[test]
    fn near_takes_coordinates_or_a_place() {
        let (p, invalid) = SearchParams::parse("near=52.52,13.405&radius=50&remote=include");
        assert!(invalid.is_empty(), "{invalid:?}");
        assert_eq!(p.near, Some(Near::Point { lat: 52.52, lon: 13.405 }));
        assert_eq!((p.radius_km(), p.include_remote), (50, true));
        assert_eq!(SearchParams::parse(&p.to_query()).0, p);
        let (p, _) = SearchParams::parse("near=K%C3%B6ln");
        assert_eq!(p.near, Some(Near::Place("Köln".into())));
        assert_eq!(p.radius_km(), DEFAULT_RADIUS);
        let (p, invalid) = SearchParams::parse("near=91,0&radius=7&remote=maybe");
        let names: Vec<_> = invalid.iter().map(|i| i.name).collect();
        assert_eq!(names, ["near", "radius", "remote"]);
        assert_eq!(p, SearchParams { page: 1, ..Default::default() });
        let (p, _) = SearchParams::parse("radius=50&remote=include&sort=distance");
        assert_eq!((p.radius, p.include_remote), (None, false), "nothing without a centre");
        assert_eq!(p.effective_sort(), Sort::Newest);
    }

    #[test]
    fn a_bbox_is_four_edges_and_may_cross_the_antimeridian() {
        let (p, invalid) = SearchParams::parse("bbox=5.9,47.3,15.0,55.1");
        assert!(invalid.is_empty());
        let bbox = p.bbox.unwrap();
        assert!(bbox.contains((52.52, 13.4)) && !bbox.contains((48.2, 16.37)));
        assert_eq!(SearchParams::parse(&p.to_query()).0, p);
        let pacific = Bbox::parse("170,-50,-170,-30").unwrap();
        assert!(pacific.contains((-41.3, 174.8)) && pacific.contains((-40.0, -175.0)));
        assert!(!pacific.contains((-40.0, 0.0)));
        let tight = Bbox { west: 13.400004, south: 52.5, east: 13.400006, north: 52.5 };
        let written = Bbox::parse(&tight.as_param()).unwrap();
        assert!(written.contains((52.5, 13.400004)) && written.contains((52.5, 13.400006)));
        for bad in ["1,2,3", "1,2,3,4,5", "0,10,5,5", "0,0,181,1", "a,b,c,d"] {
            assert_eq!(Bbox::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn relevance_needs_a_query() {
        let (p, _) = SearchParams::parse("sort=relevance");
        assert_eq!(p.effective_sort(), Sort::Newest);
        let (p, _) = SearchParams::parse("q=go");
        assert_eq!(p.effective_sort(), Sort::Relevance);
    }
}
