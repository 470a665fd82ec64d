//! Partners' feeds on their schedules: `FeedsDue` (recurring) claims the sources whose time
//! has come and enqueues a `FetchFeed` for each; `FetchFeed` fetches, reads and applies one
//! source and logs the run on it. A feed that cannot be fetched or read changes nothing.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::feed_sources::fetch::{MAX_BODY, fetch};
use crate::feed_sources::{self, FeedFormat, FeedSource, RunError, RunLog, parse, sync};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FeedsDue;

impl Task for FeedsDue {
    const KIND: &'static str = "feeds_due";
    const QUEUE: &'static str = "feeds";

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        ctx.with_conn(|conn| {
            for source_id in feed_sources::claim_due(conn, crate::db::now())? {
                FetchFeed { source_id }.enqueue(conn)?;
            }
            Ok(())
        })
        .await
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FetchFeed {
    pub source_id: i64,
}

impl Task for FetchFeed {
    const KIND: &'static str = "fetch_feed";
    const QUEUE: &'static str = "feeds";
    // A failed fetch waits for the source's next turn: the run log says what happened.
    const MAX_ATTEMPTS: i32 = 1;
    const TIMEOUT: Duration = Duration::from_secs(15 * 60);

    fn dedup_key(&self) -> Option<String> {
        Some(format!("feed:{}", self.source_id))
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let id = self.source_id;
        let Some(source) = ctx.with_conn(move |c| Ok(FeedSource::find(c, id)?)).await? else {
            return Ok(());
        };
        let started_at = crate::db::now();
        let clock = Instant::now();
        let log = run_source(&ctx, source, started_at).await?;
        let duration_ms = clock.elapsed().as_millis().min(i32::MAX as u128) as i32;
        if let Some(error) = &log.error {
            log::warn!("feed {id}: {} {:?}", error.message, error.args);
        }
        ctx.with_conn(move |c| Ok(feed_sources::log_run(c, id, started_at, duration_ms, &log)?))
            .await
    }
}

async fn run_source(
    ctx: &TaskContext,
    source: FeedSource,
    started_at: chrono::NaiveDateTime,
) -> Result<RunLog, TaskError> {
    let failed = |message: &str, args| RunLog {
        error: Some(RunError::new(message, args)),
        ..Default::default()
    };
    let Some(format) = FeedFormat::parse(&source.format) else {
        return Ok(failed("feed-error-syntax", Vec::new()));
    };
    let body = match fetch(&source.url, &ctx.config.webhook_allow_hosts, MAX_BODY).await {
        Ok(body) => body,
        Err(e) => {
            let (message, args) = e.message();
            return Ok(failed(message, args));
        }
    };
    let postings = match tokio::task::spawn_blocking(move || parse::parse(format, &body)).await {
        Ok(Ok(postings)) => postings,
        Ok(Err(e)) => {
            log::info!("feed {}: {e}", source.id);
            let (message, args) = e.message();
            return Ok(failed(message, args));
        }
        Err(e) => return Err(TaskError::permanent(e.to_string())),
    };
    let (messages, search) = (ctx.messages.clone(), ctx.search.clone());
    ctx.with_conn(move |conn| {
        Ok(sync::apply(conn, &source, &postings, &messages, Some(&search), started_at)?)
    })
    .await
}
