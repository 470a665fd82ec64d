//! Where each message of each language stands, for the translators' workspace: missing,
//! untranslated (identical to English), out of date (English changed since the translation was
//! made) or done.
//!
//! "Since the translation was made" needs a record: `message_sources` keeps, per language, the
//! hash of the English text each translation was made from, with the translation's own hash.
//! Every app start records the texts it ships (a translation whose hash moved was made against
//! the English of that release); saving in the workspace records the English the translator
//! saw. A translation whose hash still matches while English's moved is out of date.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::catalog::SOURCE;
use super::messages::Generation;
use super::{Locale, Tr};
use crate::db::DbConn;
use crate::db::schema::message_sources as s;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    Missing,
    Untranslated,
    Outdated,
    Done,
}

impl State {
    pub const ALL: [State; 4] = [State::Missing, State::Untranslated, State::Outdated, State::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Missing => "missing",
            State::Untranslated => "untranslated",
            State::Outdated => "outdated",
            State::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label(self, tr: &Tr) -> String {
        tr.t(&format!("translations-state-{}", self.as_str()))
    }
}

/// A text's fingerprint: whitespace at its ends does not count.
pub fn hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.trim().as_bytes()))
}

/// Per message id: (English hash, translation hash) when the translation was made.
pub type Sources = HashMap<String, (String, String)>;

/// One message of a language beside English.
#[derive(Debug, Clone)]
pub struct Row {
    pub file: String,
    pub id: String,
    pub line: usize,
    pub comment: Option<String>,
    /// English's value as people read it now (an override of English counts).
    pub english: String,
    pub translation: Option<String>,
    /// Saved in the workspace rather than shipped.
    pub overridden: bool,
    pub state: State,
}

/// A message's value in `lang` as people read it: the override, else the shipped text.
pub fn current_value(generation: &Generation, lang: &str, id: &str) -> Option<String> {
    generation
        .overrides
        .get(lang)
        .and_then(|o| o.get(id))
        .map(|o| o.source.clone())
        .or_else(|| generation.shipped.value(lang, id).map(str::to_owned))
}

/// Every English message in file and line order, with `lang`'s translation and state.
pub fn rows(generation: &Generation, lang: &str, sources: &Sources) -> Vec<Row> {
    let mut out = Vec::new();
    let Some(english) = generation.shipped.catalog.languages.get(SOURCE) else { return out };
    for (file, source) in english {
        let mut ids: Vec<(&String, &super::catalog::Message)> = source.messages.iter().collect();
        ids.sort_by_key(|(_, m)| m.line);
        for (id, m) in ids {
            let english = current_value(generation, SOURCE, id).unwrap_or_default();
            let translation = current_value(generation, lang, id);
            let overridden = generation.overrides.get(lang).is_some_and(|o| o.contains_key(id));
            let state = state(&english, translation.as_deref(), sources.get(id.as_str()));
            out.push(Row {
                file: file.clone(),
                id: id.clone(),
                line: m.line,
                comment: m.comment.clone(),
                english,
                translation,
                overridden,
                state,
            });
        }
    }
    out
}

fn state(english: &str, translation: Option<&str>, source: Option<&(String, String)>) -> State {
    let Some(translation) = translation else { return State::Missing };
    if let Some((english_hash, translation_hash)) = source
        && *translation_hash == hash(translation)
        && *english_hash != hash(english)
    {
        return State::Outdated;
    }
    if translation.trim() == english.trim() { State::Untranslated } else { State::Done }
}

/// Counts per state, of one file or all.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub missing: usize,
    pub untranslated: usize,
    pub outdated: usize,
    pub done: usize,
}

impl Counts {
    pub fn add(&mut self, state: State) {
        match state {
            State::Missing => self.missing += 1,
            State::Untranslated => self.untranslated += 1,
            State::Outdated => self.outdated += 1,
            State::Done => self.done += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.missing + self.untranslated + self.outdated + self.done
    }

    /// Done in per cent, rounded down (never 100 with one left).
    pub fn percent_done(&self) -> i64 {
        (self.done * 100 / self.total().max(1)) as i64
    }

    pub fn get(&self, state: State) -> usize {
        match state {
            State::Missing => self.missing,
            State::Untranslated => self.untranslated,
            State::Outdated => self.outdated,
            State::Done => self.done,
        }
    }
}

/// Counts per file (in English's file order) and in all.
pub fn progress(rows: &[Row]) -> (BTreeMap<String, Counts>, Counts) {
    let mut files: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    for r in rows {
        files.entry(r.file.clone()).or_default().add(r.state);
        all.add(r.state);
    }
    (files, all)
}

/// The recorded sources of `lang`.
pub fn load_sources(conn: &mut DbConn, lang: &str) -> QueryResult<Sources> {
    let text: Option<String> =
        s::table.filter(s::locale.eq(lang)).select(s::hashes).first(conn).optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

fn store_sources(conn: &mut DbConn, lang: &str, sources: &Sources) -> QueryResult<()> {
    // Sorted, so that the same record is the same text.
    let sorted: BTreeMap<&String, &(String, String)> = sources.iter().collect();
    let text = serde_json::to_string(&sorted).unwrap_or_else(|_| "{}".into());
    let now = crate::db::now();
    let updated = diesel::update(s::table.filter(s::locale.eq(lang)))
        .set((s::hashes.eq(&text), s::updated_at.eq(now)))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(s::table)
            .values((s::locale.eq(lang), s::hashes.eq(&text), s::updated_at.eq(now)))
            .execute(conn)?;
    }
    Ok(())
}

/// Records, for every translation whose text is new to the record, the English it sits beside
/// now. Run at every start: one read per language, and a write only when a file changed.
pub fn record_sources(conn: &mut DbConn, generation: &Generation) -> QueryResult<()> {
    for locale in Locale::all().iter().copied().filter(|l| l.as_str() != SOURCE) {
        let lang = locale.as_str();
        let mut sources = load_sources(conn, lang)?;
        let mut changed = false;
        for row in rows(generation, lang, &sources) {
            let Some(translation) = &row.translation else { continue };
            let translation_hash = hash(translation);
            if sources.get(&row.id).is_none_or(|(_, t)| *t != translation_hash) {
                sources.insert(row.id, (hash(&row.english), translation_hash));
                changed = true;
            }
        }
        // Servers starting together compute the same record: when another one wrote it first
        // (a unique key refuses this insert), theirs stands.
        if changed && let Err(e) = conn.transaction(|conn| store_sources(conn, lang, &sources)) {
            log::info!("the English sources of {lang} were recorded by another server: {e}");
        }
    }
    Ok(())
}

/// Records that `text` in `lang` was written (or confirmed) against English's current text.
pub fn record_saved(
    conn: &mut DbConn,
    lang: &str,
    id: &str,
    english: &str,
    text: &str,
) -> QueryResult<()> {
    let mut sources = load_sources(conn, lang)?;
    sources.insert(id.to_owned(), (hash(english), hash(text)));
    store_sources(conn, lang, &sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_follow_the_record() {
        let made = (hash("Jobs"), hash("Stellen"));
        assert_eq!(state("Jobs", None, None), State::Missing);
        assert_eq!(state("Jobs", Some("Jobs"), None), State::Untranslated);
        assert_eq!(state("Jobs", Some("Stellen"), None), State::Done);
        assert_eq!(state("Jobs", Some("Stellen"), Some(&made)), State::Done);
        assert_eq!(state("Vacancies", Some("Stellen"), Some(&made)), State::Outdated);
        // A translation changed since the record was made against an English we do not know.
        assert_eq!(state("Vacancies", Some("Stellenangebote"), Some(&made)), State::Done);
        // Identical to an English that changed: out of date, not merely untranslated.
        let same = (hash("API"), hash("API"));
        assert_eq!(state("REST API", Some("API"), Some(&same)), State::Outdated);
    }

    #[test]
    fn counts_round_down() {
        let mut c = Counts::default();
        for _ in 0..199 {
            c.add(State::Done);
        }
        c.add(State::Missing);
        assert_eq!(c.percent_done(), 99);
        assert_eq!((c.total(), c.get(State::Missing)), (200, 1));
    }
}
