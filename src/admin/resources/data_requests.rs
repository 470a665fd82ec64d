//! The register of applicants' access and erasure requests (`privacy::register`), read-only
//! and for admins: what was asked, by whom, when, how many applications it covered and how
//! an access request went (link mailed, downloaded, expired).

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::data_requests;
use crate::privacy::register::{Kind, Origin};

pub struct DataRequests;

#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = data_requests)]
pub struct RequestRow {
    id: i64,
    kind: String,
    origin: String,
    subject: String,
    application_count: i32,
    requested_at: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
    downloaded_at: Option<NaiveDateTime>,
}

fn kind_label(kind: &str) -> String {
    format!("admin-data-request-kind-{kind}")
}

fn origin_label(origin: &str) -> String {
    format!("admin-data-request-origin-{origin}")
}

/// How a request stands: (CSS class, Fluent id).
fn standing(r: &RequestRow, now: NaiveDateTime) -> (&'static str, &'static str) {
    match (r.kind.as_str(), r.downloaded_at, r.expires_at) {
        ("access", Some(_), _) => ("done", "admin-data-request-downloaded"),
        ("access", None, Some(at)) if at > now => ("queued", "admin-data-request-mailed"),
        ("access", None, _) => ("expired", "admin-data-request-expired"),
        _ => ("archived", "admin-data-request-erased"),
    }
}

/// The subject as the list shows it: enough to tell people apart at a glance.
fn short_subject(subject: &str) -> String {
    subject.chars().take(12).collect()
}

impl Declaration for DataRequests {
    type Table = data_requests::table;
    type Row = RequestRow;
    type Context = ();
    const NAME: &'static str = "data_requests";
    const AREA: Area = Area::Privacy;
    const TITLE: &'static str = "admin-nav-data-requests";
    const TABLE: &'static str = "data_requests";
    const DEFAULT_SORT: (&'static str, Dir) = ("requested_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.with("requested_at", "admin-field-when", |r, _, tr| {
            Cell::Link(tr.date_time(&r.requested_at), format!("/admin/data_requests/{}", r.id))
        })
        .sorted_by(data_requests::requested_at);
        c.with("kind", "admin-field-data-request-kind", |r, _, tr| {
            Cell::Text(tr.t(&kind_label(&r.kind)))
        })
        .sorted_by(data_requests::kind);
        c.with("origin", "admin-field-data-request-origin", |r, _, tr| {
            Cell::Text(tr.t(&origin_label(&r.origin)))
        })
        .sorted_by(data_requests::origin);
        c.text("subject", "admin-field-data-subject", |r| short_subject(&r.subject))
            .sorted_by(data_requests::subject);
        c.cell("applications", "admin-field-data-request-applications", |r| {
            Cell::Number(Some(i64::from(r.application_count)))
        })
        .sorted_by(data_requests::application_count);
        c.with("state", "admin-field-status", |r, _, tr| {
            let (class, label) = standing(r, crate::db::now());
            Cell::Status(class, tr.t(label))
        });
    }
    fn filters(&self, tr: &Tr) -> Vec<Filter<data_requests::table>> {
        let kinds =
            Kind::ALL.into_iter().map(|k| (k.as_str(), tr.t(&kind_label(k.as_str())))).collect();
        let origins = Origin::ALL
            .into_iter()
            .map(|o| (o.as_str(), tr.t(&origin_label(o.as_str()))))
            .collect();
        vec![
            Filter::select("kind", "admin-field-data-request-kind", kinds, data_requests::kind),
            Filter::select(
                "origin",
                "admin-field-data-request-origin",
                origins,
                data_requests::origin,
            ),
            Filter::text("subject", "admin-field-data-subject", data_requests::subject),
            Filter::date_range("requested_at", "admin-field-when", data_requests::requested_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<data_requests::table>> {
        vec![
            Scope::all(),
            Scope::new(
                "access",
                "admin-data-request-kind-access",
                data_requests::kind.eq(Kind::Access.as_str()),
            ),
            Scope::new(
                "erasure",
                "admin-data-request-kind-erasure",
                data_requests::kind.eq(Kind::Erasure.as_str()),
            ),
        ]
    }
}

impl Resource for DataRequests {}

impl Shows for DataRequests {
    type Detail = RequestRow;

    fn record(&self, _: &mut DbConn, r: RequestRow, tr: &Tr) -> Result<Record, AppError> {
        let (class, label) = standing(&r, crate::db::now());
        let mut panel = Panel::new("admin-panel-data-request")
            .date_time("admin-field-when", r.requested_at)
            .text("admin-field-data-request-kind", tr.t(&kind_label(&r.kind)))
            .text("admin-field-data-request-origin", tr.t(&origin_label(&r.origin)))
            .code("admin-field-data-subject", r.subject.clone())
            .row(
                "admin-field-data-request-applications",
                Cell::Number(Some(i64::from(r.application_count))),
            )
            .row("admin-field-status", Cell::Status(class, tr.t(label)));
        if r.kind == Kind::Access.as_str() {
            panel = panel
                .date_time("admin-field-data-request-expires", r.expires_at)
                .date_time("admin-field-data-request-downloaded", r.downloaded_at);
        }
        Ok(Record::new(format!("#{} · {}", r.id, tr.t(&kind_label(&r.kind))), vec![panel]))
    }
}
