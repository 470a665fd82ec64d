//! The message files as translators see them: every `locales/<lang>/<file>.ftl`, compared
//! with English, for `hireboard i18n status` and `hireboard i18n check` (and the test that
//! runs the same check). Any folder under `locales/` is a language here, shipped or not yet.
//!
//! What counts as a problem is what would show people a wrong or broken text: a syntax error,
//! a message defined twice, one missing or left over from an older English, other variables
//! than English's, or plural variants that miss a category of the language (CLDR's, from
//! `icu_plurals`). A message identical to English is counted, not refused: names and short
//! words often are.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The language every other is compared with.
pub const SOURCE: &str = "en";

/// One message (or term) of one file.
#[derive(Debug)]
pub struct Message {
    /// 1-based.
    pub line: usize,
    pub variables: BTreeSet<String>,
    /// The variant keys of each selection on a plural category (`[one]`, `[few]`, …).
    pub plural_keys: Vec<BTreeSet<String>>,
    /// The variables that select a variant (numbers, for a preview of each plural form).
    pub selectors: BTreeSet<String>,
    /// Its value and attributes as parsed, for comparing with English.
    text: String,
    /// The comment above it, if any.
    pub comment: Option<String>,
    /// Where its value (with its attributes) is in the file: what follows `id = `.
    pub value: std::ops::Range<usize>,
}

impl Message {
    /// What is wrong with its variables, against English's message.
    pub fn variables_problem(&self, english: &Message) -> Option<String> {
        (self.variables != english.variables)
            .then(|| format!("takes {:?}, English takes {:?}", self.variables, english.variables))
    }

    /// Each plural selection missing a form of the language (`categories`, from
    /// [`plural_categories`]; nothing is checked without them).
    pub fn plural_problems(&self, categories: Option<&[String]>) -> Vec<String> {
        let Some(categories) = categories else { return Vec::new() };
        self.plural_keys
            .iter()
            .filter_map(|keys| {
                let lacking: Vec<&str> =
                    categories.iter().map(String::as_str).filter(|c| !keys.contains(*c)).collect();
                (!lacking.is_empty())
                    .then(|| format!("no variant for the plural forms {lacking:?}"))
            })
            .collect()
    }
}

/// A file of one language.
#[derive(Debug, Default)]
pub struct File {
    /// The file as read.
    pub source: String,
    pub messages: BTreeMap<String, Message>,
    /// Syntax errors and ids defined twice, with their line.
    pub errors: Vec<(usize, String)>,
}

/// Every language's files, by language tag then file name.
#[derive(Debug, Default)]
pub struct Catalog {
    pub dir: PathBuf,
    pub languages: BTreeMap<String, BTreeMap<String, File>>,
}

/// What is wrong with a message or a file, at a place in it.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.what)
    }
}

/// How far one file (or all of a language's) is translated.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// English's messages.
    pub messages: usize,
    /// Present and different from English.
    pub translated: usize,
    /// Present and identical to English.
    pub identical: usize,
    pub missing: usize,
    /// Present here, not in English.
    pub obsolete: usize,
    pub errors: usize,
}

impl Progress {
    fn add(&mut self, other: Progress) {
        self.messages += other.messages;
        self.translated += other.translated;
        self.identical += other.identical;
        self.missing += other.missing;
        self.obsolete += other.obsolete;
        self.errors += other.errors;
    }

    /// Translated share in per mille, for a display rounded down (never 100 % with one
    /// missing).
    pub fn per_mille(&self) -> usize {
        (self.translated + self.identical) * 1000 / self.messages.max(1)
    }
}

impl Catalog {
    /// Reads every `.ftl` file of every language folder under `dir`.
    pub fn load(dir: &Path) -> std::io::Result<Catalog> {
        let mut catalog = Catalog { dir: dir.to_owned(), ..Default::default() };
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            if !entry.file_type()?.is_dir() {
                continue;
            }
            let lang = entry.file_name().to_string_lossy().into_owned();
            let mut files = BTreeMap::new();
            for file in std::fs::read_dir(entry.path())? {
                let path = file?.path();
                if path.extension().is_none_or(|e| e != "ftl") {
                    continue;
                }
                let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&path)?;
                files.insert(name, File::parse(&text));
            }
            catalog.languages.insert(lang, files);
        }
        Ok(catalog)
    }

    fn path(&self, lang: &str, file: &str) -> PathBuf {
        self.dir.join(lang).join(file)
    }

    fn source_files(&self) -> &BTreeMap<String, File> {
        static NONE: BTreeMap<String, File> = BTreeMap::new();
        self.languages.get(SOURCE).unwrap_or(&NONE)
    }

    /// Each language's progress per English file.
    pub fn status(&self) -> Vec<(String, String, Progress)> {
        let mut rows = Vec::new();
        for lang in self.languages.keys() {
            for name in self.source_files().keys() {
                rows.push((lang.clone(), name.clone(), self.progress(lang, name)));
            }
        }
        rows
    }

    /// A language's progress over all files.
    pub fn total(&self, lang: &str) -> Progress {
        let mut total = Progress::default();
        for name in self.source_files().keys() {
            total.add(self.progress(lang, name));
        }
        total
    }

    fn progress(&self, lang: &str, name: &str) -> Progress {
        let source = &self.source_files()[name];
        let empty = File::default();
        let file = self.languages.get(lang).and_then(|f| f.get(name)).unwrap_or(&empty);
        let mut p = Progress {
            messages: source.messages.len(),
            errors: file.errors.len(),
            ..Default::default()
        };
        for (id, english) in &source.messages {
            match file.messages.get(id) {
                None => p.missing += 1,
                Some(m) if m.text == english.text => p.identical += 1,
                Some(_) => p.translated += 1,
            }
        }
        p.obsolete = file.messages.keys().filter(|id| !source.messages.contains_key(*id)).count();
        p
    }

    /// Everything wrong, in file order. A language with no rules in CLDR skips the plural
    /// check.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let source = self.source_files();
        if source.is_empty() {
            out.push(Problem {
                path: self.dir.join(SOURCE),
                line: 0,
                what: "no English messages: every language is compared with them".into(),
            });
        }
        for (lang, files) in &self.languages {
            let categories = plural_categories(lang);
            let problem = |name: &str, line, what: String| Problem {
                path: self.path(lang, name),
                line,
                what,
            };
            for (name, file) in files {
                for (line, error) in &file.errors {
                    out.push(problem(name, *line, error.clone()));
                }
                let english = source.get(name);
                if english.is_none() && lang != SOURCE {
                    out.push(problem(name, 1, "a file English does not have".into()));
                }
                for (id, m) in &file.messages {
                    for what in m.plural_problems(categories.as_deref()) {
                        out.push(problem(name, m.line, format!("{id}: {what}")));
                    }
                    let Some(english) = english else { continue };
                    match english.messages.get(id) {
                        None if lang != SOURCE => out.push(problem(
                            name,
                            m.line,
                            format!("{id}: English has no such message (left over?)"),
                        )),
                        Some(e) => {
                            if let Some(what) = m.variables_problem(e) {
                                out.push(problem(name, m.line, format!("{id}: {what}")));
                            }
                        }
                        None => {}
                    }
                }
            }
            if lang == SOURCE {
                continue;
            }
            for (name, english) in source {
                let file = files.get(name);
                for id in english.messages.keys() {
                    if file.is_none_or(|f| !f.messages.contains_key(id)) {
                        out.push(problem(name, 0, format!("{id}: missing")));
                    }
                }
            }
        }
        out
    }
}

impl Catalog {
    /// `hireboard i18n status`: a row per language and file, then each language's total.
    pub fn status_table(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let header = [
            "language",
            "file",
            "messages",
            "translated",
            "same",
            "missing",
            "obsolete",
            "errors",
            "done",
        ];
        let mut rows: Vec<[String; 9]> = Vec::new();
        let row = |lang: &str, file: &str, p: &Progress| {
            [
                lang.to_owned(),
                file.to_owned(),
                p.messages.to_string(),
                p.translated.to_string(),
                p.identical.to_string(),
                p.missing.to_string(),
                p.obsolete.to_string(),
                p.errors.to_string(),
                format!("{}.{} %", p.per_mille() / 10, p.per_mille() % 10),
            ]
        };
        for (lang, file, p) in self.status() {
            rows.push(row(&lang, &file, &p));
        }
        for lang in self.languages.keys() {
            rows.push(row(lang, "(all)", &self.total(lang)));
        }
        let widths: Vec<usize> = (0..header.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([header[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut line = |cells: &[&str]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (cell, width))| match i {
                    // Names to the left, numbers to the right.
                    0 | 1 => format!("{cell:<width$}"),
                    _ => format!("{cell:>width$}"),
                })
                .collect();
            let _ = writeln!(out, "{}", padded.join("  ").trim_end());
        };
        line(&header);
        for r in &rows {
            line(&r.iter().map(String::as_str).collect::<Vec<_>>());
        }
        out
    }
}

/// The plural categories of a language's cardinal numbers (`one`, `few`, `many`, `other`
/// for Ukrainian); `None` when CLDR does not know the language.
pub fn plural_categories(lang: &str) -> Option<Vec<String>> {
    let locale: icu_locale_core::Locale = lang.parse().ok()?;
    let rules = icu_plurals::PluralRules::try_new_cardinal(locale.into()).ok()?;
    Some(rules.categories().map(|c| category_name(c).to_owned()).collect())
}

/// A plural category as Fluent's variant keys (and CLDR) name it.
pub fn category_name(category: icu_plurals::PluralCategory) -> &'static str {
    use icu_plurals::PluralCategory::*;
    match category {
        Zero => "zero",
        One => "one",
        Two => "two",
        Few => "few",
        Many => "many",
        Other => "other",
    }
}

impl File {
    /// Parses one file's text.
    pub fn parse(text: &str) -> File {
        let (resource, errors) = match fluent_syntax::parser::parse(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let mut file = File { source: text.to_owned(), ..Default::default() };
        for error in errors {
            // The broken entry's start: where the parser gave up may be lines later.
            let at = error.slice.as_ref().map_or(error.pos.start, |slice| slice.start);
            file.errors.push((line_at(text, at), format!("syntax: {error}")));
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for entry in resource.body {
            let (id, value, attributes, comment, term) = match &entry {
                Entry::Message(m) => {
                    (m.id.name, m.value.as_ref(), &m.attributes, m.comment.as_ref(), false)
                }
                Entry::Term(t) => {
                    (t.id.name, Some(&t.value), &t.attributes, t.comment.as_ref(), true)
                }
                _ => continue,
            };
            let key = if term { format!("-{id}") } else { id.to_owned() };
            let nth = seen.entry(key.clone()).or_default();
            let line = line_of_id(text, &key, *nth);
            *nth += 1;
            let mut m = Message {
                line,
                variables: BTreeSet::new(),
                plural_keys: Vec::new(),
                selectors: BTreeSet::new(),
                text: format!("{value:?}{attributes:?}"),
                comment: comment.map(|c| c.content.join("\n")),
                value: value_range(text, line),
            };
            for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
                walk_pattern(pattern, &mut m);
            }
            match file.messages.entry(key) {
                std::collections::btree_map::Entry::Occupied(e) => {
                    file.errors.push((line, format!("{}: defined twice", e.key())));
                }
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(m);
                }
            }
        }
        file
    }
}

/// Where the value of the entry defined on `line` (1-based) is: from after `= ` on that line
/// to the end of its last continuation line (indented, or a `}`, `[`, `*` or `.` at the start),
/// blank lines inside it included.
fn value_range(text: &str, line: usize) -> std::ops::Range<usize> {
    let offset: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let mut lines = text[offset.min(text.len())..].split_inclusive('\n');
    let Some(first) = lines.next() else { return 0..0 };
    let eq = first.find('=').map_or(first.len(), |at| at + 1);
    let start = offset + eq + usize::from(first[eq..].starts_with(' '));
    let mut end = offset + first.trim_end_matches(['\n', '\r']).len();
    let mut at = offset + first.len();
    for l in lines {
        let body = l.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            if !body.starts_with([' ', '\t', '}', '[', '*', '.']) {
                break;
            }
            end = at + body.len();
        }
        at += l.len();
    }
    start..end.max(start)
}

/// The 1-based line of byte `at`.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

/// The line the `nth` (from 0) definition of a message is on: the parser keeps no positions
/// for valid entries.
fn line_of_id(text: &str, id: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .nth(nth)
        .map_or(0, |(i, _)| i + 1)
}

fn walk_pattern(p: &Pattern<&str>, m: &mut Message) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, m);
        }
    }
}

fn walk_expression(e: &Expression<&str>, m: &mut Message) {
    match e {
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                m.selectors.insert(id.name.to_owned());
            }
            walk_inline(selector, m);
            let keys: BTreeSet<String> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => Some((*name).to_owned()),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            // A selection on plural forms names one of them besides the default `other`;
            // one on anything else (a status, a gender, exact numbers only) is not checked
            // against the language's plural forms.
            let category = |k: &String| icu_plurals::PluralCategory::get_for_cldr_string(k);
            if keys.iter().any(|k| k != "other" && category(k).is_some())
                && keys.iter().all(|k| category(k).is_some())
            {
                m.plural_keys.push(keys);
            }
            for v in variants {
                walk_pattern(&v.value, m);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, m),
    }
}

fn walk_inline(e: &InlineExpression<&str>, m: &mut Message) {
    match e {
        InlineExpression::VariableReference { id } => {
            m.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, m),
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for a in &arguments.positional {
                walk_inline(a, m);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(files: &[(&str, &str, &str)]) -> Catalog {
        let mut c = Catalog { dir: "locales".into(), ..Default::default() };
        for (lang, name, text) in files {
            c.languages
                .entry((*lang).to_owned())
                .or_default()
                .insert((*name).to_owned(), File::parse(text));
        }
        c
    }

    const EN: &str = "hello = Hello, { $name }!\n\
                      items = { $count ->\n    [one] One item\n   *[other] { $count } items\n}\n\
                      brand = Hireboard\n";

    #[test]
    fn a_complete_translation_has_no_problems() {
        let c = catalog(&[
            ("en", "main.ftl", EN),
            (
                "uk",
                "main.ftl",
                "hello = Привіт, { $name }!\n\
                 items = { $count ->\n    [one] { $count } річ\n    [few] { $count } речі\n\
                 \x20   [many] { $count } речей\n   *[other] { $count } речі\n}\n\
                 brand = Hireboard\n",
            ),
        ]);
        assert_eq!(c.problems(), []);
        let p = c.total("uk");
        assert_eq!((p.messages, p.translated, p.identical, p.missing), (3, 2, 1, 0));
        assert_eq!(p.per_mille(), 1000);
    }

    #[test]
    fn each_kind_of_problem_is_reported_at_its_line() {
        let c = catalog(&[
            ("en", "main.ftl", EN),
            (
                "uk",
                "main.ftl",
                "hello = Привіт, { $user }!\n\
                 items = { $count ->\n    [one] річ\n   *[other] речі\n}\n\
                 gone = Старе\ngone = Двічі\nbroken = { \n",
            ),
            ("uk", "extra.ftl", "x = y\n"),
        ]);
        let problems: Vec<String> = c.problems().iter().map(ToString::to_string).collect();
        let expect = [
            "locales/uk/extra.ftl:1: a file English does not have",
            "locales/uk/main.ftl:7: gone: defined twice",
            "locales/uk/main.ftl:8: syntax:",
            "locales/uk/main.ftl:6: gone: English has no such message",
            "locales/uk/main.ftl:1: hello: takes {\"user\"}, English takes {\"name\"}",
            "locales/uk/main.ftl:2: items: no variant for the plural forms [\"few\", \"many\"]",
            "locales/uk/main.ftl:0: brand: missing",
        ];
        for want in expect {
            assert!(problems.iter().any(|p| p.starts_with(want)), "{want}\nin {problems:#?}");
        }
        assert_eq!(problems.len(), expect.len(), "{problems:#?}");
        let p = c.total("uk");
        assert_eq!((p.missing, p.obsolete, p.errors), (1, 1, 2));
    }

    #[test]
    fn plural_forms_come_from_cldr() {
        assert_eq!(plural_categories("en").unwrap(), ["one", "other"]);
        assert_eq!(plural_categories("uk").unwrap(), ["one", "few", "many", "other"]);
        assert_eq!(plural_categories("pl").unwrap(), ["one", "few", "many", "other"]);
        assert!(plural_categories("not a tag").is_none());
    }
}
