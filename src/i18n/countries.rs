//! Country names from CLDR (ICU4X's compiled data) in each language of the board: imported
//! places are all over the world, and the board's own messages name only its usual countries.

use std::sync::LazyLock;

use icu_experimental::displaynames::{DisplayNamesOptions, RegionDisplayNames};
use icu_locale_core::subtags::Region;

use super::Locale;

static NAMES: LazyLock<Vec<Option<RegionDisplayNames>>> = LazyLock::new(|| {
    Locale::table(|locale| {
        let tag = icu_locale_core::Locale::try_from_str(locale.as_str()).ok()?;
        RegionDisplayNames::try_new(tag.into(), DisplayNamesOptions::default()).ok()
    })
});

/// Region codes CLDR names that are not countries (the EU, the UN, "Unknown Region", test
/// and private-use codes).
const NOT_COUNTRIES: [&str; 7] = ["EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"];

/// The name of the country with ISO 3166-1 alpha-2 `code` (any case) in `locale`, when CLDR
/// has one.
pub fn name(locale: Locale, code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_uppercase();
    if code.len() != 2 || NOT_COUNTRIES.contains(&code.as_str()) {
        return None;
    }
    let region = Region::try_from_str(&code).ok()?;
    NAMES.get(locale.index())?.as_ref()?.of(region)
}

/// Whether `code` is a country CLDR knows.
pub fn is_country(code: &str) -> bool {
    name(Locale::EN, code).is_some()
}

/// Every country CLDR names, by ISO code (AD … ZW).
pub fn all() -> &'static [String] {
    static ALL: LazyLock<Vec<String>> = LazyLock::new(|| {
        let letters = || (b'A'..=b'Z').map(char::from);
        letters()
            .flat_map(|a| letters().map(move |b| format!("{a}{b}")))
            .filter(|code| is_country(code))
            .collect()
    });
    &ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_in_each_language_and_only_for_countries() {
        assert_eq!(name(Locale::EN, "de"), Some("Germany"));
        assert_eq!(name(Locale::DE, "AT"), Some("Österreich"));
        assert_eq!(name(Locale::UK, "UA"), Some("Україна"));
        assert_eq!(name(Locale::DE, "CI"), Some("Côte d’Ivoire"));
        for code in ["ZZ", "EU", "QQ", "D", "DEU", "001", ""] {
            assert_eq!(name(Locale::EN, code), None, "{code}");
        }
        assert!(is_country("fr") && !is_country("XX"));
        let all = all();
        assert!((240..=260).contains(&all.len()), "{} countries", all.len());
        assert!(["DE", "UA", "XK", "JP"].iter().all(|c| all.iter().any(|a| a == c)));
        for &locale in Locale::all() {
            assert!(all.iter().all(|c| name(locale, c).is_some()), "{locale}");
        }
    }
}
