//! Seekers' job alerts in the back office: who asked for which search, how often, whether
//! they confirmed, and what was sent. Admins can unsubscribe or delete them (a seeker's
//! request by mail, a bouncing address).

use diesel::prelude::*;

use super::super::resource::{
    BatchAction, BatchOutcome, Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue,
    ListQuery, ListResult, Panel, Record, Resource, Row, ScopeDef,
};
use crate::auth::policy::{Action, Area};
use crate::db::DbConn;
use crate::db::schema::{alert_sent, job_alerts, jobs};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::alert::{AlertStatus, Frequency};
use crate::models::audit::{self, Actor};
use crate::search::SearchParams;

pub struct Alerts;

type Boxed<'a> = diesel::dsl::IntoBoxed<'a, job_alerts::table, Db>;

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = job_alerts::table.into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("email", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(job_alerts::email, *op, v))
            }
            ("frequency", FilterValue::Select(v)) => q.filter(job_alerts::frequency.eq(v.clone())),
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, job_alerts::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

fn scoped<'a>(q: Boxed<'a>, scope: &str) -> Boxed<'a> {
    match scope {
        "active" => q
            .filter(job_alerts::confirmed_at.is_not_null())
            .filter(job_alerts::unsubscribed_at.is_null()),
        "pending" => q
            .filter(job_alerts::confirmed_at.is_null())
            .filter(job_alerts::unsubscribed_at.is_null()),
        "unsubscribed" => q.filter(job_alerts::unsubscribed_at.is_not_null()),
        _ => q,
    }
}

/// `COUNT(CASE WHEN … THEN 1 END)` for a scope: constant SQL, no request input.
fn count_scope(
    condition: &'static str,
) -> diesel::expression::SqlLiteral<diesel::sql_types::BigInt> {
    diesel::dsl::sql(&format!("COUNT(CASE WHEN {condition} THEN 1 END)"))
}

fn status_cell(tr: &Tr, status: AlertStatus) -> Cell {
    let class = match status {
        AlertStatus::Active => "done",
        AlertStatus::Pending => "queued",
        AlertStatus::Unsubscribed => "dead",
    };
    Cell::Status(class, tr.t(status.label_id()))
}

fn frequency_label(tr: &Tr, frequency: &str) -> String {
    Frequency::parse(frequency).map_or_else(|| frequency.to_owned(), |f| tr.t(f.label_id()))
}

fn search_label(tr: &Tr, query: &str) -> String {
    crate::web::search_links::describe(tr, &SearchParams::parse(query).0, None)
        .unwrap_or_else(|| tr.t("alert-all-jobs"))
}

impl Resource for Alerts {
    fn name(&self) -> &'static str {
        "alerts"
    }
    fn area(&self) -> Area {
        Area::Alerts
    }
    fn title(&self) -> &'static str {
        "admin-nav-alerts"
    }
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("email", "admin-field-email"),
            Column::plain("search", "admin-field-search"),
            Column::plain("frequency", "admin-field-frequency"),
            Column::plain("status", "admin-field-status"),
            Column::sortable("last_sent_at", "admin-field-last-sent-at"),
            Column::sortable("created_at", "admin-field-created-at"),
        ]
    }
    fn filters(&self, tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("email", "admin-field-email", FilterKind::Text),
            FilterDef::new(
                "frequency",
                "admin-field-frequency",
                FilterKind::Select(
                    Frequency::ALL
                        .into_iter()
                        .map(|f| (f.as_str(), tr.t(f.label_id())))
                        .collect(),
                ),
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
            ScopeDef::new("active", "admin-scope-active"),
            ScopeDef::new("pending", "admin-scope-pending"),
            ScopeDef::new("unsubscribed", "admin-scope-unsubscribed"),
        ]
    }
    fn default_sort(&self) -> (&'static str, Dir) {
        ("created_at", Dir::Desc)
    }

    fn list(
        &self,
        conn: &mut DbConn,
        query: &ListQuery,
        tr: &Tr,
        _counts: Option<Vec<i64>>,
    ) -> Result<ListResult, AppError> {
        let counts: (i64, i64, i64, i64) = filtered(query)
            .select((
                diesel::dsl::count_star(),
                count_scope("confirmed_at IS NOT NULL AND unsubscribed_at IS NULL"),
                count_scope("confirmed_at IS NULL AND unsubscribed_at IS NULL"),
                count_scope("unsubscribed_at IS NOT NULL"),
            ))
            .first(conn)?;
        let q = scoped(filtered(query), query.scope);
        let q = match (query.sort, query.dir) {
            ("email", Dir::Asc) => q.order((job_alerts::email.asc(), job_alerts::id.asc())),
            ("email", Dir::Desc) => q.order((job_alerts::email.desc(), job_alerts::id.desc())),
            ("last_sent_at", Dir::Asc) => {
                q.order((job_alerts::last_sent_at.asc(), job_alerts::id.asc()))
            }
            ("last_sent_at", Dir::Desc) => {
                q.order((job_alerts::last_sent_at.desc(), job_alerts::id.desc()))
            }
            ("created_at", Dir::Asc) => q.order(job_alerts::id.asc()),
            _ => q.order(job_alerts::id.desc()),
        };
        type Listed = (
            i64,
            String,
            String,
            String,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
            chrono::NaiveDateTime,
        );
        let rows: Vec<Listed> = q
            .select((
                job_alerts::id,
                job_alerts::email,
                job_alerts::query,
                job_alerts::frequency,
                job_alerts::confirmed_at,
                job_alerts::unsubscribed_at,
                job_alerts::last_sent_at,
                job_alerts::created_at,
            ))
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        Ok(ListResult {
            rows: rows
                .into_iter()
                .map(
                    |(id, email, search, frequency, confirmed, unsubscribed, sent, created)| Row {
                        id,
                        cells: vec![
                            Cell::Link(email, format!("/admin/alerts/{id}")),
                            Cell::Text(search_label(tr, &search)),
                            Cell::Text(frequency_label(tr, &frequency)),
                            status_cell(tr, AlertStatus::of(confirmed, unsubscribed)),
                            Cell::DateTime(sent),
                            Cell::DateTime(Some(created)),
                        ],
                    },
                )
                .collect(),
            scope_counts: vec![counts.0, counts.1, counts.2, counts.3],
        })
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        type Shown = (
            String,
            String,
            String,
            String,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
            chrono::NaiveDateTime,
        );
        let found: Option<Shown> = job_alerts::table
            .filter(job_alerts::id.eq(id))
            .select((
                job_alerts::email,
                job_alerts::query,
                job_alerts::frequency,
                job_alerts::locale,
                job_alerts::confirmed_at,
                job_alerts::unsubscribed_at,
                job_alerts::last_sent_at,
                job_alerts::created_at,
            ))
            .first(conn)
            .optional()?;
        let Some((email, query, frequency, locale, confirmed, unsubscribed, sent, created)) = found
        else {
            return Ok(None);
        };
        let recent: Vec<(i64, String, chrono::NaiveDateTime)> = alert_sent::table
            .inner_join(jobs::table)
            .filter(alert_sent::alert_id.eq(id))
            .order((alert_sent::sent_at.desc(), alert_sent::job_id.desc()))
            .limit(20)
            .select((jobs::id, jobs::title, alert_sent::sent_at))
            .load(conn)?;
        let total: i64 = alert_sent::table
            .filter(alert_sent::alert_id.eq(id))
            .count()
            .get_result(conn)?;
        let search_url = if query.is_empty() {
            format!("/{locale}/jobs")
        } else {
            format!("/{locale}/jobs?{query}")
        };
        let status = AlertStatus::of(confirmed, unsubscribed);
        Ok(Some(Record {
            label: email.clone(),
            public_url: None,
            status: Some(status.as_str()),
            panels: vec![
                Panel {
                    title: "admin-panel-alert",
                    rows: vec![
                        ("admin-field-email", Cell::Email(email)),
                        (
                            "admin-field-search",
                            Cell::Link(search_label(tr, &query), search_url),
                        ),
                        (
                            "admin-field-frequency",
                            Cell::Text(frequency_label(tr, &frequency)),
                        ),
                        ("admin-field-language", Cell::Text(locale)),
                        ("admin-field-status", status_cell(tr, status)),
                        ("admin-field-created-at", Cell::DateTime(Some(created))),
                        ("admin-field-confirmed-at", Cell::DateTime(confirmed)),
                        ("admin-field-last-sent-at", Cell::DateTime(sent)),
                        ("admin-field-sent-count", Cell::Number(Some(total))),
                    ],
                },
                Panel {
                    title: "admin-field-sent-count",
                    rows: recent
                        .into_iter()
                        .map(|(job, title, at)| {
                            (
                                "admin-field-posting",
                                Cell::Link(
                                    format!("{title} · {}", tr.date_time(&at)),
                                    format!("/admin/jobs/{job}"),
                                ),
                            )
                        })
                        .collect(),
                },
            ],
        }))
    }

    fn batch_actions(&self) -> Vec<BatchAction> {
        vec![
            BatchAction {
                key: "unsubscribe",
                label: "admin-action-unsubscribe",
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
        actor: &Actor,
    ) -> Result<BatchOutcome, AppError> {
        if key != "unsubscribe" && key != "delete" {
            return Err(AppError::NotFound);
        }
        let now = crate::db::now();
        crate::db::write_transaction(conn, |conn| {
            let mut outcome = BatchOutcome::default();
            let found: Vec<(i64, String, Option<chrono::NaiveDateTime>)> = job_alerts::table
                .filter(job_alerts::id.eq_any(ids))
                .select((
                    job_alerts::id,
                    job_alerts::email,
                    job_alerts::unsubscribed_at,
                ))
                .load(conn)?;
            outcome.skipped = ids.len() - found.len();
            for (id, email, unsubscribed) in found {
                let row = job_alerts::table.filter(job_alerts::id.eq(id));
                if key == "delete" {
                    diesel::delete(row).execute(conn)?;
                } else if unsubscribed.is_some() {
                    outcome.skipped += 1;
                    continue;
                } else {
                    diesel::update(row)
                        .set((
                            job_alerts::unsubscribed_at.eq(now),
                            job_alerts::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                }
                audit::record(conn, actor, key, "job_alerts", id, &email, &[])?;
                outcome.changed += 1;
            }
            Ok(outcome)
        })
    }
}
