//! Pieces the resources' forms share: option lists, slugs, and naming a related record.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::super::fields::FieldError;
use crate::db::DbConn;
use crate::i18n::{Locale, Tr};

/// Every country, by name in the admin's language. Sorted once per language and process:
/// collating 250 names costs more than the rest of a form, and an import builds thousands.
pub fn country_options(tr: &Tr) -> Vec<(&'static str, String)> {
    type Options = Vec<(&'static str, String)>;
    static SORTED: OnceLock<Mutex<HashMap<Locale, Arc<Options>>>> = OnceLock::new();
    let cache = SORTED.get_or_init(Default::default);
    let cached = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&tr.locale).cloned();
    let options = cached.unwrap_or_else(|| {
        let all = crate::i18n::countries::all();
        let mut options: Options = all.iter().map(|c| (c.as_str(), tr.country(c))).collect();
        options.sort_by(|a, b| crate::i18n::collation::compare(tr.locale, &a.1, &b.1));
        let options = Arc::new(options);
        cache.lock().unwrap_or_else(|e| e.into_inner()).insert(tr.locale, options.clone());
        options
    });
    options.as_ref().clone()
}

/// The content languages, each by its own name.
pub fn locale_options() -> Vec<(&'static str, String)> {
    Locale::all().iter().map(|l| (l.as_str(), l.native_name().to_owned())).collect()
}

/// Translation rows' (locale, source time) as the form's translation states need them.
pub fn translated_from<'a>(
    rows: impl Iterator<Item = (&'a str, NaiveDateTime)>,
) -> Vec<(Locale, NaiveDateTime)> {
    rows.filter_map(|(locale, at)| Locale::parse(locale).map(|l| (l, at))).collect()
}

/// A record's names in other languages as stored, (locale, name, source time) rows: split into
/// the form's translation states and the draft's texts (rows in unknown languages dropped).
pub type NameRows = Vec<(String, String, NaiveDateTime)>;
type TranslatedFrom = Vec<(Locale, NaiveDateTime)>;

pub fn split_names(rows: NameRows) -> (TranslatedFrom, Vec<(Locale, String)>) {
    rows.into_iter()
        .filter_map(|(locale, name, at)| Locale::parse(&locale).map(|l| ((l, at), (l, name))))
        .unzip()
}

/// The slug a record gets: the one typed (checked: slug characters only, not taken), else
/// the stored one, else one made from `name` (or `fallback` when the name has no Latin
/// letters) with `-2`, `-3`… until free. `None` with an error on `slug` when the typed one
/// cannot be used.
pub fn slug_for(
    conn: &mut DbConn,
    typed: &str,
    name: &str,
    fallback: &str,
    stored: Option<&str>,
    taken: impl Fn(&mut DbConn, &str) -> QueryResult<bool>,
    errors: &mut Vec<FieldError>,
) -> QueryResult<Option<String>> {
    if !typed.is_empty() {
        if crate::models::slugify(typed) != typed {
            errors.push(FieldError::new("slug", "admin-error-slug"));
            return Ok(None);
        }
        if taken(conn, typed)? {
            errors.push(FieldError::new("slug", "admin-error-taken"));
            return Ok(None);
        }
        return Ok(Some(typed.to_owned()));
    }
    if let Some(stored) = stored.filter(|s| !s.is_empty()) {
        return Ok(Some(stored.to_owned()));
    }
    let mut base = crate::models::slugify(name);
    if base.is_empty() {
        base = fallback.to_owned();
    }
    let base: String = base.chars().take(80).collect();
    let base = base.trim_end_matches('-').to_owned();
    for n in 1..=100 {
        let candidate = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        if !taken(conn, &candidate)? {
            return Ok(Some(candidate));
        }
    }
    // A hundred namesakes: a random suffix ends the search.
    let suffix: String = crate::auth::token::generate().chars().take(8).collect();
    Ok(Some(format!("{base}-{suffix}")))
}
