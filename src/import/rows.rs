//! A row's cells as a form's values: each mapped cell into its field, select values taken by
//! their stored value or their label in any language, lists by any usual separator.

use std::collections::HashMap;

use super::mapping::{Target, normalize};
use super::read::Row;
use crate::admin::fields::{Field, FieldKind, FormValues, parse_decimal, parse_integer};
use crate::admin::resource::Form;
use crate::i18n::{Locale, Messages};

/// Each select field's values by their normalized value and labels in every language.
pub struct Choices {
    by_field: HashMap<&'static str, Vec<(String, &'static str)>>,
}

impl Choices {
    pub fn new(form: &dyn Form, messages: &Messages) -> Choices {
        let mut by_field: HashMap<&'static str, Vec<(String, &'static str)>> = HashMap::new();
        for locale in Locale::all() {
            for field in form.fields(&messages.tr(*locale)) {
                if let FieldKind::Select(options) | FieldKind::Choices(options) = &field.kind {
                    let names = by_field.entry(field.key).or_default();
                    for (value, label) in options {
                        names.push((normalize(value), value));
                        names.push((normalize(label), value));
                    }
                }
            }
        }
        Choices { by_field }
    }

    /// The stored value `text` names for field `key`, or `text` itself (which the field's
    /// check then refuses) when it names none.
    fn choose(&self, key: &str, text: &str) -> String {
        let Some(names) = self.by_field.get(key) else { return text.to_owned() };
        let wanted = normalize(text);
        names
            .iter()
            .find(|(name, _)| *name == wanted)
            .map_or_else(|| text.to_owned(), |(_, value)| (*value).to_owned())
    }

    fn choose_all(&self, key: &str, text: &str) -> String {
        split_list(text).iter().map(|item| self.choose(key, item)).collect::<Vec<_>>().join(", ")
    }
}

/// A list cell's items: separated by commas, semicolons or line breaks.
fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The id and reference a row names, when its file has such columns.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Keys {
    pub id: Option<String>,
    pub reference: Option<String>,
}

/// The row's id and reference columns.
pub fn keys(row: &Row, targets: &[Target]) -> Keys {
    let mut keys = Keys::default();
    for (i, target) in targets.iter().enumerate() {
        let text = row.cell(i).trim();
        let text = (!text.is_empty()).then(|| text.to_owned());
        match target {
            Target::Id => keys.id = text,
            Target::Reference => keys.reference = text,
            _ => {}
        }
    }
    keys
}

/// Writes the row's mapped cells over `values` (a new record's or the stored record's). A
/// blank cell clears an optional field and leaves a required one as it is: the new record's
/// default (its language, an on-site full-time role) or the stored value.
pub fn apply(
    row: &Row,
    targets: &[Target],
    fields: &[Field],
    choices: &Choices,
    values: &mut FormValues,
) {
    let field = |key: &str| fields.iter().find(|f| f.key == key);
    let kind = |key: &str| field(key).map(|f| &f.kind);
    let clean = |text: &str| text.replace("\r\n", "\n").trim().to_owned();
    for (i, target) in targets.iter().enumerate() {
        let text = clean(row.cell(i));
        match target {
            Target::Field(key) => {
                if text.is_empty() && field(key).is_some_and(|f| f.required) {
                    continue;
                }
                let value = match kind(key) {
                    Some(FieldKind::Select(_)) if !text.is_empty() => choices.choose(key, &text),
                    Some(FieldKind::Choices(_)) => choices.choose_all(key, &text),
                    Some(FieldKind::List) => split_list(&text).join(", "),
                    // As the form shows a stored number: an unchanged row compares equal.
                    Some(FieldKind::Integer) => {
                        parse_integer(&text).map_or(text, |n| n.to_string())
                    }
                    Some(FieldKind::Decimal(..)) => {
                        parse_decimal(&text).map_or(text, |n| n.to_string())
                    }
                    _ => text,
                };
                values.set(key, value);
            }
            Target::Translation(locale, key) => {
                values.translations.entry(*locale).or_default().insert((*key).to_owned(), text);
            }
            Target::Id | Target::Reference | Target::Ignore => {}
        }
    }
    // A column in the original's language fills the original where the plain column did not.
    if let Some(original) = Locale::parse(values.get("original_locale"))
        && let Some(texts) = values.translations.remove(&original)
    {
        for (key, text) in texts {
            if values.get(&key).is_empty() {
                values.set(&key, text);
            }
        }
    }
    values.translations.retain(|_, t| t.values().any(|v| !v.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_take_any_usual_separator() {
        assert_eq!(split_list("Rust; SQL\nGo, ,"), ["Rust", "SQL", "Go"]);
    }
}
