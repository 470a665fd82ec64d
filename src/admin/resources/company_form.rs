//! The new and edit forms of companies, their deletion, and the name lookup for postings'
//! company field.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::super::fields::{self, Field, FieldError, FieldKind, FormValues};
use super::super::resource::{Deleted, Form, Stored};
use super::forms::{country_options, locale_options, slug_for, translated_from};
use crate::db::DbConn;
use crate::db::schema::{companies, company_translations, jobs};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::models::company::{Company, CompanyUpdate, NewCompany};

pub struct CompanyForm;

impl Form for CompanyForm {
    fn fields(&self, tr: &Tr) -> Vec<Field> {
        vec![
            Field::text("name", "admin-field-name").required().max(200),
            Field::select("original_locale", "admin-field-language", locale_options())
                .required()
                .create_only()
                .hint("admin-hint-original-locale"),
            Field::text("slug", "admin-field-slug").max(120).hint("admin-hint-slug"),
            Field::new("logo", "admin-field-logo", FieldKind::Image).hint("admin-hint-logo"),
            Field::new("website", "admin-field-website", FieldKind::Url).max(500),
            Field::new("contact_email", "admin-field-contact-email", FieldKind::Email)
                .max(254)
                .hint("admin-hint-contact-email"),
            Field::text("city", "admin-field-city").max(100),
            Field::select("country_code", "admin-field-country", country_options(tr)),
            Field::text("size", "admin-field-size").max(40).hint("admin-hint-company-size"),
            Field::long_text("description", "admin-field-description").translatable().max(5000),
        ]
    }

    fn new_values(&self, tr: &Tr) -> FormValues {
        let mut values = FormValues::default();
        values.set("original_locale", tr.locale.as_str());
        values
    }

    /// A company as its form shows it (two queries).
    fn load(&self, conn: &mut DbConn, id: i64) -> Result<Option<Stored>, AppError> {
        type Found = (Company, Option<chrono::NaiveDateTime>, Option<String>, Option<String>, bool);
        let found: Option<Found> = companies::table
            .filter(companies::id.eq(id))
            .select((
                Company::as_select(),
                companies::text_updated_at,
                companies::contact_email,
                companies::logo_key,
                companies::logo_versions,
            ))
            .first(conn)
            .optional()?;
        let Some((company, text_updated_at, contact_email, logo, logo_versions)) = found else {
            return Ok(None);
        };
        let translations: Vec<(String, String, chrono::NaiveDateTime)> =
            company_translations::table
                .filter(company_translations::company_id.eq(id))
                .select((
                    company_translations::locale,
                    company_translations::description,
                    company_translations::source_updated_at,
                ))
                .load(conn)?;
        let original = company.original_locale();
        let mut previews = BTreeMap::new();
        if let Some(key) = logo.as_deref().filter(|_| logo_versions) {
            previews.insert("logo", crate::uploads::logo::url(key, true, "medium"));
        }
        let mut values = FormValues::default();
        for (key, value) in [
            ("name", company.name.clone()),
            ("original_locale", company.original_locale.clone()),
            ("slug", company.slug.clone()),
            ("website", company.website.clone().unwrap_or_default()),
            ("contact_email", contact_email.clone().unwrap_or_default()),
            ("logo", logo.unwrap_or_default()),
            ("city", company.city.clone().unwrap_or_default()),
            ("country_code", company.country_code.clone().unwrap_or_default()),
            ("size", company.size.clone().unwrap_or_default()),
            ("description", company.description.clone()),
        ] {
            values.set(key, value);
        }
        for (locale, description, _) in &translations {
            if let Some(locale) = Locale::parse(locale).filter(|l| *l != original) {
                values.translations.insert(
                    locale,
                    BTreeMap::from([("description".to_owned(), description.clone())]),
                );
            }
        }
        Ok(Some(Stored {
            label: company.name,
            values,
            original,
            text_updated_at: text_updated_at.unwrap_or(company.created_at),
            translated_from: translated_from(
                translations.iter().map(|(locale, _, at)| (locale.as_str(), *at)),
            ),
            previews,
        }))
    }

    fn save(
        &self,
        conn: &mut DbConn,
        old: Option<(i64, &Stored)>,
        values: &FormValues,
    ) -> Result<Result<i64, Vec<FieldError>>, AppError> {
        let mut errors = Vec::new();
        let own_id = old.map_or(0, |(id, _)| id);
        let name = values.get("name");
        let namesake: i64 = companies::table
            .filter(super::lower(companies::name).eq(name.to_lowercase()))
            .filter(companies::id.ne(own_id))
            .count()
            .get_result(conn)?;
        if namesake > 0 {
            errors.push(FieldError::new("name", "admin-error-taken"));
        }
        let slug = slug_for(
            conn,
            values.get("slug"),
            name,
            "company",
            old.map(|(_, s)| s.values.get("slug")),
            |conn, candidate| {
                companies::table
                    .filter(companies::slug.eq(candidate))
                    .filter(companies::id.ne(own_id))
                    .count()
                    .get_result::<i64>(conn)
                    .map(|n| n > 0)
            },
            &mut errors,
        )?;
        let (Some(slug), true) = (slug, errors.is_empty()) else {
            return Ok(Err(errors));
        };
        let opt = |key: &str| Some(values.get(key).to_owned()).filter(|v| !v.is_empty());
        let now = crate::db::now();
        let original = match old {
            Some((_, stored)) => stored.original,
            None => Locale::parse(values.get("original_locale")).unwrap_or_default(),
        };
        let new = NewCompany {
            slug,
            name: name.to_owned(),
            website: opt("website"),
            city: opt("city"),
            country_code: opt("country_code"),
            size: opt("size"),
            original_locale: original.as_str().to_owned(),
            description: values.get("description").to_owned(),
            created_at: now,
            updated_at: now,
            text_updated_at: Some(now),
            contact_email: opt("contact_email"),
        };
        let translations: Vec<(Locale, String)> = values
            .translations
            .iter()
            .map(|(locale, t)| (*locale, t.get("description").cloned().unwrap_or_default()))
            .collect();
        let id = match old {
            None => Company::create(conn, &new, &translations)?,
            Some((id, stored)) => {
                let writes = fields::translation_writes(&stored.values, values);
                Company::update(
                    conn,
                    id,
                    &new,
                    &translations,
                    &CompanyUpdate {
                        text_changed: stored.values.get("description") != values.get("description"),
                        text_updated_at: stored.text_updated_at,
                        translations: &writes,
                        now,
                    },
                )?;
                id
            }
        };
        let logo = opt("logo");
        if logo.as_deref().unwrap_or("") != old.map_or("", |(_, s)| s.values.get("logo")) {
            diesel::update(companies::table.filter(companies::id.eq(id)))
                .set((companies::logo_key.eq(&logo), companies::logo_versions.eq(false)))
                .execute(conn)?;
            // The versions are made after the commit, by a task enqueued in this transaction.
            if let Some(key) = logo {
                crate::tasks::Task::enqueue(
                    &crate::tasks::logo_versions::LogoVersions { company_id: id, key },
                    conn,
                )?;
            }
        }
        Ok(Ok(id))
    }

    /// Deletes a company that has no postings (the database refuses otherwise).
    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        let postings: i64 = jobs::table.filter(jobs::company_id.eq(id)).count().get_result(conn)?;
        if postings > 0 {
            return Ok(Deleted::Refused("admin-delete-refused-postings"));
        }
        Ok(Deleted::from_rows(
            diesel::delete(companies::table.filter(companies::id.eq(id))).execute(conn)?,
        ))
    }
}
