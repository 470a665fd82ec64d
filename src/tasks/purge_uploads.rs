//! Removes stored files nothing refers to any more: the CV of an application deleted with
//! its posting, a file stored for a form whose database write then failed, a replaced logo,
//! the spreadsheets of imports past their retention (whose records go first). Files younger
//! than an hour are left alone: a form may be between storing its file and committing the row
//! that refers to it.

use std::collections::HashSet;

use chrono::{TimeDelta, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::db::schema::{applications, companies, imports};
use crate::models::ImportStatus;

pub const GRACE: TimeDelta = TimeDelta::hours(1);
/// How long an import (its spreadsheet, its failed rows, its page) is kept after its last
/// change; the audit log keeps its summary.
pub const IMPORT_RETENTION: TimeDelta = TimeDelta::days(30);

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PurgeUploads;

impl Task for PurgeUploads {
    const KIND: &'static str = "purge_uploads";
    const QUEUE: &'static str = "maintenance";
    const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(600);

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        // Listed before the references are read: a file stored after the listing is not
        // looked at, one referred to after the reading is younger than the grace period.
        let expired = ctx.with_conn(|conn| Ok(expire_imports(conn, crate::db::now())?)).await?;
        if expired > 0 {
            log::info!("removed {expired} import(s) past their retention");
        }
        let cutoff = Utc::now() - GRACE;
        let mut files =
            ctx.storage.list(crate::uploads::cv::PREFIX).await.map_err(TaskError::retry)?;
        for prefix in ["logos", "imports"] {
            files.extend(ctx.storage.list(prefix).await.map_err(TaskError::retry)?);
        }
        let referenced = ctx.with_conn(|conn| Ok(referenced(conn)?)).await?;
        let mut removed = 0;
        for (key, modified) in files {
            if modified > cutoff
                || referenced.contains(&key)
                || is_logo_version_of(&key, &referenced)
            {
                continue;
            }
            ctx.storage.delete(&key).await.map_err(TaskError::retry)?;
            removed += 1;
        }
        if removed > 0 {
            log::info!("removed {removed} stored file(s) nothing refers to");
        }
        Ok(())
    }
}

/// Every storage key a row refers to.
fn referenced(conn: &mut crate::db::DbConn) -> QueryResult<HashSet<String>> {
    let mut keys: HashSet<String> = applications::table
        .filter(applications::cv_key.is_not_null())
        .select(applications::cv_key.assume_not_null())
        .load::<String>(conn)?
        .into_iter()
        .collect();
    keys.extend(
        companies::table
            .filter(companies::logo_key.is_not_null())
            .select(companies::logo_key.assume_not_null())
            .load::<String>(conn)?,
    );
    let import_files: Vec<(String, Option<String>)> =
        imports::table.select((imports::file_key, imports::failures_key)).load(conn)?;
    for (file, failures) in import_files {
        keys.insert(file);
        keys.extend(failures);
    }
    Ok(keys)
}

/// Deletes the imports untouched for [`IMPORT_RETENTION`] that no worker is at; how many.
pub fn expire_imports(
    conn: &mut crate::db::DbConn,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    let working = [ImportStatus::Checking.as_str(), ImportStatus::Running.as_str()];
    diesel::delete(
        imports::table
            .filter(imports::updated_at.lt(now - IMPORT_RETENTION))
            .filter(imports::status.ne_all(working)),
    )
    .execute(conn)
}

/// `logos/{key}-thumb.png` belongs to the logo `logos/{key}.{ext}`.
fn is_logo_version_of(file: &str, referenced: &HashSet<String>) -> bool {
    let Some((base, _version)) = file.rsplit_once('-') else {
        return false;
    };
    referenced.iter().any(|key| key.rsplit_once('.').is_some_and(|(stem, _)| stem == base))
}
