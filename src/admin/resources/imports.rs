//! Earlier imports, newest first: the file, what it imported, its state and counts, each
//! leading to its page (`/admin/imports/{id}`, which `admin::imports` serves). A user sees
//! their own imports; administrators see everyone's.

use super::prelude::*;
use crate::admin::engine::Pred;
use crate::admin::resource::Viewer;
use crate::db::schema::imports;
use crate::models::{AdminRole, ImportStatus};

pub struct Imports;

#[derive(Queryable, Selectable, Identifiable)]
#[diesel(table_name = imports)]
pub struct ImportRow {
    id: i64,
    resource: String,
    file_name: String,
    status: ImportStatus,
    rows_done: i64,
    created_count: i64,
    updated_count: i64,
    failed_count: i64,
    created_at: chrono::NaiveDateTime,
}

impl Declaration for Imports {
    type Table = imports::table;
    type Row = ImportRow;
    type Context = ();
    const NAME: &'static str = "imports";
    const AREA: Area = Area::Jobs;
    const TITLE: &'static str = "admin-nav-imports";
    const TABLE: &'static str = "imports";
    const DEFAULT_SORT: (&'static str, Dir) = ("created_at", Dir::Desc);

    fn columns(&self, c: &mut Columns<Self>) {
        c.link("file_name", "admin-field-file", |i| i.file_name.clone())
            .sorted_by(imports::file_name);
        c.with("resource", "admin-field-resource", |i, _, tr| {
            Cell::Text(super::audited_label(tr, &i.resource))
        });
        c.with("status", "admin-field-status", |i, _, tr| {
            let class = match i.status {
                ImportStatus::Done => "done",
                ImportStatus::Failed => "dead",
                _ => "queued",
            };
            Cell::Status(class, tr.t(i.status.label_key()))
        });
        c.cell("rows_done", "admin-field-rows", |i| Cell::Number(Some(i.rows_done)));
        c.cell("created_count", "admin-field-created", |i| Cell::Number(Some(i.created_count)));
        c.cell("updated_count", "admin-field-updated", |i| Cell::Number(Some(i.updated_count)));
        c.cell("failed_count", "admin-field-failed", |i| Cell::Number(Some(i.failed_count)));
        c.date_time("created_at", "admin-field-created-at", |i| Some(i.created_at))
            .sorted_by(imports::id);
    }

    fn filters(&self, tr: &Tr) -> Vec<Filter<imports::table>> {
        vec![
            Filter::text("file_name", "admin-field-file", imports::file_name),
            Filter::select(
                "status",
                "admin-field-status",
                ImportStatus::options(tr),
                imports::status,
            ),
        ]
    }

    /// Users see their own imports; administrators everyone's.
    fn scope_for(&self, viewer: &Viewer) -> Option<Pred<imports::table>> {
        (viewer.role != AdminRole::Admin).then(|| {
            Box::new(imports::admin_user_id.eq(viewer.admin_user_id).assume_not_null()) as Pred<_>
        })
    }
}

impl Resource for Imports {}

impl Shows for Imports {
    type Detail = ImportRow;

    /// Not reached from the list (each import's own page is `admin::imports`): its counts.
    fn record(&self, _conn: &mut DbConn, i: ImportRow, tr: &Tr) -> Result<Record, AppError> {
        Ok(Record::new(
            i.file_name.clone(),
            vec![
                Panel::new("admin-nav-imports")
                    .text("admin-field-file", i.file_name)
                    .text("admin-field-status", tr.t(i.status.label_key()))
                    .date_time("admin-field-created-at", i.created_at),
            ],
        ))
    }
}
