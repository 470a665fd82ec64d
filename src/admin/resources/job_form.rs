//! The new and edit forms of postings: fields, stored values, checks and writes.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::super::fields::{
    self, Field, FieldError, FieldKind, FormValues, date_text, list_items, parse_date,
    parse_decimal, parse_integer,
};
use super::super::resource::{Deleted, Form, Stored};
use super::forms::{
    country_options, locale_options, single_match, slug_for, translated_from, typed_id,
};
use crate::db::DbConn;
use crate::db::schema::{applications, companies, job_skills, job_translations, jobs, skills};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::job::{JobDraft, JobText, JobUpdate};
use crate::models::{EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace};

pub struct JobForm;

impl Form for JobForm {
    fn fields(&self, tr: &Tr) -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", FieldKind::Text)
                .required()
                .translatable()
                .max(200),
            Field::new("company", "admin-field-company", FieldKind::Association("companies"))
                .required()
                .hint("admin-hint-association"),
            Field::new(
                "original_locale",
                "admin-field-language",
                FieldKind::Select(locale_options()),
            )
            .required()
            .create_only()
            .hint("admin-hint-original-locale"),
            Field::new("slug", "admin-field-slug", FieldKind::Text)
                .max(120)
                .hint("admin-hint-slug"),
            Field::new(
                "workplace",
                "admin-field-workplace",
                FieldKind::Select(Workplace::options(tr)),
            )
            .required(),
            Field::new(
                "employment_type",
                "admin-field-employment-type",
                FieldKind::Select(EmploymentType::options(tr)),
            )
            .required(),
            Field::new(
                "seniority",
                "admin-field-seniority",
                FieldKind::Select(Seniority::options(tr)),
            )
            .required(),
            Field::new("city", "admin-field-city", FieldKind::Text).max(100),
            Field::new(
                "country_code",
                "admin-field-country",
                FieldKind::Select(country_options(tr)),
            ),
            Field::new("remote_countries", "admin-field-remote-countries", FieldKind::List)
                .hint("admin-hint-remote-countries"),
            Field::new("latitude", "admin-field-latitude", FieldKind::Decimal(-90.0, 90.0)).max(20),
            Field::new("longitude", "admin-field-longitude", FieldKind::Decimal(-180.0, 180.0))
                .max(20),
            Field::new("salary_min", "admin-field-salary-min", FieldKind::Integer).max(20),
            Field::new("salary_max", "admin-field-salary-max", FieldKind::Integer).max(20),
            Field::new(
                "salary_currency",
                "admin-field-salary-currency",
                FieldKind::Select(
                    crate::search::salary::CURRENCIES
                        .iter()
                        .map(|c| (*c, (*c).to_owned()))
                        .collect(),
                ),
            ),
            Field::new(
                "salary_period",
                "admin-field-salary-period",
                FieldKind::Select(SalaryPeriod::options(tr)),
            ),
            Field::new("valid_through", "admin-field-valid-through", FieldKind::Date),
            Field::new("skills", "admin-field-skills", FieldKind::List)
                .max(1000)
                .hint("admin-hint-skills"),
            Field::new("summary", "admin-field-summary", FieldKind::LongText)
                .required()
                .translatable()
                .max(2000),
            Field::new("responsibilities", "admin-field-responsibilities", FieldKind::LongText)
                .translatable()
                .hint("admin-hint-one-per-line"),
            Field::new("requirements", "admin-field-requirements", FieldKind::LongText)
                .translatable()
                .hint("admin-hint-one-per-line"),
            Field::new("benefits", "admin-field-benefits", FieldKind::LongText)
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
        use crate::models::job::{Job, JobTranslation};
        let found: Option<(Job, String, Option<chrono::NaiveDateTime>)> = jobs::table
            .inner_join(companies::table)
            .filter(jobs::id.eq(id))
            .select((Job::as_select(), companies::name, jobs::text_updated_at))
            .first(conn)
            .optional()?;
        let Some((job, company, text_updated_at)) = found else {
            return Ok(None);
        };
        let skill_names: Vec<String> = job_skills::table
            .inner_join(skills::table)
            .filter(job_skills::job_id.eq(id))
            .order(job_skills::position.asc())
            .select(skills::name)
            .load(conn)?;
        let translations: Vec<JobTranslation> = job_translations::table
            .filter(job_translations::job_id.eq(id))
            .select(JobTranslation::as_select())
            .load(conn)?;
        let mut values = FormValues { base: text_map(&job.text()), ..Default::default() };
        let base = [
            ("company", company),
            ("original_locale", job.original_locale.clone()),
            ("slug", job.slug.clone()),
            ("workplace", job.workplace.clone()),
            ("employment_type", job.employment_type.clone()),
            ("seniority", job.seniority.clone()),
            ("city", job.city.clone().unwrap_or_default()),
            ("country_code", job.country_code.clone().unwrap_or_default()),
            ("remote_countries", job.remote_countries().join(", ")),
            ("latitude", decimal_text(job.latitude)),
            ("longitude", decimal_text(job.longitude)),
            ("salary_min", number_text(job.salary_min)),
            ("salary_max", number_text(job.salary_max)),
            ("salary_currency", job.salary_currency.clone().unwrap_or_default()),
            ("salary_period", job.salary_period.clone().unwrap_or_default()),
            ("valid_through", date_text(job.valid_through)),
            ("skills", skill_names.join(", ")),
        ];
        for (key, value) in base {
            values.set(key, value);
        }
        let original = job.original_locale();
        for t in &translations {
            if let Some(locale) = t.locale().filter(|l| *l != original) {
                values.translations.insert(locale, text_map(&t.text()));
            }
        }
        Ok(Some(Stored {
            label: job.title.clone(),
            values,
            original,
            text_updated_at: text_updated_at.unwrap_or(job.created_at),
            translated_from: translated_from(
                translations.iter().map(|t| (t.locale.as_str(), t.source_updated_at)),
            ),
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
        let get = |key: &str| values.get(key).to_owned();
        let opt = |key: &str| Some(get(key)).filter(|v| !v.is_empty());

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
        let workplace = Workplace::parse(values.get("workplace")).unwrap_or(Workplace::Onsite);
        if workplace != Workplace::Remote && values.get("city").is_empty() {
            errors.push(FieldError::new("city", "admin-error-city-required"));
        }
        let remote_countries: Vec<String> = list_items(values.get("remote_countries"))
            .into_iter()
            .map(|c| c.to_uppercase())
            .collect();
        if let Some(bad) =
            remote_countries.iter().find(|c| !crate::i18n::COUNTRIES.contains(&c.as_str()))
        {
            errors.push(
                FieldError::new("remote_countries", "admin-error-country-code").with("code", bad),
            );
        }
        let (latitude, longitude) =
            (parse_decimal(values.get("latitude")), parse_decimal(values.get("longitude")));
        if latitude.is_some() != longitude.is_some() {
            errors.push(FieldError::new("longitude", "admin-error-coordinates"));
        }
        let salary_min = parse_integer(values.get("salary_min"));
        let salary_max = parse_integer(values.get("salary_max"));
        for (key, value) in [("salary_min", salary_min), ("salary_max", salary_max)] {
            if value.is_some_and(|v| v < 0) {
                errors.push(FieldError::new(key, "admin-error-negative"));
            }
        }
        if let (Some(min), Some(max)) = (salary_min, salary_max)
            && min > max
        {
            errors.push(FieldError::new("salary_max", "admin-error-salary-range"));
        }
        let has_salary = salary_min.is_some() || salary_max.is_some();
        for key in ["salary_currency", "salary_period"] {
            if has_salary && values.get(key).is_empty() {
                errors.push(FieldError::new(key, "admin-error-salary-needs"));
            }
        }
        let skill_names = list_items(values.get("skills"));
        if skill_names.len() > MAX_SKILLS {
            errors.push(
                FieldError::new("skills", "admin-error-too-many")
                    .with("max", MAX_SKILLS.to_string()),
            );
        }
        if let Some(long) = skill_names.iter().find(|s| s.chars().count() > 60) {
            errors.push(FieldError::new("skills", "admin-error-item-too-long").with("item", long));
        }
        if skill_names.iter().any(|s| crate::models::slugify(s).is_empty()) {
            errors.push(FieldError::new("skills", "admin-error-skill-name"));
        }
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
        let (Some((company_id, company_name)), Some(slug), true) =
            (company, slug, errors.is_empty())
        else {
            return Ok(Err(errors));
        };

        let now = crate::db::now();
        // The form shows the day only: an unchanged day keeps the stored time (publishing may
        // have set one); a new day closes at its end, so the posting is open all that day.
        let valid_through = match old {
            Some((id, stored))
                if stored.values.get("valid_through") == values.get("valid_through") =>
            {
                jobs::table.filter(jobs::id.eq(id)).select(jobs::valid_through).first::<Option<
                    chrono::NaiveDateTime,
                >>(
                    conn
                )?
            }
            _ => parse_date(values.get("valid_through")).and_then(|d| d.and_hms_opt(23, 59, 59)),
        };
        let draft = JobDraft {
            slug,
            company_id,
            status: JobStatus::Draft,
            original_locale: original,
            text: text_of(|k| get(k)),
            translations: values
                .translations
                .iter()
                .map(|(locale, t)| (*locale, text_of(|k| t.get(k).cloned().unwrap_or_default())))
                .collect(),
            workplace,
            employment_type: EmploymentType::parse(values.get("employment_type"))
                .unwrap_or(EmploymentType::FullTime),
            seniority: Seniority::parse(values.get("seniority")).unwrap_or(Seniority::Mid),
            city: opt("city"),
            country_code: opt("country_code"),
            latitude,
            longitude,
            remote_countries,
            salary_min,
            salary_max,
            salary_currency: opt("salary_currency").filter(|_| has_salary),
            salary_period: SalaryPeriod::parse(values.get("salary_period")).filter(|_| has_salary),
            published_at: None,
            valid_through,
            skills: skill_names,
            created_at: now,
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

    /// Deletes a posting unless people applied to it: their applications would go with it, so
    /// archiving is the way out.
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        let applied: i64 =
            applications::table.filter(applications::job_id.eq(id)).count().get_result(conn)?;
        if applied > 0 {
            return Ok(Deleted::Refused("admin-delete-refused-applications"));
        }
        crate::db::dialect::replace_job_search(conn, id, &[])?;
        Ok(Deleted::from_rows(diesel::delete(jobs::table.filter(jobs::id.eq(id))).execute(conn)?))
    }
}

/// The translated text fields, in `JobText` order.
const TEXT_FIELDS: [&str; 5] = ["title", "summary", "responsibilities", "requirements", "benefits"];

const MAX_SKILLS: usize = 20;

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

fn number_text(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn decimal_text(n: Option<f64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}
