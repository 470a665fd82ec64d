//! Companies in the back office.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, Panel,
    Record, Resource, Row, ScopeDef,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::{companies, company_translations, jobs};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::JobStatus;

pub struct Companies;

type Boxed<'a> = diesel::dsl::IntoBoxed<'a, companies::table, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = companies::table.into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("name", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(companies::name, *op, v))
            }
            ("city", FilterValue::Text(op, v)) => q.filter(crate::text_filter!(
                companies::city.assume_not_null(),
                *op,
                v
            )),
            ("country_code", FilterValue::Text(op, v)) => q.filter(crate::text_filter!(
                companies::country_code.assume_not_null(),
                *op,
                v
            )),
            ("has_website", FilterValue::Boolean(true)) => {
                q.filter(companies::website.is_not_null())
            }
            ("has_website", FilterValue::Boolean(false)) => q.filter(companies::website.is_null()),
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, companies::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

fn hiring<'a>(q: Boxed<'a>) -> Boxed<'a> {
    q.filter(
        companies::id.eq_any(
            jobs::table
                .filter(jobs::status.eq(JobStatus::Published.as_str()))
                .select(jobs::company_id),
        ),
    )
}

impl Listing for Companies {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("name", "admin-field-name"),
            Column::plain("logo", "admin-field-logo"),
            Column::sortable("city", "admin-field-city"),
            Column::sortable("country_code", "admin-field-country"),
            Column::plain("website", "admin-field-website"),
            Column::sortable("created_at", "admin-field-created-at"),
            Column::plain("translations", "admin-field-translations"),
        ]
    }

    fn filters(&self, _tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("name", "admin-field-name", FilterKind::Text),
            FilterDef::new("city", "admin-field-city", FilterKind::Text),
            FilterDef::new("country_code", "admin-field-country", FilterKind::Text),
            FilterDef::new(
                "has_website",
                "admin-field-has-website",
                FilterKind::Boolean,
            ),
            FilterDef::new(
                "created_at",
                "admin-field-created-at",
                FilterKind::DateRange,
            ),
        ]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        vec![
            ScopeDef::new("all", "admin-scope-all"),
            ScopeDef::new("hiring", "admin-scope-hiring"),
        ]
    }

    fn lookup(&self, conn: &mut DbConn, q: &str) -> Result<Vec<(i64, String)>, AppError> {
        super::company_form::lookup(conn, q)
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("name", Dir::Asc)
    }

    fn export_columns(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("id", "admin-field-id"),
            ("name", "admin-field-name"),
            ("slug", "admin-field-slug"),
            ("city", "admin-field-city"),
            ("country", "admin-field-country"),
            ("website", "admin-field-website"),
            ("size", "admin-field-size"),
            ("created_at", "admin-field-created-at"),
        ]
    }

    fn export_rows(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        after: i64,
        limit: i64,
        _tr: &Tr,
    ) -> Result<Vec<(i64, Vec<crate::admin::export::Value>)>, AppError> {
        use crate::admin::export::Value;
        let mut q = filtered(query).filter(companies::id.gt(after));
        if query.scope == "hiring" {
            q = hiring(q);
        }
        type Exported = (
            i64,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            chrono::NaiveDateTime,
        );
        let rows: Vec<Exported> = q
            .order(companies::id.asc())
            .limit(limit)
            .select((
                companies::id,
                companies::name,
                companies::slug,
                companies::city,
                companies::country_code,
                companies::website,
                companies::size,
                companies::created_at,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, name, slug, city, country, website, size, created)| {
                (
                    id,
                    vec![
                        Value::Int(id),
                        Value::Text(name),
                        Value::Text(slug),
                        Value::opt_text(city),
                        Value::opt_text(country),
                        Value::opt_text(website),
                        Value::opt_text(size),
                        Value::Date(created),
                    ],
                )
            })
            .collect())
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let all: i64 = filtered(query).count().get_result(conn)?;
        let hiring_count: i64 = hiring(filtered(query)).count().get_result(conn)?;
        let mut q = filtered(query);
        if query.scope == "hiring" {
            q = hiring(q);
        }
        q = match (query.sort, query.dir) {
            ("name", Dir::Desc) => q.order((companies::name.desc(), companies::id.desc())),
            ("city", Dir::Asc) => q.order((companies::city.asc(), companies::id.asc())),
            ("city", Dir::Desc) => q.order((companies::city.desc(), companies::id.desc())),
            ("country_code", Dir::Asc) => {
                q.order((companies::country_code.asc(), companies::id.asc()))
            }
            ("country_code", Dir::Desc) => {
                q.order((companies::country_code.desc(), companies::id.desc()))
            }
            ("created_at", Dir::Asc) => q.order((companies::created_at.asc(), companies::id.asc())),
            ("created_at", Dir::Desc) => {
                q.order((companies::created_at.desc(), companies::id.desc()))
            }
            _ => q.order((companies::name.asc(), companies::id.asc())),
        };
        type Listed = (
            i64,
            String,
            (Option<String>, bool),
            Option<String>,
            Option<String>,
            Option<String>,
            chrono::NaiveDateTime,
            (String, Option<chrono::NaiveDateTime>),
        );
        let rows: Vec<Listed> = q
            .select((
                companies::id,
                companies::name,
                (companies::logo_key, companies::logo_versions),
                companies::city,
                companies::country_code,
                companies::website,
                companies::created_at,
                (companies::original_locale, companies::text_updated_at),
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        // The page's translations in one query.
        let records: Vec<_> = rows
            .iter()
            .map(|r| (r.0, r.7.0.clone(), r.7.1, r.6))
            .collect();
        let stored: Vec<(i64, String, chrono::NaiveDateTime)> = company_translations::table
            .filter(company_translations::company_id.eq_any(records.iter().map(|r| r.0)))
            .select((
                company_translations::company_id,
                company_translations::locale,
                company_translations::source_updated_at,
            ))
            .load(conn)?;
        let mut translations = super::translation_states(&records, &stored);
        let rows = rows
            .into_iter()
            .map(
                |(id, name, (logo, versions), city, country, website, created, _)| Row {
                    id,
                    cells: vec![
                        Cell::Link(name, format!("/admin/companies/{id}")),
                        // Beside the name, the thumbnail is decorative: no text alternative.
                        Cell::Image(logo.map(|key| {
                            (
                                crate::uploads::logo::url(&key, versions, "thumb"),
                                String::new(),
                            )
                        })),
                        Cell::Text(city.unwrap_or_default()),
                        Cell::Text(country.map(|c| tr.country(&c)).unwrap_or_default()),
                        Cell::Text(website.unwrap_or_default()),
                        Cell::Date(Some(created)),
                        Cell::Translations(translations.remove(&id).unwrap_or_default()),
                    ],
                },
            )
            .collect();
        Ok(ListResult {
            rows,
            scope_counts: vec![all, hiring_count],
        })
    }
}

impl Resource for Companies {
    fn name(&self) -> &'static str {
        "companies"
    }

    fn area(&self) -> Area {
        Area::Companies
    }

    fn title(&self) -> &'static str {
        "admin-nav-companies"
    }

    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::company_form::CompanyForm)
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        use crate::models::company::Company;
        let Some(company) = companies::table
            .find(id)
            .select(Company::as_select())
            .first(conn)
            .optional()?
        else {
            return Ok(None);
        };
        // Related records: the company's postings, newest first.
        let postings: Vec<(i64, String, String)> = jobs::table
            .filter(jobs::company_id.eq(id))
            .order((jobs::updated_at.desc(), jobs::id.desc()))
            .limit(50)
            .select((jobs::id, jobs::title, jobs::status))
            .load(conn)?;
        let related = postings
            .into_iter()
            .map(|(job_id, title, status)| {
                let status = JobStatus::parse(&status).unwrap_or(JobStatus::Draft);
                (
                    "admin-field-posting",
                    Cell::Link(
                        format!("{title} · {}", tr.t(&status.label_id())),
                        format!("/admin/jobs/{job_id}"),
                    ),
                )
            })
            .collect();
        Ok(Some(Record {
            label: company.name.clone(),
            public_url: Some(format!(
                "/{}/companies/{}",
                company.original_locale, company.slug
            )),
            status: None,
            panels: vec![
                Panel {
                    title: "admin-panel-company",
                    rows: vec![
                        (
                            "admin-field-logo",
                            Cell::Image(
                                company.logo_url("medium").map(|url| {
                                    (url, tr.t1("admin-logo-of", "name", &company.name))
                                }),
                            ),
                        ),
                        ("admin-field-name", Cell::Text(company.name)),
                        ("admin-field-slug", Cell::Text(company.slug)),
                        (
                            "admin-field-website",
                            Cell::Text(company.website.unwrap_or_default()),
                        ),
                        (
                            "admin-field-city",
                            Cell::Text(company.city.unwrap_or_default()),
                        ),
                        (
                            "admin-field-country",
                            Cell::Text(
                                company
                                    .country_code
                                    .map(|c| tr.country(&c))
                                    .unwrap_or_default(),
                            ),
                        ),
                        (
                            "admin-field-size",
                            Cell::Text(company.size.unwrap_or_default()),
                        ),
                        ("admin-field-description", Cell::Text(company.description)),
                        (
                            "admin-field-created-at",
                            Cell::Date(Some(company.created_at)),
                        ),
                        (
                            "admin-field-updated-at",
                            Cell::Date(Some(company.updated_at)),
                        ),
                    ],
                },
                Panel {
                    title: "admin-panel-postings",
                    rows: related,
                },
            ],
        }))
    }
}
