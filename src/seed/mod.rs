//! Demo data for a first start, and synthetic postings for benchmarks.

mod data;
pub mod logos;

use chrono::TimeDelta;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::DbConn;
use crate::i18n::Locale;
use crate::models::company::{Company, NewCompany};
use crate::models::job::{JobDraft, JobText};
use crate::models::{EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace, slugify};

pub use data::DemoData;

/// Postings in the demo data set.
pub const DEMO_POSTINGS: usize = 300;

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("{0}")]
    Data(String),
    #[error("{context}: {source}")]
    Database { context: String, source: diesel::result::Error },
}

impl From<diesel::result::Error> for SeedError {
    fn from(source: diesel::result::Error) -> SeedError {
        SeedError::Database { context: "seeding".into(), source }
    }
}

fn db_context(context: impl Into<String>) -> impl FnOnce(diesel::result::Error) -> SeedError {
    let context = context.into();
    move |source| SeedError::Database { context, source }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub companies: usize,
    pub postings: usize,
}

/// Seeds the demo data set into an empty database; does nothing if there are companies.
pub fn demo_if_empty(conn: &mut DbConn) -> Result<SeedReport, SeedError> {
    if Company::count(conn)? > 0 {
        return Ok(SeedReport::default());
    }
    let data = data::load().map_err(SeedError::Data)?;
    let companies = insert_companies(conn, &data)?;
    // The demo shows every stage of a posting's life; synthetic data is all published.
    let postings = insert_postings(conn, &data, &companies, DEMO_POSTINGS, 42, "", true)?;
    insert_skill_names(conn, &data)?;
    insert_alerts(conn)?;
    Ok(SeedReport { companies: companies.len(), postings })
}

/// The German and Ukrainian names of the demo's skills that have some.
fn insert_skill_names(conn: &mut DbConn, data: &DemoData) -> Result<(), SeedError> {
    use crate::db::schema::skills;
    use diesel::prelude::*;
    let now = crate::db::now();
    // The demo's skill names are English, whatever the language of the posting that named
    // them first.
    diesel::update(skills::table)
        .set(skills::original_locale.eq(Locale::EN.as_str()))
        .execute(conn)
        .map_err(db_context("marking the demo skills as English"))?;
    let ids: Vec<(i64, String)> = skills::table
        .select((skills::id, skills::name))
        .load(conn)
        .map_err(db_context("reading the demo skills"))?;
    for (id, name) in ids {
        let Some([de, uk]) = data.skill_names.get(&name) else { continue };
        // The demo knows German and Ukrainian names; a board without them gets none.
        for (locale, translated) in [(Locale::DE, de), (Locale::UK, uk)] {
            if !locale.is_enabled() {
                continue;
            }
            let insert = crate::models::translation::TranslationWrite::Insert;
            crate::models::skill::write_name(conn, id, locale, insert, Some(translated), now, now)
                .map_err(db_context(format!("naming the demo skill {name}")))?;
        }
    }
    Ok(())
}

/// A few job alerts, so that the admin's list and the digests have something to show: two
/// confirmed, one waiting for its confirmation.
fn insert_alerts(conn: &mut DbConn) -> Result<(), SeedError> {
    use crate::models::alert::{self, Frequency, SignUp};
    use crate::search::SearchParams;
    let now = crate::db::now();
    let demo = [
        ("mara@example.com", "workplace=remote", Frequency::Daily, Locale::EN, true),
        ("jonas@example.com", "q=rust", Frequency::Instant, Locale::DE, true),
        ("olena@example.com", "country=UA", Frequency::Weekly, Locale::UK, false),
    ];
    for (email, query, frequency, locale, confirmed) in demo {
        let locale = if locale.is_enabled() { locale } else { Locale::EN };
        let params = SearchParams::parse(query).0;
        let signed = alert::sign_up(conn, email, &params, frequency, locale, now)
            .map_err(db_context(format!("adding the demo alert for {email}")))?;
        if let (SignUp::Confirm(id), true) = (signed, confirmed) {
            alert::confirm(conn, id, frequency, locale, now)
                .map_err(db_context(format!("confirming the demo alert for {email}")))?;
        }
    }
    Ok(())
}

/// Adds `n` synthetic published postings (for benchmarks), seeding the demo companies first
/// when the database has none.
pub fn synthetic(conn: &mut DbConn, n: usize) -> Result<SeedReport, SeedError> {
    let data = data::load().map_err(SeedError::Data)?;
    let mut report = SeedReport::default();
    let existing = existing_companies(conn, &data)?;
    let companies = if existing.is_empty() {
        let inserted = insert_companies(conn, &data)?;
        report.companies = inserted.len();
        inserted
    } else {
        existing
    };
    // A distinct run marker keeps slugs unique when synthetic data is added twice.
    let run = chrono::Utc::now().timestamp().to_string();
    report.postings = insert_postings(
        conn,
        &data,
        &companies,
        n,
        rand::rng().random(),
        &format!("s{run}"),
        false,
    )?;
    Ok(report)
}

/// A company as the generator needs it.
#[derive(Clone)]
struct SeededCompany {
    id: i64,
    name: String,
    slug: String,
    city: usize,
    original_locale: Locale,
}

fn city_index(data: &DemoData, name: &str) -> usize {
    data.cities.iter().position(|c| c.name == name).unwrap_or(0)
}

/// The demo's cities as places, with their names in every language of the board (the demo
/// works offline; `hireboard places import` adds the world's).
fn insert_places(conn: &mut DbConn, data: &DemoData) -> Result<(), SeedError> {
    let places: Vec<crate::places::ImportedPlace> = data
        .cities
        .iter()
        .map(|c| crate::places::ImportedPlace {
            geonames_id: c.geonames,
            name: c.name.clone(),
            country: c.country.clone(),
            latitude: c.lat,
            longitude: c.lon,
            population: c.population,
            names: [(Locale::DE, &c.de), (Locale::UK, &c.uk)]
                .into_iter()
                .filter(|(l, _)| l.is_enabled())
                .map(|(l, name)| (l, name.clone()))
                .collect(),
        })
        .collect();
    crate::places::write(conn, &places).map_err(db_context("adding the demo places"))?;
    Ok(())
}

fn insert_companies(conn: &mut DbConn, data: &DemoData) -> Result<Vec<SeededCompany>, SeedError> {
    insert_places(conn, data)?;
    let now = crate::db::now();
    let mut out = Vec::new();
    for c in &data.companies {
        let original = Locale::parse(&c.original_locale).unwrap_or_default();
        let city = &data.cities[city_index(data, &c.city)];
        let new = NewCompany {
            slug: c.slug.clone(),
            name: c.name.clone(),
            website: c.website.clone(),
            city: Some(city.name.clone()),
            country_code: Some(city.country.clone()),
            size: c.size.clone(),
            original_locale: original.as_str().to_owned(),
            description: c.description.get(original.as_str()).cloned().unwrap_or_default(),
            created_at: now,
            updated_at: now,
            text_updated_at: Some(now),
            contact_email: Some(format!("jobs@{}.example", c.slug)),
            street_address: None,
            latitude: None,
            longitude: None,
        };
        let translations: Vec<(Locale, String)> = c
            .description
            .iter()
            .filter_map(|(code, text)| {
                Locale::parse(code).filter(|l| *l != original).map(|l| (l, text.clone()))
            })
            .collect();
        let id = Company::create(conn, &new, &translations)
            .map_err(db_context(format!("seeding company {}", c.slug)))?;
        out.push(SeededCompany {
            id,
            name: c.name.clone(),
            slug: c.slug.clone(),
            city: city_index(data, &c.city),
            original_locale: original,
        });
    }
    Ok(out)
}

fn existing_companies(conn: &mut DbConn, data: &DemoData) -> Result<Vec<SeededCompany>, SeedError> {
    let mut out = Vec::new();
    for c in &data.companies {
        if let Some(row) = Company::find_by_slug(conn, &c.slug)? {
            out.push(SeededCompany {
                id: row.id,
                original_locale: row.original_locale(),
                name: row.name,
                slug: row.slug,
                city: city_index(data, &c.city),
            });
        }
    }
    Ok(out)
}

fn text_of(role: &data::Role, locale: Locale) -> Option<JobText> {
    let t = role.text.get(locale.as_str())?;
    Some(JobText {
        title: t.title.clone(),
        summary: t.summary.clone(),
        responsibilities: t.responsibilities.join("\n"),
        requirements: t.requirements.join("\n"),
        benefits: t.benefits.join("\n"),
    })
}

/// Euro amounts in another currency, rounded to a figure a real ad would print.
fn from_eur(amount: i64, currency: &str) -> i64 {
    let rate = match currency {
        "USD" => 1.09,
        "GBP" => 0.85,
        "CHF" => 0.95,
        "PLN" => 4.3,
        "UAH" => 45.0,
        "CAD" => 1.49,
        _ => 1.0,
    };
    ((amount as f64 * rate / 1000.0).round() * 1000.0) as i64
}

/// Countries a remote role may be open to, besides "anywhere".
const REMOTE_REGIONS: [&[&str]; 4] =
    [&["DE", "AT", "CH"], &["PL", "UA", "DE"], &["NL", "PT", "DE", "AT", "PL"], &["GB", "IE"]];

fn insert_postings(
    conn: &mut DbConn,
    data: &DemoData,
    companies: &[SeededCompany],
    n: usize,
    seed: u64,
    slug_marker: &str,
    variety: bool,
) -> Result<usize, SeedError> {
    if companies.is_empty() || data.roles.is_empty() {
        return Err(SeedError::Data("the demo data has no companies or roles".into()));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let now = crate::db::now();
    let mut known = crate::models::job::Known::default();
    // One transaction per batch rather than for all: a million postings in one transaction
    // kept the other connections locked out for twenty minutes and the write-ahead log growing.
    for batch in (0..n).step_by(SEED_BATCH) {
        seed_batch(
            conn,
            data,
            companies,
            batch..(batch + SEED_BATCH).min(n),
            SeedBatch { rng: &mut rng, now, slug_marker, variety, known: &mut known },
        )?;
    }
    Ok(n)
}

/// Postings written in one transaction by the generator.
const SEED_BATCH: usize = 5_000;

/// What the batches of one run share.
struct SeedBatch<'a> {
    rng: &'a mut StdRng,
    now: chrono::NaiveDateTime,
    slug_marker: &'a str,
    variety: bool,
    known: &'a mut crate::models::job::Known,
}

fn seed_batch(
    conn: &mut DbConn,
    data: &DemoData,
    companies: &[SeededCompany],
    range: std::ops::Range<usize>,
    run: SeedBatch<'_>,
) -> Result<(), SeedError> {
    let SeedBatch { rng, now, slug_marker, variety, known } = run;
    crate::db::write_transaction(conn, |conn| {
        for i in range {
            let role = &data.roles[i % data.roles.len()];
            let company = &companies[rng.random_range(0..companies.len())];
            let city = if rng.random_bool(0.7) {
                &data.cities[company.city]
            } else {
                &data.cities[rng.random_range(0..data.cities.len())]
            };
            let workplace = Workplace::parse(&role.workplace).unwrap_or(Workplace::Onsite);
            let remote_countries: Vec<String> = if workplace == Workplace::Remote {
                match rng.random_range(0..3) {
                    0 => Vec::new(),
                    1 => vec![city.country.clone()],
                    _ => REMOTE_REGIONS[rng.random_range(0..REMOTE_REGIONS.len())]
                        .iter()
                        .map(|c| c.to_string())
                        .collect(),
                }
            } else {
                Vec::new()
            };
            let employment_type =
                EmploymentType::parse(&role.employment_type).unwrap_or(EmploymentType::FullTime);
            let (salary_min, salary_max, salary_currency, salary_period) = match role
                .salary_eur_year
            {
                Some([min, max]) if i % 9 != 4 => {
                    let (min, max) = (from_eur(min, &city.currency), from_eur(max, &city.currency));
                    // Interns, and everyone in Poland and Ukraine, are quoted monthly pay.
                    if employment_type == EmploymentType::Internship
                        || ["PLN", "UAH"].contains(&city.currency.as_str())
                    {
                        (
                            Some(min / 12 / 50 * 50),
                            Some(max / 12 / 50 * 50),
                            Some(city.currency.clone()),
                            Some(SalaryPeriod::Month),
                        )
                    } else {
                        (
                            Some(min),
                            Some(max),
                            Some(city.currency.clone()),
                            Some(SalaryPeriod::Year),
                        )
                    }
                }
                _ => (None, None, None, None),
            };
            let original = company.original_locale;
            let text =
                text_of(role, original).or_else(|| text_of(role, Locale::EN)).unwrap_or_default();
            // About a third of the postings are translated into the other two languages.
            let translations = if i % 3 == 0 {
                Locale::all()
                    .iter()
                    .filter(|l| **l != original)
                    .filter_map(|l| Some((*l, text_of(role, *l)?)))
                    .collect()
            } else {
                Vec::new()
            };
            let published_at = now - TimeDelta::minutes(rng.random_range(10..60 * 24 * 60));
            let valid_through = published_at + TimeDelta::days(rng.random_range(30..=90));
            let status = match i % 40 {
                _ if !variety => JobStatus::Published,
                7 => JobStatus::Filled,
                17 => JobStatus::Archived,
                27 => JobStatus::Draft,
                _ => JobStatus::Published,
            };
            // As the daily expiry would have left them: none published past its date.
            let status = match status {
                JobStatus::Published if valid_through < now => JobStatus::Expired,
                status => status,
            };
            let english_title =
                text_of(role, Locale::EN).map(|t| t.title).unwrap_or_else(|| role.key.clone());
            let slug =
                format!("{}-{}-{slug_marker}{}", slugify(&english_title), company.slug, i + 1);
            let draft = JobDraft {
                slug,
                company_id: company.id,
                status,
                original_locale: original,
                text,
                translations,
                workplace,
                employment_type,
                seniority: Seniority::parse(&role.seniority).unwrap_or(Seniority::Mid),
                city: Some(city.name.clone()),
                country_code: Some(city.country.clone()),
                street_address: None,
                latitude: Some(city.lat + rng.random_range(-0.03..0.03)),
                longitude: Some(city.lon + rng.random_range(-0.03..0.03)),
                remote_countries,
                salary_min,
                salary_max,
                salary_currency,
                salary_period,
                published_at: (status != JobStatus::Draft).then_some(published_at),
                valid_through: Some(valid_through),
                skills: role.skills.clone(),
                created_at: published_at,
                // Some employers want to read why someone applies.
                cover_letter: if i % 4 == 0 {
                    crate::models::CoverLetter::Required
                } else {
                    crate::models::CoverLetter::Optional
                },
            };
            draft
                .insert_in_transaction(conn, &company.name, known)
                .map_err(db_context(format!("seeding posting {}", i + 1)))?;
        }
        Ok::<_, SeedError>(())
    })
}
