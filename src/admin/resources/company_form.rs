//! The new and edit forms of companies, declared on the company's draft, and their deletion.

use super::forms::{country_options, locale_options, slug_for, translated_from};
use super::prelude::*;
use crate::db::schema::{companies, company_translations, jobs};
use crate::models::company::{Company, NewCompany};

pub struct CompanyForm;

/// A company as its form edits it.
#[derive(Clone)]
pub struct CompanyDraft {
    company: NewCompany,
    /// The description in other languages.
    translations: Vec<(Locale, String)>,
    /// The stored logo's key.
    logo: Option<String>,
}

impl DraftForm for CompanyForm {
    type Draft = CompanyDraft;
    type Text = String;

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        f.text("name", "admin-field-name", |d| &mut d.company.name).required().max(200);
        f.select("original_locale", "admin-field-language", locale_options(), |d| {
            &mut d.company.original_locale
        })
        .required()
        .create_only()
        .hint("admin-hint-original-locale");
        f.text("slug", "admin-field-slug", |d| &mut d.company.slug)
            .max(120)
            .hint("admin-hint-slug");
        f.of("logo", "admin-field-logo", FieldKind::Image, |d| &mut d.logo).hint("admin-hint-logo");
        f.of("website", "admin-field-website", FieldKind::Url, |d| &mut d.company.website).max(500);
        f.of("contact_email", "admin-field-contact-email", FieldKind::Email, |d| {
            &mut d.company.contact_email
        })
        .max(254)
        .hint("admin-hint-contact-email");
        f.text("city", "admin-field-city", |d| &mut d.company.city).max(100);
        f.select("country_code", "admin-field-country", country_options(tr), |d| {
            &mut d.company.country_code
        });
        f.text("street_address", "admin-field-street-address", |d| &mut d.company.street_address)
            .max(200)
            .hint("admin-hint-street-address");
        f.of("latitude", "admin-field-latitude", FieldKind::Decimal(-90.0, 90.0), |d| {
            &mut d.company.latitude
        })
        .max(20);
        f.of("longitude", "admin-field-longitude", FieldKind::Decimal(-180.0, 180.0), |d| {
            &mut d.company.longitude
        })
        .max(20);
        f.text("size", "admin-field-size", |d| &mut d.company.size)
            .max(40)
            .hint("admin-hint-company-size");
        f.translated_long("description", "admin-field-description", |t| t).max(5000);
    }

    fn new_draft(&self, tr: &Tr) -> CompanyDraft {
        let company = NewCompany::bare(String::new(), "", tr.locale, crate::db::now());
        CompanyDraft { company, translations: Vec::new(), logo: None }
    }

    fn original(draft: &CompanyDraft) -> Locale {
        Locale::parse(&draft.company.original_locale).unwrap_or_default()
    }

    fn texts(draft: &mut CompanyDraft) -> Option<Texts<'_, String>> {
        Some((&mut draft.company.description, &mut draft.translations))
    }

    /// A company with its translations (two queries).
    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<CompanyDraft>>, AppError> {
        let found: Option<(NewCompany, Option<String>, bool)> = companies::table
            .filter(companies::id.eq(id))
            .select((NewCompany::as_select(), companies::logo_key, companies::logo_versions))
            .first(conn)
            .optional()?;
        let Some((company, logo, logo_versions)) = found else { return Ok(None) };
        let translations: Vec<(String, String, chrono::NaiveDateTime)> =
            company_translations::table
                .filter(company_translations::company_id.eq(id))
                .select((
                    company_translations::locale,
                    company_translations::description,
                    company_translations::source_updated_at,
                ))
                .load(conn)?;
        let mut previews = std::collections::BTreeMap::new();
        if let Some(key) = logo.as_deref().filter(|_| logo_versions) {
            previews.insert("logo", crate::uploads::logo::url(key, true, "medium"));
        }
        let translated = translations.iter().filter_map(|(locale, description, _)| {
            Some((Locale::parse(locale)?, description.clone()))
        });
        Ok(Some(Read {
            label: company.name.clone(),
            text_updated_at: company.text_updated_at.unwrap_or(company.created_at),
            translated_from: translated_from(
                translations.iter().map(|(l, _, at)| (l.as_str(), *at)),
            ),
            previews,
            draft: CompanyDraft { translations: translated.collect(), company, logo },
        }))
    }

    /// One company per name (in any case), and a free slug.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut CompanyDraft,
        old: Option<(i64, &CompanyDraft)>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut errors = Vec::new();
        let own_id = old.map_or(0, |(id, _)| id);
        let namesake: i64 = companies::table
            .filter(super::lower(companies::name).eq(draft.company.name.to_lowercase()))
            .filter(companies::id.ne(own_id))
            .count()
            .get_result(conn)?;
        if namesake > 0 {
            errors.push(FieldError::new("name", "admin-error-taken"));
        }
        let slug = slug_for(
            conn,
            &draft.company.slug,
            &draft.company.name,
            "company",
            old.map(|(_, stored)| stored.company.slug.as_str()),
            |conn, candidate| {
                let q = companies::table.filter(companies::slug.eq(candidate));
                q.filter(companies::id.ne(own_id)).count().get_result::<i64>(conn).map(|n| n > 0)
            },
            &mut errors,
        )?;
        draft.company.slug = slug.unwrap_or_default();
        Ok(errors)
    }

    /// Writes the company; a new logo gets its versions made after the commit, by a task
    /// enqueued in this transaction.
    fn write(
        &self,
        conn: &mut DbConn,
        draft: &CompanyDraft,
        over: Option<Over<'_, CompanyDraft>>,
        _editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        let (company, translations) = (&draft.company, &draft.translations);
        let (id, old_logo) = match over {
            None => (Company::create(conn, company, translations)?, None),
            Some(Over { id, old, text }) => {
                Company::update(conn, id, company, translations, &text)?;
                (id, old.logo.as_deref())
            }
        };
        if draft.logo.as_deref() != old_logo {
            diesel::update(companies::table.filter(companies::id.eq(id)))
                .set((companies::logo_key.eq(&draft.logo), companies::logo_versions.eq(false)))
                .execute(conn)?;
            if let Some(key) = draft.logo.clone() {
                let versions = crate::tasks::logo_versions::LogoVersions { company_id: id, key };
                crate::tasks::Task::enqueue(&versions, conn)?;
            }
        }
        Ok(id)
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
