//! What an admin does to a webhook delivery: sending it again.

use super::prelude::*;
use crate::db::schema::webhook_deliveries;
use crate::tasks::Task;

/// Sends delivery `id`'s event to its endpoint again (a new task; the receiver sees the same
/// `webhook-id`).
pub(super) fn replay(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    let (endpoint_id, event_id): (i64, i64) = webhook_deliveries::table
        .find(id)
        .select((webhook_deliveries::endpoint_id, webhook_deliveries::event_id))
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let queued =
        crate::webhooks::deliver::DeliverWebhook { endpoint_id, event_id }.enqueue(conn)?;
    Ok(Done::notice(a.tr.t(match queued {
        Some(_) => "admin-webhook-replayed",
        None => "admin-webhook-replay-pending",
    })))
}
