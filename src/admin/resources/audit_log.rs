//! The audit log, across every resource: who changed what, when.

use super::prelude::*;
use crate::db::schema::audit_log;
use crate::models::audit::AuditEntry;

pub struct AuditLog;

/// The actions entries record.
const ACTIONS: [&str; 4] = ["create", "update", "delete", "status"];

fn action_label(action: &str) -> String {
    format!("admin-audit-action-{action}")
}

/// An entry as its list row shows it: without its changes.
#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = audit_log)]
pub struct EntryRow {
    id: i64,
    actor: String,
    action: String,
    resource: String,
    record_id: i64,
    record_label: String,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for AuditLog {
    type Table = audit_log::table;
    type Row = EntryRow;
    type Context = ();
    const NAME: &'static str = "audit_log";
    const AREA: Area = Area::AuditLog;
    const TITLE: &'static str = "admin-nav-audit-log";
    const TABLE: &'static str = "audit_log";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.with("created_at", "admin-field-when", |e, _, tr| {
            Cell::Link(tr.date(&e.created_at), format!("/admin/audit_log/{}", e.id))
        })
        .sorted_by(audit_log::created_at);
        c.text("actor", "admin-field-actor", |e| e.actor.clone()).sorted_by(audit_log::actor);
        c.with("action", "admin-field-action", |e, _, tr| {
            Cell::Text(tr.t(&action_label(&e.action)))
        })
        .sorted_by(audit_log::action);
        c.with("resource", "admin-field-resource", |e, _, tr| {
            Cell::Text(super::audited_label(tr, &e.resource))
        })
        .sorted_by(audit_log::resource);
        c.cell("record", "admin-field-record", |e| {
            super::audited_record(&e.action, &e.resource, e.record_id, &e.record_label)
        });
    }
    fn filters(&self, tr: &Tr) -> Vec<Filter<audit_log::table>> {
        vec![
            Filter::text("actor", "admin-field-actor", audit_log::actor),
            Filter::text("record", "admin-field-record", audit_log::record_label),
            Filter::select(
                "resource",
                "admin-field-resource",
                super::audited_options(tr),
                audit_log::resource,
            ),
            Filter::date_range("created_at", "admin-field-when", audit_log::created_at),
        ]
    }
    fn scopes(&self) -> Vec<Scope<audit_log::table>> {
        std::iter::once(Scope::all())
            .chain(ACTIONS.into_iter().map(|action| {
                let label = match action {
                    "create" => "admin-audit-action-create",
                    "update" => "admin-audit-action-update",
                    "delete" => "admin-audit-action-delete",
                    _ => "admin-audit-action-status",
                };
                Scope::new(action, label, audit_log::action.eq(action))
            }))
            .collect()
    }
}

impl Resource for AuditLog {}

impl Shows for AuditLog {
    type Detail = AuditEntry;

    fn record(&self, _: &mut DbConn, e: AuditEntry, tr: &Tr) -> Result<Record, AppError> {
        let fields = super::find(&e.resource)
            .and_then(|r| r.form())
            .map(|f| f.fields(tr))
            .unwrap_or_default();
        let or_dash = |v: String| if v.is_empty() { "—".to_owned() } else { v };
        let changes = e
            .changes()
            .into_iter()
            .map(|c| {
                let c = crate::admin::history::describe(&e.resource, &fields, c, tr);
                (
                    "admin-history-field",
                    Cell::Text(format!("{}: {} → {}", c.field, or_dash(c.from), or_dash(c.to))),
                )
            })
            .collect();
        let record = super::audited_record(&e.action, &e.resource, e.record_id, &e.record_label);
        Ok(Record::new(
            format!("#{} · {}", e.id, e.record_label),
            vec![
                Panel::new("admin-panel-entry")
                    .date("admin-field-when", e.created_at)
                    .text("admin-field-actor", e.actor)
                    .text("admin-field-action", tr.t(&action_label(&e.action)))
                    .text("admin-field-resource", super::audited_label(tr, &e.resource))
                    .row("admin-field-record", record),
                Panel { title: "admin-panel-changes", rows: changes },
            ],
        ))
    }
}
