//! Numbers, money and dates as each locale writes them. Month names come from Fluent
//! (`month-N`, in the form a date needs: Ukrainian uses the genitive), so translators own them.

use chrono::{Datelike, NaiveDate};

use super::{Locale, Tr};

/// Digit grouping and decimal separators of a locale.
fn separators(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => (",", "."),
        Locale::De => (".", ","),
        // Ukrainian groups with a (non-breaking) space.
        Locale::Uk => ("\u{a0}", ","),
    }
}

/// An integer with the locale's digit grouping: 75,000 / 75.000 / 75 000.
pub fn format_number(locale: Locale, n: i64) -> String {
    let (group, _) = separators(locale);
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * group.len() + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(ch);
    }
    out
}

/// A number with `digits` decimals (rounded), grouped and separated as the locale writes it:
/// 1,234.5 / 1.234,5 / 1 234,5.
pub fn format_decimal(locale: Locale, x: f64, digits: usize) -> String {
    let text = format!("{:.*}", digits, x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign =
        if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') { "-" } else { "" };
    let (_, decimal) = separators(locale);
    let mut out = format!("{sign}{}", format_number(locale, whole));
    if !fraction.is_empty() {
        out.push_str(decimal);
        out.push_str(fraction);
    }
    out
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
    let prefix = locale == Locale::En && symbol.chars().count() <= 3 && symbol != currency;
    if prefix { format!("{symbol}{number}") } else { format!("{number}\u{a0}{symbol}") }
}

/// A long date: "27 November 2026", "27. November 2026", "27 листопада 2026 р.".
pub fn format_date(tr: &Tr, date: NaiveDate) -> String {
    tr.cached(&format!("date:{date}"), || {
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
        assert_eq!(format_number(Locale::En, 75000), "75,000");
        assert_eq!(format_number(Locale::De, 1234567), "1.234.567");
        assert_eq!(format_number(Locale::Uk, 75000), "75\u{a0}000");
        assert_eq!(format_number(Locale::En, 999), "999");
        assert_eq!(format_number(Locale::En, -1000), "-1,000");
    }

    #[test]
    fn decimals_use_the_locale_s_separators() {
        assert_eq!(format_decimal(Locale::En, 1234.56, 1), "1,234.6");
        assert_eq!(format_decimal(Locale::De, 1234.56, 1), "1.234,6");
        assert_eq!(format_decimal(Locale::Uk, 2.25, 2), "2,25");
        assert_eq!(format_decimal(Locale::En, 7.0, 0), "7");
        assert_eq!(format_decimal(Locale::En, -0.04, 1), "0.0", "no minus before zero");
        assert_eq!(format_decimal(Locale::En, -3.5, 1), "-3.5");
    }

    #[test]
    fn money_places_the_symbol_per_locale() {
        assert_eq!(format_money(Locale::En, 75000, "EUR"), "€75,000");
        assert_eq!(format_money(Locale::De, 75000, "EUR"), "75.000\u{a0}€");
        assert_eq!(format_money(Locale::En, 9000, "CHF"), "9,000\u{a0}CHF");
    }

    #[test]
    fn dates_use_translated_month_names() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let tr = |l| crate::i18n::Messages::builtin().tr(l);
        assert_eq!(format_date(&tr(Locale::En), d), "27 November 2026");
        assert_eq!(format_date(&tr(Locale::De), d), "27. November 2026");
        assert_eq!(format_date(&tr(Locale::Uk), d), "27 листопада 2026 р.");
    }
}
