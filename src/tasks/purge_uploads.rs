//! Removes stored files nothing refers to any more: the CV of an application deleted with
//! its posting, a file stored for a form whose database write then failed, a replaced logo.
//! Files younger than an hour are left alone: a form may be between storing its file and
//! committing the row that refers to it.

use std::collections::HashSet;

use chrono::{TimeDelta, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::db::schema::{applications, companies};

pub const GRACE: TimeDelta = TimeDelta::hours(1);

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
        let cutoff = Utc::now() - GRACE;
        let mut files =
            ctx.storage.list(crate::uploads::cv::PREFIX).await.map_err(TaskError::retry)?;
        files.extend(ctx.storage.list("logos").await.map_err(TaskError::retry)?);
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
    Ok(keys)
}

/// `logos/{key}-thumb.png` belongs to the logo `logos/{key}.{ext}`.
fn is_logo_version_of(file: &str, referenced: &HashSet<String>) -> bool {
    let Some((base, _version)) = file.rsplit_once('-') else {
        return false;
    };
    referenced.iter().any(|key| key.rsplit_once('.').is_some_and(|(stem, _)| stem == base))
}
