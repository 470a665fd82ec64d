//! Storage limitation (GDPR art. 5(1)(e)): applications nobody has touched for
//! `APPLICATION_RETENTION_DAYS` are deleted with their CVs and the notes about them. A stage
//! change or an edit counts as a touch (`updated_at`). Deleted in batches, each in its own
//! transaction and audited; the files go after each commit (a file whose deletion fails is
//! an orphan for `purge_uploads`).

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::db::schema::applications;
use crate::models::audit::Actor;

/// Applications deleted per transaction.
const BATCH: i64 = 200;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PurgeApplications;

impl Task for PurgeApplications {
    const KIND: &'static str = "purge_applications";
    const QUEUE: &'static str = "maintenance";
    const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(600);

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let days = ctx.config.application_retention_days;
        if days == 0 {
            return Ok(());
        }
        let before = crate::db::now() - chrono::TimeDelta::days(i64::from(days));
        let mut deleted = 0;
        loop {
            let config = ctx.config.clone();
            let (count, files) = ctx
                .with_conn(move |conn| {
                    Ok(crate::db::write_transaction(conn, |conn| {
                        let ids: Vec<i64> = applications::table
                            .filter(applications::updated_at.lt(before))
                            .order(applications::id.asc())
                            .limit(BATCH)
                            .select(applications::id)
                            .load(conn)?;
                        let actor = Actor { admin_user_id: None, label: "retention".into() };
                        let files = crate::models::application::delete_with_notes(
                            conn,
                            &ids,
                            &actor,
                            (&config.secret_key, crate::privacy::register::Origin::Retention),
                        )?;
                        Ok::<_, diesel::result::Error>((ids.len(), files))
                    })?)
                })
                .await?;
            for key in files {
                if let Err(e) = ctx.storage.delete(&key).await {
                    log::warn!("a deleted application's CV stays until the upload purge: {e}");
                }
            }
            deleted += count;
            if (count as i64) < BATCH {
                break;
            }
        }
        if deleted > 0 {
            log::info!("deleted {deleted} application(s) untouched for {days} days");
        }
        Ok(())
    }
}
