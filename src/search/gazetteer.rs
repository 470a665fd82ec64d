//! Every place in memory, for the search: `near=München` finds Munich by any of its names
//! without a query, and cities show in the page's language. Reloaded only when places change
//! (`search_state.places_version`), not with every posting.

use std::collections::HashMap;

use diesel::prelude::*;

use super::geo::Point;
use crate::db::DbConn;
use crate::db::schema::{place_translations, places};
use crate::i18n::Locale;
use crate::models::place::name_key;

#[derive(Debug)]
pub struct Entry {
    pub id: i64,
    pub country: String,
    pub point: Point,
    population: i64,
    /// The name in each of `Locale::all()`, the original where there is no translation.
    names: Box<[Box<str>]>,
    /// The same folded by `name_key`, for look-ups.
    keys: Box<[Box<str>]>,
}

impl Entry {
    pub fn name(&self, locale: Locale) -> &str {
        self.names.get(locale.index()).or(self.names.first()).map_or("", |n| n)
    }

    pub fn names(&self) -> &[Box<str>] {
        &self.names
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub version: i64,
    entries: Vec<Entry>,
    by_id: HashMap<i64, u32>,
    /// Every name's key, to the places of that name, most populous first.
    by_key: HashMap<String, Vec<u32>>,
}

impl Gazetteer {
    /// All places and their names (two queries).
    pub fn load(conn: &mut DbConn, version: i64) -> QueryResult<Gazetteer> {
        let rows: Vec<(i64, String, String, f64, f64, i64)> = places::table
            .select((
                places::id,
                places::name,
                places::country_code,
                places::latitude,
                places::longitude,
                places::population,
            ))
            .load(conn)?;
        let translations: Vec<(i64, String, String)> = place_translations::table
            .select((
                place_translations::place_id,
                place_translations::locale,
                place_translations::name,
            ))
            .load(conn)?;
        let mut translated: HashMap<i64, Vec<(Locale, String)>> = HashMap::new();
        for (id, locale, name) in translations {
            if let Some(locale) = Locale::parse(&locale) {
                translated.entry(id).or_default().push((locale, name));
            }
        }
        let entries = rows.into_iter().map(|(id, name, country, lat, lon, population)| {
            let mut names: Box<[Box<str>]> = Locale::table(|_| name.as_str().into()).into();
            for (locale, local) in translated.remove(&id).unwrap_or_default() {
                names[locale.index()] = local.into();
            }
            let keys = names.iter().map(|n| name_key(n).into()).collect();
            Entry { id, country, point: (lat, lon), population, names, keys }
        });
        Ok(Gazetteer::new(version, entries.collect()))
    }

    pub fn new(version: i64, mut entries: Vec<Entry>) -> Gazetteer {
        entries.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
        let mut by_key: HashMap<String, Vec<u32>> = HashMap::new();
        let mut by_id = HashMap::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            by_id.insert(entry.id, i as u32);
            let mut keys: Vec<&str> = entry.keys.iter().map(|k| &**k).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                by_key.entry(key.to_owned()).or_default().push(i as u32);
            }
        }
        Gazetteer { version, entries, by_id, by_key }
    }

    /// Up to `limit` places with a name in any language that starts with `text`, most
    /// populous first (a map picker's suggestions). A scan: tens of thousands of places take
    /// about a millisecond.
    pub fn starting_with(&self, text: &str, limit: usize) -> Vec<&Entry> {
        let key = name_key(text);
        if key.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter(|e| e.keys.iter().any(|k| k.starts_with(key.as_str())))
            .take(limit)
            .collect()
    }

    /// The most populous place with `name` in any language.
    pub fn find(&self, name: &str) -> Option<&Entry> {
        let first = self.by_key.get(&name_key(name))?.first()?;
        self.entries.get(*first as usize)
    }

    pub fn get(&self, id: i64) -> Option<&Entry> {
        self.by_id.get(&id).and_then(|i| self.entries.get(*i as usize))
    }
}

#[cfg(test)]
pub(super) fn entry(
    id: i64,
    names: [&str; 3],
    country: &str,
    point: Point,
    population: i64,
) -> Entry {
    Entry {
        id,
        country: country.to_owned(),
        point,
        population,
        names: names.iter().map(|n| (*n).into()).collect(),
        keys: names.iter().map(|n| name_key(n).into()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_place_by_any_name_the_most_populous_first() {
        let g = Gazetteer::new(
            1,
            vec![
                entry(1, ["Munich", "München", "Мюнхен"], "DE", (48.14, 11.58), 1_260_000),
                entry(2, ["Berlin", "Berlin", "Берлін"], "US", (44.47, -71.19), 10_000),
                entry(3, ["Berlin", "Berlin", "Берлін"], "DE", (52.52, 13.41), 3_400_000),
            ],
        );
        assert_eq!(g.find("münchen").map(|e| e.id), Some(1));
        assert_eq!(g.find(" МЮНХЕН ").map(|e| e.id), Some(1));
        assert_eq!(g.find("Berlin").map(|e| e.country.as_str()), Some("DE"));
        assert_eq!(g.get(1).map(|e| e.name(Locale::DE)), Some("München"));
        assert!(g.find("Atlantis").is_none());
        let ids = |found: Vec<&Entry>| found.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(g.starting_with("ber", 5)), [3, 2], "most populous first");
        assert_eq!(ids(g.starting_with("МЮН", 5)), [1]);
        assert_eq!(ids(g.starting_with("ber", 1)), [3]);
        assert!(g.starting_with("  ", 5).is_empty());
    }
}
