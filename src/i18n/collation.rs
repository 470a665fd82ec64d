//! Sorting people's words the way their language does (CLDR collation through ICU4X): in
//! German "Österreich" comes after "Oman", not after "Zypern"; in Ukrainian "Італія" comes
//! after "Ізраїль" and before "Йорданія", not before every other letter as the code points
//! have it.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};

use super::Locale;

static COLLATORS: LazyLock<Vec<Option<CollatorBorrowed<'static>>>> = LazyLock::new(|| {
    Locale::table(|l| {
        let locale: icu_locale_core::Locale = l.as_str().parse().ok()?;
        Collator::try_new(CollatorPreferences::from(&locale), CollatorOptions::default()).ok()
    })
});

/// `a` against `b` in `locale`'s alphabetical order (code points, should its data be missing).
pub fn compare(locale: Locale, a: &str, b: &str) -> Ordering {
    match COLLATORS.get(locale.index()).and_then(Option::as_ref) {
        Some(collator) => collator.compare(a, b),
        None => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(locale: Locale, words: &[&str]) -> Vec<String> {
        let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        words.sort_by(|a, b| compare(locale, a, b));
        words
    }

    #[test]
    fn words_sort_as_their_language_has_it() {
        assert_eq!(
            sorted(Locale::DE, &["Zypern", "Österreich", "Oman", "Polen"]),
            ["Oman", "Österreich", "Polen", "Zypern"]
        );
        assert_eq!(
            sorted(Locale::UK, &["Йорданія", "Італія", "Ємен", "Австрія", "Ізраїль", "Естонія"]),
            ["Австрія", "Естонія", "Ємен", "Ізраїль", "Італія", "Йорданія"]
        );
        assert_eq!(
            sorted(Locale::EN, &["Åland", "Zambia", "Albania"]),
            ["Åland", "Albania", "Zambia"]
        );
    }
}
