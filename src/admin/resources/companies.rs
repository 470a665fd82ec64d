//! Companies in the back office.

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::{companies, jobs};
use crate::models::JobStatus;
use crate::models::company::Company;

pub struct Companies;

/// A company as its list row and export show it: without its description.
#[derive(Queryable, Selectable, Identifiable)]
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

impl Declaration for Companies {
    type Table = companies::table;
    type Row = CompanyRow;
    type Context = Translations;
    const NAME: &'static str = "companies";
    const AREA: Area = Area::Companies;
    const TITLE: &'static str = "admin-nav-companies";
    const TABLE: &'static str = "companies";
    const DEFAULT_SORT: (&'static str, Dir) = ("name", Dir::Asc);
    const NAMED_BY: Option<&'static str> = Some("name");

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
        c.country("country_code", "admin-field-country", |c| c.country_code.as_deref())
            .sorted_by(companies::country_code);
        c.text("website", "admin-field-website", |c| c.website.clone().unwrap_or_default());
        c.date("created_at", "admin-field-created-at", |c| Some(c.created_at))
            .sorted_by(companies::created_at);
        c.translations();
    }
    fn filters(&self, _tr: &Tr) -> Vec<Filter<companies::table>> {
        let country = companies::country_code.assume_not_null();
        vec![
            Filter::text("name", "admin-field-name", companies::name),
            Filter::text("city", "admin-field-city", companies::city.assume_not_null()),
            Filter::text("country_code", "admin-field-country", country),
            Filter::present("has_website", "admin-field-has-website", companies::website),
            Filter::date_range("created_at", "admin-field-created-at", companies::created_at),
        ]
    }
    /// A recruiter's: their companies' (`company_scope`).
    fn scope_for(
        &self,
        viewer: &crate::admin::resource::Viewer,
    ) -> Option<crate::admin::engine::Pred<companies::table>> {
        super::company_scope::companies(viewer)
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
            // Signed up and waiting for the staff: the ones to look at.
            Scope::new("awaiting", "admin-company-awaiting", companies::awaiting_approval.eq(true)),
        ]
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
}

impl Resource for Companies {
    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::company_form::CompanyForm)
    }

    /// How the staff stand with the company's postings: approving a company that signed up,
    /// trusting one so that its postings skip review, and taking that back.
    fn acts(&self) -> Vec<Act> {
        use crate::models::company::Standing;
        let standing = |standing: Standing, done: &'static str| {
            move |conn: &mut DbConn, id: i64, a: &ActInput| -> Result<Done, AppError> {
                let changed = crate::models::company::set_standing(conn, id, standing, a.actor)?;
                Ok(if changed {
                    Done::notice(a.tr.t(done))
                } else {
                    Done::alert(a.tr.t("admin-unchanged"))
                })
            }
        };
        vec![
            Act::new(
                "approve",
                Action::ChangeStatus,
                standing(Standing::Approved, "admin-company-approved"),
            ),
            Act::new(
                "trust",
                Action::ChangeStatus,
                standing(Standing::Trusted, "admin-company-trusted"),
            ),
            Act::new(
                "review",
                Action::ChangeStatus,
                standing(Standing::Reviewed, "admin-company-reviewed"),
            ),
        ]
    }

    fn member_actions(&self, id: i64, record: &Record) -> Vec<MemberAction> {
        match record.status {
            Some("awaiting") => {
                vec![
                    self.button(id, "approve", "admin-action-approve-company")
                        .emphasis(Emphasis::Primary),
                ]
            }
            Some("trusted") => vec![self.button(id, "review", "admin-action-review-company")],
            _ => vec![self.button(id, "trust", "admin-action-trust-company").confirmed(true)],
        }
    }
}

impl Shows for Companies {
    type Detail = Company;

    fn record(&self, conn: &mut DbConn, company: Company, tr: &Tr) -> Result<Record, AppError> {
        let postings = super::postings_panel(conn, Box::new(jobs::company_id.eq(company.id)), tr)?;
        let public_url = Some(format!("/{}/companies/{}", company.original_locale, company.slug));
        let standing = match (company.awaiting_approval, company.auto_publish) {
            (true, _) => "awaiting",
            (false, true) => "trusted",
            (false, false) => "reviewed",
        };
        let standing_cell = standing_cell(&company, tr);
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
                    .country("admin-field-country", company.country_code.as_deref(), tr)
                    .text("admin-field-size", company.size.unwrap_or_default())
                    .text("admin-field-description", company.description)
                    .date("admin-field-created-at", company.created_at)
                    .date("admin-field-updated-at", company.updated_at)
                    .row("admin-field-company-standing", standing_cell),
                postings,
            ],
        )
        .status(standing)
        .public_url(public_url))
    }
}

/// Whether the company's postings are reviewed, and whether it awaits approval.
fn standing_cell(company: &Company, tr: &Tr) -> Cell {
    match (company.awaiting_approval, company.auto_publish) {
        (true, _) => Cell::Status("pending_review", tr.t("admin-company-awaiting")),
        (false, true) => Cell::Status("published", tr.t("admin-company-trusted-label")),
        (false, false) => Cell::Text(tr.t("admin-company-reviewed-label")),
    }
}
