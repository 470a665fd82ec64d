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
/// all but its status, publication, creation time and original language. A missing value
/// is written as NULL, not as the column's default: none has another, and SQLite writes
/// many rows in one statement only when no value may be DEFAULT.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = jobs, treat_none_as_null = true, treat_none_as_default_value = false)]
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
#[diesel(table_name = job_translations, treat_none_as_default_value = false)]
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

    /// As `insert`, for callers that already hold a write transaction. `known` remembers
    /// skills and places across calls.
    pub fn insert_in_transaction(
        &self,
        conn: &mut DbConn,
        company_name: &str,
        known: &mut Known,
    ) -> QueryResult<i64> {
        let ids = JobDraft::insert_many(conn, &[(self, company_name)], known)?;
        Ok(ids[0])
    }

    /// Inserts new postings (each with its company's name, for the full-text index), their
    /// translations, skills and search rows inside the caller's write transaction, with a
    /// few statements for all of them (bulk seeding, imports); returns their ids in order.
    /// Their slugs must be free and differ from each other: the new rows are found by them.
    pub fn insert_many(
        conn: &mut DbConn,
        drafts: &[(&JobDraft, &str)],
        known: &mut Known,
    ) -> QueryResult<Vec<i64>> {
        let mut places = Vec::with_capacity(drafts.len());
        for (draft, _) in drafts {
            places.push(draft.place(conn, known)?);
        }
        let rows: Vec<_> = drafts
            .iter()
            .zip(&places)
            .map(|((d, _), place)| {
                (
                    d.fields(),
                    jobs::place_id.eq(*place),
                    jobs::status.eq(d.status),
                    jobs::original_locale.eq(d.original_locale.as_str()),
                    jobs::published_at.eq(d.published_at),
                    jobs::created_at.eq(d.created_at),
                    jobs::updated_at.eq(d.created_at),
                    jobs::text_updated_at.eq(Some(d.created_at)),
                )
            })
            .collect();
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let insert = diesel::insert_into(jobs::table).values(chunk);
            crate::db::on_backend!(&mut *conn, c => insert.execute(c))?;
        }
        let ids = ids_by_slug(conn, drafts)?;

        let mut translations = Vec::new();
        for ((draft, _), id) in drafts.iter().zip(&ids) {
            for (locale, text) in &draft.translations {
                translations.push((
                    job_translations::job_id.eq(*id),
                    job_translations::locale.eq(locale.as_str()),
                    text.row(),
                    job_translations::source_updated_at.eq(draft.created_at),
                    job_translations::created_at.eq(draft.created_at),
                    job_translations::updated_at.eq(draft.created_at),
                ));
            }
        }
        for chunk in translations.chunks(ROWS_PER_INSERT) {
            let insert = diesel::insert_into(job_translations::table).values(chunk);
            crate::db::on_backend!(&mut *conn, c => insert.execute(c))?;
        }

        let mut tags = Vec::new();
        for ((draft, _), id) in drafts.iter().zip(&ids) {
            for (position, name) in draft.skills.iter().enumerate() {
                let skill_id = match known.skills.get(name) {
                    Some(skill_id) => *skill_id,
                    None => {
                        let skill_id = Skill::find_or_create(conn, name, draft.original_locale)?;
                        known.skills.insert(name.clone(), skill_id);
                        skill_id
                    }
                };
                tags.push((
                    job_skills::job_id.eq(*id),
                    job_skills::skill_id.eq(skill_id),
                    job_skills::position.eq(position as i32),
                ));
            }
        }
        for chunk in tags.chunks(ROWS_PER_INSERT) {
            let insert = diesel::insert_into(job_skills::table).values(chunk);
            crate::db::on_backend!(&mut *conn, c => insert.execute(c))?;
        }

        let mut documents = Vec::new();
        for ((draft, company_name), id) in drafts.iter().zip(&ids) {
            let skills = draft.skills.join(" ");
            let t = &draft.text;
            let body = search_body(t, company_name, &skills);
            documents.push((*id, draft.original_locale, t.title.clone(), body));
            for (locale, text) in &draft.translations {
                let body = search_body(text, company_name, &skills);
                documents.push((*id, *locale, text.title.clone(), body));
            }
        }
        dialect::insert_job_search(conn, &documents)?;
        Ok(ids)
    }

    /// The place of the draft's city (in its country), found once per city in `known`.
    fn place(&self, conn: &mut DbConn, known: &mut Known) -> QueryResult<Option<i64>> {
        let Some(city) = self.city.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
            return Ok(None);
        };
        let key = (city.to_owned(), self.country_code.clone());
        if let Some(place) = known.places.get(&key) {
            return Ok(*place);
        }
        let place = Place::find(conn, city, self.country_code.as_deref())?.map(|p| p.id);
        known.places.insert(key, place);
        Ok(place)
    }
}

/// Rows per multi-row INSERT: a posting's row has about 30 columns, and every backend takes
/// several thousand parameters in one statement.
const ROWS_PER_INSERT: usize = 200;

/// The ids of the just-inserted `drafts`, in their order, found by their slugs.
fn ids_by_slug(conn: &mut DbConn, drafts: &[(&JobDraft, &str)]) -> QueryResult<Vec<i64>> {
    let mut by_slug = HashMap::with_capacity(drafts.len());
    let slugs: Vec<&str> = drafts.iter().map(|(d, _)| d.slug.as_str()).collect();
    for chunk in slugs.chunks(ROWS_PER_INSERT * 5) {
        let found: Vec<(String, i64)> = jobs::table
            .filter(jobs::slug.eq_any(chunk))
            .select((jobs::slug, jobs::id))
            .load(conn)?;
        by_slug.extend(found);
    }
    slugs
        .iter()
        .map(|slug| by_slug.get(*slug).copied().ok_or(diesel::result::Error::NotFound))
        .collect()
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
