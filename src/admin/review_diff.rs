//! A posting's version for review: its form values as one JSON object (each field by its key,
//! each translation's fields as `t.{lang}.{field}`), and what changed between two versions,
//! labelled as the posting's form labels its fields.

use std::collections::BTreeMap;

use super::fields::{FormValues, TRANSLATION_PREFIX};
use super::resource::{Editor, Form, Viewer};
use super::resources::job_form::JobForm;
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::AdminRole;

/// Posting `id`'s form values now, as the JSON a review keeps.
pub fn snapshot(conn: &mut DbConn, id: i64, tr: &Tr) -> Result<String, AppError> {
    // Whoever asks, the version is the whole posting.
    let editor = Editor::new(tr.clone(), Viewer { admin_user_id: 0, role: AdminRole::Admin });
    let stored = JobForm.load(conn, id, &editor)?.ok_or(AppError::NotFound)?;
    serde_json::to_string(&flatten(&stored.values))
        .map_err(|e| AppError::Internal(format!("writing a posting's version: {e}")))
}

fn flatten(values: &FormValues) -> BTreeMap<String, String> {
    let mut flat = values.base.clone();
    for (locale, fields) in &values.translations {
        for (key, text) in fields {
            flat.insert(format!("{TRANSLATION_PREFIX}{locale}.{key}"), text.clone());
        }
    }
    flat
}

fn parse(version: &str) -> BTreeMap<String, String> {
    serde_json::from_str(version).unwrap_or_default()
}

/// A field whose value differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub label: String,
    pub before: String,
    pub after: String,
}

/// What changed from `before` (none: a first version, every filled field is new) to `after`,
/// in the form's order, each translation after the original.
pub fn changes(before: Option<&str>, after: &str, tr: &Tr) -> Vec<Changed> {
    let (before, after) = (before.map(parse).unwrap_or_default(), parse(after));
    let mut changed = Vec::new();
    let mut compare = |key: &str, label: String| {
        let (old, new) = (before.get(key).cloned(), after.get(key).cloned());
        if old != new {
            changed.push(Changed {
                label,
                before: old.unwrap_or_default(),
                after: new.unwrap_or_default(),
            });
        }
    };
    let fields = JobForm.fields(tr);
    for field in &fields {
        compare(field.key, tr.t(field.label));
    }
    for locale in Locale::all() {
        for field in fields.iter().filter(|f| f.translatable) {
            let key = format!("{TRANSLATION_PREFIX}{locale}.{}", field.key);
            compare(&key, format!("{} ({})", tr.t(field.label), locale.native_name()));
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_listed_in_the_forms_order_with_translations_named() {
        let tr = crate::i18n::Messages::builtin().tr(Locale::EN);
        let before =
            r#"{"title":"Welder","summary":"Weld.","city":"Kyiv","t.de.title":"Schweißer"}"#;
        let after = r#"{"title":"Senior welder","summary":"Weld.","t.de.title":"Schweißerin"}"#;
        let changed = changes(Some(before), after, &tr);
        let labels: Vec<&str> = changed.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Title", "City", "Title (Deutsch)"]);
        assert_eq!(changed[0].before, "Welder");
        assert_eq!(changed[0].after, "Senior welder");
        assert_eq!(changed[1].after, "", "a cleared field shows as empty");
    }

    #[test]
    fn a_first_version_lists_every_filled_field_as_new() {
        let tr = crate::i18n::Messages::builtin().tr(Locale::EN);
        let changed = changes(None, r#"{"title":"Welder","summary":"Weld."}"#, &tr);
        assert_eq!(changed.len(), 2);
        assert!(changed.iter().all(|c| c.before.is_empty()));
    }
}
