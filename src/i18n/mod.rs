//! Fluent translations, locale negotiation and per-locale formatting.
//!
//! Every user-visible string comes from `locales/<lang>/*.ftl` through [`Tr`]. The bundles are
//! compiled into the binary; English is the fallback for a message missing elsewhere.

pub mod catalog;
pub mod collation;
pub mod countries;
pub mod exchange;
mod format;
mod locale;
mod negotiate;

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

pub use format::{format_date, format_money, format_number};

pub use locale::Locale;
pub use negotiate::negotiate;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around placeables render as stray boxes in some browsers and
        // break tests that compare text; our placeables are never bidirectional.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn langid(locale: Locale) -> &'static LanguageIdentifier {
    use std::sync::LazyLock;
    static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
        Locale::ALL.map(|l| l.as_str().parse().expect("built-in locale tags are valid"))
    });
    &IDS[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)]
}

/// Texts that depend only on the locale and a key (messages without variables, country names,
/// dates), formatted once: pages look up hundreds of them, and formatting through the bundle
/// each time showed up in profiles. Keys from data (dates) are bounded by emptying the cache
/// when it grows large.
pub fn cached(locale: Locale, key: &str, compute: impl FnOnce() -> String) -> String {
    use std::collections::HashMap;
    use std::sync::{LazyLock, RwLock};
    const MAX_ENTRIES: usize = 10_000;
    static CACHE: LazyLock<[RwLock<HashMap<String, String>>; 3]> = LazyLock::new(Default::default);
    let slot = &CACHE[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)];
    if let Some(text) = slot.read().unwrap_or_else(|e| e.into_inner()).get(key) {
        return text.clone();
    }
    let text = compute();
    let mut map = slot.write().unwrap_or_else(|e| e.into_inner());
    if map.len() >= MAX_ENTRIES {
        map.clear();
    }
    map.insert(key.to_owned(), text.clone());
    text
}

fn cached_plain(locale: Locale, id: &str) -> String {
    cached(locale, id, || lookup_uncached(locale, id, None))
}

/// Looks up one message; a missing id is logged and shown as the id, never a panic.
pub fn lookup(
    locale: Locale,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue>>,
) -> String {
    match args {
        None => cached_plain(locale, id),
        Some(_) => lookup_uncached(locale, id, args),
    }
}

fn lookup_uncached(
    locale: Locale,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue>>,
) -> String {
    match LOCALES.try_lookup_complete(langid(locale), id, args) {
        Some(text) => text,
        None => {
            log::warn!("missing Fluent message {id:?} for {locale}");
            id.to_owned()
        }
    }
}

/// The translator handed to every page: a locale plus lookup and formatting helpers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    /// A message without variables.
    /// The message, or None when the catalogue has no such id (for ids derived from data,
    /// which may have no message: the caller shows something else instead).
    pub fn try_t(&self, id: &str) -> Option<String> {
        LOCALES.try_lookup_complete(langid(self.locale), id, None)
    }

    pub fn t(&self, id: &str) -> String {
        lookup(self.locale, id, None)
    }

    /// A message with a `$count` variable, which also selects the plural form.
    pub fn tn(&self, id: &str, count: impl Borrow<i64>) -> String {
        let count = *count.borrow();
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(count));
        let text = lookup(self.locale, id, Some(&args));
        // Fluent prints numbers without digit grouping; show large ones as the locale writes them.
        if count.abs() >= 1000 {
            text.replace(&count.to_string(), &format_number(self.locale, count))
        } else {
            text
        }
    }

    /// A plural message with `$count` and one named string variable.
    pub fn tn_with(
        &self,
        id: &str,
        count: impl Borrow<i64>,
        name: &'static str,
        value: &str,
    ) -> String {
        let count = *count.borrow();
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(count));
        args.insert(Cow::Borrowed(name), FluentValue::from(value));
        let text = lookup(self.locale, id, Some(&args));
        if count.abs() >= 1000 {
            text.replace(&count.to_string(), &format_number(self.locale, count))
        } else {
            text
        }
    }

    /// A message with one named string variable.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value));
        lookup(self.locale, id, Some(&args))
    }

    /// A message with two named string variables.
    pub fn t2(
        &self,
        id: &str,
        name1: &'static str,
        value1: &str,
        name2: &'static str,
        value2: &str,
    ) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed(name1), FluentValue::from(value1));
        args.insert(Cow::Borrowed(name2), FluentValue::from(value2));
        lookup(self.locale, id, Some(&args))
    }

    pub fn number(&self, n: impl Borrow<i64>) -> String {
        format_number(self.locale, *n.borrow())
    }

    /// A number with `digits` decimals, as the locale writes it.
    pub fn decimal(&self, x: f64, digits: usize) -> String {
        format::format_decimal(self.locale, x, digits)
    }

    /// A distance for people: under a kilometre said so, one decimal under ten, whole beyond.
    pub fn distance(&self, km: f64) -> String {
        if km < 1.0 {
            self.t("distance-under-1-km")
        } else {
            self.t1("distance-km", "km", &self.decimal(km, if km < 10.0 { 1 } else { 0 }))
        }
    }

    /// A point as people read it: "52.52° N, 13.405° E".
    pub fn coordinates(&self, lat: f64, lon: f64) -> String {
        let degrees = |x: f64| {
            let text = self.decimal(x.abs(), 5);
            let trimmed = text.trim_end_matches('0');
            trimmed.strip_suffix([',', '.']).unwrap_or(trimmed).to_owned()
        };
        let lat = self.t1(
            if lat < 0.0 { "latitude-south" } else { "latitude-north" },
            "degrees",
            &degrees(lat),
        );
        let lon = self.t1(
            if lon < 0.0 { "longitude-west" } else { "longitude-east" },
            "degrees",
            &degrees(lon),
        );
        self.t2("coordinates", "lat", &lat, "lon", &lon)
    }

    pub fn date(&self, date: &chrono::NaiveDateTime) -> String {
        format_date(self.locale, date.date())
    }

    /// The date and the time of day (24-hour clock, UTC, as stored).
    pub fn date_time(&self, at: &chrono::NaiveDateTime) -> String {
        format!("{} {}", self.date(at), at.format("%H:%M:%S"))
    }

    /// A short numeric day and month ("27/11", "27.11."), for chart axes.
    pub fn short_date(&self, date: &chrono::NaiveDate) -> String {
        use chrono::Datelike;
        self.t2("date-short", "day", &date.day().to_string(), "month", &date.month().to_string())
    }

    /// A language's name in this one ("Englisch" in German), for sentences and values; a
    /// language switcher names each in itself (`Locale::native_name`).
    pub fn language(&self, locale: Locale) -> String {
        self.t(&format!("language-{}", locale.as_str()))
    }

    /// The name of a country by ISO code (CLDR's), or the code itself when it is none.
    pub fn country(&self, code: &str) -> String {
        countries::name(self.locale, code).map_or_else(|| code.to_owned(), str::to_owned)
    }
}
