//! Companies in the back office.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::super::fields::TranslationState;
use super::prelude::*;
use crate::db::schema::{companies, jobs};
use crate::models::JobStatus;
use crate::models::company::Company;

pub struct Companies;

/// A company as its list row and export show it: without its description.
#[derive(Queryable, Selectable)]
#[diesel(table_name = companies)]
pub struct CompanyRow {
    id: i64,
    name: String,
    slug: String,
    logo_key: Option<String>,
    logo_versions: bool,
    city: Option<String>,
    country_code: Option<String>,
    website: Option<String>,
    size: Option<String>,
    original_locale: String,
    text_updated_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

/// How each company of the page stands in each language.
type Translations = HashMap<i64, Vec<(Locale, TranslationState)>>;

impl Declaration for Companies {
    type Table = companies::table;
    type Row = CompanyRow;
    type Context = Translations;
    const NAME: &'static str = "companies";
    const AREA: Area = Area::Companies;
    const TITLE: &'static str = "admin-nav-companies";
    const TABLE: &'static str = "companies";

    fn key() -> Key<companies::table> {
        Key::of(companies::id)
    }
    fn id(row: &CompanyRow) -> i64 {
        row.id
    }
    fn columns(&self, c: &mut Columns<Self>) {
        c.link("name", "admin-field-name", |c| c.name.clone()).sorted_by(companies::name);
        // Beside the name, the thumbnail is decorative: no text alternative.
        c.cell("logo", "admin-field-logo", |c| {
            Cell::Image(c.logo_key.as_ref().map(|key| {
                (crate::uploads::logo::url(key, c.logo_versions, "thumb"), String::new())
            }))
        });
        c.text("city", "admin-field-city", |c| c.city.clone().unwrap_or_default())
            .sorted_by(companies::city);
        c.with("country_code", "admin-field-country", |c, _, tr| {
            Cell::Text(c.country_code.as_ref().map(|c| tr.country(c)).unwrap_or_default())
        })
        .sorted_by(companies::country_code);
        c.text("website", "admin-field-website", |c| c.website.clone().unwrap_or_default());
        c.date("created_at", "admin-field-created-at", |c| Some(c.created_at))
            .sorted_by(companies::created_at);
        c.with("translations", "admin-field-translations", |c, t, _| {
            Cell::Translations(t.get(&c.id).cloned().unwrap_or_default())
        });
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<companies::table>> {
        vec![
            Filter::text("name", "admin-field-name", companies::name),
            Filter::text("city", "admin-field-city", companies::city.assume_not_null()),
            Filter::text(
                "country_code",
                "admin-field-country",
                companies::country_code.assume_not_null(),
            ),
            Filter::boolean("has_website", "admin-field-has-website", |yes| {
                if yes {
                    Box::new(companies::website.is_not_null())
                } else {
                    Box::new(companies::website.is_null())
                }
            }),
            Filter::date_range("created_at", "admin-field-created-at", companies::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<companies::table>> {
        vec![
            Scope::all(),
            Scope::new(
                "hiring",
                "admin-scope-hiring",
                // Per company, one probe of the (company, status) index.
                diesel::dsl::exists(
                    jobs::table
                        .filter(jobs::company_id.eq(companies::id))
                        .filter(jobs::status.eq(JobStatus::Published)),
                ),
            ),
        ]
    }
    fn default_sort(&self) -> (&'static str, Dir) {
        ("name", Dir::Asc)
    }
    fn context(&self, conn: &mut DbConn, rows: &[CompanyRow]) -> QueryResult<Translations> {
        super::translations!(conn, rows, company_translations, company_id)
    }
    fn exports(&self, e: &mut Exports<Self>) {
        e.field("id", "admin-field-id", |c| c.id);
        e.field("name", "admin-field-name", |c| c.name.clone());
        e.field("slug", "admin-field-slug", |c| c.slug.clone());
        e.field("city", "admin-field-city", |c| c.city.clone());
        e.field("country", "admin-field-country", |c| c.country_code.clone());
        e.field("website", "admin-field-website", |c| c.website.clone());
        e.field("size", "admin-field-size", |c| c.size.clone());
        e.field("created_at", "admin-field-created-at", |c| c.created_at);
    }
    fn named_by(&self) -> Option<&'static str> {
        Some("name")
    }
}

impl Resource for Companies {
    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::company_form::CompanyForm)
    }
}

impl Shows for Companies {
    type Detail = Company;

    fn record(&self, conn: &mut DbConn, company: Company, tr: &Tr) -> Result<Record, AppError> {
        // Related records: the company's postings, newest first.
        let postings = jobs::table
            .filter(jobs::company_id.eq(company.id))
            .order((jobs::updated_at.desc(), jobs::id.desc()))
            .limit(50)
            .select((jobs::id, jobs::title, jobs::status))
            .load(conn)?;
        let public_url = Some(format!("/{}/companies/{}", company.original_locale, company.slug));
        Ok(Record::new(
            company.name.clone(),
            vec![
                Panel::new("admin-panel-company")
                    .row(
                        "admin-field-logo",
                        Cell::Image(
                            company
                                .logo_url("medium")
                                .map(|url| (url, tr.t1("admin-logo-of", "name", &company.name))),
                        ),
                    )
                    .text("admin-field-name", company.name)
                    .text("admin-field-slug", company.slug)
                    .text("admin-field-website", company.website.unwrap_or_default())
                    .text("admin-field-city", company.city.unwrap_or_default())
                    .text(
                        "admin-field-country",
                        company.country_code.map(|c| tr.country(&c)).unwrap_or_default(),
                    )
                    .text("admin-field-size", company.size.unwrap_or_default())
                    .text("admin-field-description", company.description)
                    .date("admin-field-created-at", company.created_at)
                    .date("admin-field-updated-at", company.updated_at),
                Panel { title: "admin-panel-postings", rows: super::posting_links(postings, tr) },
            ],
        )
        .public_url(public_url))
    }
}
