//! The new and edit forms of postings, declared on the posting's draft.

use diesel::prelude::*;

use super::super::draft_form::{DraftForm, Fields, Over, Read};
use super::super::fields::{Field, FieldError, FieldKind};
use super::super::resource::Deleted;
use super::forms::{country_options, locale_options, slug_for};
use crate::db::DbConn;
use crate::db::schema::{companies, jobs};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::event::{self, EventKind};
use crate::models::job::{JobDraft, JobText};
use crate::models::{EmploymentType, SalaryPeriod, Seniority, Workplace};

pub struct JobForm;

impl DraftForm for JobForm {
    type Draft = JobDraft;
    type Text = JobText;

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        let (workplaces, types) = (Workplace::options(tr), EmploymentType::options(tr));
        let currencies = crate::search::salary::CURRENCIES.iter().map(|c| (*c, (*c).to_owned()));
        let lines = "admin-hint-one-per-line";
        f.text(Field::text("title", "admin-field-title").required().max(200), |t| &mut t.title)
            .association(
                Field::text("company", "admin-field-company").required(),
                "companies",
                |d| &mut d.company_id,
            )
            .value(
                Field::select("original_locale", "admin-field-language", locale_options())
                    .required()
                    .create_only()
                    .hint("admin-hint-original-locale"),
                |d| &mut d.original_locale,
            )
            .value(Field::text("slug", "admin-field-slug").max(120).hint("admin-hint-slug"), |d| {
                &mut d.slug
            })
            .value(
                Field::select("workplace", "admin-field-workplace", workplaces).required(),
                |d| &mut d.workplace,
            )
            .value(
                Field::select("employment_type", "admin-field-employment-type", types).required(),
                |d| &mut d.employment_type,
            )
            .value(
                Field::select("seniority", "admin-field-seniority", Seniority::options(tr))
                    .required(),
                |d| &mut d.seniority,
            )
            .value(Field::text("city", "admin-field-city").max(100), |d| &mut d.city)
            .value(Field::select("country_code", "admin-field-country", country_options(tr)), |d| {
                &mut d.country_code
            })
            .value(
                Field::list("remote_countries", "admin-field-remote-countries")
                    .hint("admin-hint-remote-countries"),
                |d| &mut d.remote_countries,
            )
            .value(
                Field::new("latitude", "admin-field-latitude", FieldKind::Decimal(-90.0, 90.0))
                    .max(20),
                |d| &mut d.latitude,
            )
            .value(
                Field::new("longitude", "admin-field-longitude", FieldKind::Decimal(-180.0, 180.0))
                    .max(20),
                |d| &mut d.longitude,
            )
            .value(Field::integer("salary_min", "admin-field-salary-min").max(20), |d| {
                &mut d.salary_min
            })
            .value(Field::integer("salary_max", "admin-field-salary-max").max(20), |d| {
                &mut d.salary_max
            })
            .value(
                Field::select(
                    "salary_currency",
                    "admin-field-salary-currency",
                    currencies.collect(),
                ),
                |d| &mut d.salary_currency,
            )
            .value(
                Field::select(
                    "salary_period",
                    "admin-field-salary-period",
                    SalaryPeriod::options(tr),
                ),
                |d| &mut d.salary_period,
            )
            .value(Field::date("valid_through", "admin-field-valid-through"), |d| {
                &mut d.valid_through
            })
            .value(
                Field::list("skills", "admin-field-skills").max(1000).hint("admin-hint-skills"),
                |d| &mut d.skills,
            )
            .text(Field::long_text("summary", "admin-field-summary").required().max(2000), |t| {
                &mut t.summary
            })
            .text(
                Field::long_text("responsibilities", "admin-field-responsibilities").hint(lines),
                |t| &mut t.responsibilities,
            )
            .text(Field::long_text("requirements", "admin-field-requirements").hint(lines), |t| {
                &mut t.requirements
            })
            .text(Field::long_text("benefits", "admin-field-benefits").hint(lines), |t| {
                &mut t.benefits
            });
    }

    fn new_draft(&self, tr: &Tr) -> JobDraft {
        JobDraft::new(tr.locale, crate::db::now())
    }

    fn original(draft: &JobDraft) -> Locale {
        draft.original_locale
    }

    fn texts(draft: &mut JobDraft) -> (&mut JobText, &mut Vec<(Locale, JobText)>) {
        (&mut draft.text, &mut draft.translations)
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
                let q = jobs::table.filter(jobs::slug.eq(candidate)).filter(jobs::id.ne(own_id));
                q.count().get_result::<i64>(conn).map(|n| n > 0)
            },
            &mut errors,
        )?;
        draft.slug = slug.unwrap_or_default();
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
    ) -> Result<i64, AppError> {
        let Some(Over { id, text, .. }) = over else {
            let company: String =
                companies::table.find(draft.company_id).select(companies::name).first(conn)?;
            return Ok(draft.insert_in_transaction(conn, &company, &mut Default::default())?);
        };
        draft.update(conn, id, &text)?;
        event::job(conn, EventKind::JobUpdated, id)?;
        Ok(id)
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
