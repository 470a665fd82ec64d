//! What a resource's new/edit form declares: its fields, the values they hold (per language
//! for translatable text), and the generic checks every field gets before the resource's own.
//!
//! Translatable fields are the original-language text on the record itself (`title`) and one
//! set per other language, sent as `t.{locale}.{key}` (`t.de.title`). A translation whose
//! fields are all empty does not exist.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};

use crate::i18n::Locale;
pub use crate::models::translation::TranslationWrite;

pub enum FieldKind {
    Text,
    LongText,
    /// One of fixed values: (value, label already in the admin's language).
    Select(Vec<(&'static str, String)>),
    /// A whole number (grouping spaces and separators allowed).
    Integer,
    /// A decimal number within an inclusive range.
    Decimal(f64, f64),
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// An `http(s)://` address.
    Url,
    /// An email address.
    Email,
    /// A related record of resource `.0`, typed by name and suggested as the user types.
    Association(&'static str),
    /// A comma-separated list of names.
    List,
    /// Some of fixed values, each a check box: (value, label already in the admin's
    /// language). The value is the chosen ones, comma-separated, in the options' order.
    Choices(Vec<(&'static str, String)>),
    /// An uploaded image (a logo): the value is its storage key, set by the server from the
    /// file sent with the form (see `admin/uploads.rs`), never typed.
    Image,
}

pub struct Field {
    pub key: &'static str,
    /// Fluent id of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    /// Has one value per language.
    pub translatable: bool,
    /// The longest value accepted, in characters.
    pub max: usize,
    /// Fluent id of a hint shown under the field.
    pub hint: Option<&'static str>,
    /// Set when creating only: shown read-only on the edit form.
    pub create_only: bool,
}

impl Field {
    pub fn new(key: &'static str, label: &'static str, kind: FieldKind) -> Field {
        let max = match kind {
            FieldKind::LongText => 20_000,
            _ => 200,
        };
        Field {
            key,
            label,
            kind,
            required: false,
            translatable: false,
            max,
            hint: None,
            create_only: false,
        }
    }

    pub fn text(key: &'static str, label: &'static str) -> Field {
        Field::new(key, label, FieldKind::Text)
    }

    pub fn long_text(key: &'static str, label: &'static str) -> Field {
        Field::new(key, label, FieldKind::LongText)
    }

    /// One of `options`: (value, label in the admin's language).
    pub fn select(
        key: &'static str,
        label: &'static str,
        options: Vec<(&'static str, String)>,
    ) -> Field {
        Field::new(key, label, FieldKind::Select(options))
    }

    pub fn integer(key: &'static str, label: &'static str) -> Field {
        Field::new(key, label, FieldKind::Integer)
    }

    pub fn date(key: &'static str, label: &'static str) -> Field {
        Field::new(key, label, FieldKind::Date)
    }

    /// A comma-separated list of names.
    pub fn list(key: &'static str, label: &'static str) -> Field {
        Field::new(key, label, FieldKind::List)
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn translatable(mut self) -> Field {
        self.translatable = true;
        self
    }

    pub fn max(mut self, max: usize) -> Field {
        self.max = max;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn create_only(mut self) -> Field {
        self.create_only = true;
        self
    }
}

/// A form's values as strings, the way the browser sends and shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormValues {
    pub base: BTreeMap<String, String>,
    /// Per language other than the original: translatable field key → text. A language is
    /// present only when at least one of its fields is not blank.
    pub translations: BTreeMap<Locale, BTreeMap<String, String>>,
    /// Languages whose translator confirmed that the translation still matches the original.
    pub confirmed: BTreeSet<Locale>,
}

pub const TRANSLATION_PREFIX: &str = "t.";
pub const CONFIRM_FIELD: &str = "_current";

impl FormValues {
    /// The declared fields' values from a submitted form; anything else is dropped. Line
    /// endings are normalized and values trimmed.
    pub fn from_pairs(fields: &[Field], pairs: &[(String, String)]) -> FormValues {
        let mut values = FormValues::default();
        let clean = |v: &str| v.replace("\r\n", "\n").trim().to_owned();
        for (name, value) in pairs {
            if let Some(rest) = name.strip_prefix(TRANSLATION_PREFIX) {
                let Some((locale, key)) = rest.split_once('.') else {
                    continue;
                };
                let Some(locale) = Locale::parse(locale) else {
                    continue;
                };
                if key == CONFIRM_FIELD {
                    values.confirmed.insert(locale);
                } else if fields.iter().any(|f| f.translatable && f.key == key) {
                    values
                        .translations
                        .entry(locale)
                        .or_default()
                        .insert(key.to_owned(), clean(value));
                }
            } else if let Some(field) = fields.iter().find(|f| f.key == name) {
                let value = clean(value);
                match (&field.kind, values.base.get_mut(name.as_str())) {
                    // Each ticked box sends its value: together they are the list, in the
                    // options' order whatever order they came in.
                    (FieldKind::Choices(options), Some(before)) => {
                        let mut chosen = list_items(before);
                        chosen.push(value);
                        let (mut known, strangers): (Vec<String>, Vec<String>) =
                            chosen.into_iter().partition(|c| options.iter().any(|(v, _)| v == c));
                        known.sort_by_key(|c| options.iter().position(|(v, _)| v == c));
                        // Values no box sends stay, for the field's check to refuse.
                        known.extend(strangers);
                        *before = known.join(", ");
                    }
                    _ => {
                        values.base.insert(name.clone(), value);
                    }
                }
            }
        }
        values.translations.retain(|_, t| t.values().any(|v| !v.is_empty()));
        values
    }

    pub fn get(&self, key: &str) -> &str {
        self.base.get(key).map_or("", String::as_str)
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.base.insert(key.to_owned(), value.into());
    }

    /// Takes the stored value of every field the form did not send: a body cut short at a
    /// too-large file loses the fields after it, which then show what is saved rather than
    /// nothing.
    pub fn fill_unsent(&mut self, stored: &FormValues, pairs: &[(String, String)]) {
        let sent = |name: &str| pairs.iter().any(|(k, _)| k == name);
        for (key, value) in &stored.base {
            if !sent(key) {
                self.base.insert(key.clone(), value.clone());
            }
        }
        for (locale, texts) in &stored.translations {
            for (key, text) in texts {
                if !sent(&format!("{TRANSLATION_PREFIX}{locale}.{key}")) {
                    self.translations.entry(*locale).or_default().insert(key.clone(), text.clone());
                }
            }
        }
    }

    pub fn translated(&self, locale: Locale, key: &str) -> &str {
        self.translations.get(&locale).and_then(|t| t.get(key)).map_or("", String::as_str)
    }
}

pub use crate::models::problem::FieldError;

/// The checks every declared field gets: required, length, and that the text parses as the
/// field's kind. Translations are checked for the languages present, against the original.
pub fn check(fields: &[Field], values: &FormValues, original: Option<Locale>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for field in fields {
        check_value(field, field.key, values.get(field.key), &mut errors);
    }
    for (locale, text) in &values.translations {
        if Some(*locale) == original {
            errors.push(FieldError::new(
                format!("{TRANSLATION_PREFIX}{locale}.{}", first_translatable(fields)),
                "admin-error-translation-is-original",
            ));
            continue;
        }
        for field in fields.iter().filter(|f| f.translatable) {
            let name = format!("{TRANSLATION_PREFIX}{locale}.{}", field.key);
            check_value(field, &name, text.get(field.key).map_or("", String::as_str), &mut errors);
        }
    }
    errors
}

fn first_translatable(fields: &[Field]) -> &'static str {
    fields.iter().find(|f| f.translatable).map_or("", |f| f.key)
}

fn check_value(field: &Field, name: &str, value: &str, errors: &mut Vec<FieldError>) {
    if value.is_empty() {
        if field.required {
            errors.push(FieldError::new(name, "admin-error-required"));
        }
        return;
    }
    let length = value.chars().count();
    if length > field.max {
        errors
            .push(FieldError::new(name, "admin-error-too-long").with("max", field.max.to_string()));
        return;
    }
    let ok = match &field.kind {
        FieldKind::Text | FieldKind::LongText | FieldKind::Association(_) | FieldKind::List => true,
        FieldKind::Image => crate::uploads::names::is_storage_key(value),
        FieldKind::Select(options) => options.iter().any(|(v, _)| *v == value),
        FieldKind::Choices(options) => {
            list_items(value).iter().all(|item| options.iter().any(|(v, _)| v == item))
        }
        FieldKind::Integer => parse_integer(value).is_some(),
        FieldKind::Decimal(min, max) => {
            parse_decimal(value).is_some_and(|v| (*min..=*max).contains(&v))
        }
        FieldKind::Date => parse_date(value).is_some_and(|d| d >= FIRST_DAY && d <= LAST_DAY),
        FieldKind::Url => is_web_url(value),
        FieldKind::Email => crate::models::application::is_plausible_email(value),
    };
    if !ok {
        let message = match field.kind {
            FieldKind::Select(_) | FieldKind::Choices(_) => "admin-error-choice",
            FieldKind::Integer => "admin-error-integer",
            FieldKind::Decimal(..) => "admin-error-decimal",
            FieldKind::Date if parse_date(value).is_some() => "admin-error-date-range",
            FieldKind::Date => "admin-error-date",
            FieldKind::Url => "admin-error-url",
            FieldKind::Email => "admin-error-email",
            _ => "admin-error-invalid",
        };
        errors.push(FieldError::new(name, message));
    }
}

/// A whole number as people type it: `85000`, `85 000`, `85,000`, `85.000`, `85'000`. A
/// separator must group thousands, so `85.5` or `85.000,50` is not a whole number.
pub fn parse_integer(text: &str) -> Option<i64> {
    let compact: String =
        text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_')).collect();
    let (negative, digits) = match compact.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    let separators: Vec<char> = digits.chars().filter(|c| matches!(c, '.' | ',')).collect();
    if separators.windows(2).any(|w| w[0] != w[1]) {
        return None;
    }
    let groups: Vec<&str> = digits.split(['.', ',']).collect();
    let grouped = groups.len() == 1
        || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || groups.iter().any(|g| !g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n: i64 = groups.concat().parse().ok()?;
    Some(if negative { -n } else { n })
}

/// A decimal with `.` or `,` as the separator.
pub fn parse_decimal(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The days a date field takes: what every backend stores. MariaDB's client library turns a
/// bound date-time past 2038-01-19 into NULL (diesel binds it as a TIMESTAMP, whose range
/// ends there), so a later day would be lost there, silently; no posting or token needs one.
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 2).expect("a valid day");
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(2037, 12, 31).expect("a valid day");

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The form's text for a stored date-time (its day).
pub fn date_text(at: Option<NaiveDateTime>) -> String {
    at.map(|d| d.date().format("%Y-%m-%d").to_string()).unwrap_or_default()
}

pub fn is_web_url(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

/// The items of a comma-separated list, trimmed, without blanks or repeats (case-insensitive).
pub fn list_items(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !items.iter().any(|i| i.to_lowercase() == item.to_lowercase()) {
            items.push(item.to_owned());
        }
    }
    items
}

/// How a translation stands against the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationState {
    Missing,
    /// The original changed after the translation was made.
    Outdated,
    Current,
}

impl TranslationState {
    pub fn of(translated_from: Option<NaiveDateTime>, text_updated_at: NaiveDateTime) -> Self {
        match translated_from {
            None => TranslationState::Missing,
            Some(from) if from < text_updated_at => TranslationState::Outdated,
            Some(_) => TranslationState::Current,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TranslationState::Missing => "missing",
            TranslationState::Outdated => "outdated",
            TranslationState::Current => "current",
        }
    }
}

/// The writes that turn the stored translations `old` into the submitted `new`.
pub fn translation_writes(old: &FormValues, new: &FormValues) -> Vec<(Locale, TranslationWrite)> {
    let mut writes = Vec::new();
    for &locale in Locale::all() {
        let write = match (old.translations.get(&locale), new.translations.get(&locale)) {
            (None, Some(_)) => Some(TranslationWrite::Insert),
            (Some(_), None) => Some(TranslationWrite::Delete),
            (Some(before), Some(after)) if !same_text(before, after) => {
                Some(TranslationWrite::Update)
            }
            (Some(_), Some(_)) if new.confirmed.contains(&locale) => {
                Some(TranslationWrite::Confirm)
            }
            _ => None,
        };
        writes.extend(write.map(|w| (locale, w)));
    }
    writes
}

/// Whether two sets of fields hold the same text, a blank field being the same as none.
pub fn same_text(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> bool {
    let filled = |m: &BTreeMap<String, String>| -> BTreeMap<String, String> {
        m.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    filled(a) == filled(b)
}

/// The field-by-field difference between two states of a record, for the audit log. Field
/// names are the form's keys; a translated field carries its language: `title [de]`.
pub fn diff(before: &FormValues, after: &FormValues) -> Vec<crate::models::audit::Change> {
    fn text(s: Option<&String>) -> Option<&str> {
        s.filter(|s| !s.is_empty()).map(String::as_str)
    }
    use crate::models::audit::Change;
    let mut changes = Vec::new();
    let keys: BTreeSet<&String> = before.base.keys().chain(after.base.keys()).collect();
    for key in keys {
        let (from, to) = (text(before.base.get(key)), text(after.base.get(key)));
        if from != to {
            changes.push(Change::new(key, from, to));
        }
    }
    for &locale in Locale::all() {
        let empty = BTreeMap::new();
        let b = before.translations.get(&locale).unwrap_or(&empty);
        let a = after.translations.get(&locale).unwrap_or(&empty);
        let keys: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
        for key in keys {
            let (from, to) = (text(b.get(key)), text(a.get(key)));
            if from != to {
                changes.push(Change::new(&format!("{key} [{locale}]"), from, to));
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<Field> {
        vec![
            Field::text("title", "t").required().translatable().max(10),
            Field::integer("salary", "s"),
            Field::select("kind", "k", vec![("a", "A".into())]),
            Field::new("site", "w", FieldKind::Url),
        ]
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn reads_declared_fields_and_present_translations_only() {
        let values = FormValues::from_pairs(
            &fields(),
            &pairs(&[
                ("title", "  Hello\r\nworld "),
                ("_csrf", "x"),
                ("evil", "1"),
                ("t.de.title", "Hallo"),
                ("t.uk.title", "   "),
                ("t.xx.title", "?"),
                ("t.de.salary", "not translatable"),
                ("t.de._current", "1"),
            ]),
        );
        assert_eq!(values.get("title"), "Hello\nworld");
        assert_eq!(values.base.len(), 1);
        assert_eq!(values.translated(Locale::DE, "title"), "Hallo");
        assert!(!values.translations.contains_key(&Locale::UK));
        assert_eq!(values.translations[&Locale::DE].len(), 1);
        assert!(values.confirmed.contains(&Locale::DE));
    }

    #[test]
    fn checks_required_length_and_kinds() {
        let values = FormValues::from_pairs(
            &fields(),
            &pairs(&[
                ("title", ""),
                ("salary", "85 000"),
                ("kind", "b"),
                ("site", "javascript:alert(1)"),
                ("t.de.title", "Viel zu langer Titel"),
                ("t.en.title", "Original"),
            ]),
        );
        let errors = check(&fields(), &values, Some(Locale::EN));
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message)).collect();
        assert_eq!(
            got,
            vec![
                ("title", "admin-error-required"),
                ("kind", "admin-error-choice"),
                ("site", "admin-error-url"),
                // Languages in Locale order: en, de, uk.
                ("t.en.title", "admin-error-translation-is-original"),
                ("t.de.title", "admin-error-too-long"),
            ]
        );
        assert_eq!(parse_integer("85 000"), Some(85_000));
        assert_eq!(parse_integer("85.000,50"), None);
        assert_eq!(parse_integer("12a"), None);
        assert_eq!(parse_integer("85,000"), Some(85_000));
        assert_eq!(parse_integer("1.250.000"), Some(1_250_000));
        assert_eq!(parse_integer("85.5"), None);
        assert_eq!(parse_integer("-5"), Some(-5));
        assert_eq!(parse_integer(""), None);
    }

    #[test]
    fn translation_writes_and_diff_follow_the_change() {
        let old = FormValues::from_pairs(
            &fields(),
            &pairs(&[("title", "A"), ("t.de.title", "A-de"), ("t.uk.title", "A-uk")]),
        );
        let new = FormValues::from_pairs(
            &fields(),
            &pairs(&[
                ("title", "B"),
                ("t.de.title", "A-de"),
                ("t.de._current", "1"),
                ("t.en.title", "new"),
            ]),
        );
        assert_eq!(
            translation_writes(&old, &new),
            vec![
                (Locale::EN, TranslationWrite::Insert),
                (Locale::DE, TranslationWrite::Confirm),
                (Locale::UK, TranslationWrite::Delete),
            ]
        );
        let changes: Vec<(String, Option<String>, Option<String>)> =
            diff(&old, &new).into_iter().map(|c| (c.field, c.from, c.to)).collect();
        assert_eq!(
            changes,
            vec![
                ("title".into(), Some("A".into()), Some("B".into())),
                ("title [en]".into(), None, Some("new".into())),
                ("title [uk]".into(), Some("A-uk".into()), None),
            ]
        );
    }

    #[test]
    fn translation_state_compares_with_the_original_text() {
        let t = |h| {
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .unwrap_or_default()
        };
        assert_eq!(TranslationState::of(None, t(1)), TranslationState::Missing);
        assert_eq!(TranslationState::of(Some(t(1)), t(2)), TranslationState::Outdated);
        assert_eq!(TranslationState::of(Some(t(2)), t(2)), TranslationState::Current);
    }
}
