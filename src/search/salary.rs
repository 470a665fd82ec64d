//! Salaries compared across currencies and pay periods, for the `salary_min` filter and the
//! salary sort only (the page always shows the posting's own figures).

use crate::models::job::Salary;

/// The currencies postings can be paid in (those `eur_rate` knows).
pub const CURRENCIES: [&str; 10] =
    ["EUR", "USD", "GBP", "CHF", "PLN", "UAH", "CAD", "CZK", "SEK", "DKK"];

/// Approximate euro value of one unit of each currency. Good enough to rank and filter
/// postings; never shown to anyone.
fn eur_rate(currency: &str) -> Option<f64> {
    Some(match currency {
        "EUR" => 1.0,
        "USD" => 0.92,
        "GBP" => 1.17,
        "CHF" => 1.05,
        "PLN" => 0.23,
        "UAH" => 0.022,
        "CAD" => 0.67,
        "CZK" => 0.04,
        "SEK" => 0.087,
        "DKK" => 0.134,
        _ => return None,
    })
}

/// The top of the range (or its only bound) as euros per year.
pub fn yearly_eur(salary: &Salary) -> Option<i64> {
    let amount = salary.max.or(salary.min)?;
    let rate = eur_rate(&salary.currency)?;
    Some((amount as f64 * salary.period.per_year() as f64 * rate).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::SalaryPeriod;

    #[test]
    fn every_offered_currency_has_a_rate() {
        for currency in CURRENCIES {
            assert!(eur_rate(currency).is_some(), "{currency}");
        }
    }

    #[test]
    fn converts_period_and_currency() {
        let monthly = Salary {
            min: Some(4000),
            max: Some(5000),
            currency: "EUR".into(),
            period: SalaryPeriod::Month,
        };
        assert_eq!(yearly_eur(&monthly), Some(60_000));
        let hourly =
            Salary { min: None, max: Some(50), currency: "USD".into(), period: SalaryPeriod::Hour };
        assert_eq!(yearly_eur(&hourly), Some(95_680));
        let unknown =
            Salary { min: Some(1), max: None, currency: "XYZ".into(), period: SalaryPeriod::Year };
        assert_eq!(yearly_eur(&unknown), None);
    }
}
