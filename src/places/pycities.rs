//! The `pycities` package's database (an SQLite file inside its wheel): GeoNames' cities of
//! 15,000 people and more, and capitals, with English and Ukrainian names. Its main name is
//! GeoNames' (often the local one), which gives the German name of German-speaking countries'
//! cities where it differs from the English one (Köln, Zürich); the back office has the rest.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable, Text};
use diesel::sqlite::SqliteConnection;

use super::ImportedPlace;
use crate::i18n::Locale;

#[derive(QueryableByName)]
struct CityRow {
    #[diesel(sql_type = BigInt)]
    geonames_id: i64,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Nullable<Text>)]
    name_en: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    name_uk: Option<String>,
    #[diesel(sql_type = Text)]
    country_code: String,
    #[diesel(sql_type = Double)]
    latitude: f64,
    #[diesel(sql_type = Double)]
    longitude: f64,
    #[diesel(sql_type = BigInt)]
    population: i64,
    /// The country's languages, most spoken first ("de-CH,fr-CH,it-CH,rm").
    #[diesel(sql_type = Nullable<Text>)]
    languages: Option<String>,
}

/// Every city of the database file at `path`.
pub fn read(path: &std::path::Path) -> Result<Vec<ImportedPlace>, String> {
    let url = path.to_str().ok_or("the database path is not UTF-8")?;
    let mut conn = SqliteConnection::establish(&format!("file:{url}?mode=ro"))
        .map_err(|e| format!("opening {}: {e}", path.display()))?;
    let rows: Vec<CityRow> = diesel::sql_query(
        "SELECT c.geonames_id, c.name, c.name_en, c.name_uk, c.country_code, c.latitude, \
         c.longitude, c.population, co.languages \
         FROM city c LEFT JOIN country co ON co.iso = c.country_code ORDER BY c.geonames_id",
    )
    .load(&mut conn)
    .map_err(|e| format!("reading {}: {e} (is it the pycities database?)", path.display()))?;
    Ok(rows.into_iter().map(place).collect())
}

fn place(row: CityRow) -> ImportedPlace {
    let english = row.name_en.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| row.name.clone());
    let mut names = Vec::new();
    let german_speaking = row.languages.as_deref().is_some_and(|l| l.starts_with("de"));
    if german_speaking && row.name != english {
        names.push((Locale::DE, row.name.clone()));
    }
    if let Some(uk) = row.name_uk.filter(|n| !n.trim().is_empty()) {
        names.push((Locale::UK, uk));
    }
    ImportedPlace {
        geonames_id: row.geonames_id,
        name: english,
        country: row.country_code.to_ascii_uppercase(),
        latitude: row.latitude,
        longitude: row.longitude,
        population: row.population,
        names,
    }
}
