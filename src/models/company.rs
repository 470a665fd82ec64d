//! Companies (employers) and their translated descriptions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Localized;
use crate::db::schema::{companies, company_translations};
use crate::db::{DbConn, dialect};
use crate::i18n::Locale;
use crate::models::translation::{TextUpdate, TranslationWrite};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = companies)]
pub struct Company {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub website: Option<String>,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub size: Option<String>,
    pub original_locale: String,
    pub description: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The stored logo (see `uploads::logo`), and whether its versions are made yet.
    pub logo_key: Option<String>,
    pub logo_versions: bool,
    /// The place of its city, when the board knows it.
    pub place_id: Option<i64>,
    pub street_address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Signed up from the public site and not yet approved: none of its postings goes live.
    pub awaiting_approval: bool,
    /// Trusted: its recruiters' postings go live without review.
    pub auto_publish: bool,
}

/// How the board's staff stand with a company's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Approves the company, which signed up: its postings may go live after review.
    Approved,
    /// Trusts it: its recruiters' postings go live without review.
    Trusted,
    /// Reviews its recruiters' postings again.
    Reviewed,
}

/// Sets company `id`'s standing, audited. Returns whether it changed.
pub fn set_standing(
    conn: &mut DbConn,
    id: i64,
    standing: Standing,
    actor: &crate::models::audit::Actor,
) -> QueryResult<bool> {
    use crate::models::audit::{self, Change};
    crate::db::write_transaction(conn, |conn| {
        let Some((name, awaiting, trusted)) = companies::table
            .find(id)
            .select((companies::name, companies::awaiting_approval, companies::auto_publish))
            .first::<(String, bool, bool)>(conn)
            .optional()?
        else {
            return Ok(false);
        };
        let (new_awaiting, new_trusted) = match standing {
            Standing::Approved => (false, trusted),
            // Trust comes after approval.
            Standing::Trusted if awaiting => return Ok(false),
            Standing::Trusted => (false, true),
            Standing::Reviewed => (awaiting, false),
        };
        if (new_awaiting, new_trusted) == (awaiting, trusted) {
            return Ok(false);
        }
        diesel::update(companies::table.find(id))
            .set((
                companies::awaiting_approval.eq(new_awaiting),
                companies::auto_publish.eq(new_trusted),
                companies::updated_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
        let yes_no = |b: bool| if b { "true" } else { "false" };
        let mut changes = Vec::new();
        if new_awaiting != awaiting {
            changes.push(Change::new(
                "awaiting_approval",
                Some(yes_no(awaiting)),
                Some(yes_no(new_awaiting)),
            ));
        }
        if new_trusted != trusted {
            changes.push(Change::new(
                "auto_publish",
                Some(yes_no(trusted)),
                Some(yes_no(new_trusted)),
            ));
        }
        audit::record(conn, actor, "update", "companies", id, &name, &changes)?;
        Ok(true)
    })
}

/// A company's own columns, as created and as its form edits them.
#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = companies)]
pub struct NewCompany {
    pub slug: String,
    pub name: String,
    pub website: Option<String>,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub size: Option<String>,
    pub original_locale: String,
    pub description: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub text_updated_at: Option<NaiveDateTime>,
    /// Where new applications are announced.
    pub contact_email: Option<String>,
    /// A street address and its point, set on the back office's map picker.
    pub street_address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl NewCompany {
    /// A company known only by its name and slug, written in `locale`; every other column empty.
    pub fn bare(slug: String, name: &str, locale: Locale, now: NaiveDateTime) -> NewCompany {
        NewCompany {
            slug,
            name: name.to_owned(),
            website: None,
            city: None,
            country_code: None,
            size: None,
            original_locale: locale.as_str().to_owned(),
            description: String::new(),
            created_at: now,
            updated_at: now,
            text_updated_at: Some(now),
            contact_email: None,
            street_address: None,
            latitude: None,
            longitude: None,
        }
    }

    /// A company known only by its name (in `locale`), under a slug no other company has.
    pub fn named(
        conn: &mut DbConn,
        name: &str,
        locale: Locale,
        now: NaiveDateTime,
    ) -> QueryResult<NewCompany> {
        let base = crate::models::slugify(name);
        let base = if base.is_empty() { "company".to_owned() } else { base };
        let mut slug = base.clone();
        let mut n = 2;
        while Company::find_by_slug(conn, &slug)?.is_some() {
            slug = format!("{base}-{n}");
            n += 1;
        }
        Ok(NewCompany::bare(slug, name, locale, now))
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = company_translations)]
struct NewCompanyTranslation<'a> {
    company_id: i64,
    locale: &'a str,
    description: &'a str,
    source_updated_at: NaiveDateTime,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl Company {
    pub fn original_locale(&self) -> Locale {
        Locale::parse(&self.original_locale).unwrap_or_default()
    }

    /// The address of the logo's `version` (`thumb` or `medium`), if the company has a logo.
    pub fn logo_url(&self, version: &str) -> Option<String> {
        self.logo_key
            .as_deref()
            .map(|key| crate::uploads::logo::url(key, self.logo_versions, version))
    }

    pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Company>> {
        companies::table
            .filter(companies::slug.eq(slug))
            .select(Company::as_select())
            .first(conn)
            .optional()
    }

    /// The company and its description in `locale`, falling back to the original (one query).
    pub fn find_localized(
        conn: &mut DbConn,
        slug: &str,
        locale: Locale,
    ) -> QueryResult<Option<(Company, Localized<String>)>> {
        let row: Option<(Company, Option<String>)> = companies::table
            .left_join(
                company_translations::table.on(company_translations::company_id
                    .eq(companies::id)
                    .and(company_translations::locale.eq(locale.as_str()))),
            )
            .filter(companies::slug.eq(slug))
            // Not public before the staff approve it (a company that signed up).
            .filter(companies::awaiting_approval.eq(false))
            .select((Company::as_select(), company_translations::description.nullable()))
            .first(conn)
            .optional()?;
        Ok(row.map(|(company, translated)| {
            let description = company.localize(locale, translated);
            (company, description)
        }))
    }

    /// The description in `locale` given that locale's translation, if any.
    pub fn localize(&self, locale: Locale, translated: Option<String>) -> Localized<String> {
        let original = self.original_locale();
        match translated {
            Some(text) if locale != original && !text.trim().is_empty() => {
                Localized { value: text, lang: locale, is_fallback: false }
            }
            _ => Localized {
                value: self.description.clone(),
                lang: original,
                is_fallback: locale != original,
            },
        }
    }

    /// Inserts a company with its translations in one transaction; returns its id.
    pub fn create(
        conn: &mut DbConn,
        new: &NewCompany,
        translations: &[(Locale, String)],
    ) -> QueryResult<i64> {
        crate::db::write_transaction(conn, |conn| {
            diesel::insert_into(companies::table).values(new).execute(conn)?;
            let id = dialect::last_insert_id(conn, "companies")?;
            crate::models::place::Place::link_company(conn, id)?;
            for (locale, description) in translations {
                diesel::insert_into(company_translations::table)
                    .values(NewCompanyTranslation {
                        company_id: id,
                        locale: locale.as_str(),
                        description,
                        source_updated_at: new.updated_at,
                        created_at: new.created_at,
                        updated_at: new.updated_at,
                    })
                    .execute(conn)?;
            }
            Ok(id)
        })
    }

    /// Writes `new` over company `id` (all but its creation time and original language) and
    /// applies the translation writes, texts from `translations`; in the caller's
    /// transaction. Its postings' full-text rows carry its name, so they are rebuilt when
    /// the name changes.
    pub fn update(
        conn: &mut DbConn,
        id: i64,
        new: &NewCompany,
        translations: &[(Locale, String)],
        change: &TextUpdate<'_>,
    ) -> QueryResult<()> {
        use crate::db::schema::jobs;
        let old_name: String =
            companies::table.filter(companies::id.eq(id)).select(companies::name).first(conn)?;
        let text_updated_at = if change.text_changed { change.now } else { change.text_updated_at };
        diesel::update(companies::table.filter(companies::id.eq(id)))
            .set((
                companies::slug.eq(&new.slug),
                companies::name.eq(&new.name),
                companies::website.eq(&new.website),
                companies::city.eq(&new.city),
                companies::country_code.eq(&new.country_code),
                companies::size.eq(&new.size),
                companies::description.eq(&new.description),
                companies::contact_email.eq(&new.contact_email),
                companies::street_address.eq(&new.street_address),
                companies::latitude.eq(new.latitude),
                companies::longitude.eq(new.longitude),
                companies::updated_at.eq(change.now),
                companies::text_updated_at.eq(Some(text_updated_at)),
            ))
            .execute(conn)?;
        crate::models::place::Place::link_company(conn, id)?;
        for (locale, write) in change.translations {
            let row = company_translations::table
                .filter(company_translations::company_id.eq(id))
                .filter(company_translations::locale.eq(locale.as_str()));
            let text = translations.iter().find(|(l, _)| l == locale).map(|(_, t)| t.as_str());
            match (write, text) {
                (TranslationWrite::Insert, Some(description)) => {
                    diesel::insert_into(company_translations::table)
                        .values(NewCompanyTranslation {
                            company_id: id,
                            locale: locale.as_str(),
                            description,
                            source_updated_at: text_updated_at,
                            created_at: change.now,
                            updated_at: change.now,
                        })
                        .execute(conn)?;
                }
                (TranslationWrite::Update, Some(description)) => {
                    diesel::update(row)
                        .set((
                            company_translations::description.eq(description),
                            company_translations::source_updated_at.eq(text_updated_at),
                            company_translations::updated_at.eq(change.now),
                        ))
                        .execute(conn)?;
                }
                (TranslationWrite::Confirm, _) => {
                    diesel::update(row)
                        .set(company_translations::source_updated_at.eq(text_updated_at))
                        .execute(conn)?;
                }
                (TranslationWrite::Delete, _) => {
                    diesel::delete(row).execute(conn)?;
                }
                (TranslationWrite::Insert | TranslationWrite::Update, None) => {}
            }
        }
        if old_name != new.name {
            let postings: Vec<i64> =
                jobs::table.filter(jobs::company_id.eq(id)).select(jobs::id).load(conn)?;
            crate::models::job::reindex(conn, &postings)?;
        }
        Ok(())
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        companies::table.count().get_result(conn)
    }
}
