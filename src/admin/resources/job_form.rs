//! The new and edit forms of postings, declared on the posting's draft.

use std::collections::HashMap;

use super::forms::{country_options, locale_options, slug_for};
use super::prelude::*;
use crate::db::schema::{companies, jobs};
use crate::models::event::{self, EventKind};
use crate::models::job::{JobDraft, JobText, Known};
use crate::models::{CoverLetter, EmploymentType, SalaryPeriod, Seniority, Workplace};

pub struct JobForm;

/// The `Lookups` claims of slugs given to postings.
const SLUGS: &str = "posting slugs";

impl DraftForm for JobForm {
    type Draft = JobDraft;
    type Text = JobText;

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        let currencies = crate::search::salary::CURRENCIES.iter().map(|c| (*c, (*c).to_owned()));
        let (lines, decimal) = ("admin-hint-one-per-line", FieldKind::Decimal);
        f.translated("title", "admin-field-title", |t| &mut t.title).required().max(200);
        f.association("company", "admin-field-company", "companies", |d| &mut d.company_id)
            .required();
        f.select("original_locale", "admin-field-language", locale_options(), |d| {
            &mut d.original_locale
        })
        .required()
        .create_only()
        .hint("admin-hint-original-locale");
        f.text("slug", "admin-field-slug", |d| &mut d.slug).max(120).hint("admin-hint-slug");
        f.select("workplace", "admin-field-workplace", Workplace::options(tr), |d| {
            &mut d.workplace
        })
        .required();
        let types = EmploymentType::options(tr);
        f.select("employment_type", "admin-field-employment-type", types, |d| {
            &mut d.employment_type
        })
        .required();
        f.select("seniority", "admin-field-seniority", Seniority::options(tr), |d| {
            &mut d.seniority
        })
        .required();
        f.text("city", "admin-field-city", |d| &mut d.city).max(100);
        f.select("country_code", "admin-field-country", country_options(tr), |d| {
            &mut d.country_code
        });
        f.of("remote_countries", "admin-field-remote-countries", FieldKind::List, |d| {
            &mut d.remote_countries
        })
        .hint("admin-hint-remote-countries");
        f.text("street_address", "admin-field-street-address", |d| &mut d.street_address)
            .max(200)
            .hint("admin-hint-street-address");
        f.of("latitude", "admin-field-latitude", decimal(-90.0, 90.0), |d| &mut d.latitude).max(20);
        f.of("longitude", "admin-field-longitude", decimal(-180.0, 180.0), |d| &mut d.longitude)
            .max(20);
        f.of("salary_min", "admin-field-salary-min", FieldKind::Integer, |d| &mut d.salary_min)
            .max(20);
        f.of("salary_max", "admin-field-salary-max", FieldKind::Integer, |d| &mut d.salary_max)
            .max(20);
        f.select("salary_currency", "admin-field-salary-currency", currencies.collect(), |d| {
            &mut d.salary_currency
        });
        let periods = SalaryPeriod::options(tr);
        f.select("salary_period", "admin-field-salary-period", periods, |d| &mut d.salary_period);
        f.of("valid_through", "admin-field-valid-through", FieldKind::Date, |d| {
            &mut d.valid_through
        });
        f.of("skills", "admin-field-skills", FieldKind::List, |d| &mut d.skills)
            .max(1000)
            .hint("admin-hint-skills");
        f.select("cover_letter", "admin-field-cover-letter", CoverLetter::options(tr), |d| {
            &mut d.cover_letter
        });
        f.translated_long("summary", "admin-field-summary", |t| &mut t.summary)
            .required()
            .max(2000);
        f.translated_long("responsibilities", "admin-field-responsibilities", |t| {
            &mut t.responsibilities
        })
        .hint(lines);
        f.translated_long("requirements", "admin-field-requirements", |t| &mut t.requirements)
            .hint(lines);
        f.translated_long("benefits", "admin-field-benefits", |t| &mut t.benefits).hint(lines);
    }

    fn new_draft(&self, tr: &Tr) -> JobDraft {
        JobDraft::new(tr.locale, crate::db::now())
    }

    fn original(draft: &JobDraft) -> Locale {
        draft.original_locale
    }

    fn texts(draft: &mut JobDraft) -> Option<Texts<'_, JobText>> {
        Some((&mut draft.text, &mut draft.translations))
    }

    /// A posting with its translations and skills (three queries).
    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<JobDraft>>, AppError> {
        Ok(JobDraft::read(conn, id)?.map(|job| Read {
            label: job.draft.text.title.clone(),
            draft: job.draft,
            text_updated_at: job.text_updated_at,
            translated_from: job.translated_from,
            previews: Default::default(),
        }))
    }

    /// A free slug, and the posting's rules (`JobDraft::problems`). Currencies and periods
    /// belong to a salary: without one they are not kept.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut JobDraft,
        old: Option<(i64, &JobDraft)>,
        editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut errors = Vec::new();
        let own_id = old.map_or(0, |(id, _)| id);
        let slug = slug_for(
            conn,
            &draft.slug,
            &draft.text.title,
            "posting",
            old.map(|(_, stored)| stored.slug.as_str()),
            |conn, candidate| {
                // A slug an import gave a posting it has not written yet is taken too.
                if editor.lookups.claimed(SLUGS, candidate) {
                    return Ok(true);
                }
                let q = jobs::table.filter(jobs::slug.eq(candidate)).filter(jobs::id.ne(own_id));
                q.count().get_result::<i64>(conn).map(|n| n > 0)
            },
            &mut errors,
        )?;
        draft.slug = slug.unwrap_or_default();
        if !draft.slug.is_empty() {
            editor.lookups.claim(SLUGS, &draft.slug);
        }
        draft.remote_countries.iter_mut().for_each(|c| *c = c.to_uppercase());
        if draft.salary_min.is_none() && draft.salary_max.is_none() {
            (draft.salary_currency, draft.salary_period) = (None, None);
        }
        errors.extend(draft.problems());
        Ok(errors)
    }

    fn write(
        &self,
        conn: &mut DbConn,
        draft: &JobDraft,
        over: Option<Over<'_, JobDraft>>,
        editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        let Some(Over { id, text, .. }) = over else {
            return Ok(self.write_many(conn, &[draft], editor)?[0]);
        };
        draft.update(conn, id, &text)?;
        event::job(conn, EventKind::JobUpdated, id)?;
        if editor.viewer.is_bound() {
            crate::admin::submission::resubmit_if_live(conn, id, editor)?;
        }
        Ok(id)
    }

    const WRITES_MANY: bool = true;

    /// New postings with a few statements for all: an import writes its batches so.
    fn write_many(
        &self,
        conn: &mut DbConn,
        drafts: &[&JobDraft],
        editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<i64>, AppError> {
        let mut company_ids: Vec<i64> = drafts.iter().map(|d| d.company_id).collect();
        company_ids.sort_unstable();
        company_ids.dedup();
        let names: HashMap<i64, String> = companies::table
            .filter(companies::id.eq_any(&company_ids))
            .select((companies::id, companies::name))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect();
        let mut with_names = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let name = names.get(&draft.company_id).ok_or(AppError::NotFound)?;
            with_names.push((*draft, name.as_str()));
        }
        // An import tags thousands of postings with the same few skills in the same few
        // cities: each is found once per editor.
        let ids = editor
            .lookups
            .with(|known: &mut Known| JobDraft::insert_many(conn, &with_names, known))?;
        Ok(ids)
    }

    /// Deletes a posting unless people applied to it (see `delete_unapplied`).
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        if !crate::models::job::lifecycle::delete_unapplied(conn, &[id])?.is_empty() {
            return Ok(Deleted::Done);
        }
        let exists: i64 = jobs::table.find(id).count().get_result(conn)?;
        Ok(if exists > 0 {
            Deleted::Refused("admin-delete-refused-applications")
        } else {
            Deleted::NotFound
        })
    }
}
