//! The new and edit forms of postings: fields, stored values, checks and writes.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::super::fields::{
    self, Field, FieldError, FieldKind, FormValues, date_text, list_items, parse_date,
    parse_decimal, parse_integer,
};
use super::super::resource::{Deleted, Form, Stored};
use super::forms::{country_options, locale_options, single_match, slug_for, typed_id};
use crate::db::DbConn;
use crate::db::schema::{companies, jobs};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::job::{JobDraft, JobText, JobUpdate};
use crate::models::{EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace};

pub struct JobForm;

impl Form for JobForm {
    fn fields(&self, tr: &Tr) -> Vec<Field> {
        vec![
            Field::text("title", "admin-field-title").required().translatable().max(200),
            Field::new("company", "admin-field-company", FieldKind::Association("companies"))
                .required()
                .hint("admin-hint-association"),
            Field::select("original_locale", "admin-field-language", locale_options())
                .required()
                .create_only()
                .hint("admin-hint-original-locale"),
            Field::text("slug", "admin-field-slug").max(120).hint("admin-hint-slug"),
            Field::select("workplace", "admin-field-workplace", Workplace::options(tr)).required(),
            Field::select(
                "employment_type",
                "admin-field-employment-type",
                EmploymentType::options(tr),
            )
            .required(),
            Field::select("seniority", "admin-field-seniority", Seniority::options(tr)).required(),
            Field::text("city", "admin-field-city").max(100),
            Field::select("country_code", "admin-field-country", country_options(tr)),
            Field::list("remote_countries", "admin-field-remote-countries")
                .hint("admin-hint-remote-countries"),
            Field::new("latitude", "admin-field-latitude", FieldKind::Decimal(-90.0, 90.0)).max(20),
            Field::new("longitude", "admin-field-longitude", FieldKind::Decimal(-180.0, 180.0))
                .max(20),
            Field::integer("salary_min", "admin-field-salary-min").max(20),
            Field::integer("salary_max", "admin-field-salary-max").max(20),
            Field::select(
                "salary_currency",
                "admin-field-salary-currency",
                crate::search::salary::CURRENCIES.iter().map(|c| (*c, (*c).to_owned())).collect(),
            ),
            Field::select("salary_period", "admin-field-salary-period", SalaryPeriod::options(tr)),
            Field::date("valid_through", "admin-field-valid-through"),
            Field::list("skills", "admin-field-skills").max(1000).hint("admin-hint-skills"),
            Field::long_text("summary", "admin-field-summary").required().translatable().max(2000),
            Field::long_text("responsibilities", "admin-field-responsibilities")
                .translatable()
                .hint("admin-hint-one-per-line"),
            Field::long_text("requirements", "admin-field-requirements")
                .translatable()
                .hint("admin-hint-one-per-line"),
            Field::long_text("benefits", "admin-field-benefits")
                .translatable()
                .hint("admin-hint-one-per-line"),
        ]
    }

    fn new_values(&self, tr: &Tr) -> FormValues {
        let mut values = FormValues::default();
        values.set("original_locale", tr.locale.as_str());
        values.set("workplace", Workplace::Onsite.as_str());
        values.set("employment_type", EmploymentType::FullTime.as_str());
        values.set("seniority", Seniority::Mid.as_str());
        values.set("salary_currency", "EUR");
        values.set("salary_period", SalaryPeriod::Year.as_str());
        values
    }

    /// A posting as its form shows it (three queries).
    fn load(&self, conn: &mut DbConn, id: i64) -> Result<Option<Stored>, AppError> {
        let Some(job) = JobDraft::read(conn, id)? else { return Ok(None) };
        let d = &job.draft;
        let text = |n: Option<String>| n.unwrap_or_default();
        let mut values = FormValues { base: text_map(&d.text), ..Default::default() };
        for (key, value) in [
            ("company", job.company_name.clone()),
            ("original_locale", d.original_locale.to_string()),
            ("slug", d.slug.clone()),
            ("workplace", d.workplace.to_string()),
            ("employment_type", d.employment_type.to_string()),
            ("seniority", d.seniority.to_string()),
            ("city", text(d.city.clone())),
            ("country_code", text(d.country_code.clone())),
            ("remote_countries", d.remote_countries.join(", ")),
            ("latitude", text(d.latitude.map(|n| n.to_string()))),
            ("longitude", text(d.longitude.map(|n| n.to_string()))),
            ("salary_min", text(d.salary_min.map(|n| n.to_string()))),
            ("salary_max", text(d.salary_max.map(|n| n.to_string()))),
            ("salary_currency", text(d.salary_currency.clone())),
            ("salary_period", text(d.salary_period.map(|p| p.to_string()))),
            ("valid_through", date_text(d.valid_through)),
            ("skills", d.skills.join(", ")),
        ] {
            values.set(key, value);
        }
        let original = d.original_locale;
        let translated = d.translations.iter().filter(|(l, _)| *l != original);
        values.translations = translated.map(|(l, t)| (*l, text_map(t))).collect();
        let label = d.text.title.clone();
        let (text_updated_at, translated_from) = (job.text_updated_at, job.translated_from);
        Ok(Some(Stored {
            label,
            values,
            original,
            text_updated_at,
            translated_from,
            previews: Default::default(),
        }))
    }

    /// Checks what the generic checks cannot and writes the posting.
    fn save(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
    ) -> Result<Result<i64, Vec<FieldError>>, AppError> {
        let mut errors = Vec::new();
        let get = |key: &str| values.get(key);
        let opt = |key: &str| Some(get(key).to_owned()).filter(|v| !v.is_empty());

        let typed = values.get("company");
        let matches: Vec<(i64, String)> = match typed_id(typed) {
            Some(id) => companies::table
                .filter(companies::id.eq(id))
                .select((companies::id, companies::name))
                .load(conn)?,
            None => companies::table
                .filter(super::lower(companies::name).eq(typed.to_lowercase()))
                .select((companies::id, companies::name))
                .limit(2)
                .load(conn)?,
        };
        let company = single_match(matches, "company", typed, &mut errors);
        let original = match old {
            Some((_, stored)) => stored.original,
            None => Locale::parse(values.get("original_locale")).unwrap_or_default(),
        };
        let slug = slug_for(
            conn,
            values.get("slug"),
            values.get("title"),
            "posting",
            old.map(|(_, s)| s.values.get("slug")),
            |conn, candidate| {
                jobs::table
                    .filter(jobs::slug.eq(candidate))
                    .filter(jobs::id.ne(old.map_or(0, |(id, _)| id)))
                    .count()
                    .get_result::<i64>(conn)
                    .map(|n| n > 0)
            },
            &mut errors,
        )?;
        let now = crate::db::now();
        // The form shows the day only: an unchanged day keeps the stored time (publishing may
        // have set one); a new day closes at its end, so the posting is open all that day.
        let valid_through = match old {
            Some((id, stored))
                if stored.values.get("valid_through") == values.get("valid_through") =>
            {
                jobs::table.find(id).select(jobs::valid_through).first(conn)?
            }
            _ => parse_date(values.get("valid_through")).and_then(|d| d.and_hms_opt(23, 59, 59)),
        };
        let (salary_min, salary_max) =
            (parse_integer(get("salary_min")), parse_integer(get("salary_max")));
        let paid = salary_min.is_some() || salary_max.is_some();
        let draft = JobDraft {
            slug: slug.clone().unwrap_or_default(),
            company_id: company.as_ref().map_or(0, |(id, _)| *id),
            status: JobStatus::Draft,
            original_locale: original,
            text: text_of(|k| get(k).to_owned()),
            translations: values
                .translations
                .iter()
                .map(|(locale, t)| (*locale, text_of(|k| t.get(k).cloned().unwrap_or_default())))
                .collect(),
            workplace: Workplace::parse(get("workplace")).unwrap_or(Workplace::Onsite),
            employment_type: EmploymentType::parse(get("employment_type"))
                .unwrap_or(EmploymentType::FullTime),
            seniority: Seniority::parse(get("seniority")).unwrap_or(Seniority::Mid),
            city: opt("city"),
            country_code: opt("country_code"),
            latitude: parse_decimal(get("latitude")),
            longitude: parse_decimal(get("longitude")),
            remote_countries: list_items(get("remote_countries"))
                .iter()
                .map(|c| c.to_uppercase())
                .collect(),
            salary_min,
            salary_max,
            salary_currency: opt("salary_currency").filter(|_| paid),
            salary_period: SalaryPeriod::parse(get("salary_period")).filter(|_| paid),
            published_at: None,
            valid_through,
            skills: list_items(get("skills")),
            created_at: now,
        };
        errors.extend(draft.problems());
        let (Some((_, company_name)), Some(_), true) = (company, slug, errors.is_empty()) else {
            return Ok(Err(errors));
        };
        let id = match old {
            None => draft.insert_in_transaction(conn, &company_name, &mut HashMap::new())?,
            Some((id, stored)) => {
                let text_changed =
                    TEXT_FIELDS.iter().any(|k| stored.values.get(k) != values.get(k));
                let writes = fields::translation_writes(&stored.values, values);
                draft.update(
                    conn,
                    id,
                    &JobUpdate {
                        text_changed,
                        text_updated_at: stored.text_updated_at,
                        translations: &writes,
                        now,
                    },
                )?;
                crate::models::event::job(conn, crate::models::event::EventKind::JobUpdated, id)?;
                id
            }
        };
        Ok(Ok(id))
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

/// The translated text fields, in `JobText` order.
const TEXT_FIELDS: [&str; 5] = ["title", "summary", "responsibilities", "requirements", "benefits"];

fn text_map(text: &JobText) -> BTreeMap<String, String> {
    let values =
        [&text.title, &text.summary, &text.responsibilities, &text.requirements, &text.benefits];
    TEXT_FIELDS.iter().zip(values).map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

fn text_of(get: impl Fn(&str) -> String) -> JobText {
    JobText {
        title: get("title"),
        summary: get("summary"),
        responsibilities: get("responsibilities"),
        requirements: get("requirements"),
        benefits: get("benefits"),
    }
}
