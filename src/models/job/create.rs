//! Writing postings: the base row, translations, skills and the full-text rows, atomically.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{job_skills, job_translations, jobs};
use crate::db::{DbConn, dialect};
use crate::i18n::Locale;
use crate::models::place::Place;
use crate::models::skill::Skill;
use crate::models::{CoverLetter, EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace};

/// The translatable text of a posting. List sections hold one item per line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobText {
    pub title: String,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub benefits: String,
}

impl JobText {
    /// Everything a search should find this text by.
    pub fn search_body(&self) -> String {
        [&self.summary, &self.responsibilities, &self.requirements, &self.benefits]
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Everything needed to create a posting.
#[derive(Debug, Clone)]
pub struct JobDraft {
    pub slug: String,
    pub company_id: i64,
    pub status: JobStatus,
    pub original_locale: Locale,
    pub text: JobText,
    pub translations: Vec<(Locale, JobText)>,
    pub workplace: Workplace,
    pub employment_type: EmploymentType,
    pub seniority: Seniority,
    pub city: Option<String>,
    pub country_code: Option<String>,
    /// A street address, with `latitude` and `longitude` its point (else the place's).
    pub street_address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub remote_countries: Vec<String>,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    pub salary_currency: Option<String>,
    pub salary_period: Option<SalaryPeriod>,
    pub published_at: Option<NaiveDateTime>,
    pub valid_through: Option<NaiveDateTime>,
    pub skills: Vec<String>,
    pub created_at: NaiveDateTime,
    pub cover_letter: CoverLetter,
}

/// The columns every save of a posting writes (a new one, or the form over a stored one):
/// all but its status, publication, creation time and original language.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = jobs, treat_none_as_null = true)]
pub(super) struct JobFields<'a> {
    slug: &'a str,
    company_id: i64,
    title: &'a str,
    summary: &'a str,
    responsibilities: &'a str,
    requirements: &'a str,
    benefits: &'a str,
    workplace: Workplace,
    employment_type: EmploymentType,
    seniority: Seniority,
    city: Option<&'a str>,
    country_code: Option<&'a str>,
    street_address: Option<&'a str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    remote_countries: String,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    salary_currency: Option<&'a str>,
    salary_period: Option<SalaryPeriod>,
    valid_through: Option<NaiveDateTime>,
    cover_letter: CoverLetter,
}

/// A translation's text, as its row stores it.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = job_translations)]
pub(super) struct TranslationText<'a> {
    title: &'a str,
    summary: &'a str,
    responsibilities: &'a str,
    requirements: &'a str,
    benefits: &'a str,
}

impl JobText {
    pub(super) fn row(&self) -> TranslationText<'_> {
        TranslationText {
            title: &self.title,
            summary: &self.summary,
            responsibilities: &self.responsibilities,
            requirements: &self.requirements,
            benefits: &self.benefits,
        }
    }
}

impl JobDraft {
    /// A blank draft in `original_locale` with the board's defaults: on site, full time, mid
    /// level, paid in euros per year once a salary is given.
    pub fn new(original_locale: Locale, created_at: NaiveDateTime) -> JobDraft {
        JobDraft {
            slug: String::new(),
            company_id: 0,
            status: JobStatus::Draft,
            original_locale,
            text: JobText::default(),
            translations: Vec::new(),
            workplace: Workplace::Onsite,
            employment_type: EmploymentType::FullTime,
            seniority: Seniority::Mid,
            city: None,
            country_code: None,
            street_address: None,
            latitude: None,
            longitude: None,
            remote_countries: Vec::new(),
            salary_min: None,
            salary_max: None,
            salary_currency: Some("EUR".to_owned()),
            salary_period: Some(SalaryPeriod::Year),
            published_at: None,
            valid_through: None,
            cover_letter: CoverLetter::Optional,
            skills: Vec::new(),
            created_at,
        }
    }

    pub(super) fn fields(&self) -> JobFields<'_> {
        let t = &self.text;
        JobFields {
            slug: &self.slug,
            company_id: self.company_id,
            title: &t.title,
            summary: &t.summary,
            responsibilities: &t.responsibilities,
            requirements: &t.requirements,
            benefits: &t.benefits,
            workplace: self.workplace,
            employment_type: self.employment_type,
            seniority: self.seniority,
            city: self.city.as_deref(),
            country_code: self.country_code.as_deref(),
            street_address: self.street_address.as_deref(),
            latitude: self.latitude,
            longitude: self.longitude,
            remote_countries: self.remote_countries.join(","),
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            salary_currency: self.salary_currency.as_deref(),
            salary_period: self.salary_period,
            valid_through: self.valid_through,
            cover_letter: self.cover_letter,
        }
    }

    /// Inserts the posting, its translations, skills and search rows in one transaction;
    /// returns the new id. `company_name` feeds the full-text index.
    pub fn insert(&self, conn: &mut DbConn, company_name: &str) -> QueryResult<i64> {
        crate::db::write_transaction(conn, |conn| {
            self.insert_in_transaction(conn, company_name, &mut Known::default())
        })
    }

    /// As `insert`, for callers that already hold a write transaction (bulk seeding,
    /// imports). `known` remembers skills and places across calls.
    pub fn insert_in_transaction(
        &self,
        conn: &mut DbConn,
        company_name: &str,
        known: &mut Known,
    ) -> QueryResult<i64> {
        let t = &self.text;
        let place = match self.city.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(city) => {
                let key = (city.to_owned(), self.country_code.clone());
                match known.places.get(&key) {
                    Some(place) => *place,
                    None => {
                        let found = Place::find(conn, city, self.country_code.as_deref())?;
                        let place = found.map(|p| p.id);
                        known.places.insert(key, place);
                        place
                    }
                }
            }
            None => None,
        };
        diesel::insert_into(jobs::table)
            .values((
                self.fields(),
                jobs::place_id.eq(place),
                jobs::status.eq(self.status),
                jobs::original_locale.eq(self.original_locale.as_str()),
                jobs::published_at.eq(self.published_at),
                jobs::created_at.eq(self.created_at),
                jobs::updated_at.eq(self.created_at),
                jobs::text_updated_at.eq(Some(self.created_at)),
            ))
            .execute(conn)?;
        let id = dialect::last_insert_id(conn, "jobs")?;
        for (locale, text) in &self.translations {
            insert_translation(conn, id, *locale, text, self.created_at, self.created_at)?;
        }
        tag_skills(conn, id, &self.skills, self.original_locale, &mut known.skills)?;
        let skills = self.skills.join(" ");
        let mut documents =
            vec![(self.original_locale, t.title.clone(), search_body(t, company_name, &skills))];
        for (locale, text) in &self.translations {
            documents.push((*locale, text.title.clone(), search_body(text, company_name, &skills)));
        }
        dialect::insert_job_search(conn, id, &documents)?;
        Ok(id)
    }
}

/// What inserting many postings looks up once: skill ids by name, and the place of each
/// city (in a country) or that there is none.
#[derive(Debug, Default)]
pub struct Known {
    pub skills: HashMap<String, i64>,
    pub places: HashMap<(String, Option<String>), Option<i64>>,
}

/// Stores one translation of posting `job_id`, made from the original as of `source`.
pub(super) fn insert_translation(
    conn: &mut DbConn,
    job_id: i64,
    locale: Locale,
    text: &JobText,
    source: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(job_translations::table)
        .values((
            job_translations::job_id.eq(job_id),
            job_translations::locale.eq(locale.as_str()),
            text.row(),
            job_translations::source_updated_at.eq(source),
            job_translations::created_at.eq(now),
            job_translations::updated_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Tags posting `job_id` with skills `names`, in order, creating missing skills (named in
/// `language`, the posting's); `skill_ids` remembers skill ids by name across calls.
pub(super) fn tag_skills(
    conn: &mut DbConn,
    job_id: i64,
    names: &[String],
    language: Locale,
    skill_ids: &mut HashMap<String, i64>,
) -> QueryResult<()> {
    let mut rows = Vec::with_capacity(names.len());
    for (position, name) in names.iter().enumerate() {
        let skill_id = match skill_ids.get(name) {
            Some(id) => *id,
            None => {
                let id = Skill::find_or_create(conn, name, language)?;
                skill_ids.insert(name.clone(), id);
                id
            }
        };
        rows.push((
            job_skills::job_id.eq(job_id),
            job_skills::skill_id.eq(skill_id),
            job_skills::position.eq(position as i32),
        ));
    }
    if rows.is_empty() {
        return Ok(());
    }
    let insert = diesel::insert_into(job_skills::table).values(rows);
    crate::db::on_backend!(conn, c => insert.execute(c)).map(drop)
}

fn search_body(text: &super::JobText, company_name: &str, skills: &str) -> String {
    format!("{}\n{company_name}\n{skills}", text.search_body())
}
