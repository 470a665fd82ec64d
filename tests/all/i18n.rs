//! Guards for translators: every Fluent id the code or templates use exists in every locale,
//! each message takes the same variables everywhere, and no file has syntax errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use hireboard::i18n::Locale;
use hireboard::models::{
    ApplicationStatus, EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace,
};

type Messages = BTreeMap<String, BTreeSet<String>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn variables_in_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => variables_in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for a in &arguments.positional {
                variables_in_inline(a, out);
            }
        }
        _ => {}
    }
}

fn variables_in_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            variables_in_inline(selector, out);
            for v in variants {
                variables_in_pattern(&v.value, out);
            }
        }
        Expression::Inline(inline) => variables_in_inline(inline, out),
    }
}

fn variables_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_in_expression(expression, out);
        }
    }
}

/// Every message of a locale with its variables; panics on syntax errors.
fn messages(locale: Locale) -> Messages {
    let dir = root().join("locales").join(locale.as_str());
    let mut out = Messages::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables_in_pattern(value, &mut vars);
                    }
                    let previous = out.insert(m.id.name.to_owned(), vars);
                    assert!(previous.is_none(), "{} defined twice in {locale}", m.id.name);
                }
                Entry::Junk { content } => {
                    panic!("{}: syntax error near {content:?}", path.display())
                }
                _ => {}
            }
        }
    }
    out
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Ids passed as string literals to the lookup helpers, in code and templates.
fn literal_ids() -> BTreeSet<String> {
    let mut paths = Vec::new();
    files(&root().join("src"), "rs", &mut paths);
    for ext in ["html", "xml"] {
        files(&root().join("templates"), ext, &mut paths);
    }
    let mut ids = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for pattern in [".t(\"", ".tn(\"", ".t1(\"", ".t2(\"", "message_id: \"", "BadRequest(\""] {
            for (start, _) in text.match_indices(pattern) {
                let rest = &text[start + pattern.len()..];
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                if id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                    && !id.is_empty()
                {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

/// Ids built at run time from a closed set of values.
fn derived_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    ids.extend(Workplace::ALL.iter().map(|v| v.label_id()));
    ids.extend(EmploymentType::ALL.iter().map(|v| v.label_id()));
    ids.extend(Seniority::ALL.iter().map(|v| v.label_id()));
    ids.extend(SalaryPeriod::ALL.iter().map(|v| v.label_id()));
    ids.extend(JobStatus::ALL.iter().map(|s| format!("job-closed-{s}")));
    ids.extend((1..=12).map(|m| format!("month-{m}")));
    ids.extend(["relevance", "newest", "salary"].map(|s| format!("sort-{s}")));
    for code in [
        "error-not-found",
        "error-forbidden",
        "error-unavailable",
        "error-internal",
        "error-bad-request",
    ] {
        ids.insert(code.to_owned());
        ids.insert(format!("{code}-title"));
    }
    ids.insert("date-long".into());
    let _ = ApplicationStatus::ALL;
    ids
}

#[test]
fn every_used_id_exists_in_every_locale() {
    let used: BTreeSet<String> = literal_ids().into_iter().chain(derived_ids()).collect();
    assert!(used.len() > 100, "the scan found only {} ids", used.len());
    for locale in Locale::ALL {
        let have = messages(locale);
        let missing: Vec<&String> = used.iter().filter(|id| !have.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
    }
}

#[test]
fn messages_take_the_same_variables_in_every_locale() {
    let english = messages(Locale::En);
    for locale in [Locale::De, Locale::Uk] {
        let other = messages(locale);
        for (id, vars) in &english {
            match other.get(id) {
                Some(v) => assert_eq!(v, vars, "{locale} {id} has other variables"),
                None => panic!("{locale} lacks {id}"),
            }
        }
        let stale: Vec<&String> = other.keys().filter(|id| !english.contains_key(*id)).collect();
        assert!(stale.is_empty(), "{locale} has messages English does not: {stale:?}");
    }
}

#[test]
fn translations_are_not_english_copies() {
    let tr = |l| hireboard::i18n::Tr::new(l);
    for id in ["search-placeholder", "apply-heading", "job-requirements", "error-not-found"] {
        let en = tr(Locale::En).t(id);
        assert_ne!(tr(Locale::De).t(id), en, "{id}");
        assert_ne!(tr(Locale::Uk).t(id), en, "{id}");
    }
}
