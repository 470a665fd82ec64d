//! Seekers' job alerts in the back office: who asked for which search, how often, whether
//! they confirmed, and what was sent. Admins can unsubscribe or delete them (a seeker's
//! request by mail, a bouncing address).

use chrono::NaiveDateTime;

use super::alert_actions::{delete, unsubscribe};
use super::prelude::*;
use crate::auth::policy::Action::{self, ChangeStatus};
use crate::db::schema::{alert_sent, job_alerts, jobs};
use crate::models::alert::{AlertStatus, Frequency};
use crate::search::SearchParams;

pub struct Alerts;

/// An alert as its list row shows it.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = job_alerts)]
pub struct AlertRow {
    id: i64,
    email: String,
    query: String,
    frequency: String,
    confirmed_at: Option<NaiveDateTime>,
    unsubscribed_at: Option<NaiveDateTime>,
    last_sent_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
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

impl Declaration for Alerts {
    type Table = job_alerts::table;
    type Row = AlertRow;
    type Context = ();
    const NAME: &'static str = "alerts";
    const AREA: Area = Area::Alerts;
    const TITLE: &'static str = "admin-nav-alerts";
    const TABLE: &'static str = "job_alerts";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("email", "admin-field-email", |r| r.email.clone()).sorted_by(job_alerts::email);
        c.with("search", "admin-field-search", |r, _, tr| Cell::Text(search_label(tr, &r.query)));
        c.with("frequency", "admin-field-frequency", |r, _, tr| {
            Cell::Text(frequency_label(tr, &r.frequency))
        });
        c.with("status", "admin-field-status", |r, _, tr| {
            status_cell(tr, AlertStatus::of(r.confirmed_at, r.unsubscribed_at))
        });
        c.date_time("last_sent_at", "admin-field-last-sent-at", |r| r.last_sent_at)
            .sorted_by(job_alerts::last_sent_at);
        c.date_time("created_at", "admin-field-created-at", |r| Some(r.created_at))
            .sorted_by(job_alerts::created_at);
    }
    fn filters(&self, tr: &Tr) -> Vec<Filter<job_alerts::table>> {
        let frequencies =
            Frequency::ALL.into_iter().map(|f| (f.as_str(), tr.t(f.label_id()))).collect();
        vec![
            Filter::text("email", "admin-field-email", job_alerts::email),
            Filter::select(
                "frequency",
                "admin-field-frequency",
                frequencies,
                job_alerts::frequency,
            ),
            Filter::date_range("created_at", "admin-field-created-at", job_alerts::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<job_alerts::table>> {
        let subscribed = || job_alerts::unsubscribed_at.is_null();
        vec![
            Scope::all(),
            Scope::new(
                "active",
                "admin-scope-active",
                job_alerts::confirmed_at.is_not_null().and(subscribed()),
            ),
            Scope::new(
                "pending",
                "admin-scope-pending",
                job_alerts::confirmed_at.is_null().and(subscribed()),
            ),
            Scope::new(
                "unsubscribed",
                "admin-scope-unsubscribed",
                job_alerts::unsubscribed_at.is_not_null(),
            ),
        ]
    }
}

impl Resource for Alerts {
    fn batch_actions(&self) -> Vec<BatchAction> {
        vec![
            BatchAction::each("unsubscribe", "admin-action-unsubscribe", ChangeStatus, unsubscribe),
            BatchAction::each("delete", "admin-action-delete", Action::Delete, delete),
        ]
    }
}

/// An alert as its show page reads it.
#[derive(Queryable, Selectable)]
#[diesel(table_name = job_alerts)]
pub struct AlertDetail {
    id: i64,
    email: String,
    query: String,
    frequency: String,
    locale: String,
    confirmed_at: Option<chrono::NaiveDateTime>,
    unsubscribed_at: Option<chrono::NaiveDateTime>,
    last_sent_at: Option<chrono::NaiveDateTime>,
    created_at: chrono::NaiveDateTime,
}

impl Shows for Alerts {
    type Detail = AlertDetail;

    fn record(&self, conn: &mut DbConn, a: AlertDetail, tr: &Tr) -> Result<Record, AppError> {
        let recent: Vec<(i64, String, chrono::NaiveDateTime)> = alert_sent::table
            .inner_join(jobs::table)
            .filter(alert_sent::alert_id.eq(a.id))
            .order((alert_sent::sent_at.desc(), alert_sent::job_id.desc()))
            .limit(20)
            .select((jobs::id, jobs::title, alert_sent::sent_at))
            .load(conn)?;
        let total: i64 =
            alert_sent::table.filter(alert_sent::alert_id.eq(a.id)).count().get_result(conn)?;
        let search_url = match a.query.as_str() {
            "" => format!("/{}/jobs", a.locale),
            query => format!("/{}/jobs?{query}", a.locale),
        };
        let status = AlertStatus::of(a.confirmed_at, a.unsubscribed_at);
        let language =
            crate::i18n::Locale::parse(&a.locale).map_or(a.locale, |l| l.native_name().into());
        Ok(Record::new(
            a.email.clone(),
            vec![
                Panel::new("admin-panel-alert")
                    .email("admin-field-email", a.email)
                    .row("admin-field-search", Cell::Link(search_label(tr, &a.query), search_url))
                    .text("admin-field-frequency", frequency_label(tr, &a.frequency))
                    .text("admin-field-language", language)
                    .row("admin-field-status", status_cell(tr, status))
                    .date_time("admin-field-created-at", a.created_at)
                    .date_time("admin-field-confirmed-at", a.confirmed_at)
                    .date_time("admin-field-last-sent-at", a.last_sent_at)
                    .row("admin-field-sent-count", Cell::Number(Some(total))),
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
        )
        .status(status.as_str()))
    }
}
