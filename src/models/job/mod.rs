//! Job postings: the base row in its original language, per-language translations, skills.

mod create;
mod rules;
mod stored;
pub mod syndication;
pub use rules::MAX_SKILLS;
pub use stored::{StoredJob, duplicate};
pub mod extension;
pub mod lifecycle;
mod reindex;
pub mod review;
pub use reindex::reindex;
mod queries;
mod update;

use chrono::NaiveDateTime;
use diesel::prelude::*;

pub use create::{JobDraft, JobText, Known};
pub use queries::{IndexRow, JobCard, JobPage, public_slug};

use super::{CoverLetter, EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace};
use crate::db::schema::{job_translations, jobs};
use crate::i18n::Locale;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = jobs)]
pub struct Job {
    pub id: i64,
    pub slug: String,
    pub company_id: i64,
    pub status: JobStatus,
    pub original_locale: String,
    pub title: String,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub benefits: String,
    pub workplace: Workplace,
    pub employment_type: EmploymentType,
    pub seniority: Seniority,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub remote_countries: String,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    pub salary_currency: Option<String>,
    pub salary_period: Option<SalaryPeriod>,
    pub published_at: Option<NaiveDateTime>,
    pub valid_through: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub cover_letter: CoverLetter,
    pub place_id: Option<i64>,
    pub street_address: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = job_translations)]
pub struct JobTranslation {
    pub job_id: i64,
    pub locale: String,
    pub title: String,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub benefits: String,
    pub source_updated_at: NaiveDateTime,
}

/// A posting's salary range as published (the API writes it as is).
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Salary {
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// ISO 4217.
    pub currency: String,
    pub period: SalaryPeriod,
}

impl Job {
    pub fn find(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<Job>> {
        jobs::table.find(id).select(Job::as_select()).first(conn).optional()
    }
    pub fn original_locale(&self) -> Locale {
        Locale::parse(&self.original_locale).unwrap_or_default()
    }
    pub fn salary(&self) -> Option<Salary> {
        salary_of(
            self.salary_min,
            self.salary_max,
            self.salary_currency.as_deref(),
            self.salary_period,
        )
    }
    pub fn remote_countries(&self) -> Vec<String> {
        split_countries(&self.remote_countries)
    }
    pub fn text(&self) -> JobText {
        JobText {
            title: self.title.clone(),
            summary: self.summary.clone(),
            responsibilities: self.responsibilities.clone(),
            requirements: self.requirements.clone(),
            benefits: self.benefits.clone(),
        }
    }

    /// Whether the posting is open for applications at `now`.
    pub fn is_open(&self, now: NaiveDateTime) -> bool {
        is_open(self.status, self.valid_through, now)
    }
}

pub(crate) fn is_open(
    status: JobStatus,
    valid_through: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> bool {
    status == JobStatus::Published && valid_through.is_none_or(|v| v > now)
}

pub(crate) fn salary_of(
    min: Option<i64>,
    max: Option<i64>,
    currency: Option<&str>,
    period: Option<SalaryPeriod>,
) -> Option<Salary> {
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary {
        min,
        max,
        currency: currency?.to_owned(),
        period: period.unwrap_or(SalaryPeriod::Year),
    })
}

pub(crate) fn split_countries(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect()
}

impl JobTranslation {
    pub fn locale(&self) -> Option<Locale> {
        Locale::parse(&self.locale)
    }
    pub fn text(&self) -> JobText {
        JobText {
            title: self.title.clone(),
            summary: self.summary.clone(),
            responsibilities: self.responsibilities.clone(),
            requirements: self.requirements.clone(),
            benefits: self.benefits.clone(),
        }
    }
}

/// Splits a section stored as one item per line into its items.
pub fn section_items(section: &str) -> Vec<String> {
    section
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
