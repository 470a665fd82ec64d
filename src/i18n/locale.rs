//! The languages the board speaks: configuration (`LOCALES=en,de,uk,pl`), not code. A
//! [`Locale`] is a small handle to a language tag; every language with a `locales/<tag>/`
//! folder can be one. The shipped three have fixed handles ([`Locale::EN`], [`Locale::DE`],
//! [`Locale::UK`]: demo data and importers name them), others follow in the configured order.
//! Which of them the board offers ([`Locale::all`]) is the setting, fixed for the process's
//! life: tables per language are sized once.

use std::fmt;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(u8);

/// The languages shipped with Hireboard, in their handles' order.
const SHIPPED: [&str; 3] = ["en", "de", "uk"];

/// More languages than a board would offer, few enough for per-language tables.
pub const MAX_LANGUAGES: usize = 32;

struct Languages {
    /// Every known tag, by handle: the shipped ones, then the configured others.
    tags: Vec<&'static str>,
    /// The configured ones, English first.
    enabled: Vec<Locale>,
    /// Each known language's name in itself (CLDR's, capitalized), by handle.
    native: Vec<&'static str>,
    /// Each as OpenGraph spells a locale, with its likely country (`de_DE`), by handle.
    og: Vec<&'static str>,
}

static LANGUAGES: OnceLock<Languages> = OnceLock::new();

fn languages() -> &'static Languages {
    LANGUAGES.get_or_init(|| build(&SHIPPED.map(str::to_owned)).expect("the shipped languages"))
}

/// Whether `tag` is a language tag we accept: `pl`, `pt-BR`, `sr-Latn`.
fn valid_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && tag.parse::<icu_locale_core::Locale>().is_ok()
}

fn build(wanted: &[String]) -> Result<Languages, String> {
    let mut tags: Vec<&'static str> = SHIPPED.to_vec();
    let mut enabled = vec![Locale::EN];
    for tag in wanted {
        let tag = tag.trim();
        if !valid_tag(tag) {
            return Err(format!("{tag:?} is not a language tag such as pl or pt-BR"));
        }
        let handle = match tags.iter().position(|t| *t == tag) {
            Some(i) => i,
            None => {
                tags.push(Box::leak(tag.to_owned().into_boxed_str()));
                tags.len() - 1
            }
        };
        if tags.len() > MAX_LANGUAGES {
            return Err(format!("at most {MAX_LANGUAGES} languages"));
        }
        let locale = Locale(handle as u8);
        if !enabled.contains(&locale) {
            enabled.push(locale);
        }
    }
    let native = tags.iter().map(|t| native_name_of(t)).collect();
    let og = tags.iter().map(|t| og_locale_of(t)).collect();
    Ok(Languages { tags, enabled, native, og })
}

/// `language_TERRITORY` with CLDR's likely territory: en_US, de_DE, uk_UA, pl_PL.
fn og_locale_of(tag: &str) -> &'static str {
    let text = match tag.parse::<icu_locale_core::LanguageIdentifier>() {
        Ok(mut id) => {
            icu_locale::LocaleExpander::new_common().maximize(&mut id);
            match id.region {
                Some(region) => format!("{}_{}", id.language, region),
                None => id.language.to_string(),
            }
        }
        Err(_) => tag.replace('-', "_"),
    };
    Box::leak(text.into_boxed_str())
}

/// A language's own name, from CLDR ("Deutsch", "Українська", "Polski"), or its tag.
fn native_name_of(tag: &str) -> &'static str {
    use icu_experimental::displaynames::{DisplayNamesOptions, LanguageDisplayNames};
    let name = icu_locale_core::Locale::try_from_str(tag).ok().and_then(|locale| {
        let names =
            LanguageDisplayNames::try_new(locale.clone().into(), DisplayNamesOptions::default())
                .ok()?;
        names.of(locale.id.language).map(str::to_owned)
    });
    let name = name.unwrap_or_else(|| tag.to_owned());
    // CLDR writes many languages' names in lower case ("українська"); a menu starts each
    // with a capital.
    let mut chars = name.chars();
    let capitalized: String =
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    Box::leak(capitalized.into_boxed_str())
}

impl Default for Locale {
    fn default() -> Locale {
        Locale::EN
    }
}

impl Locale {
    pub const EN: Locale = Locale(0);
    pub const DE: Locale = Locale(1);
    pub const UK: Locale = Locale(2);

    /// Sets the board's languages (English is always one, and first); the first call wins for
    /// the process, and a later one must ask for the same.
    pub fn configure(tags: &[String]) -> Result<(), String> {
        let asked = build(tags)?;
        let names = |l: &Languages| -> Vec<&'static str> {
            l.enabled.iter().map(|x| l.tags[x.index()]).collect()
        };
        let wanted = names(&asked);
        let current = LANGUAGES.get_or_init(|| asked);
        if names(current) == wanted {
            Ok(())
        } else {
            Err(format!("this process already speaks {}", names(current).join(",")))
        }
    }

    /// The board's languages, English first.
    pub fn all() -> &'static [Locale] {
        &languages().enabled
    }

    /// How many handles there are: the size of a table by [`Locale::index`].
    pub fn count() -> usize {
        languages().tags.len()
    }

    /// A table with `make`'s value for every language handle, for lookups by
    /// [`Locale::index`].
    pub fn table<T>(mut make: impl FnMut(Locale) -> T) -> Vec<T> {
        (0..Locale::count()).map(|i| make(Locale(i as u8))).collect()
    }

    /// Its place in tables per language.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn as_str(self) -> &'static str {
        languages().tags.get(self.index()).copied().unwrap_or("en")
    }

    /// One of the board's languages, by tag.
    pub fn parse(text: &str) -> Option<Locale> {
        let all = languages();
        all.enabled.iter().copied().find(|l| all.tags[l.index()] == text)
    }

    /// Whether the board offers this language (the shipped ones may be left out).
    pub fn is_enabled(self) -> bool {
        Locale::all().contains(&self)
    }

    /// The language's name in `reader`'s language, from CLDR ("Polnisch" for German readers), or
    /// its tag.
    pub fn name_in(self, reader: Locale) -> String {
        use icu_experimental::displaynames::{DisplayNamesOptions, LanguageDisplayNames};
        let named = icu_locale_core::Locale::try_from_str(self.as_str()).ok();
        let names = icu_locale_core::Locale::try_from_str(reader.as_str()).ok().and_then(|r| {
            LanguageDisplayNames::try_new(r.into(), DisplayNamesOptions::default()).ok()
        });
        named
            .zip(names)
            .and_then(|(named, names)| names.of(named.id.language).map(str::to_owned))
            .unwrap_or_else(|| self.as_str().to_owned())
    }

    /// The language as OpenGraph spells a locale (`de_DE`).
    pub fn og_locale(self) -> &'static str {
        languages().og.get(self.index()).copied().unwrap_or("en_US")
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        languages().native.get(self.index()).copied().unwrap_or("English")
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_and_english_comes_first() {
        let built = build(&["de".into(), "pl".into(), "de".into()]).unwrap();
        let tags: Vec<&str> = built.enabled.iter().map(|l| built.tags[l.index()]).collect();
        assert_eq!(tags, ["en", "de", "pl"]);
        assert_eq!(built.tags, ["en", "de", "uk", "pl"], "the shipped handles stay");
        assert_eq!(built.native[3], "Polski");
        assert_eq!(built.native[2], "Українська");
        assert_eq!(built.og, ["en_US", "de_DE", "uk_UA", "pl_PL"]);
        for bad in ["", "english", "d", "de_DE", "EN", "x-"] {
            assert!(build(&[bad.into()]).is_err(), "{bad}");
        }
        assert!(build(&["pt-BR".into()]).is_ok());
    }

    #[test]
    fn the_default_is_the_shipped_three() {
        assert_eq!(Locale::all(), [Locale::EN, Locale::DE, Locale::UK]);
        assert_eq!(Locale::parse("uk"), Some(Locale::UK));
        assert_eq!(Locale::parse("pl"), None);
        assert_eq!(Locale::DE.native_name(), "Deutsch");
    }
}
