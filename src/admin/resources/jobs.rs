//! Postings in the back office.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, Resource,
    Row, ScopeDef,
};
use super::lower;
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::{companies, job_skills, job_translations, jobs, skills};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::{JobStatus, Workplace};

pub struct Jobs;

type Source = diesel::dsl::InnerJoin<jobs::table, companies::table>;
type Boxed<'a> = diesel::dsl::IntoBoxed<'a, Source, Db>;

/// The filters shared by the rows and the scope counts.
fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = jobs::table.inner_join(companies::table).into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("title", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(jobs::title, *op, v))
            }
            ("city", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(jobs::city.assume_not_null(), *op, v))
            }
            ("company", FilterValue::Association(v)) => q.filter(crate::text_filter!(
                companies::name,
                crate::admin::resource::TextOp::Contains,
                v
            )),
            ("skill", FilterValue::Association(v)) => {
                let lowered = v.to_lowercase();
                let matching = job_skills::table
                    .inner_join(skills::table)
                    .filter(
                        skills::slug
                            .eq(lowered.clone())
                            .or(lower(skills::name).eq(lowered)),
                    )
                    .select(job_skills::job_id);
                q.filter(jobs::id.eq_any(matching))
            }
            ("workplace", FilterValue::Select(v)) => q.filter(jobs::workplace.eq(v.clone())),
            ("has_salary", FilterValue::Boolean(true)) => q.filter(
                jobs::salary_min
                    .is_not_null()
                    .or(jobs::salary_max.is_not_null()),
            ),
            ("has_salary", FilterValue::Boolean(false)) => {
                q.filter(jobs::salary_min.is_null().and(jobs::salary_max.is_null()))
            }
            ("published_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, jobs::published_at, from, to)
            }
            ("salary_min", FilterValue::NumberRange(min, max)) => {
                let mut q = q;
                if let Some(min) = min {
                    q = q.filter(jobs::salary_min.ge(*min));
                }
                if let Some(max) = max {
                    q = q.filter(jobs::salary_min.le(*max));
                }
                q
            }
            _ => q,
        };
    }
    q
}

impl Listing for Jobs {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("title", "admin-field-title"),
            Column::sortable("company", "admin-field-company"),
            Column::sortable("status", "admin-field-status"),
            Column::plain("workplace", "admin-field-workplace"),
            Column::sortable("city", "admin-field-city"),
            Column::sortable("published_at", "admin-field-published-at"),
            Column::sortable("updated_at", "admin-field-updated-at"),
            Column::plain("translations", "admin-field-translations"),
        ]
    }

    fn filters(&self, tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("title", "admin-field-title", FilterKind::Text),
            FilterDef::new("company", "admin-field-company", FilterKind::Association),
            FilterDef::new("skill", "admin-field-skill", FilterKind::Association),
            FilterDef {
                key: "workplace",
                label: "admin-field-workplace",
                kind: FilterKind::Select(
                    Workplace::ALL
                        .iter()
                        .map(|w| (w.as_str(), tr.t(&w.label_id())))
                        .collect(),
                ),
            },
            FilterDef::new("city", "admin-field-city", FilterKind::Text),
            FilterDef::new("has_salary", "admin-field-has-salary", FilterKind::Boolean),
            FilterDef::new(
                "published_at",
                "admin-field-published-at",
                FilterKind::DateRange,
            ),
            FilterDef::new(
                "salary_min",
                "admin-field-salary-min",
                FilterKind::NumberRange,
            ),
        ]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        let mut all = vec![ScopeDef::new("all", "admin-scope-all")];
        all.extend(JobStatus::ALL.iter().map(|s| ScopeDef {
            key: s.as_str(),
            label: match s {
                JobStatus::Draft => "status-draft",
                JobStatus::Published => "status-published",
                JobStatus::Expired => "status-expired",
                JobStatus::Filled => "status-filled",
                JobStatus::Archived => "status-archived",
            },
        }));
        all
    }

    fn default_sort(&self) -> (&'static str, Dir) {
        ("updated_at", Dir::Desc)
    }

    fn export_columns(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("id", "admin-field-id"),
            ("title", "admin-field-title"),
            ("company", "admin-field-company"),
            ("status", "admin-field-status"),
            ("workplace", "admin-field-workplace"),
            ("employment_type", "admin-field-employment-type"),
            ("seniority", "admin-field-seniority"),
            ("city", "admin-field-city"),
            ("country", "admin-field-country"),
            ("salary_min", "admin-field-salary-min"),
            ("salary_max", "admin-field-salary-max"),
            ("salary_currency", "admin-field-salary-currency"),
            ("published_at", "admin-field-published-at"),
            ("valid_through", "admin-field-valid-through"),
            ("updated_at", "admin-field-updated-at"),
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
        let mut q = filtered(query).filter(jobs::id.gt(after));
        if query.scope != "all" {
            q = q.filter(jobs::status.eq(query.scope));
        }
        type Exported = (
            (i64, String, String, String, String, String, String),
            (
                Option<String>,
                Option<String>,
                Option<i64>,
                Option<i64>,
                Option<String>,
            ),
            (
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
                chrono::NaiveDateTime,
            ),
        );
        let rows: Vec<Exported> = q
            .order(jobs::id.asc())
            .limit(limit)
            .select((
                (
                    jobs::id,
                    jobs::title,
                    companies::name,
                    jobs::status,
                    jobs::workplace,
                    jobs::employment_type,
                    jobs::seniority,
                ),
                (
                    jobs::city,
                    jobs::country_code,
                    jobs::salary_min,
                    jobs::salary_max,
                    jobs::salary_currency,
                ),
                (jobs::published_at, jobs::valid_through, jobs::updated_at),
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    (id, title, company, status, workplace, kind, seniority),
                    (city, country, min, max, currency),
                    (published, valid, updated),
                )| {
                    (
                        id,
                        vec![
                            Value::Int(id),
                            Value::Text(title),
                            Value::Text(company),
                            Value::Text(status),
                            Value::Text(workplace),
                            Value::Text(kind),
                            Value::Text(seniority),
                            Value::opt_text(city),
                            Value::opt_text(country),
                            Value::opt_int(min),
                            Value::opt_int(max),
                            Value::opt_text(currency),
                            Value::opt_date(published),
                            Value::opt_date(valid),
                            Value::Date(updated),
                        ],
                    )
                },
            )
            .collect())
    }

    fn data_version(&self, conn: &mut DbConn) -> QueryResult<Option<i64>> {
        // Bumped by triggers on every change to postings and their translations.
        crate::search::database_version(conn).map(Some)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let scope_counts = match counts {
            Some(counts) => counts,
            None => {
                // One statement counts every scope under the current filters. The status values are
                // our own constants, never request input.
                let per_status = |s: JobStatus| super::count_where("jobs.status", s.as_str());
                let (all, draft, published, expired, filled, archived): (
                    i64,
                    i64,
                    i64,
                    i64,
                    i64,
                    i64,
                ) = filtered(query)
                    .select((
                        diesel::dsl::count_star(),
                        per_status(JobStatus::Draft),
                        per_status(JobStatus::Published),
                        per_status(JobStatus::Expired),
                        per_status(JobStatus::Filled),
                        per_status(JobStatus::Archived),
                    ))
                    .first(conn)?;
                // In `scopes()` order: all, then JobStatus::ALL.
                vec![all, draft, published, expired, filled, archived]
            }
        };
        let mut q = filtered(query);
        if query.scope != "all" {
            q = q.filter(jobs::status.eq(query.scope));
        }
        q = match (query.sort, query.dir) {
            ("title", Dir::Asc) => q.order((jobs::title.asc(), jobs::id.asc())),
            ("title", Dir::Desc) => q.order((jobs::title.desc(), jobs::id.desc())),
            ("company", Dir::Asc) => q.order((companies::name.asc(), jobs::id.asc())),
            ("company", Dir::Desc) => q.order((companies::name.desc(), jobs::id.desc())),
            ("status", Dir::Asc) => q.order((jobs::status.asc(), jobs::id.asc())),
            ("status", Dir::Desc) => q.order((jobs::status.desc(), jobs::id.desc())),
            ("city", Dir::Asc) => q.order((jobs::city.asc(), jobs::id.asc())),
            ("city", Dir::Desc) => q.order((jobs::city.desc(), jobs::id.desc())),
            ("published_at", Dir::Asc) => q.order((jobs::published_at.asc(), jobs::id.asc())),
            ("published_at", Dir::Desc) => q.order((jobs::published_at.desc(), jobs::id.desc())),
            ("updated_at", Dir::Asc) => q.order((jobs::updated_at.asc(), jobs::id.asc())),
            _ => q.order((jobs::updated_at.desc(), jobs::id.desc())),
        };
        type Listed = (
            i64,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<chrono::NaiveDateTime>,
            chrono::NaiveDateTime,
            (String, Option<chrono::NaiveDateTime>, chrono::NaiveDateTime),
        );
        let rows: Vec<Listed> = q
            .select((
                jobs::id,
                jobs::title,
                companies::name,
                jobs::status,
                jobs::workplace,
                jobs::city,
                jobs::published_at,
                jobs::updated_at,
                (
                    jobs::original_locale,
                    jobs::text_updated_at,
                    jobs::created_at,
                ),
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        // The page's translations in one query.
        let records: Vec<_> = rows
            .iter()
            .map(|r| (r.0, r.8.0.clone(), r.8.1, r.8.2))
            .collect();
        let stored: Vec<(i64, String, chrono::NaiveDateTime)> = job_translations::table
            .filter(job_translations::job_id.eq_any(records.iter().map(|r| r.0)))
            .select((
                job_translations::job_id,
                job_translations::locale,
                job_translations::source_updated_at,
            ))
            .load(conn)?;
        let mut translations = super::translation_states(&records, &stored);
        let rows = rows
            .into_iter()
            .map(
                |(id, title, company, status, workplace, city, published, updated, _)| {
                    let status_label = JobStatus::parse(&status)
                        .map(|s| tr.t(&s.label_id()))
                        .unwrap_or_else(|| status.clone());
                    Row {
                        id,
                        cells: vec![
                            Cell::Link(title, format!("/admin/jobs/{id}")),
                            Cell::Text(company),
                            Cell::Status(
                                JobStatus::parse(&status).map_or("draft", |s| s.as_str()),
                                status_label,
                            ),
                            Cell::Text(
                                Workplace::parse(&workplace)
                                    .map(|w| tr.t(&w.label_id()))
                                    .unwrap_or(workplace),
                            ),
                            Cell::Text(city.unwrap_or_default()),
                            Cell::Date(published),
                            Cell::Date(Some(updated)),
                            Cell::Translations(translations.remove(&id).unwrap_or_default()),
                        ],
                    }
                },
            )
            .collect();
        Ok(ListResult { rows, scope_counts })
    }
}

impl Resource for Jobs {
    fn name(&self) -> &'static str {
        "jobs"
    }

    fn area(&self) -> Area {
        Area::Jobs
    }

    fn title(&self) -> &'static str {
        "admin-nav-jobs"
    }

    fn show(
        &self,
        conn: &mut DbConn,
        id: i64,
        tr: &Tr,
    ) -> Result<Option<super::super::resource::Record>, AppError> {
        show(conn, id, tr)
    }

    fn batch_actions(&self) -> Vec<super::super::resource::BatchAction> {
        use super::super::resource::BatchAction;
        use crate::auth::policy::Action;
        vec![
            BatchAction {
                key: "publish",
                label: "admin-action-publish",
                needs: Action::ChangeStatus,
                input: None,
            },
            BatchAction {
                key: "archive",
                label: "admin-action-archive",
                needs: Action::ChangeStatus,
                input: None,
            },
            BatchAction {
                key: "delete",
                label: "admin-action-delete",
                needs: Action::Delete,
                input: None,
            },
        ]
    }

    fn run_batch(
        &self,
        conn: &mut DbConn,
        key: &str,
        ids: &[i64],
        _input: &str,
        actor: &crate::models::audit::Actor,
    ) -> Result<super::super::resource::BatchOutcome, AppError> {
        run_batch(conn, key, ids, actor)
    }

    fn member_actions(
        &self,
        id: i64,
        record: &super::super::resource::Record,
    ) -> Vec<super::super::resource::MemberAction> {
        let from = record
            .status
            .and_then(JobStatus::parse)
            .unwrap_or(JobStatus::Draft);
        [
            (JobStatus::Published, "admin-action-publish", false),
            (JobStatus::Draft, "admin-action-unpublish", false),
            (JobStatus::Filled, "admin-action-fill", true),
            (JobStatus::Archived, "admin-action-archive", true),
        ]
        .into_iter()
        .filter(|(to, _, _)| from.can_move_to(*to))
        .map(
            |(to, label, confirm)| super::super::resource::MemberAction {
                label,
                url: format!("/admin/jobs/{id}/status"),
                fields: vec![("to", to.as_str().to_owned())],
                needs: crate::auth::policy::Action::ChangeStatus,
                confirm,
                emphasis: super::super::resource::Emphasis::Normal,
                input: None,
            },
        )
        .chain(std::iter::once(super::super::resource::MemberAction {
            label: "admin-action-duplicate",
            url: format!("/admin/jobs/{id}/duplicate"),
            fields: Vec::new(),
            needs: crate::auth::policy::Action::Create,
            confirm: false,
            emphasis: super::super::resource::Emphasis::Normal,
            input: None,
        }))
        .collect()
    }

    fn form(&self) -> Option<&'static dyn super::super::resource::Form> {
        Some(&super::job_form::JobForm)
    }

    fn preview_url(&self, id: i64) -> Option<String> {
        Some(format!("/admin/jobs/{id}/preview"))
    }
}

/// The show page of a posting.
pub(super) fn show(
    conn: &mut DbConn,
    id: i64,
    tr: &Tr,
) -> Result<Option<super::super::resource::Record>, AppError> {
    use super::super::resource::{Panel, Record};
    use crate::models::company::Company;
    use crate::models::job::Job;
    let found: Option<(Job, Company)> = jobs::table
        .inner_join(companies::table)
        .filter(jobs::id.eq(id))
        .select((Job::as_select(), Company::as_select()))
        .first(conn)
        .optional()?;
    let Some((job, company)) = found else {
        return Ok(None);
    };
    let skills: Vec<String> = job_skills::table
        .inner_join(skills::table)
        .filter(job_skills::job_id.eq(id))
        .order(skills::name.asc())
        .select(skills::name)
        .load(conn)?;
    let status = JobStatus::parse(&job.status).unwrap_or(JobStatus::Draft);
    let label = |id: String| tr.t(&id);
    let salary = match (job.salary_min, job.salary_max, &job.salary_currency) {
        (None, None, _) => String::new(),
        (min, max, currency) => {
            let currency = currency.as_deref().unwrap_or("EUR");
            let money =
                |v: Option<i64>| v.map(|v| crate::i18n::format_money(tr.locale, v, currency));
            match (money(min), money(max)) {
                (Some(a), Some(b)) => format!("{a} – {b}"),
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => String::new(),
            }
        }
    };
    Ok(Some(Record {
        label: job.title.clone(),
        public_url: (status != JobStatus::Draft)
            .then(|| format!("/{}/jobs/{}", job.original_locale, job.slug)),
        status: Some(status.as_str()),
        panels: vec![
            Panel {
                title: "admin-panel-posting",
                rows: vec![
                    ("admin-field-title", Cell::Text(job.title)),
                    (
                        "admin-field-company",
                        Cell::Link(company.name, format!("/admin/companies/{}", company.id)),
                    ),
                    (
                        "admin-field-status",
                        Cell::Status(status.as_str(), tr.t(&status.label_id())),
                    ),
                    ("admin-field-slug", Cell::Text(job.slug)),
                    (
                        "admin-field-language",
                        Cell::Text(
                            crate::i18n::Locale::parse(&job.original_locale)
                                .map(|l| l.native_name().to_owned())
                                .unwrap_or(job.original_locale),
                        ),
                    ),
                    (
                        "admin-field-workplace",
                        Cell::Text(
                            Workplace::parse(&job.workplace)
                                .map(|w| label(w.label_id()))
                                .unwrap_or(job.workplace),
                        ),
                    ),
                    ("admin-field-city", Cell::Text(job.city.unwrap_or_default())),
                    (
                        "admin-field-country",
                        Cell::Text(job.country_code.map(|c| tr.country(&c)).unwrap_or_default()),
                    ),
                    ("admin-field-salary", Cell::Text(salary)),
                    ("admin-field-skills", Cell::Text(skills.join(", "))),
                ],
            },
            Panel {
                title: "admin-panel-dates",
                rows: vec![
                    ("admin-field-published-at", Cell::Date(job.published_at)),
                    ("admin-field-valid-through", Cell::Date(job.valid_through)),
                    ("admin-field-created-at", Cell::Date(Some(job.created_at))),
                    ("admin-field-updated-at", Cell::Date(Some(job.updated_at))),
                ],
            },
            Panel {
                title: "admin-panel-content",
                rows: vec![
                    ("admin-field-summary", Cell::Paragraphs(job.summary)),
                    (
                        "admin-field-responsibilities",
                        Cell::Paragraphs(job.responsibilities),
                    ),
                    (
                        "admin-field-requirements",
                        Cell::Paragraphs(job.requirements),
                    ),
                    ("admin-field-benefits", Cell::Paragraphs(job.benefits)),
                ],
            },
        ],
    }))
}

#[derive(serde::Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    to: String,
}

/// `POST /admin/jobs/{id}/status`: publish, unpublish, mark filled, archive.
pub async fn change_status(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: crate::admin::CurrentAdmin,
    path: actix_web::web::Path<String>,
    form: crate::admin::AdminForm<StatusForm>,
) -> Result<actix_web::HttpResponse, AppError> {
    use crate::models::job::lifecycle::{StatusError, change_status};
    admin.require(Area::Jobs, crate::auth::policy::Action::ChangeStatus)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let to = JobStatus::parse(&form.data.to).ok_or(AppError::BadRequest("error-bad-request"))?;
    let actor = admin.actor();
    let search = state.search.clone();
    let outcome = crate::web::with_conn(&state, move |conn| {
        let outcome = change_status(conn, id, to, &actor, crate::db::now());
        if outcome.is_ok() {
            // This instance's public pages show the change at once; others within their
            // refresh interval.
            search.refresh_if_stale(conn)?;
        }
        Ok(outcome)
    })
    .await?;
    let tr = admin.tr;
    match outcome {
        Ok(()) => crate::admin::Flash::notice(
            &admin.session,
            tr.t1("admin-status-changed", "status", &tr.t(&to.label_id())),
        ),
        Err(StatusError::NotFound) => return Err(AppError::NotFound),
        Err(StatusError::NotAllowed { from, to }) => crate::admin::Flash::alert(
            &admin.session,
            tr.t2(
                "admin-status-not-allowed",
                "from",
                &tr.t(&from.label_id()),
                "to",
                &tr.t(&to.label_id()),
            ),
        ),
        Err(StatusError::Database(e)) => return Err(e.into()),
    }
    Ok(crate::web::see_other(&format!("/admin/jobs/{id}")))
}

/// Batch publish, archive or delete, all in one transaction: either every allowed change is
/// made, or (on a database error) none.
fn run_batch(
    conn: &mut DbConn,
    key: &str,
    ids: &[i64],
    actor: &crate::models::audit::Actor,
) -> Result<super::super::resource::BatchOutcome, AppError> {
    use crate::models::job::lifecycle::{StatusError, change_status};
    let now = crate::db::now();
    crate::db::write_transaction(conn, |conn| {
        let mut outcome = super::super::resource::BatchOutcome::default();
        match key {
            "publish" | "archive" => {
                let to = if key == "publish" {
                    JobStatus::Published
                } else {
                    JobStatus::Archived
                };
                for id in ids {
                    match change_status(conn, *id, to, actor, now) {
                        Ok(()) => outcome.changed += 1,
                        Err(StatusError::NotFound | StatusError::NotAllowed { .. }) => {
                            outcome.skipped += 1
                        }
                        Err(StatusError::Database(e)) => return Err(AppError::Database(e)),
                    }
                }
            }
            "delete" => {
                // Postings with applications are skipped: the applications would go with
                // them. Archiving keeps both.
                let found: Vec<(i64, String)> = jobs::table
                    .filter(jobs::id.eq_any(ids))
                    .filter(diesel::dsl::not(
                        jobs::id.eq_any(
                            crate::db::schema::applications::table
                                .select(crate::db::schema::applications::job_id),
                        ),
                    ))
                    .select((jobs::id, jobs::title))
                    .load(conn)?;
                let found_ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
                for (id, title) in &found {
                    crate::db::dialect::replace_job_search(conn, *id, &[])?;
                    crate::models::audit::record(conn, actor, "delete", "jobs", *id, title, &[])?;
                }
                outcome.changed = diesel::delete(jobs::table.filter(jobs::id.eq_any(&found_ids)))
                    .execute(conn)?;
                outcome.skipped = ids.len() - outcome.changed;
            }
            _ => return Err(AppError::NotFound),
        }
        Ok(outcome)
    })
}
