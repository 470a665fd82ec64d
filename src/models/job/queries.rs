//! Reading postings for the public site: the posting page, result cards, the search index.
//! Each loader runs a fixed number of queries whatever the number of rows.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Job, JobText, JobTranslation, Salary, salary_of, split_countries};
use crate::db::DbConn;
use crate::db::schema::{companies, company_translations, job_skills, job_translations, jobs};
use crate::i18n::Locale;
use crate::models::company::Company;
use crate::models::skill::SkillTag;
use crate::models::{EmploymentType, JobStatus, Localized, SalaryPeriod, Seniority, Workplace};

/// Everything the posting page shows.
#[derive(Debug, Clone)]
pub struct JobPage {
    pub job: Job,
    pub company: Company,
    pub company_description: Localized<String>,
    pub content: Localized<JobText>,
    /// Its text in each language it can be read in, the original first.
    pub texts: Vec<(Locale, JobText)>,
    /// Filled in by the caller: from the search index for published postings, else with
    /// `Skill::tags_of_job`.
    pub skills: Vec<SkillTag>,
}

/// A posting, its company and the company's description in the page's language.
#[derive(Queryable, Selectable)]
struct PageRow {
    #[diesel(embed)]
    job: Job,
    #[diesel(embed)]
    company: Company,
    #[diesel(select_expression = company_translations::description.nullable())]
    company_translation: Option<String>,
}

/// Postings with their company and its translation into `locale`.
#[diesel::dsl::auto_type(no_type_alias)]
fn page_source(locale: &'static str) -> _ {
    jobs::table.inner_join(companies::table).left_join(
        company_translations::table.on(company_translations::company_id
            .eq(companies::id)
            .and(company_translations::locale.eq(locale))),
    )
}

impl JobPage {
    /// The languages the posting can be read in, the original first.
    pub fn languages(&self) -> impl Iterator<Item = Locale> + '_ {
        self.texts.iter().map(|(language, _)| *language)
    }

    /// Loads a posting that is not a draft nor in review, in `locale` where translated (two queries), without
    /// its skills.
    pub fn load(conn: &mut DbConn, slug: &str, locale: Locale) -> QueryResult<Option<JobPage>> {
        let row = page_source(locale.as_str())
            .filter(jobs::slug.eq(slug))
            .filter(jobs::status.ne_all(UNSEEN))
            .select(PageRow::as_select())
            .first(conn)
            .optional()?;
        JobPage::assemble(conn, row, locale)
    }

    /// Loads any posting, drafts included, for the back office's preview.
    pub fn load_preview(
        conn: &mut DbConn,
        id: i64,
        locale: Locale,
    ) -> QueryResult<Option<JobPage>> {
        let row = page_source(locale.as_str())
            .filter(jobs::id.eq(id))
            .select(PageRow::as_select())
            .first(conn)
            .optional()?;
        JobPage::assemble(conn, row, locale)
    }

    fn assemble(
        conn: &mut DbConn,
        row: Option<PageRow>,
        locale: Locale,
    ) -> QueryResult<Option<JobPage>> {
        let Some(PageRow { job, company, company_translation }) = row else {
            return Ok(None);
        };
        let translations: Vec<JobTranslation> = job_translations::table
            .filter(job_translations::job_id.eq(job.id))
            .select(JobTranslation::as_select())
            .load(conn)?;

        let original = job.original_locale();
        let content = match translations.iter().find(|t| t.locale() == Some(locale)) {
            Some(t) if locale != original => {
                Localized { value: t.text(), lang: locale, is_fallback: false }
            }
            _ => Localized { value: job.text(), lang: original, is_fallback: locale != original },
        };
        let company_description = company.localize(locale, company_translation);
        let mut texts = vec![(original, job.text())];
        texts.extend(
            translations
                .iter()
                .filter_map(|t| Some((t.locale()?, t.text())))
                .filter(|(l, _)| *l != original),
        );
        Ok(Some(JobPage { job, company, company_description, content, texts, skills: Vec::new() }))
    }
}

/// The statuses whose postings the public site never shows: not written yet, or not approved.
const UNSEEN: [&str; 2] = [JobStatus::Draft.as_str(), JobStatus::PendingReview.as_str()];

/// The slug of the posting with `id`, drafts and postings in review aside.
pub fn public_slug(conn: &mut DbConn, id: i64) -> QueryResult<Option<String>> {
    jobs::table
        .filter(jobs::id.eq(id))
        .filter(jobs::status.ne_all(UNSEEN))
        .select(jobs::slug)
        .first(conn)
        .optional()
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs)]
struct CardRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    original_locale: String,
    status: JobStatus,
    workplace: Workplace,
    employment_type: EmploymentType,
    seniority: Seniority,
    city: Option<String>,
    country_code: Option<String>,
    remote_countries: String,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    salary_currency: Option<String>,
    salary_period: Option<SalaryPeriod>,
    published_at: Option<NaiveDateTime>,
    valid_through: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
}

/// A posting as a search result, feed entry or list item.
#[derive(Debug, Clone)]
pub struct JobCard {
    pub id: i64,
    pub slug: String,
    pub title: Localized<String>,
    pub summary: String,
    pub company_name: String,
    pub company_slug: String,
    /// The company's logo thumbnail, if it has a logo.
    pub company_logo: Option<String>,
    pub status: JobStatus,
    pub workplace: Workplace,
    pub employment_type: EmploymentType,
    pub seniority: Seniority,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub remote_countries: Vec<String>,
    pub salary: Option<Salary>,
    pub published_at: Option<NaiveDateTime>,
    pub valid_through: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    /// Skill names, filled in from the search index (see `web::view::load_cards`).
    pub skills: Vec<String>,
}

impl JobCard {
    /// Cards for `ids`, in that order, in `locale` where translated (one query), without
    /// their skills.
    pub fn load(conn: &mut DbConn, ids: &[i64], locale: Locale) -> QueryResult<Vec<JobCard>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // The row, the company's name, slug and logo, and the title and summary in `locale`.
        type Row =
            (CardRow, (String, String, Option<String>, bool), Option<String>, Option<String>);
        let mut query = jobs::table
            .inner_join(companies::table)
            .left_join(
                job_translations::table.on(job_translations::job_id
                    .eq(jobs::id)
                    .and(job_translations::locale.eq(locale.as_str()))),
            )
            .select((
                CardRow::as_select(),
                (companies::name, companies::slug, companies::logo_key, companies::logo_versions),
                job_translations::title.nullable(),
                job_translations::summary.nullable(),
            ))
            .into_boxed();
        for id in padded_ids(ids) {
            query = query.or_filter(jobs::id.eq(id));
        }
        let rows: Vec<Row> = query.load(conn)?;
        let mut by_id: HashMap<i64, JobCard> = rows
            .into_iter()
            .map(|(row, company, t_title, t_summary)| {
                let (company_name, company_slug, logo_key, logo_versions) = company;
                let original = Locale::parse(&row.original_locale).unwrap_or_default();
                let (title, summary) = match (t_title, t_summary) {
                    (Some(title), Some(summary)) if locale != original => {
                        (Localized { value: title, lang: locale, is_fallback: false }, summary)
                    }
                    _ => (
                        Localized {
                            value: row.title,
                            lang: original,
                            is_fallback: locale != original,
                        },
                        row.summary,
                    ),
                };
                let card = JobCard {
                    id: row.id,
                    slug: row.slug,
                    title,
                    summary,
                    company_name,
                    company_slug,
                    company_logo: logo_key
                        .map(|key| crate::uploads::logo::url(&key, logo_versions, "thumb")),
                    status: row.status,
                    workplace: row.workplace,
                    employment_type: row.employment_type,
                    seniority: row.seniority,
                    city: row.city,
                    country_code: row.country_code,
                    remote_countries: split_countries(&row.remote_countries),
                    salary: salary_of(
                        row.salary_min,
                        row.salary_max,
                        row.salary_currency.as_deref(),
                        row.salary_period,
                    ),
                    published_at: row.published_at,
                    valid_through: row.valid_through,
                    updated_at: row.updated_at,
                    skills: Vec::new(),
                };
                (card.id, card)
            })
            .collect();
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }
}

/// `ids` (not empty) padded with copies of the last one to the next power of two, at least 4.
/// A statement naming the ids one by one then has a handful of shapes, each prepared once per
/// connection and reused; `eq_any` writes a list of the ids' length, which diesel prepares
/// and closes around every use: two more round trips to a database server, which parses the
/// query each time.
fn padded_ids(ids: &[i64]) -> Vec<i64> {
    let mut padded = ids.to_vec();
    padded.resize(ids.len().next_power_of_two().max(4), ids[ids.len() - 1]);
    padded
}

#[cfg(test)]
mod padding_tests {
    #[test]
    fn ids_take_a_few_shapes() {
        assert_eq!(super::padded_ids(&[7]), [7, 7, 7, 7]);
        assert_eq!(super::padded_ids(&[1, 2, 3, 4, 5]), [1, 2, 3, 4, 5, 5, 5, 5]);
        let page: Vec<i64> = (1..=20).collect();
        assert_eq!(super::padded_ids(&page).len(), 32);
        let full: Vec<i64> = (1..=128).collect();
        assert_eq!(super::padded_ids(&full), full);
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs)]
struct IndexJobRow {
    id: i64,
    slug: String,
    original_locale: String,
    workplace: Workplace,
    employment_type: EmploymentType,
    seniority: Seniority,
    city: Option<String>,
    place_id: Option<i64>,
    country_code: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    remote_countries: String,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    salary_currency: Option<String>,
    salary_period: Option<SalaryPeriod>,
    published_at: Option<NaiveDateTime>,
    valid_through: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
}

/// Which published postings `IndexRow::load` reads.
enum Scope<'a> {
    Ids(&'a [i64]),
    /// Those with an id above `after` and at most `last`.
    Range {
        after: i64,
        last: i64,
    },
}

/// The filterable fields of one published posting, for the in-memory search index.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub id: i64,
    pub slug: String,
    pub company_slug: String,
    pub workplace: Workplace,
    pub employment_type: EmploymentType,
    pub seniority: Seniority,
    pub city: Option<String>,
    /// The place the city is, when the posting points to one.
    pub place_id: Option<i64>,
    pub country_code: Option<String>,
    /// Latitude and longitude, when the posting has them.
    pub point: Option<(f64, f64)>,
    pub remote_countries: Vec<String>,
    pub salary: Option<Salary>,
    pub published_at: NaiveDateTime,
    pub valid_through: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    /// Skill ids, in the posting's order.
    pub skills: Vec<i64>,
    /// The languages it is written in, the original first.
    pub languages: Vec<Locale>,
}

impl IndexRow {
    /// Every published posting, handed to `each` in batches of `batch` in id order (three
    /// queries a batch): all of them at once took as much memory again as the index they
    /// go into (a million postings).
    pub fn load_published_in_batches(
        conn: &mut DbConn,
        batch: i64,
        mut each: impl FnMut(Vec<IndexRow>),
    ) -> QueryResult<()> {
        let published = JobStatus::Published.as_str();
        let mut after = i64::MIN;
        loop {
            // The batch's last id. By status and id only: the status index holds both (SQLite
            // keeps the rowid in every index), so this reads no posting.
            let last: Option<i64> = jobs::table
                .filter(jobs::status.eq(published))
                .filter(jobs::id.gt(after))
                .order(jobs::id)
                .select(jobs::id)
                .offset(batch - 1)
                .first(conn)
                .optional()?;
            each(IndexRow::load(conn, Scope::Range { after, last: last.unwrap_or(i64::MAX) })?);
            match last {
                Some(last) => after = last,
                None => return Ok(()),
            }
        }
    }

    /// Those of the postings `ids` that are published (three queries per 1,000 ids).
    pub fn load_published_ids(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<IndexRow>> {
        let mut rows = Vec::new();
        // Bounded lists of bind parameters (SQLite's limit, the statements' size).
        for chunk in ids.chunks(1000) {
            rows.extend(IndexRow::load(conn, Scope::Ids(chunk))?);
        }
        Ok(rows)
    }

    fn load(conn: &mut DbConn, scope: Scope<'_>) -> QueryResult<Vec<IndexRow>> {
        let published = JobStatus::Published.as_str();
        let mut jobs_query = jobs::table
            .inner_join(companies::table)
            .filter(jobs::status.eq(published))
            .filter(jobs::published_at.is_not_null())
            .select((IndexJobRow::as_select(), companies::slug))
            .into_boxed();
        let mut links_query = job_skills::table
            .inner_join(jobs::table)
            .filter(jobs::status.eq(published))
            .order((job_skills::job_id, job_skills::position))
            .select((job_skills::job_id, job_skills::skill_id))
            .into_boxed();
        let mut translated_query = job_translations::table
            .inner_join(jobs::table)
            .filter(jobs::status.eq(published))
            .select((job_translations::job_id, job_translations::locale))
            .into_boxed();
        match scope {
            Scope::Ids(ids) => {
                jobs_query = jobs_query.filter(jobs::id.eq_any(ids));
                links_query = links_query.filter(job_skills::job_id.eq_any(ids));
                translated_query = translated_query.filter(job_translations::job_id.eq_any(ids));
            }
            Scope::Range { after, last } => {
                jobs_query = jobs_query.filter(jobs::id.gt(after)).filter(jobs::id.le(last));
                links_query = links_query
                    .filter(job_skills::job_id.gt(after))
                    .filter(job_skills::job_id.le(last));
                translated_query = translated_query
                    .filter(job_translations::job_id.gt(after))
                    .filter(job_translations::job_id.le(last));
            }
        }
        let rows: Vec<(IndexJobRow, String)> = jobs_query.load(conn)?;
        let links: Vec<(i64, i64)> = links_query.load(conn)?;
        let mut skills: HashMap<i64, Vec<i64>> = HashMap::new();
        for (job_id, skill_id) in links {
            skills.entry(job_id).or_default().push(skill_id);
        }
        let translated: Vec<(i64, String)> = translated_query.load(conn)?;
        let mut translations: HashMap<i64, Vec<Locale>> = HashMap::new();
        for (job_id, locale) in translated {
            if let Some(locale) = Locale::parse(&locale) {
                translations.entry(job_id).or_default().push(locale);
            }
        }
        Ok(rows
            .into_iter()
            .filter_map(|(row, company_slug)| {
                Some(IndexRow {
                    id: row.id,
                    slug: row.slug,
                    company_slug,
                    workplace: row.workplace,
                    employment_type: row.employment_type,
                    seniority: row.seniority,
                    city: row.city,
                    place_id: row.place_id,
                    country_code: row.country_code,
                    point: row.latitude.zip(row.longitude),
                    remote_countries: split_countries(&row.remote_countries),
                    salary: salary_of(
                        row.salary_min,
                        row.salary_max,
                        row.salary_currency.as_deref(),
                        row.salary_period,
                    ),
                    published_at: row.published_at?,
                    valid_through: row.valid_through,
                    updated_at: row.updated_at,
                    skills: skills.remove(&row.id).unwrap_or_default(),
                    languages: {
                        let original = Locale::parse(&row.original_locale).unwrap_or_default();
                        let mut all = vec![original];
                        for l in translations.remove(&row.id).unwrap_or_default() {
                            if !all.contains(&l) {
                                all.push(l);
                            }
                        }
                        all
                    },
                })
            })
            .collect())
    }
}
