//! Deletes finished tasks past their retention, so the queue table stays small (dead tasks
//! stay until an admin retries or discards them), and the API's idempotency keys past theirs.

use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};

/// How long finished tasks are kept for the admin's history and throughput chart.
pub const RETENTION_DAYS: i64 = 7;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PurgeTasks;

impl Task for PurgeTasks {
    const KIND: &'static str = "purge_tasks";
    const QUEUE: &'static str = "maintenance";

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let purged = ctx
            .with_conn(|conn| {
                let before = crate::db::now() - chrono::TimeDelta::days(RETENTION_DAYS);
                let keys_before = crate::db::now() - crate::models::idempotency::KEEP;
                let keys = crate::models::idempotency::purge(conn, keys_before)?;
                Ok((super::queue::purge_done(conn, before)?, keys))
            })
            .await?;
        let (purged, keys) = purged;
        if purged > 0 {
            log::info!("purged {purged} finished task(s) older than {RETENTION_DAYS} days");
        }
        if keys > 0 {
            log::info!("forgot {keys} idempotency key(s) older than a day");
        }
        Ok(())
    }
}
