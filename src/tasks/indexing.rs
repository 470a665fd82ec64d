//! The recurring `indexing` task: Google's Indexing API told about the postings' pages that
//! went live (`URL_UPDATED`) or closed (`URL_DELETED`) since its last run, read from the
//! events the webhooks send. Does nothing unless `GOOGLE_INDEXING_CREDENTIALS` is set. A
//! failure leaves the cursor at the last page told, so the next run takes up from there; it
//! ends the task dead with its reason, which `/admin/tasks` shows.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Task, TaskContext, TaskError};
use crate::db::DbConn;
use crate::db::schema::{events, indexing_cursor};
use crate::indexing::{Client, Notice};

/// Pages told per run: Google's default quota is 200 a day.
const PER_RUN: i64 = 100;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexingSweep;

/// A page to tell about, and the event it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub event_id: i64,
    pub url: String,
    pub notice: Notice,
}

impl Task for IndexingSweep {
    const KIND: &'static str = "indexing_sweep";
    const QUEUE: &'static str = "indexing";
    // The next run tries again, from the same place.
    const MAX_ATTEMPTS: i32 = 1;

    fn dedup_key(&self) -> Option<String> {
        Some(Self::KIND.to_owned())
    }

    async fn run(self, ctx: TaskContext) -> Result<(), TaskError> {
        let Some(config) = ctx.config.google_indexing.clone() else {
            return Ok(());
        };
        let base = ctx.config.base_url.clone();
        let (due, last) = ctx.with_conn(move |c| Ok(due(c, &base)?)).await?;
        if due.is_empty() {
            ctx.with_conn(move |c| Ok(advance(c, last)?)).await?;
            return Ok(());
        }
        let client = Client::sign_in(&config)
            .await
            .map_err(|f| TaskError::permanent(format!("Indexing API: {}", f.message)))?;
        let mut done = None;
        let mut failed = None;
        for page in &due {
            match client.notify(&page.url, page.notice).await {
                Ok(()) => done = Some(page.event_id),
                // Google refuses this page (not the site's, say): the others go on.
                Err(f) if !f.retry => {
                    log::warn!("Indexing API refused {}: {}", page.url, f.message);
                    done = Some(page.event_id);
                }
                Err(f) => {
                    failed = Some(f.message);
                    break;
                }
            }
        }
        let reached = if failed.is_some() { done } else { Some(last) };
        if let Some(reached) = reached {
            ctx.with_conn(move |c| Ok(advance(c, reached)?)).await?;
        }
        match failed {
            Some(message) => Err(TaskError::permanent(format!("Indexing API: {message}"))),
            None => {
                log::info!("told the Indexing API about {} page(s)", due.len());
                Ok(())
            }
        }
    }
}

/// The pages to tell about after the cursor (the latest notice per page), and the last event
/// looked at. On the first run the cursor starts at the latest event: nothing older is sent.
pub fn due(conn: &mut DbConn, base_url: &str) -> QueryResult<(Vec<Due>, i64)> {
    let cursor: Option<i64> = indexing_cursor::table
        .find(1)
        .select(indexing_cursor::last_event_id)
        .first(conn)
        .optional()?;
    let latest: i64 =
        events::table.select(diesel::dsl::max(events::id)).first::<Option<i64>>(conn)?.unwrap_or(0);
    let Some(cursor) = cursor else {
        diesel::insert_into(indexing_cursor::table)
            .values((indexing_cursor::id.eq(1), indexing_cursor::last_event_id.eq(latest)))
            .execute(conn)?;
        return Ok((Vec::new(), latest));
    };
    let rows: Vec<(i64, String, String)> = events::table
        .filter(events::id.gt(cursor))
        .filter(events::id.le(latest))
        .filter(events::kind.eq_any(["job.published", "job.updated", "job.expired"]))
        .order(events::id.asc())
        .limit(PER_RUN)
        .select((events::id, events::kind, events::payload))
        .load(conn)?;
    // Every event up to the latest was looked at, job events or not, unless the run is full.
    let last = match rows.last() {
        Some((id, _, _)) if rows.len() as i64 == PER_RUN => *id,
        _ => latest.max(cursor),
    };
    let mut due: Vec<Due> = Vec::new();
    for (event_id, kind, payload) in rows {
        let Ok(payload) = serde_json::from_str::<serde_json::Value>(&payload) else {
            continue;
        };
        let text = |key: &str| payload["data"][key].as_str().unwrap_or_default().to_owned();
        let (slug, language, status) = (text("slug"), text("language"), text("status"));
        let notice = match (kind.as_str(), status.as_str()) {
            ("job.published", _) | ("job.updated", "published") => Notice::Updated,
            // In review, a live posting leaves the site until it is approved.
            ("job.expired", _) | ("job.updated", "archived" | "filled" | "pending_review") => {
                Notice::Deleted
            }
            // A draft's edits concern no public page.
            _ => continue,
        };
        if slug.is_empty() || language.is_empty() {
            continue;
        }
        let url = format!("{base_url}/{language}/jobs/{slug}");
        due.retain(|d| d.url != url);
        due.push(Due { event_id, url, notice });
    }
    due.sort_by_key(|d| d.event_id);
    Ok((due, last))
}

fn advance(conn: &mut DbConn, to: i64) -> QueryResult<()> {
    diesel::update(indexing_cursor::table.find(1))
        .set(indexing_cursor::last_event_id.eq(to))
        .execute(conn)?;
    Ok(())
}
