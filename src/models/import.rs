//! Back-office imports (`imports`): a stored spreadsheet, its mapping, its state and counts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::ImportStatus;
use crate::db::DbConn;
use crate::db::schema::imports;

/// Failed rows kept on the record for the page; the workbook of failures has them all.
pub const SHOWN_FAILURES: usize = 100;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = imports)]
pub struct ImportRecord {
    pub id: i64,
    pub resource: String,
    pub admin_user_id: Option<i64>,
    pub file_name: String,
    pub file_key: String,
    pub encoding: Option<String>,
    pub headers: String,
    pub mapping: String,
    pub mode: String,
    pub status: ImportStatus,
    pub rows_total: i64,
    pub rows_done: i64,
    pub created_count: i64,
    pub updated_count: i64,
    pub unchanged_count: i64,
    pub failed_count: i64,
    pub companies_created: i64,
    pub create_companies: bool,
    pub failures: String,
    pub failures_key: Option<String>,
    pub error: Option<String>,
    pub committed: bool,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A failed row as the page lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ShownFailure {
    pub row: u64,
    pub reasons: Vec<String>,
}

/// A file-level error: its message id and arguments.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredError {
    pub message: String,
    pub args: Vec<(String, String)>,
}

impl StoredError {
    pub fn new(message: &str, args: Vec<(&'static str, String)>) -> StoredError {
        StoredError {
            message: message.to_owned(),
            args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    /// A reading error, kept to be shown later.
    pub fn of(e: &crate::import::ReadError) -> StoredError {
        StoredError::new(e.message(), e.args())
    }

    /// The error in `tr`'s language.
    pub fn text(&self, tr: &crate::i18n::Tr) -> String {
        // Fluent takes argument names that live as long as the program: the ones errors use.
        let name = |n: &str| {
            ["megabytes", "max", "encoding", "cells", "header", "detail", "status"]
                .into_iter()
                .find(|k| *k == n)
                .unwrap_or("value")
        };
        match self.args.as_slice() {
            [] => tr.t(&self.message),
            [(n, v)] => tr.t1(&self.message, name(n), v),
            [(n1, v1), (n2, v2), ..] => tr.t2(&self.message, name(n1), v1, name(n2), v2),
        }
    }
}

impl ImportRecord {
    pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<ImportRecord>> {
        imports::table.find(id).select(ImportRecord::as_select()).first(conn).optional()
    }

    pub fn headers(&self) -> Vec<String> {
        serde_json::from_str(&self.headers).unwrap_or_default()
    }

    pub fn mapping(&self) -> Vec<String> {
        serde_json::from_str(&self.mapping).unwrap_or_default()
    }

    pub fn shown_failures(&self) -> Vec<ShownFailure> {
        serde_json::from_str(&self.failures).unwrap_or_default()
    }

    pub fn error(&self) -> Option<StoredError> {
        self.error.as_deref().and_then(|e| serde_json::from_str(e).ok())
    }

    /// Whether a worker is at it.
    pub fn is_working(&self) -> bool {
        matches!(self.status, ImportStatus::Checking | ImportStatus::Running)
    }
}

/// An uploaded file about to wait for its mapping.
pub struct NewImport<'a> {
    pub resource: &'a str,
    pub admin_user_id: i64,
    pub file_name: &'a str,
    pub file_key: &'a str,
    pub encoding: Option<&'a str>,
    pub headers: &'a [String],
    pub mapping: &'a [String],
}

/// A new import of an uploaded file, waiting for its mapping. Returns its id.
pub fn create(conn: &mut DbConn, new: &NewImport<'_>) -> QueryResult<i64> {
    let NewImport { resource, admin_user_id, file_name, file_key, encoding, headers, mapping } =
        *new;
    let now = crate::db::now();
    let json = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    diesel::insert_into(imports::table)
        .values((
            imports::resource.eq(resource),
            imports::admin_user_id.eq(admin_user_id),
            imports::file_name.eq(file_name),
            imports::file_key.eq(file_key),
            imports::encoding.eq(encoding),
            imports::headers.eq(json(headers)),
            imports::mapping.eq(json(mapping)),
            imports::mode.eq("skip"),
            imports::status.eq(ImportStatus::Mapping.as_str()),
            imports::rows_total.eq(0),
            imports::rows_done.eq(0),
            imports::created_count.eq(0),
            imports::updated_count.eq(0),
            imports::unchanged_count.eq(0),
            imports::failed_count.eq(0),
            imports::companies_created.eq(0),
            imports::create_companies.eq(false),
            imports::failures.eq("[]"),
            imports::committed.eq(false),
            imports::created_at.eq(now),
            imports::updated_at.eq(now),
        ))
        .execute(conn)?;
    // The key is random and unique: it names the row just made on every backend.
    imports::table.filter(imports::file_key.eq(file_key)).select(imports::id).first(conn)
}

/// The mapping `admin_user_id` chose last for `resource`, by header: what a new file with the
/// same headers starts from.
pub fn last_mapping(
    conn: &mut DbConn,
    admin_user_id: i64,
    resource: &str,
) -> QueryResult<Vec<(String, String)>> {
    let last: Option<(String, String)> = imports::table
        .filter(imports::admin_user_id.eq(admin_user_id))
        .filter(imports::resource.eq(resource))
        .filter(imports::status.ne(ImportStatus::Mapping.as_str()))
        .order(imports::id.desc())
        .select((imports::headers, imports::mapping))
        .first(conn)
        .optional()?;
    let Some((headers, mapping)) = last else { return Ok(Vec::new()) };
    let headers: Vec<String> = serde_json::from_str(&headers).unwrap_or_default();
    let mapping: Vec<String> = serde_json::from_str(&mapping).unwrap_or_default();
    Ok(headers.into_iter().zip(mapping).collect())
}

/// What a step of an import's pages sets besides its state.
#[derive(Default)]
pub struct Choices<'a> {
    pub mapping: Option<&'a [String]>,
    pub create_companies: Option<bool>,
    pub mode: Option<&'a str>,
}

/// Moves import `id` from `from` to `to` (with the choices made); false when it was not in
/// `from` (a second click, another tab).
pub fn advance(
    conn: &mut DbConn,
    id: i64,
    from: ImportStatus,
    to: ImportStatus,
    choices: &Choices<'_>,
) -> QueryResult<bool> {
    let Choices { mapping, create_companies, mode } = *choices;
    let now = crate::db::now();
    let row = imports::table.filter(imports::id.eq(id)).filter(imports::status.eq(from.as_str()));
    let changed = diesel::update(row)
        .set((
            imports::status.eq(to.as_str()),
            imports::rows_done.eq(0),
            imports::updated_at.eq(now),
        ))
        .execute(conn)?;
    if changed == 1 {
        if let Some(mapping) = mapping {
            let json = serde_json::to_string(mapping).unwrap_or_else(|_| "[]".into());
            diesel::update(imports::table.find(id)).set(imports::mapping.eq(json)).execute(conn)?;
        }
        if let Some(mode) = mode {
            diesel::update(imports::table.find(id)).set(imports::mode.eq(mode)).execute(conn)?;
        }
        if let Some(create) = create_companies {
            diesel::update(imports::table.find(id))
                .set(imports::create_companies.eq(create))
                .execute(conn)?;
        }
    }
    Ok(changed == 1)
}

/// A run that wrote no progress for this long has stopped (its worker died): progress is
/// written every half second while rows go in, and counting the rows of the largest file takes
/// well under this.
pub const STALLED_AFTER: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// Marks import `id` failed when its run stopped without saying so; true when it did.
pub fn fail_if_stalled(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let error = StoredError { message: "import-error-stopped".into(), args: Vec::new() };
    let changed = diesel::update(
        imports::table
            .filter(imports::id.eq(id))
            .filter(
                imports::status
                    .eq_any([ImportStatus::Checking.as_str(), ImportStatus::Running.as_str()]),
            )
            .filter(imports::updated_at.lt(now - STALLED_AFTER)),
    )
    .set((
        imports::status.eq(ImportStatus::Failed.as_str()),
        imports::error.eq(serde_json::to_string(&error).ok()),
        imports::finished_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Counts so far.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
    pub total: i64,
    pub done: i64,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub failed: i64,
    pub companies_created: i64,
}

pub fn set_progress(conn: &mut DbConn, id: i64, p: &Progress, started: bool) -> QueryResult<()> {
    let now = crate::db::now();
    diesel::update(imports::table.find(id))
        .set((
            imports::rows_total.eq(p.total),
            imports::rows_done.eq(p.done),
            imports::created_count.eq(p.created),
            imports::updated_count.eq(p.updated),
            imports::unchanged_count.eq(p.unchanged),
            imports::failed_count.eq(p.failed),
            imports::companies_created.eq(p.companies_created),
            imports::updated_at.eq(now),
        ))
        .execute(conn)?;
    if started {
        diesel::update(imports::table.find(id))
            .set((imports::started_at.eq(now), imports::finished_at.eq(None::<NaiveDateTime>)))
            .execute(conn)?;
    }
    Ok(())
}

/// How a run ended.
pub struct Finished<'a> {
    pub status: ImportStatus,
    pub progress: Progress,
    /// The first failed rows.
    pub failures: &'a [ShownFailure],
    /// The stored workbook of every failed row.
    pub failures_key: Option<&'a str>,
    pub error: Option<&'a StoredError>,
    pub committed: bool,
}

/// The end of a run: its state, counts, first failures and where the workbook of all is.
pub fn finish(conn: &mut DbConn, id: i64, f: &Finished<'_>) -> QueryResult<()> {
    let Finished { status, progress, failures, failures_key, error, committed } = *f;
    set_progress(conn, id, &progress, false)?;
    let now = crate::db::now();
    diesel::update(imports::table.find(id))
        .set((
            imports::status.eq(status.as_str()),
            imports::failures.eq(serde_json::to_string(failures).unwrap_or_else(|_| "[]".into())),
            imports::failures_key.eq(failures_key),
            imports::error.eq(error.map(|e| serde_json::to_string(e).unwrap_or_default())),
            imports::committed.eq(committed),
            imports::finished_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
