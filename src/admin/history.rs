//! A change from the audit log as people read it: the field's label and its values' labels in
//! the admin's language, never the stored key or value (`Status: Interview → Offer`, not
//! `status: interview → offer`).

use super::fields::{Field, FieldKind};
use crate::i18n::Tr;
use crate::models::audit::Change;
use crate::models::{AdminRole, ApplicationStatus, JobStatus};

pub struct ChangeView {
    pub field: String,
    pub from: String,
    pub to: String,
}

/// `change` of a record of `resource`, whose form declares `fields` (none for resources
/// without a form).
pub fn describe(resource: &str, fields: &[Field], change: Change, tr: &Tr) -> ChangeView {
    let (key, locale) = match change.field.split_once(" [") {
        Some((key, rest)) => (key, crate::i18n::Locale::parse(rest.trim_end_matches(']'))),
        None => (change.field.as_str(), None),
    };
    let declared = fields.iter().find(|f| f.key == key);
    let label = match declared {
        Some(field) => tr.t(field.label),
        // Fields changed outside the form (status, two-factor, dates set by a transition)
        // have the label of their column.
        None => tr
            .try_t(&format!("admin-field-{}", key.replace('_', "-")))
            .unwrap_or_else(|| key.to_owned()),
    };
    let field = match locale {
        Some(locale) => format!("{label} ({})", tr.language(locale)),
        None => label,
    };
    let value = |v: Option<String>| -> String {
        let Some(v) = v else {
            return String::new();
        };
        value_label(resource, key, declared, &v, tr).unwrap_or(v)
    };
    ChangeView { field, from: value(change.from), to: value(change.to) }
}

/// The label of a stored value, when it is one of a closed set.
fn value_label(
    resource: &str,
    key: &str,
    declared: Option<&Field>,
    value: &str,
    tr: &Tr,
) -> Option<String> {
    if let Some(Field { kind: FieldKind::Select(options), .. }) = declared {
        return options.iter().find(|(v, _)| *v == value).map(|(_, label)| label.clone());
    }
    let id = match (resource, key) {
        ("jobs", "status") => JobStatus::parse(value)?.label_id(),
        ("applications", "status") => ApplicationStatus::parse(value)?.label_id(),
        (_, "role") => AdminRole::parse(value)?.label_id(),
        (_, "two_factor") => format!("admin-two-factor-value-{value}"),
        ("api_tokens", "status") => format!("admin-token-{value}"),
        ("companies", "awaiting_approval" | "auto_publish") => match value {
            "true" => "admin-filter-yes".to_owned(),
            _ => "admin-filter-no".to_owned(),
        },
        _ => return None,
    };
    tr.try_t(&id)
}
