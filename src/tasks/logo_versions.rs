//! Makes the `thumb` (64 px) and `medium` (256 px) versions of a company's new logo, then
//! marks them ready. Idempotent: the versions are overwritten, and a logo replaced in the
//! meantime is left alone (its own task makes its versions).

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::db::schema::companies;
use crate::uploads::logo;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LogoVersions {
    pub company_id: i64,
    /// The logo's storage key when the task was enqueued.
    pub key: String,
}

impl Task for LogoVersions {
    const KIND: &'static str = "logo_versions";
    const QUEUE: &'static str = "media";

    fn dedup_key(&self) -> Option<String> {
        Some(format!("logo-versions-{}", self.key))
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let Some(original) = ctx.storage.get(&self.key).await.map_err(TaskError::retry)? else {
            // Replaced or removed since: nothing to make.
            return Ok(());
        };
        let made = tokio::task::spawn_blocking(move || logo::versions(&original))
            .await
            .map_err(|e| TaskError::retry(format!("the resize failed: {e}")))?
            .map_err(TaskError::permanent)?;
        for (version, bytes) in made {
            ctx.storage
                .put(&logo::version_key(&self.key, version), bytes)
                .await
                .map_err(TaskError::retry)?;
        }
        let (id, key) = (self.company_id, self.key.clone());
        ctx.with_conn(move |conn| {
            diesel::update(
                companies::table.filter(companies::id.eq(id)).filter(companies::logo_key.eq(&key)),
            )
            .set(companies::logo_versions.eq(true))
            .execute(conn)?;
            Ok(())
        })
        .await?;
        log::info!("made the logo versions of company {}", self.company_id);
        Ok(())
    }
}
