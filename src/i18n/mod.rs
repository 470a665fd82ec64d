//! Fluent translations, locale negotiation and per-locale formatting.
//!
//! Every user-visible string comes from `locales/<lang>/*.ftl` (and the translators' overrides,
//! see [`messages`]) through [`Tr`]; English is the fallback for a message missing elsewhere.

pub mod catalog;
pub mod collation;
pub mod countries;
pub mod exchange;
mod format;
mod locale;
pub mod messages;
mod negotiate;
pub mod proof;
pub mod states;

use std::borrow::Borrow;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};

pub use format::{format_date, format_money, format_number};

pub use locale::Locale;

/// How many languages a board may have at most (SQLite's full-text rowids leave room for them).
pub const fn locale_limit() -> usize {
    locale::MAX_LANGUAGES
}
pub use messages::{Generation, Messages};
pub use negotiate::negotiate;

/// The translator handed to every page: a locale and the messages of the moment (one
/// [`Generation`], so a page never mixes an old and a new text), with lookup and formatting
/// helpers. Made by [`Messages::tr`].
#[derive(Clone)]
pub struct Tr {
    pub locale: Locale,
    messages: Arc<Generation>,
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tr").field("locale", &self.locale).finish_non_exhaustive()
    }
}

impl PartialEq for Tr {
    fn eq(&self, other: &Tr) -> bool {
        self.locale == other.locale && Arc::ptr_eq(&self.messages, &other.messages)
    }
}

impl Tr {
    fn of(locale: Locale, messages: Arc<Generation>) -> Tr {
        Tr { locale, messages }
    }

    /// The same messages in another language.
    pub fn with_locale(&self, locale: Locale) -> Tr {
        Tr { locale, messages: self.messages.clone() }
    }

    /// The messages this translator reads.
    pub fn messages(&self) -> &Generation {
        &self.messages
    }

    /// Looks up one message; a missing id is logged and shown as the id, never a panic.
    fn lookup(&self, id: &str, args: Option<&FluentArgs>) -> String {
        match self.messages.format(self.locale, id, args) {
            Some(text) => text,
            None => {
                log::warn!("missing Fluent message {id:?} for {}", self.locale);
                id.to_owned()
            }
        }
    }

    /// Texts that depend only on the locale and a key (messages without variables, country
    /// names, dates), formatted once per generation of the messages: pages look up hundreds of
    /// them, and formatting through the bundle each time showed up in profiles. Keys from data
    /// (dates) are bounded by emptying the cache when it grows large.
    pub fn cached(&self, key: &str, compute: impl FnOnce() -> String) -> String {
        self.messages.cached(self.locale, key, compute)
    }

    /// The message, or None when the catalogue has no such id (for ids derived from data,
    /// which may have no message: the caller shows something else instead).
    pub fn try_t(&self, id: &str) -> Option<String> {
        self.messages.format(self.locale, id, None)
    }

    /// A message without variables.
    pub fn t(&self, id: &str) -> String {
        self.cached(id, || self.lookup(id, None))
    }

    /// A message with a `$count` variable, which also selects the plural form.
    pub fn tn(&self, id: &str, count: impl Borrow<i64>) -> String {
        let count = *count.borrow();
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        let text = self.lookup(id, Some(&args));
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
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        args.set(name, FluentValue::from(value));
        let text = self.lookup(id, Some(&args));
        if count.abs() >= 1000 {
            text.replace(&count.to_string(), &format_number(self.locale, count))
        } else {
            text
        }
    }

    /// A message with one named string variable.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name, FluentValue::from(value));
        self.lookup(id, Some(&args))
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
        let mut args = FluentArgs::new();
        args.set(name1, FluentValue::from(value1));
        args.set(name2, FluentValue::from(value2));
        self.lookup(id, Some(&args))
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
        format_date(self, date.date())
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
        let id = format!("language-{}", locale.as_str());
        match self.try_t(&id) {
            Some(name) => name,
            // A language added by configuration: CLDR's name for it in this one.
            None => locale.name_in(self.locale),
        }
    }

    /// The name of a country by ISO code (CLDR's), or the code itself when it is none.
    pub fn country(&self, code: &str) -> String {
        countries::name(self.locale, code).map_or_else(|| code.to_owned(), str::to_owned)
    }
}
