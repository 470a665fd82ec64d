//! The message files to and from what translation agencies' tools read: XLIFF 2.0 and Gettext
//! PO (`hireboard i18n export` and `import`).
//!
//! A unit is one message: its id, its file, the comment above it in English, the English text
//! and the translation, each as Fluent source (what follows `id = `), so that plural variants
//! and placeables travel as written and come back as they were. Importing checks every
//! translation as `hireboard i18n check` would and writes nothing if one fails; it replaces
//! only the text of the messages that changed, so everything else in a file (comments, order,
//! blank lines) stays byte for byte.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::catalog::{Catalog, File, Problem, SOURCE, plural_categories};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff,
    Po,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "xliff" => Some(Format::Xliff),
            "po" => Some(Format::Po),
            _ => None,
        }
    }
}

/// One message of one language, beside English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub file: String,
    pub id: String,
    pub line: usize,
    pub note: Option<String>,
    pub source: String,
    /// `None` when the language does not have it yet.
    pub target: Option<String>,
}

/// A language's translations as a file brought them: (id, Fluent source) in the file's order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub lang: String,
    pub translations: Vec<(String, String)>,
}

fn value(file: &File, id: &str) -> Option<String> {
    file.messages.get(id).map(|m| file.source[m.value.clone()].to_owned())
}

/// Every English message, in file and line order, with the language's translation.
pub fn units(catalog: &Catalog, lang: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let Some(english) = catalog.languages.get(SOURCE) else { return out };
    for (name, source) in english {
        let translated = catalog.languages.get(lang).and_then(|files| files.get(name));
        let mut ids: Vec<(&String, usize)> =
            source.messages.iter().map(|(id, m)| (id, m.line)).collect();
        ids.sort_by_key(|(_, line)| *line);
        for (id, line) in ids {
            out.push(Unit {
                file: name.clone(),
                id: id.clone(),
                line,
                note: source.messages[id].comment.clone(),
                source: value(source, id).unwrap_or_default(),
                target: translated.and_then(|f| value(f, id)),
            });
        }
    }
    out
}

/// The language's messages in `format`.
pub fn export(catalog: &Catalog, lang: &str, format: Format) -> String {
    let units = units(catalog, lang);
    match format {
        Format::Po => po::write(lang, &units),
        Format::Xliff => xliff::write(lang, &units),
    }
}

/// Reads an XLIFF 2.0 or PO file (told apart by its first characters).
pub fn read(text: &str) -> Result<Imported, String> {
    if text.trim_start().starts_with('<') { xliff::read(text) } else { po::read(text) }
}

/// The files that change when `imported` is applied to the catalog, with their new contents;
/// every problem instead if any translation would not pass `hireboard i18n check`.
pub fn apply(
    catalog: &Catalog,
    imported: &Imported,
) -> Result<Vec<(PathBuf, String)>, Vec<Problem>> {
    let lang = imported.lang.as_str();
    let mut problems = Vec::new();
    let Some(english) = catalog.languages.get(SOURCE) else {
        return Err(vec![Problem {
            path: catalog.dir.join(SOURCE),
            line: 0,
            what: "no English messages".into(),
        }]);
    };
    if lang == SOURCE
        || lang.is_empty()
        || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(vec![Problem {
            path: catalog.dir.join(lang),
            line: 0,
            what: format!("{lang:?} is not a language a translation can be imported into"),
        }]);
    }
    let categories = plural_categories(lang);
    // By file: (id, new text) in the imported order.
    let mut changes: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (id, text) in &imported.translations {
        let Some((name, source)) = english.iter().find(|(_, f)| f.messages.contains_key(id)) else {
            problems.push(Problem {
                path: catalog.dir.join(lang),
                line: 0,
                what: format!("{id}: English has no such message"),
            });
            continue;
        };
        let path = catalog.dir.join(lang).join(name);
        let entry = entry(id, text);
        let parsed = File::parse(&entry);
        let problem =
            |what: String| Problem { path: path.clone(), line: 0, what: format!("{id}: {what}") };
        match parsed.messages.get(id.as_str()) {
            Some(m) if parsed.errors.is_empty() && parsed.messages.len() == 1 => {
                let what = m.variables_problem(&source.messages[id]).into_iter();
                let what = what.chain(m.plural_problems(categories.as_deref()));
                problems.extend(what.map(problem));
            }
            _ => problems.push(problem(format!(
                "not one Fluent message: {}",
                parsed.errors.iter().map(|(_, e)| e.as_str()).collect::<Vec<_>>().join("; ")
            ))),
        }
        changes.entry(name.as_str()).or_default().push((id.as_str(), text.as_str()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    for (name, list) in changes {
        let current = catalog.languages.get(lang).and_then(|files| files.get(name));
        if let Some(text) = rewrite(current, &list) {
            out.push((catalog.dir.join(lang).join(name), text));
        }
    }
    Ok(out)
}

/// A file's text with `changes` (id, new value) made: values replaced where they stand,
/// new messages appended; `None` when nothing changes. Everything else stays byte for byte.
pub fn rewrite(current: Option<&File>, changes: &[(&str, &str)]) -> Option<String> {
    let mut text = current.map_or(String::new(), |f| f.source.clone());
    // Replaced from the end of the file, so that the earlier ranges still hold.
    let mut replaced: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut appended = String::new();
    for (id, new) in changes {
        match current.and_then(|f| f.messages.get(*id)) {
            Some(m) if text[m.value.clone()] == **new => {}
            Some(m) => replaced.push((m.value.clone(), new)),
            None => appended.push_str(&entry(id, new)),
        }
    }
    if replaced.is_empty() && appended.is_empty() {
        return None;
    }
    replaced.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, new) in replaced {
        text.replace_range(range, new);
    }
    if !appended.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&appended);
    }
    Some(text)
}

/// A message's definition as a file holds it.
pub fn entry(id: &str, text: &str) -> String {
    if text.starts_with('\n') { format!("{id} ={text}\n") } else { format!("{id} = {text}\n") }
}

mod po {
    use std::io::BufWriter;

    use polib::catalog::Catalog;
    use polib::message::Message;
    use polib::metadata::CatalogMetadata;

    use super::{Imported, Unit};

    /// One entry per message: the id as `msgctxt`, English as `msgid`, the translation as
    /// `msgstr`, the English comment as an extracted comment (`#.`) and `file:line` as the
    /// reference (`#:`).
    pub(super) fn write(lang: &str, units: &[Unit]) -> String {
        let mut metadata = CatalogMetadata::new();
        metadata.project_id_version = "Hireboard".into();
        metadata.language = lang.into();
        metadata.mime_version = "1.0".into();
        metadata.content_type = "text/plain; charset=UTF-8".into();
        metadata.content_transfer_encoding = "8bit".into();
        let mut catalog = Catalog::new(metadata);
        for u in units {
            catalog.append_or_update(
                Message::build_singular()
                    .with_msgctxt(u.id.clone())
                    .with_msgid(u.source.clone())
                    .with_msgstr(u.target.clone().unwrap_or_default())
                    .with_source(format!("{}:{}", u.file, u.line))
                    .with_extracted_comments(u.note.clone().unwrap_or_default())
                    .done(),
            );
        }
        let mut out = Vec::new();
        {
            let mut writer = BufWriter::new(&mut out);
            // Writing to memory cannot fail.
            let _ = polib::po_file::write(&catalog, &mut writer);
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    pub(super) fn read(text: &str) -> Result<Imported, String> {
        let catalog = polib::po_file::parse_from_reader(text.as_bytes())
            .map_err(|e| format!("not a PO file: {e}"))?;
        let mut imported =
            Imported { lang: catalog.metadata.language.trim().to_owned(), ..Default::default() };
        for m in catalog.messages() {
            let (Some(id), Ok(text)) = (m.msgctxt(), m.msgstr()) else { continue };
            if !text.is_empty() {
                imported.translations.push((id.to_owned(), text.to_owned()));
            }
        }
        Ok(imported)
    }
}

mod xliff {
    use quick_xml::Writer;
    use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
    use quick_xml::reader::Reader;

    use super::{Imported, Unit};

    const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

    /// A `<file>` per message file, a `<unit>` per message with its note, and its source and
    /// target in one segment (`state="initial"` when there is no translation yet).
    pub(super) fn write(lang: &str, units: &[Unit]) -> String {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        // Writing to memory cannot fail.
        let mut put = |event: Event<'_>| {
            let _ = w.write_event(event);
        };
        put(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        put(Event::Start(BytesStart::new("xliff").with_attributes([
            ("xmlns", NAMESPACE),
            ("version", "2.0"),
            ("srcLang", super::SOURCE),
            ("trgLang", lang),
        ])));
        let mut file: Option<&str> = None;
        for u in units {
            if file != Some(u.file.as_str()) {
                if file.is_some() {
                    put(Event::End(BytesEnd::new("file")));
                }
                put(Event::Start(
                    BytesStart::new("file").with_attributes([("id", u.file.as_str())]),
                ));
                file = Some(&u.file);
            }
            put(Event::Start(BytesStart::new("unit").with_attributes([("id", u.id.as_str())])));
            if let Some(note) = &u.note {
                put(Event::Start(BytesStart::new("notes")));
                put(Event::Start(BytesStart::new("note")));
                put(Event::Text(BytesText::new(note)));
                put(Event::End(BytesEnd::new("note")));
                put(Event::End(BytesEnd::new("notes")));
            }
            let state = if u.target.is_some() { "translated" } else { "initial" };
            put(Event::Start(BytesStart::new("segment").with_attributes([("state", state)])));
            put(Event::Start(
                BytesStart::new("source").with_attributes([("xml:space", "preserve")]),
            ));
            put(Event::Text(BytesText::new(&u.source)));
            put(Event::End(BytesEnd::new("source")));
            if let Some(target) = &u.target {
                put(Event::Start(
                    BytesStart::new("target").with_attributes([("xml:space", "preserve")]),
                ));
                put(Event::Text(BytesText::new(target)));
                put(Event::End(BytesEnd::new("target")));
            }
            put(Event::End(BytesEnd::new("segment")));
            put(Event::End(BytesEnd::new("unit")));
        }
        if file.is_some() {
            put(Event::End(BytesEnd::new("file")));
        }
        put(Event::End(BytesEnd::new("xliff")));
        let mut out = String::from_utf8_lossy(&w.into_inner()).into_owned();
        out.push('\n');
        out
    }

    fn attribute(e: &BytesStart<'_>, name: &str) -> Result<Option<String>, String> {
        match e.try_get_attribute(name).map_err(|e| e.to_string())? {
            Some(a) => Ok(Some(
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| e.to_string())?
                    .into_owned(),
            )),
            None => Ok(None),
        }
    }

    pub(super) fn read(text: &str) -> Result<Imported, String> {
        let mut reader = Reader::from_str(text);
        let mut imported = Imported::default();
        let mut unit: Option<String> = None;
        // The text of the `<target>` being read.
        let mut target: Option<String> = None;
        let fail = |e: &dyn std::fmt::Display| format!("not an XLIFF 2.0 file: {e}");
        loop {
            match reader.read_event().map_err(|e| fail(&e))? {
                Event::Start(e) => match e.local_name().as_ref() {
                    "xliff" => {
                        if attribute(&e, "version")?.as_deref() != Some("2.0") {
                            return Err(fail(&"only version 2.0 is read"));
                        }
                        imported.lang = attribute(&e, "trgLang")?.unwrap_or_default();
                    }
                    "unit" => unit = attribute(&e, "id")?,
                    "target" => target = Some(String::new()),
                    _ => {}
                },
                Event::Text(t) if target.is_some() => {
                    let text = t.xml10_content();
                    target.get_or_insert_default().push_str(&text);
                }
                Event::CData(t) if target.is_some() => {
                    let text: &str = &t;
                    target.get_or_insert_default().push_str(text);
                }
                Event::GeneralRef(r) if target.is_some() => {
                    let resolved = match r.resolve_char_ref().map_err(|e| fail(&e))? {
                        Some(c) => c.to_string(),
                        None => {
                            let name: &str = &r;
                            quick_xml::escape::resolve_predefined_entity(name)
                                .ok_or_else(|| fail(&format!("unknown entity &{name};")))?
                                .to_owned()
                        }
                    };
                    target.get_or_insert_default().push_str(&resolved);
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "target" => {
                        if let (Some(id), Some(text)) = (&unit, target.take())
                            && !text.is_empty()
                        {
                            imported.translations.push((id.clone(), text));
                        }
                    }
                    "unit" => unit = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(imported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(dir: &std::path::Path) -> Catalog {
        Catalog::load(dir).unwrap()
    }

    fn shipped() -> Catalog {
        catalog(&std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales"))
    }

    #[test]
    fn every_shipped_message_reads_back_from_its_text() {
        for (lang, files) in &shipped().languages {
            for (name, file) in files {
                for (id, m) in &file.messages {
                    let again = File::parse(&entry(id, &file.source[m.value.clone()]));
                    assert!(again.errors.is_empty(), "{lang}/{name} {id}: {:?}", again.errors);
                    assert_eq!(again.messages.len(), 1, "{lang}/{name} {id}");
                    assert_eq!(
                        format!("{:?}", again.messages[id].variables),
                        format!("{:?}", m.variables),
                        "{lang}/{name} {id}"
                    );
                }
            }
        }
    }

    #[test]
    fn exporting_and_importing_changes_no_shipped_file() {
        let catalog = shipped();
        for lang in ["de", "uk"] {
            for format in [Format::Po, Format::Xliff] {
                let exported = export(&catalog, lang, format);
                let imported = read(&exported).unwrap();
                assert_eq!(imported.lang, lang);
                let english = units(&catalog, SOURCE).len();
                assert_eq!(
                    imported.translations.len(),
                    english,
                    "{lang} {format:?}: every message"
                );
                assert_eq!(apply(&catalog, &imported).unwrap(), [], "{lang} {format:?}");
            }
        }
    }
}
