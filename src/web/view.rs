//! Shapes models into what templates print: labels translated, numbers and dates formatted.

use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::db::DbConn;
use crate::search::SearchIndex;

use crate::i18n::{Locale, Tr, format_money};
use crate::models::Workplace;
use crate::models::job::{JobCard, Salary};

/// "€75,000 – €95,000 per year", as the locale writes it.
pub fn salary_text(tr: &Tr, salary: &Salary) -> String {
    let key =
        format!("salary:{:?}:{:?}:{}:{}", salary.min, salary.max, salary.currency, salary.period);
    tr.cached(&key, || format_salary(tr, salary))
}

fn format_salary(tr: &Tr, salary: &Salary) -> String {
    let money = |v: i64| format_money(tr.locale, v, &salary.currency);
    let amount = match (salary.min, salary.max) {
        (Some(min), Some(max)) if min != max => {
            tr.t2("salary-range", "min", &money(min), "max", &money(max))
        }
        (Some(v), Some(_)) => money(v),
        (Some(min), None) => tr.t1("salary-from", "amount", &money(min)),
        (None, Some(max)) => tr.t1("salary-up-to", "amount", &money(max)),
        (None, None) => return String::new(),
    };
    tr.t2("salary-with-period", "amount", &amount, "period", &tr.t(&salary.period.label_id()))
}

/// Where a posting is: "Berlin, Germany", "Remote (Germany, Austria)", "Remote, worldwide".
pub fn location_text(
    tr: &Tr,
    workplace: Workplace,
    city: Option<&str>,
    country: Option<&str>,
    remote_countries: &[String],
) -> String {
    let office = match (city, country) {
        (Some(city), Some(country)) => format!("{city}, {}", tr.country(country)),
        (Some(city), None) => city.to_owned(),
        (None, Some(country)) => tr.country(country),
        (None, None) => String::new(),
    };
    if workplace != Workplace::Remote {
        return office;
    }
    if remote_countries.is_empty() {
        tr.t("location-remote-anywhere")
    } else {
        let names: Vec<String> = remote_countries.iter().map(|c| tr.country(c)).collect();
        tr.t1("location-remote-in", "countries", &names.join(", "))
    }
}

/// A result card, ready to print.
#[derive(Debug, Clone)]
pub struct CardView {
    pub url: String,
    pub title: String,
    pub title_lang: Locale,
    pub is_fallback: bool,
    pub company: String,
    pub company_url: String,
    pub company_logo: Option<String>,
    pub location: String,
    pub workplace: String,
    pub employment_type: String,
    pub seniority: String,
    pub salary: Option<String>,
    pub posted: String,
    pub posted_iso: String,
    pub skills: Vec<String>,
    /// How far from a location search's centre (set per search, never cached).
    pub distance: Option<String>,
}

impl CardView {
    pub fn new(card: &JobCard, tr: &Tr) -> CardView {
        let posted_at = card.published_at.unwrap_or(card.updated_at);
        CardView {
            url: format!("/{}/jobs/{}", tr.locale, card.slug),
            title: card.title.value.clone(),
            title_lang: card.title.lang,
            is_fallback: card.title.is_fallback,
            company: card.company_name.clone(),
            company_url: format!("/{}/companies/{}", tr.locale, card.company_slug),
            company_logo: card.company_logo.clone(),
            location: location_text(
                tr,
                card.workplace,
                card.city.as_deref(),
                card.country_code.as_deref(),
                &card.remote_countries,
            ),
            workplace: tr.t(&card.workplace.label_id()),
            employment_type: tr.t(&card.employment_type.label_id()),
            seniority: tr.t(&card.seniority.label_id()),
            salary: card.salary.as_ref().map(|s| salary_text(tr, s)),
            posted: tr.cached(&format!("posted:{}", posted_at.date()), || {
                tr.t1("posted-on", "date", &tr.date(&posted_at))
            }),
            posted_iso: iso_date(&posted_at),
            skills: card.skills.clone(),
            distance: None,
        }
    }
}

/// Cards for published postings `ids`: their text from the database (one query), their skills
/// and their city's name in `locale` from the search index, which holds them already.
pub fn load_cards(
    conn: &mut DbConn,
    index: &SearchIndex,
    ids: &[i64],
    locale: Locale,
) -> QueryResult<Vec<JobCard>> {
    let mut cards = JobCard::load(conn, ids, locale)?;
    for card in &mut cards {
        card.skills = index.skill_names(card.id, locale);
        if let Some(city) = index.city_name(card.id, locale) {
            card.city = Some(city.to_owned());
        }
    }
    Ok(cards)
}

pub fn iso_date(d: &NaiveDateTime) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Splits free text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// A stored address fit for a link: absolute `http` or `https` only. Anything else (a
/// `javascript:` or `data:` address that reached the database by an import or an old form)
/// is shown as no link at all.
pub fn web_link(address: Option<&str>) -> Option<String> {
    let parsed = url::Url::parse(address?.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

#[cfg(test)]
mod link_tests {
    #[test]
    fn only_web_addresses_become_links() {
        let link = |a: &str| super::web_link(Some(a));
        assert_eq!(link("https://acme.example/jobs").as_deref(), Some("https://acme.example/jobs"));
        assert_eq!(link(" http://acme.example ").as_deref(), Some("http://acme.example/"));
        assert_eq!(link("javascript:alert(1)"), None);
        assert_eq!(link("JavaScript:alert(1)"), None);
        assert_eq!(link("data:text/html,<script>"), None);
        assert_eq!(link("//evil.example"), None);
        assert_eq!(link("acme.example"), None);
    }
}
