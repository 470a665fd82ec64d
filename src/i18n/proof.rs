//! What the translators' workspace checks before it saves a text, and the preview it shows:
//! the same rules as `hireboard i18n check` (one Fluent message, English's variables, every
//! plural form of the language), as values a page can explain in the translator's language.

use std::collections::BTreeSet;

use fluent_bundle::{FluentArgs, FluentValue};

use super::catalog::{File, Message, category_name, plural_categories};
use super::exchange::entry;
use super::{Generation, Locale, Tr};

/// The longest text a message may have: the longest shipped one is far below.
pub const MAX_CHARS: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooLong,
    /// Near this line of the text (1-based).
    Syntax(usize),
    /// Not exactly one message (another `id =` line inside, say).
    NotOne,
    UnknownVariables(Vec<String>),
    MissingVariables(Vec<String>),
    /// Plural forms of the language no variant covers.
    PluralForms(Vec<String>),
}

impl Problem {
    pub fn explain(&self, tr: &Tr) -> String {
        let list = |names: &[String], prefix: &str| {
            names.iter().map(|n| format!("{prefix}{n}")).collect::<Vec<_>>().join(", ")
        };
        match self {
            Problem::Empty => tr.t("translations-error-empty"),
            Problem::TooLong => {
                tr.t1("translations-error-too-long", "max", &tr.number(MAX_CHARS as i64))
            }
            Problem::Syntax(line) => {
                tr.t1("translations-error-syntax", "line", &tr.number(*line as i64))
            }
            Problem::NotOne => tr.t("translations-error-not-one"),
            Problem::UnknownVariables(names) => {
                tr.t1("translations-error-variables-unknown", "names", &list(names, "$"))
            }
            Problem::MissingVariables(names) => {
                tr.t1("translations-error-variables-missing", "names", &list(names, "$"))
            }
            Problem::PluralForms(forms) => {
                tr.t1("translations-error-plural", "forms", &list(forms, ""))
            }
        }
    }
}

/// Line endings as a file has them, no trailing blanks: what a browser's textarea sends is
/// stored as a file would hold it.
pub fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").trim_end().to_owned()
}

/// Everything wrong with `text` as `id`'s value in `lang`, against English's message.
pub fn check(english: &Message, lang: &str, id: &str, text: &str) -> Vec<Problem> {
    if text.trim().is_empty() {
        return vec![Problem::Empty];
    }
    if text.chars().count() > MAX_CHARS {
        return vec![Problem::TooLong];
    }
    let parsed = File::parse(&entry(id, text));
    if let Some((line, _)) = parsed.errors.first() {
        // The entry's first line is the text's first line.
        return vec![Problem::Syntax((*line).max(1))];
    }
    let Some(message) = parsed.messages.get(id).filter(|_| parsed.messages.len() == 1) else {
        return vec![Problem::NotOne];
    };
    let mut problems = Vec::new();
    let unknown: Vec<String> = message.variables.difference(&english.variables).cloned().collect();
    if !unknown.is_empty() {
        problems.push(Problem::UnknownVariables(unknown));
    }
    let missing: Vec<String> = english.variables.difference(&message.variables).cloned().collect();
    if !missing.is_empty() {
        problems.push(Problem::MissingVariables(missing));
    }
    let categories = plural_categories(lang);
    let mut lacking = BTreeSet::new();
    for keys in &message.plural_keys {
        for c in categories.iter().flatten() {
            if !keys.contains(c) {
                lacking.insert(c.clone());
            }
        }
    }
    if !lacking.is_empty() {
        problems.push(Problem::PluralForms(lacking.into_iter().collect()));
    }
    problems
}

/// A number of each plural form of the language (1, 2, 5, 1.5 in Ukrainian), for previews.
pub fn plural_samples(lang: &str) -> Vec<(String, f64)> {
    let Ok(locale) = lang.parse::<icu_locale_core::Locale>() else { return Vec::new() };
    let Ok(rules) = icu_plurals::PluralRules::try_new_cardinal(locale.into()) else {
        return Vec::new();
    };
    let mut samples: Vec<(icu_plurals::PluralCategory, f64)> = Vec::new();
    let candidates = (0..=200u32).map(f64::from).chain([1.5, 0.1, 2.5]);
    for n in candidates {
        let Ok(decimal) = fixed_decimal::Decimal::try_from_str(&format!("{n}")) else { continue };
        let category = rules.category_for(&decimal);
        if !samples.iter().any(|(c, _)| *c == category) {
            samples.push((category, n));
        }
    }
    let order: Vec<String> = plural_categories(lang).unwrap_or_default();
    let mut out: Vec<(String, f64)> =
        samples.into_iter().map(|(c, n)| (category_name(c).to_owned(), n)).collect();
    out.sort_by_key(|(c, _)| order.iter().position(|o| o == c).unwrap_or(usize::MAX));
    out
}

/// The text rendered for a reader: once per plural form when a number selects a variant,
/// with sample values for the other variables. Each line is (the values used, the result).
pub fn preview(english: &Message, locale: Locale, id: &str, text: &str) -> Vec<(String, String)> {
    let numbers: Vec<&String> =
        english.variables.iter().filter(|v| english.selectors.contains(*v)).collect();
    let samples = if numbers.is_empty() {
        vec![None]
    } else {
        plural_samples(locale.as_str()).into_iter().map(Some).collect()
    };
    samples
        .into_iter()
        .map(|sample| {
            let mut args = FluentArgs::new();
            let mut shown = Vec::new();
            for v in &english.variables {
                match &sample {
                    Some((_, n)) if numbers.contains(&v) => {
                        args.set(v.as_str(), FluentValue::from(*n));
                        shown.push(format!("${v} = {n}"));
                    }
                    _ => {
                        args.set(v.as_str(), FluentValue::from(format!("‹{v}›")));
                    }
                }
            }
            let rendered = Generation::format_value(locale, id, text, &args)
                .unwrap_or_else(|e| format!("⚠ {e}"));
            (shown.join(", "), rendered)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(text: &str) -> Message {
        let file = File::parse(&entry("m", text));
        file.messages.into_values().next().expect("one message")
    }

    const JOBS: &str = "{ $count ->\n    [one] { $count } job\n   *[other] { $count } jobs\n}";

    #[test]
    fn a_good_translation_passes() {
        let uk = "{ $count ->\n    [one] { $count } вакансія\n    [few] { $count } вакансії\n    [many] { $count } вакансій\n   *[other] { $count } вакансії\n}";
        assert_eq!(check(&english(JOBS), "uk", "m", uk), []);
    }

    #[test]
    fn each_rule_is_told_apart() {
        let en = english("Hello, { $name }!");
        assert_eq!(check(&en, "de", "m", "  "), [Problem::Empty]);
        assert_eq!(check(&en, "de", "m", &"x".repeat(MAX_CHARS + 1)), [Problem::TooLong]);
        assert_eq!(check(&en, "de", "m", "Hallo, { $name !"), [Problem::Syntax(1)]);
        assert_eq!(check(&en, "de", "m", "Hallo\nother = x"), [Problem::NotOne]);
        assert_eq!(
            check(&en, "de", "m", "Hallo, { $user }!"),
            [
                Problem::UnknownVariables(vec!["user".into()]),
                Problem::MissingVariables(vec!["name".into()])
            ]
        );
        let few = "{ $count ->\n    [one] { $count } вакансія\n   *[other] { $count } вакансії\n}";
        assert_eq!(
            check(&english(JOBS), "uk", "m", few),
            [Problem::PluralForms(vec!["few".into(), "many".into()])]
        );
    }

    #[test]
    fn samples_cover_every_plural_form() {
        let uk: Vec<String> = plural_samples("uk").into_iter().map(|(c, _)| c).collect();
        assert_eq!(uk, ["one", "few", "many", "other"]);
        assert_eq!(plural_samples("en"), [("one".into(), 1.0), ("other".into(), 0.0)]);
        let pl = plural_samples("pl");
        assert_eq!(
            pl.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
            ["one", "few", "many", "other"]
        );
    }

    #[test]
    fn a_preview_renders_each_plural_form() {
        let uk = "{ $count ->\n    [one] { $count } вакансія\n    [few] { $count } вакансії\n    [many] { $count } вакансій\n   *[other] { $count } вакансії\n}";
        let lines = preview(&english(JOBS), Locale::UK, "m", uk);
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["1 вакансія", "2 вакансії", "0 вакансій", "1.5 вакансії"]);
        assert_eq!(lines[0].0, "$count = 1");
    }
}
