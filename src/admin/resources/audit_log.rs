//! The audit log, across every resource: who changed what, when.

use crate::admin::resource::Listing;
use diesel::prelude::*;

use super::super::resource::{
    Cell, Column, Db, Dir, FilterDef, FilterKind, FilterValue, ListQuery, ListResult, Panel,
    Record, Resource, Row, ScopeDef,
};
use crate::auth::policy::Area;
use crate::db::DbConn;
use crate::db::schema::audit_log;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::audit::AuditEntry;

pub struct AuditLog;

type Boxed<'a> = diesel::dsl::IntoBoxed<'a, audit_log::table, Db>;

/// The actions entries record, and the resources they are about.
const ACTIONS: [&str; 4] = ["create", "update", "delete", "status"];
const RESOURCES: [(&str, &str); 5] = [
    ("jobs", "admin-nav-jobs"),
    ("companies", "admin-nav-companies"),
    ("skills", "admin-nav-skills"),
    ("applications", "admin-nav-applications"),
    ("admin_users", "admin-nav-admin-users"),
];

fn filtered<'a>(query: &ListQuery) -> Boxed<'a> {
    let mut q: Boxed<'a> = audit_log::table.into_boxed();
    for (key, value) in &query.filters {
        q = match (*key, value) {
            ("actor", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(audit_log::actor, *op, v))
            }
            ("record", FilterValue::Text(op, v)) => {
                q.filter(crate::text_filter!(audit_log::record_label, *op, v))
            }
            ("resource", FilterValue::Select(v)) => q.filter(audit_log::resource.eq(v.clone())),
            ("created_at", FilterValue::DateRange(from, to)) => {
                crate::date_range_filter!(q, audit_log::created_at, from, to)
            }
            _ => q,
        };
    }
    q
}

fn action_label(action: &str) -> String {
    format!("admin-audit-action-{action}")
}

impl Listing for AuditLog {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::sortable("created_at", "admin-field-when"),
            Column::sortable("actor", "admin-field-actor"),
            Column::sortable("action", "admin-field-action"),
            Column::sortable("resource", "admin-field-resource"),
            Column::plain("record", "admin-field-record"),
        ]
    }

    fn filters(&self, tr: &Tr) -> Vec<FilterDef> {
        vec![
            FilterDef::new("actor", "admin-field-actor", FilterKind::Text),
            FilterDef::new("record", "admin-field-record", FilterKind::Text),
            FilterDef {
                key: "resource",
                label: "admin-field-resource",
                kind: FilterKind::Select(RESOURCES.iter().map(|(k, l)| (*k, tr.t(l))).collect()),
            },
            FilterDef::new("created_at", "admin-field-when", FilterKind::DateRange),
        ]
    }

    fn scopes(&self) -> Vec<ScopeDef> {
        vec![
            ScopeDef::new("all", "admin-scope-all"),
            ScopeDef::new("create", "admin-audit-action-create"),
            ScopeDef::new("update", "admin-audit-action-update"),
            ScopeDef::new("delete", "admin-audit-action-delete"),
            ScopeDef::new("status", "admin-audit-action-status"),
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
        let per_action = |a: &'static str| super::count_where("audit_log.action", a);
        let (all, create, update, delete, status): (i64, i64, i64, i64, i64) = filtered(query)
            .select((
                diesel::dsl::count_star(),
                per_action(ACTIONS[0]),
                per_action(ACTIONS[1]),
                per_action(ACTIONS[2]),
                per_action(ACTIONS[3]),
            ))
            .first(conn)?;
        let mut q = filtered(query);
        if query.scope != "all" {
            q = q.filter(audit_log::action.eq(query.scope));
        }
        q = match (query.sort, query.dir) {
            ("created_at", Dir::Asc) => q.order((audit_log::created_at.asc(), audit_log::id.asc())),
            ("actor", Dir::Asc) => q.order((audit_log::actor.asc(), audit_log::id.desc())),
            ("actor", Dir::Desc) => q.order((audit_log::actor.desc(), audit_log::id.desc())),
            ("action", Dir::Asc) => q.order((audit_log::action.asc(), audit_log::id.desc())),
            ("action", Dir::Desc) => q.order((audit_log::action.desc(), audit_log::id.desc())),
            ("resource", Dir::Asc) => q.order((audit_log::resource.asc(), audit_log::id.desc())),
            ("resource", Dir::Desc) => q.order((audit_log::resource.desc(), audit_log::id.desc())),
            _ => q.order((audit_log::created_at.desc(), audit_log::id.desc())),
        };
        let entries: Vec<AuditEntry> = q
            .select(AuditEntry::as_select())
            .limit(query.per_page as i64)
            .offset(query.offset())
            .load(conn)?;
        let resource_label = |r: &str| {
            RESOURCES
                .iter()
                .find(|(k, _)| *k == r)
                .map_or_else(|| r.to_owned(), |(_, l)| tr.t(l))
        };
        let rows = entries
            .into_iter()
            .map(|e| Row {
                id: e.id,
                cells: vec![
                    Cell::Link(tr.date(&e.created_at), format!("/admin/audit_log/{}", e.id)),
                    Cell::Text(e.actor.clone()),
                    Cell::Text(tr.t(&action_label(&e.action))),
                    Cell::Text(resource_label(&e.resource)),
                    if e.action == "delete" {
                        Cell::Text(e.record_label.clone())
                    } else {
                        Cell::Link(
                            e.record_label.clone(),
                            format!("/admin/{}/{}", e.resource, e.record_id),
                        )
                    },
                ],
            })
            .collect();
        Ok(ListResult {
            rows,
            scope_counts: vec![all, create, update, delete, status],
        })
    }
}

impl Resource for AuditLog {
    fn name(&self) -> &'static str {
        "audit_log"
    }

    fn area(&self) -> Area {
        Area::AuditLog
    }

    fn title(&self) -> &'static str {
        "admin-nav-audit-log"
    }

    fn show(&self, conn: &mut DbConn, id: i64, tr: &Tr) -> Result<Option<Record>, AppError> {
        let Some(e) = audit_log::table
            .find(id)
            .select(AuditEntry::as_select())
            .first(conn)
            .optional()?
        else {
            return Ok(None);
        };
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
                    Cell::Text(format!(
                        "{}: {} → {}",
                        c.field,
                        or_dash(c.from),
                        or_dash(c.to)
                    )),
                )
            })
            .collect();
        let record = if e.action == "delete" {
            Cell::Text(e.record_label.clone())
        } else {
            Cell::Link(
                e.record_label.clone(),
                format!("/admin/{}/{}", e.resource, e.record_id),
            )
        };
        Ok(Some(Record {
            label: format!("#{} · {}", e.id, e.record_label),
            public_url: None,
            status: None,
            panels: vec![
                Panel {
                    title: "admin-panel-entry",
                    rows: vec![
                        ("admin-field-when", Cell::Date(Some(e.created_at))),
                        ("admin-field-actor", Cell::Text(e.actor)),
                        (
                            "admin-field-action",
                            Cell::Text(tr.t(&action_label(&e.action))),
                        ),
                        ("admin-field-resource", Cell::Text(e.resource)),
                        ("admin-field-record", record),
                    ],
                },
                Panel {
                    title: "admin-panel-changes",
                    rows: changes,
                },
            ],
        }))
    }
}
