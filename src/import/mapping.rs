//! Which column fills which field: guessed from the headers (a field's key or its label in any
//! of the board's languages, `title[de]` for a translation), or as the importing user chose.

use std::collections::HashMap;

use crate::admin::fields::{Field, FieldKind};
use crate::i18n::{Locale, Messages};

/// What a column fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Ignore,
    /// The board's own id of the record to update (a column of an export).
    Id,
    /// The file's own reference for the record: the same reference updates the same record.
    Reference,
    /// A field by its key, in the record's original language when translatable.
    Field(&'static str),
    /// A translatable field in another language.
    Translation(Locale, &'static str),
}

impl Target {
    /// The target as a form's select names it: `id`, `reference`, `title`, `title[de]`, or
    /// empty for none.
    pub fn code(&self) -> String {
        match self {
            Target::Ignore => String::new(),
            Target::Id => "id".into(),
            Target::Reference => "reference".into(),
            Target::Field(key) => (*key).into(),
            Target::Translation(locale, key) => format!("{key}[{locale}]"),
        }
    }

    /// The target a code names among `fields`; `None` for an unknown one.
    pub fn parse(code: &str, fields: &[Field]) -> Option<Target> {
        let field = |key: &str| fields.iter().find(|f| f.key == key && importable(f));
        match code {
            "" => Some(Target::Ignore),
            "id" => Some(Target::Id),
            "reference" => Some(Target::Reference),
            _ => match code.strip_suffix(']').and_then(|c| c.split_once('[')) {
                Some((key, lang)) => {
                    let f = field(key).filter(|f| f.translatable)?;
                    Some(Target::Translation(Locale::parse(lang)?, f.key))
                }
                None => field(code).map(|f| Target::Field(f.key)),
            },
        }
    }
}

/// Whether a file can fill the field: images come as uploads, not as text.
pub fn importable(field: &Field) -> bool {
    !matches!(field.kind, FieldKind::Image)
}

/// Lower case, letters and digits only: `Salary (min)`, `salary_min` and `SALARY MIN` agree.
pub fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// `Title [de]`, `title(de)`: the name and the language code, when a header has one.
fn split_language(header: &str) -> Option<(&str, Locale)> {
    let header = header.trim();
    let close = header.chars().last().filter(|c| matches!(c, ']' | ')'))?;
    let open = if close == ']' { '[' } else { '(' };
    let start = header.rfind(open)?;
    let lang = header[start + 1..header.len() - 1].trim();
    Some((header[..start].trim(), Locale::parse(&lang.to_lowercase())?))
}

/// The names each target goes by, normalized: its key and its label in every language.
pub struct Vocabulary {
    names: HashMap<String, Target>,
}

impl Vocabulary {
    pub fn new(fields: &[Field], messages: &Messages) -> Vocabulary {
        let mut names = HashMap::new();
        let mut add = |name: &str, target: Target| {
            let name = normalize(name);
            if !name.is_empty() {
                names.entry(name).or_insert(target);
            }
        };
        for locale in Locale::all() {
            let tr = messages.tr(*locale);
            for field in fields.iter().filter(|f| importable(f)) {
                add(field.key, Target::Field(field.key));
                add(&tr.t(field.label), Target::Field(field.key));
            }
            add(&tr.t("import-column-reference"), Target::Reference);
            add(&tr.t("import-column-id"), Target::Id);
        }
        for name in ["reference", "ref", "external_ref", "external_id", "external reference"] {
            add(name, Target::Reference);
        }
        add("id", Target::Id);
        Vocabulary { names }
    }

    /// The target `header` names, if any.
    pub fn target(&self, header: &str, fields: &[Field]) -> Target {
        if let Some((name, locale)) = split_language(header)
            && let Some(Target::Field(key)) = self.names.get(&normalize(name))
            && fields.iter().any(|f| f.key == *key && f.translatable)
        {
            return Target::Translation(locale, key);
        }
        self.names.get(&normalize(header)).cloned().unwrap_or(Target::Ignore)
    }

    /// A target per header; a target claimed by an earlier column is not given again.
    pub fn guess(&self, headers: &[String], fields: &[Field]) -> Vec<Target> {
        let mut taken: Vec<Target> = Vec::new();
        headers
            .iter()
            .map(|h| {
                let target = self.target(h, fields);
                if target == Target::Ignore || taken.contains(&target) {
                    return Target::Ignore;
                }
                taken.push(target.clone());
                target
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<Field> {
        vec![
            Field::text("title", "admin-field-title").translatable(),
            Field::integer("salary_min", "admin-field-salary-min"),
            Field::new("logo", "admin-field-logo", FieldKind::Image),
            Field::list("skills", "admin-field-skills"),
        ]
    }

    #[test]
    fn headers_name_fields_by_key_or_label_in_any_language() {
        let vocabulary = Vocabulary::new(&fields(), &Messages::builtin());
        let headers: Vec<String> = [
            "Title",
            "Salary (min)",
            "title[de]",
            "Titel [uk]",
            "Ref",
            "logo",
            "Notes",
            "Skills",
            "TITLE",
        ]
        .map(String::from)
        .into();
        let targets = vocabulary.guess(&headers, &fields());
        assert_eq!(
            targets,
            [
                Target::Field("title"),
                Target::Field("salary_min"),
                Target::Translation(Locale::DE, "title"),
                Target::Translation(Locale::UK, "title"),
                Target::Reference,
                Target::Ignore,
                Target::Ignore,
                Target::Field("skills"),
                // Taken by the first column.
                Target::Ignore,
            ]
        );
        // German labels name the same fields.
        assert_eq!(vocabulary.target("Kenntnisse", &fields()), Target::Field("skills"));
    }

    #[test]
    fn codes_name_targets_and_back() {
        for target in [
            Target::Ignore,
            Target::Id,
            Target::Reference,
            Target::Field("salary_min"),
            Target::Translation(Locale::UK, "title"),
        ] {
            assert_eq!(Target::parse(&target.code(), &fields()), Some(target));
        }
        assert_eq!(Target::parse("logo", &fields()), None);
        assert_eq!(Target::parse("salary_min[de]", &fields()), None);
        assert_eq!(Target::parse("nothing", &fields()), None);
    }
}
