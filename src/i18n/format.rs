//! Numbers, money and dates as each locale writes them. Month names come from Fluent
//! (`month-N`, in the form a date needs: Ukrainian uses the genitive), so translators own them.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use fixed_decimal::Decimal;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;

use super::{Locale, Tr};

/// Each language's number formatter, from CLDR (ICU4X's compiled data): grouping, separators
/// and digits for any language, by `Locale::index`.
static FORMATTERS: LazyLock<Vec<Option<DecimalFormatter>>> = LazyLock::new(|| {
    Locale::table(|locale| {
        let tag = icu_locale_core::Locale::try_from_str(locale.as_str()).ok()?;
        DecimalFormatter::try_new(tag.into(), Default::default()).ok()
    })
});

fn format(locale: Locale, number: &Decimal, plain: impl FnOnce() -> String) -> String {
    match FORMATTERS.get(locale.index()).and_then(Option::as_ref) {
        Some(formatter) => formatter.format_to_string(number),
        None => plain(),
    }
}

/// An integer with the locale's digit grouping: 75,000 / 75.000 / 75 000.
pub fn format_number(locale: Locale, n: i64) -> String {
    format(locale, &Decimal::from(n), || n.to_string())
}

/// A number with `digits` decimals (rounded), grouped and separated as the locale writes it:
/// 1,234.5 / 1.234,5 / 1 234,5.
pub fn format_decimal(locale: Locale, x: f64, digits: usize) -> String {
    let text = format!("{:.*}", digits, x.abs());
    // No minus before a number that rounds to zero.
    let sign =
        if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') { "-" } else { "" };
    let text = format!("{sign}{text}");
    match Decimal::try_from_str(&text) {
        Ok(number) => format(locale, &number, || text.clone()),
        Err(_) => text,
    }
}

fn currency_symbol(currency: &str) -> &str {
    match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "UAH" => "₴",
        "PLN" => "zł",
        "CAD" => "CA$",
        other => other,
    }
}

/// An amount of money in whole units: €75,000 in English, 75.000 € in German and Ukrainian.
pub fn format_money(locale: Locale, amount: i64, currency: &str) -> String {
    let number = format_number(locale, amount);
    let symbol = currency_symbol(currency);
    let prefix = locale == Locale::EN && symbol.chars().count() <= 3 && symbol != currency;
    if prefix { format!("{symbol}{number}") } else { format!("{number}\u{a0}{symbol}") }
}

/// Each language's long date from CLDR (ICU4X's compiled data), by `Locale::index`.
static LONG_DATES: LazyLock<Vec<Option<DateTimeFormatter<YMD>>>> = LazyLock::new(|| {
    Locale::table(|locale| {
        let tag = icu_locale_core::Locale::try_from_str(locale.as_str()).ok()?;
        DateTimeFormatter::try_new(tag.into(), YMD::long()).ok()
    })
});

/// CLDR's long date in `locale` ("27 listopada 2026" in Polish).
fn cldr_date(locale: Locale, date: NaiveDate) -> Option<String> {
    let formatter = LONG_DATES.get(locale.index())?.as_ref()?;
    let day = icu_datetime::input::Date::try_new_iso(
        date.year(),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()?;
    Some(formatter.format(&day).to_string())
}

/// A long date: "27 November 2026", "27. November 2026", "27 листопада 2026 р.". The shipped
/// languages' pattern and month names are messages (`date-long`, `month-N`: translators own
/// them, Ukrainian uses the genitive); a language without them gets CLDR's.
pub fn format_date(tr: &Tr, date: NaiveDate) -> String {
    tr.cached(&format!("date:{date}"), || {
        if !tr.messages().has(tr.locale, "date-long")
            && let Some(text) = cldr_date(tr.locale, date)
        {
            return text;
        }
        let month = tr.t(&format!("month-{}", date.month()));
        let day = date.day().to_string();
        let year = date.year().to_string();
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("day", day.as_str());
        args.set("month", month.as_str());
        args.set("year", year.as_str());
        tr.messages().format(tr.locale, "date-long", Some(&args)).unwrap_or(year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_per_locale() {
        assert_eq!(format_number(Locale::EN, 75000), "75,000");
        assert_eq!(format_number(Locale::DE, 1234567), "1.234.567");
        assert_eq!(format_number(Locale::UK, 75000), "75\u{a0}000");
        assert_eq!(format_number(Locale::EN, 999), "999");
        assert_eq!(format_number(Locale::EN, -1000), "-1,000");
    }

    #[test]
    fn decimals_use_the_locale_s_separators() {
        assert_eq!(format_decimal(Locale::EN, 1234.56, 1), "1,234.6");
        assert_eq!(format_decimal(Locale::DE, 1234.56, 1), "1.234,6");
        assert_eq!(format_decimal(Locale::UK, 2.25, 2), "2,25");
        assert_eq!(format_decimal(Locale::EN, 7.0, 0), "7");
        assert_eq!(format_decimal(Locale::EN, -0.04, 1), "0.0", "no minus before zero");
        assert_eq!(format_decimal(Locale::EN, -3.5, 1), "-3.5");
    }

    #[test]
    fn money_places_the_symbol_per_locale() {
        assert_eq!(format_money(Locale::EN, 75000, "EUR"), "€75,000");
        assert_eq!(format_money(Locale::DE, 75000, "EUR"), "75.000\u{a0}€");
        assert_eq!(format_money(Locale::EN, 9000, "CHF"), "9,000\u{a0}CHF");
    }

    #[test]
    fn dates_use_translated_month_names() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let tr = |l| crate::i18n::Messages::builtin().tr(l);
        assert_eq!(format_date(&tr(Locale::EN), d), "27 November 2026");
        assert_eq!(format_date(&tr(Locale::DE), d), "27. November 2026");
        assert_eq!(format_date(&tr(Locale::UK), d), "27 листопада 2026 р.");
        // What a language without its own date messages gets: CLDR's (with a narrow space).
        assert_eq!(cldr_date(Locale::DE, d).unwrap(), "27. November 2026");
        assert_eq!(cldr_date(Locale::UK, d).unwrap(), "27 листопада 2026\u{202f}р.");
    }
}
