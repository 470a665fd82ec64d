//! Guards for translators: every Fluent id the code or templates use exists in every locale,
//! and the shipped files pass `hireboard i18n check` (`i18n::catalog`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hireboard::i18n::Locale;
use hireboard::i18n::catalog::Catalog;
use hireboard::models::{
    ApplicationStatus, EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every message id of a locale.
fn messages(catalog: &Catalog, locale: Locale) -> BTreeSet<String> {
    catalog.languages[locale.as_str()].values().flat_map(|f| f.messages.keys().cloned()).collect()
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
    let catalog = Catalog::load(&root().join("locales")).unwrap();
    for &locale in Locale::all() {
        let have = messages(&catalog, locale);
        let missing: Vec<&String> = used.iter().filter(|id| !have.contains(*id)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
    }
}

/// What `hireboard i18n check` checks, on the shipped files: syntax, duplicates, missing and
/// left-over messages, variables, plural forms.
#[test]
fn the_shipped_messages_pass_the_translators_check() {
    let catalog = hireboard::i18n::catalog::Catalog::load(&root().join("locales")).unwrap();
    for &locale in Locale::all() {
        assert!(catalog.languages.contains_key(locale.as_str()), "{locale}");
    }
    let problems: Vec<String> = catalog.problems().iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn translations_are_not_english_copies() {
    let tr = |l| hireboard::i18n::Messages::builtin().tr(l);
    for id in ["search-placeholder", "apply-heading", "job-requirements", "error-not-found"] {
        let en = tr(Locale::EN).t(id);
        assert_ne!(tr(Locale::DE).t(id), en, "{id}");
        assert_ne!(tr(Locale::UK).t(id), en, "{id}");
    }
}
