//! Places: cities with coordinates, a country and a name in every language of the board
//! (München / Munich / Мюнхен). Postings and companies point to one; the search's `near=`
//! finds one by any of its names. `name` is in `original_locale`, the other languages' names
//! are translations that go out of date when it changes, like postings' texts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{place_translations, places, search_state};
use crate::i18n::Locale;
use crate::models::translation::{TextUpdate, TranslationWrite};

/// A name as lookups compare it: inner spaces collapsed, in lower case (done here rather than
/// by the database, whose `lower()` folds ASCII only on SQLite).
pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = places)]
pub struct Place {
    pub id: i64,
    pub name: String,
    pub original_locale: String,
    pub country_code: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: i64,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = places)]
pub struct NewPlace<'a> {
    pub geonames_id: Option<i64>,
    pub name: &'a str,
    pub name_key: String,
    pub original_locale: &'a str,
    pub country_code: &'a str,
    pub latitude: f64,
    pub longitude: f64,
    pub population: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub text_updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = place_translations)]
pub struct NewPlaceName<'a> {
    pub place_id: i64,
    pub locale: &'a str,
    pub name: &'a str,
    pub name_key: String,
    pub source_updated_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Place {
    /// The most populous place called `name` in any of its languages, in `country` when one is
    /// given (a two-letter code, any case).
    pub fn find(
        conn: &mut DbConn,
        name: &str,
        country: Option<&str>,
    ) -> QueryResult<Option<Place>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(None);
        }
        let translated = place_translations::table
            .filter(place_translations::name_key.eq(key.clone()))
            .select(place_translations::place_id);
        let named = places::name_key.eq(key.clone()).or(places::id.eq_any(translated));
        // Two fixed statements rather than one boxed: diesel keeps fixed ones prepared, and
        // imports look a place up for every row.
        let order = (places::population.desc(), places::id);
        match country {
            Some(country) => places::table
                .filter(named)
                .filter(places::country_code.eq(country.to_ascii_uppercase()))
                .order(order)
                .select(Place::as_select())
                .first(conn)
                .optional(),
            None => places::table
                .filter(named)
                .order(order)
                .select(Place::as_select())
                .first(conn)
                .optional(),
        }
    }

    /// The place of a posting or company in `city` (`country`), when one is known.
    pub fn of_city(
        conn: &mut DbConn,
        city: Option<&str>,
        country: Option<&str>,
    ) -> QueryResult<Option<Place>> {
        match city {
            Some(city) if !city.trim().is_empty() => Place::find(conn, city, country),
            _ => Ok(None),
        }
    }

    /// Points posting `id` to `place`. Its own coordinates, when it has them, are those of its
    /// street address; the search puts it at the place's point otherwise.
    pub fn link_job(conn: &mut DbConn, id: i64, place: Option<&Place>) -> QueryResult<()> {
        use crate::db::schema::jobs;
        diesel::update(jobs::table.find(id))
            .set(jobs::place_id.eq(place.map(|p| p.id)))
            .execute(conn)
            .map(|_| ())
    }

    /// Points company `id` to the place of its city.
    pub fn link_company(conn: &mut DbConn, id: i64) -> QueryResult<()> {
        use crate::db::schema::companies;
        let (city, country): (Option<String>, Option<String>) = companies::table
            .find(id)
            .select((companies::city, companies::country_code))
            .first(conn)?;
        let place = Place::of_city(conn, city.as_deref(), country.as_deref())?;
        diesel::update(companies::table.find(id))
            .set(companies::place_id.eq(place.map(|p| p.id)))
            .execute(conn)?;
        Ok(())
    }
}

/// A place as the back office edits it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFields {
    pub name: String,
    pub original_locale: Locale,
    pub country_code: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: Option<i64>,
}

impl PlaceFields {
    /// Inserts a place and its names in other languages; returns its id.
    pub fn create(&self, conn: &mut DbConn, names: &[(Locale, String)]) -> QueryResult<i64> {
        let now = crate::db::now();
        diesel::insert_into(places::table)
            .values(NewPlace {
                geonames_id: None,
                name: &self.name,
                name_key: name_key(&self.name),
                original_locale: self.original_locale.as_str(),
                country_code: &self.country_code,
                latitude: self.latitude.unwrap_or_default(),
                longitude: self.longitude.unwrap_or_default(),
                population: self.population.unwrap_or_default(),
                created_at: now,
                updated_at: now,
                text_updated_at: now,
            })
            .execute(conn)?;
        let id = crate::db::dialect::last_insert_id(conn, "places")?;
        for (locale, name) in names {
            insert_name(conn, id, *locale, name, now, now)?;
        }
        bump_version(conn)?;
        Ok(id)
    }

    /// Writes the fields over place `id` and applies the names' writes (texts from `names`).
    pub fn update(
        &self,
        conn: &mut DbConn,
        id: i64,
        names: &[(Locale, String)],
        change: &TextUpdate<'_>,
    ) -> QueryResult<()> {
        let text_updated_at = if change.text_changed { change.now } else { change.text_updated_at };
        diesel::update(places::table.find(id))
            .set((
                places::name.eq(&self.name),
                places::name_key.eq(name_key(&self.name)),
                places::country_code.eq(&self.country_code),
                places::latitude.eq(self.latitude.unwrap_or_default()),
                places::longitude.eq(self.longitude.unwrap_or_default()),
                places::population.eq(self.population.unwrap_or_default()),
                places::updated_at.eq(change.now),
                places::text_updated_at.eq(text_updated_at),
            ))
            .execute(conn)?;
        for (locale, write) in change.translations {
            let row = place_translations::table
                .filter(place_translations::place_id.eq(id))
                .filter(place_translations::locale.eq(locale.as_str()));
            let name = names.iter().find(|(l, _)| l == locale).map(|(_, n)| n.as_str());
            match (write, name) {
                (TranslationWrite::Insert, Some(name)) => {
                    insert_name(conn, id, *locale, name, text_updated_at, change.now)?;
                }
                (TranslationWrite::Update, Some(name)) => {
                    diesel::update(row)
                        .set((
                            place_translations::name.eq(name),
                            place_translations::name_key.eq(name_key(name)),
                            place_translations::source_updated_at.eq(text_updated_at),
                            place_translations::updated_at.eq(change.now),
                        ))
                        .execute(conn)?;
                }
                (TranslationWrite::Confirm, _) => {
                    diesel::update(row)
                        .set(place_translations::source_updated_at.eq(text_updated_at))
                        .execute(conn)?;
                }
                (TranslationWrite::Delete, _) => {
                    diesel::delete(row).execute(conn)?;
                }
                (TranslationWrite::Insert | TranslationWrite::Update, None) => {}
            }
        }
        bump_version(conn)
    }
}

fn insert_name(
    conn: &mut DbConn,
    place_id: i64,
    locale: Locale,
    name: &str,
    source: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(place_translations::table)
        .values(NewPlaceName {
            place_id,
            locale: locale.as_str(),
            name,
            name_key: name_key(name),
            source_updated_at: source,
            created_at: now,
            updated_at: now,
        })
        .execute(conn)
}

/// Tells the search of every app instance that places changed: their gazetteer reloads (see
/// the `places` migration for why this is not a trigger).
pub fn bump_version(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(search_state::table)
        .set((
            search_state::version.eq(search_state::version + 1),
            search_state::places_version.eq(search_state::places_version + 1),
        ))
        .execute(conn)
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn keys_ignore_case_and_spacing_in_any_script() {
        assert_eq!(name_key("  MÜNCHEN "), "münchen");
        assert_eq!(name_key("Frankfurt   am Main"), "frankfurt am main");
        assert_eq!(name_key("КИЇВ"), "київ");
        assert_eq!(name_key("   "), "");
    }
}
