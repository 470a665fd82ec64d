//! Picks the visitor's language for `/`: a remembered choice first, then `Accept-Language`.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use super::Locale;

/// `cookie` is the `locale` cookie's value, `accept_language` the raw header.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>, default: Locale) -> Locale {
    if let Some(locale) = cookie.and_then(Locale::parse) {
        return locale;
    }
    let Some(header) = accept_language else {
        return default;
    };
    let requested = fluent_langneg::accepted_languages::parse(header);
    let available: Vec<LanguageIdentifier> =
        Locale::all().iter().filter_map(|l| l.as_str().parse().ok()).collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
    chosen.first().and_then(|id| Locale::parse(id.language.as_str())).unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_over_header() {
        assert_eq!(negotiate(Some("uk"), Some("de-DE,de;q=0.9"), Locale::EN), Locale::UK);
    }

    #[test]
    fn header_order_and_quality_count() {
        assert_eq!(negotiate(None, Some("fr-FR,de;q=0.8,en;q=0.5"), Locale::EN), Locale::DE);
        assert_eq!(negotiate(None, Some("uk-UA"), Locale::EN), Locale::UK);
    }

    #[test]
    fn unknown_values_fall_back_to_default() {
        assert_eq!(negotiate(Some("xx"), Some("fr, es"), Locale::DE), Locale::DE);
        assert_eq!(negotiate(None, Some("!!garbage"), Locale::EN), Locale::EN);
        assert_eq!(negotiate(None, None, Locale::UK), Locale::UK);
    }
}
