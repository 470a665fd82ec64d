//! Places (cities with coordinates and a name per language) in the back office: translators
//! finish their names like postings' texts.

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::{jobs, place_translations, places};

pub struct Places;

#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = places)]
pub struct PlaceRow {
    id: i64,
    geonames_id: Option<i64>,
    name: String,
    original_locale: String,
    country_code: String,
    latitude: f64,
    longitude: f64,
    population: i64,
    /// Optional as the translation states' macro takes it (other records' may be unset).
    #[diesel(select_expression = places::text_updated_at.nullable())]
    text_updated_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

impl Declaration for Places {
    type Table = places::table;
    type Row = PlaceRow;
    type Context = Translations;
    const NAME: &'static str = "places";
    const AREA: Area = Area::Places;
    const TITLE: &'static str = "admin-nav-places";
    const TABLE: &'static str = "places";
    const DEFAULT_SORT: (&'static str, Dir) = ("population", Dir::Desc);
    const NAMED_BY: Option<&'static str> = Some("name");

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("name", "admin-field-name", |p| p.name.clone()).sorted_by(places::name);
        c.country("country_code", "admin-field-country", |p| Some(p.country_code.as_str()))
            .sorted_by(places::country_code);
        c.with("population", "admin-field-population", |p, _, _| Cell::Number(Some(p.population)))
            .sorted_by(places::population);
        c.translations();
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<places::table>> {
        vec![
            Filter::text("name", "admin-field-name", places::name),
            Filter::text("country_code", "admin-field-country-code", places::country_code),
            Filter::date_range("created_at", "admin-field-created-at", places::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<places::table>> {
        let named = |locale: Locale| {
            place_translations::table
                .filter(place_translations::locale.eq(locale.as_str()))
                .select(place_translations::place_id)
        };
        let missing = |locale: Locale| {
            places::original_locale
                .ne(locale.as_str())
                .and(diesel::dsl::not(places::id.eq_any(named(locale))))
        };
        // What a translator has left to do, most populous first: a name missing in any of the
        // board's languages.
        let untranslated = Locale::all()
            .iter()
            .map(|l| Box::new(missing(*l)) as crate::admin::engine::query::Pred<_>)
            .reduce(|a, b| Box::new(a.or(b)));
        let mut scopes = vec![Scope::all()];
        if let Some(condition) = untranslated {
            let def =
                crate::admin::resource::ScopeDef::new("untranslated", "admin-scope-untranslated");
            scopes.push(Scope { def, condition: Some(condition) });
        }
        scopes
    }
    fn context(&self, conn: &mut DbConn, rows: &[PlaceRow]) -> QueryResult<Translations> {
        super::translations!(conn, rows, place_translations, place_id)
    }
    fn exports(&self, e: &mut Exports<Self>) {
        e.field("id", "admin-field-id", |p| p.id);
        e.field("geonames_id", "admin-field-geonames-id", |p| p.geonames_id);
        e.field("name", "admin-field-name", |p| p.name.clone());
        e.field("country", "admin-field-country-code", |p| p.country_code.clone());
        e.field("latitude", "admin-field-latitude", |p| p.latitude.to_string());
        e.field("longitude", "admin-field-longitude", |p| p.longitude.to_string());
        e.field("population", "admin-field-population", |p| p.population);
    }
}

impl Resource for Places {
    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::place_form::PlaceForm)
    }
}

impl Shows for Places {
    type Detail = PlaceRow;

    fn record(&self, conn: &mut DbConn, place: PlaceRow, tr: &Tr) -> Result<Record, AppError> {
        let names: Vec<(String, String)> = place_translations::table
            .filter(place_translations::place_id.eq(place.id))
            .order(place_translations::locale)
            .select((place_translations::locale, place_translations::name))
            .load(conn)?;
        let postings = super::postings_panel(
            conn,
            Box::new(jobs::place_id.assume_not_null().eq(place.id)),
            tr,
        )?;
        let names: Vec<String> = names
            .into_iter()
            .filter_map(|(l, name)| Some(format!("{}: {name}", tr.language(Locale::parse(&l)?))))
            .collect();
        let panel = Panel::new("admin-panel-place")
            .text("admin-field-name", place.name.clone())
            .text("admin-field-names", names.join(" · "))
            .country("admin-field-country", Some(place.country_code.as_str()), tr)
            .text("admin-field-coordinates", tr.coordinates(place.latitude, place.longitude))
            .row("admin-field-population", Cell::Number(Some(place.population)))
            .text(
                "admin-field-geonames-id",
                place.geonames_id.map(|id| id.to_string()).unwrap_or_default(),
            )
            .date("admin-field-created-at", place.created_at);
        let search = format!("/{}/jobs?near={}", tr.locale, urlencoding::encode(&place.name));
        Ok(Record::new(place.name, vec![panel, postings]).public_url(Some(search)))
    }
}
