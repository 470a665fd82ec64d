//! The gazetteer import (`hireboard places import`): cities with their coordinates and names
//! from GeoNames-based data, written into `places` and `place_translations`.
//!
//! Sources: the PyPI package `pycities` (GeoNames data, CC BY 4.0: 26,000 cities with English
//! and Ukrainian names), downloaded at a pinned version and checked against its published
//! digest, or GeoNames' own dump files (`cities15000.txt`, and `alternateNamesV2.txt` for the
//! names in every language) for boards that want more.
//!
//! An import adds what is new and refreshes coordinates and population; it never overwrites a
//! name people may have edited in the back office, and it only adds missing translations.

pub mod download;
pub mod geonames;
#[cfg(feature = "sqlite")]
pub mod pycities;

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{place_translations, places};
use crate::i18n::Locale;
use crate::models::place::{NewPlace, NewPlaceName, bump_version, name_key};

/// One city as a source describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPlace {
    pub geonames_id: i64,
    /// The English (international) name: the original that translations are made from.
    pub name: String,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: i64,
    /// Names in the board's other languages, where the source has them.
    pub names: Vec<(Locale, String)>,
}

impl ImportedPlace {
    /// Whether the record is usable: a name, a two-letter country and coordinates on Earth.
    pub fn is_valid(&self) -> bool {
        !self.name.trim().is_empty()
            && self.name.chars().count() <= 200
            && self.country.len() == 2
            && self.country.bytes().all(|b| b.is_ascii_uppercase())
            && (-90.0..=90.0).contains(&self.latitude)
            && (-180.0..=180.0).contains(&self.longitude)
    }
}

/// What an import changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
    /// Names added per language, by `Locale::index`.
    pub names_added: Vec<usize>,
}

/// Places written between two look-ups of their ids.
const BATCH: usize = 500;

/// Writes `imported` in one transaction and tells the search that places changed.
pub fn write(conn: &mut DbConn, imported: &[ImportedPlace]) -> QueryResult<Report> {
    crate::db::write_transaction(conn, |conn| {
        let now = crate::db::now();
        let mut report = Report { names_added: vec![0; Locale::count()], ..Report::default() };
        let stored: Vec<(Option<i64>, i64, f64, f64, i64, String)> = places::table
            .filter(places::geonames_id.is_not_null())
            .select((
                places::geonames_id,
                places::id,
                places::latitude,
                places::longitude,
                places::population,
                places::country_code,
            ))
            .load(conn)?;
        let stored: HashMap<i64, (i64, f64, f64, i64, String)> = stored
            .into_iter()
            .filter_map(|(g, id, lat, lon, pop, cc)| Some((g?, (id, lat, lon, pop, cc))))
            .collect();
        let mut named: HashSet<(i64, String)> = place_translations::table
            .select((place_translations::place_id, place_translations::locale))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect();
        let mut seen = HashSet::new();
        let valid: Vec<&ImportedPlace> = imported
            .iter()
            .filter(|p| {
                let keep = p.is_valid() && seen.insert(p.geonames_id);
                report.skipped += usize::from(!keep);
                keep
            })
            .collect();
        for chunk in valid.chunks(BATCH) {
            let mut fresh = Vec::new();
            for p in chunk {
                match stored.get(&p.geonames_id) {
                    None => fresh.push(NewPlace {
                        geonames_id: Some(p.geonames_id),
                        name: &p.name,
                        name_key: name_key(&p.name),
                        original_locale: Locale::EN.as_str(),
                        country_code: &p.country,
                        latitude: p.latitude,
                        longitude: p.longitude,
                        population: p.population,
                        created_at: now,
                        updated_at: now,
                        text_updated_at: now,
                    }),
                    Some((id, lat, lon, pop, cc))
                        if (*lat, *lon, *pop, cc.as_str())
                            != (p.latitude, p.longitude, p.population, p.country.as_str()) =>
                    {
                        diesel::update(places::table.find(id))
                            .set((
                                places::latitude.eq(p.latitude),
                                places::longitude.eq(p.longitude),
                                places::population.eq(p.population),
                                places::country_code.eq(&p.country),
                                places::updated_at.eq(now),
                            ))
                            .execute(conn)?;
                        report.updated += 1;
                    }
                    Some(_) => report.unchanged += 1,
                }
            }
            report.added += fresh.len();
            // One statement per row: the connection type over every backend has no multi-row
            // INSERT, and an import is a rare, offline job.
            for row in &fresh {
                diesel::insert_into(places::table).values(row).execute(conn)?;
            }
            let ids: Vec<i64> = chunk.iter().map(|p| p.geonames_id).collect();
            let id_of: HashMap<i64, i64> = places::table
                .filter(places::geonames_id.eq_any(&ids))
                .select((places::geonames_id, places::id))
                .load::<(Option<i64>, i64)>(conn)?
                .into_iter()
                .filter_map(|(g, id)| Some((g?, id)))
                .collect();
            let mut names = Vec::new();
            for p in chunk {
                let Some(id) = id_of.get(&p.geonames_id) else { continue };
                for (locale, name) in &p.names {
                    let name = name.trim();
                    if *locale == Locale::EN
                        || !locale.is_enabled()
                        || name.is_empty()
                        || name.chars().count() > 200
                        || !named.insert((*id, locale.as_str().to_owned()))
                    {
                        continue;
                    }
                    report.names_added[locale.index()] += 1;
                    names.push(NewPlaceName {
                        place_id: *id,
                        locale: locale.as_str(),
                        name,
                        name_key: name_key(name),
                        source_updated_at: now,
                        created_at: now,
                        updated_at: now,
                    });
                }
            }
            for row in &names {
                diesel::insert_into(place_translations::table).values(row).execute(conn)?;
            }
        }
        bump_version(conn)?;
        Ok(report)
    })
}

/// The places of `source`: a pycities wheel (`.whl`) or database (`.db`), or a GeoNames cities
/// file (anything else); the pinned pycities wheel from PyPI without one. A GeoNames alternate
/// names file adds names in every language.
pub fn load(
    source: Option<&std::path::Path>,
    alternate_names: Option<&std::path::Path>,
) -> Result<(Vec<ImportedPlace>, usize), String> {
    let extension = source.and_then(|p| p.extension()).and_then(|e| e.to_str());
    let (mut places, malformed) = match (source, extension) {
        (None, _) | (Some(_), Some("whl")) => {
            let wheel = match source {
                None => download::fetch()?,
                Some(path) => {
                    std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?
                }
            };
            let dir = tempfile::tempdir().map_err(|e| format!("making a temporary folder: {e}"))?;
            let db = dir.path().join("pycities.db");
            download::extract_database(&wheel, &db)?;
            (read_pycities(&db)?, 0)
        }
        (Some(path), Some("db" | "sqlite")) => (read_pycities(path)?, 0),
        (Some(path), _) => {
            let file = std::fs::File::open(path)
                .map_err(|e| format!("opening {}: {e}", path.display()))?;
            geonames::read_cities(std::io::BufReader::new(file))?
        }
    };
    if let Some(path) = alternate_names {
        let file =
            std::fs::File::open(path).map_err(|e| format!("opening {}: {e}", path.display()))?;
        geonames::read_alternate_names(std::io::BufReader::new(file), &mut places)?;
    }
    Ok((places, malformed))
}

#[cfg(feature = "sqlite")]
fn read_pycities(path: &std::path::Path) -> Result<Vec<ImportedPlace>, String> {
    pycities::read(path)
}

#[cfg(not(feature = "sqlite"))]
fn read_pycities(path: &std::path::Path) -> Result<Vec<ImportedPlace>, String> {
    Err(format!(
        "{} is an SQLite database and this build has no SQLite (feature `sqlite`); use a GeoNames \
         cities file instead",
        path.display()
    ))
}
