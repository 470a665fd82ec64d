//! The new and edit forms of places: the name in each language (with the translation markers
//! of postings), the country and the coordinates.

use super::forms::{NameRows, locale_options, split_names};
use super::prelude::*;
use crate::db::schema::{companies, jobs, place_translations, places};
use crate::models::place::PlaceFields;

pub struct PlaceForm;

#[derive(Clone)]
pub struct PlaceDraft {
    place: PlaceFields,
    /// The name in other languages.
    names: Vec<(Locale, String)>,
}

impl DraftForm for PlaceForm {
    type Draft = PlaceDraft;
    type Text = String;

    fn declare(&self, _tr: &Tr, f: &mut Fields<Self>) {
        let decimal = FieldKind::Decimal;
        f.translated("name", "admin-field-name", |t| t).required().max(200);
        f.select("original_locale", "admin-field-language", locale_options(), |d| {
            &mut d.place.original_locale
        })
        .required()
        .create_only()
        .hint("admin-hint-original-locale");
        f.text("country_code", "admin-field-country-code", |d| &mut d.place.country_code)
            .required()
            .max(2)
            .hint("admin-hint-country-code");
        f.of("latitude", "admin-field-latitude", decimal(-90.0, 90.0), |d| &mut d.place.latitude)
            .required()
            .max(20);
        f.of("longitude", "admin-field-longitude", decimal(-180.0, 180.0), |d| {
            &mut d.place.longitude
        })
        .required()
        .max(20);
        f.of("population", "admin-field-population", FieldKind::Integer, |d| {
            &mut d.place.population
        })
        .max(12)
        .hint("admin-hint-population");
    }

    fn new_draft(&self, tr: &Tr) -> PlaceDraft {
        PlaceDraft {
            place: PlaceFields {
                name: String::new(),
                original_locale: tr.locale,
                country_code: String::new(),
                latitude: None,
                longitude: None,
                population: None,
            },
            names: Vec::new(),
        }
    }

    fn original(draft: &PlaceDraft) -> Locale {
        draft.place.original_locale
    }

    fn texts(draft: &mut PlaceDraft) -> Option<Texts<'_, String>> {
        Some((&mut draft.place.name, &mut draft.names))
    }

    /// A place with its names (two queries).
    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<PlaceDraft>>, AppError> {
        type Stored = (String, String, String, f64, f64, i64, chrono::NaiveDateTime);
        let found: Option<Stored> = places::table
            .find(id)
            .select((
                places::name,
                places::original_locale,
                places::country_code,
                places::latitude,
                places::longitude,
                places::population,
                places::text_updated_at,
            ))
            .first(conn)
            .optional()?;
        let Some((name, original, country_code, lat, lon, population, text_updated_at)) = found
        else {
            return Ok(None);
        };
        let names: NameRows = place_translations::table
            .filter(place_translations::place_id.eq(id))
            .select((
                place_translations::locale,
                place_translations::name,
                place_translations::source_updated_at,
            ))
            .load(conn)?;
        let (translated_from, names) = split_names(names);
        Ok(Some(Read {
            label: name.clone(),
            text_updated_at,
            translated_from,
            previews: Default::default(),
            draft: PlaceDraft {
                place: PlaceFields {
                    name,
                    original_locale: Locale::parse(&original).unwrap_or_default(),
                    country_code,
                    latitude: Some(lat),
                    longitude: Some(lon),
                    population: Some(population),
                },
                names,
            },
        }))
    }

    /// A country is one CLDR knows (ISO 3166-1 alpha-2), stored in capitals.
    fn check(
        &self,
        _conn: &mut DbConn,
        draft: &mut PlaceDraft,
        _old: Option<(i64, &PlaceDraft)>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let code = draft.place.country_code.trim().to_ascii_uppercase();
        if !crate::i18n::countries::is_country(&code) {
            return Ok(vec![FieldError::new("country_code", "admin-error-country-code-format")]);
        }
        draft.place.country_code = code;
        Ok(Vec::new())
    }

    fn write(
        &self,
        conn: &mut DbConn,
        draft: &PlaceDraft,
        over: Option<Over<'_, PlaceDraft>>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        Ok(match over {
            None => draft.place.create(conn, &draft.names)?,
            Some(Over { id, text, .. }) => {
                draft.place.update(conn, id, &draft.names, &text)?;
                id
            }
        })
    }

    /// Deletes a place no posting or company points to.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        let used: i64 = jobs::table.filter(jobs::place_id.eq(id)).count().get_result(conn)?;
        let by_companies: i64 =
            companies::table.filter(companies::place_id.eq(id)).count().get_result(conn)?;
        if used + by_companies > 0 {
            return Ok(Deleted::Refused("admin-delete-refused-place"));
        }
        let deleted = diesel::delete(places::table.find(id)).execute(conn)?;
        crate::models::place::bump_version(conn)?;
        Ok(Deleted::from_rows(deleted))
    }
}
