//! What an admin does to a feed source besides editing it: fetching it now.

use super::prelude::*;
use crate::tasks::Task;

/// Fetches source `id` now rather than at its next turn; the run shows in its log.
pub(super) fn fetch_now(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    if crate::feed_sources::FeedSource::find(conn, id)?.is_none() {
        return Err(AppError::NotFound);
    }
    crate::tasks::fetch_feed::FetchFeed { source_id: id }.enqueue(conn)?;
    Ok(Done::notice(a.tr.t("admin-feed-fetch-queued")))
}
