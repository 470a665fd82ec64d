//! Webhook endpoints and the fan-out of events to them.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::webhook_endpoints;
use crate::tasks::Task;

/// Whether an endpoint's `events` list (comma-separated, `*` for all) takes `kind`.
pub fn subscribes(events: &str, kind: &str) -> bool {
    events.split(',').map(str::trim).any(|e| e == "*" || e == kind)
}

/// Enqueues a delivery of event `event_id` to every enabled endpoint that takes its kind, in
/// the caller's transaction (the event's own).
pub fn fan_out(conn: &mut DbConn, event_id: i64, kind: &str) -> QueryResult<usize> {
    let endpoints: Vec<(i64, String)> = webhook_endpoints::table
        .filter(webhook_endpoints::enabled.eq(true))
        .select((webhook_endpoints::id, webhook_endpoints::events))
        .load(conn)?;
    let mut queued = 0;
    for (endpoint_id, events) in endpoints {
        if subscribes(&events, kind) {
            super::deliver::DeliverWebhook { endpoint_id, event_id }.enqueue(conn)?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Creates an endpoint with a fresh secret; its id.
pub fn create(conn: &mut DbConn, url: &str, events: &str, description: &str) -> QueryResult<i64> {
    let now = crate::db::now();
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::url.eq(url),
            webhook_endpoints::events.eq(events),
            webhook_endpoints::description.eq(description),
            webhook_endpoints::secret.eq(super::signature::new_secret()),
            webhook_endpoints::enabled.eq(true),
            webhook_endpoints::created_at.eq(now),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute(conn)?;
    crate::db::dialect::last_insert_id(conn, "webhook_endpoints")
}

/// The most endpoints a board has: each event is sent to every one of them, so a runaway
/// integration must not be able to multiply the board's outgoing traffic without bound.
pub const MAX_ENDPOINTS: i64 = 50;

/// The kind of the test event sent to one endpoint on request; no endpoint subscribes to it.
pub const PING: &str = "webhook.ping";

/// Records a test event for endpoint `id` and queues its delivery to that endpoint only;
/// the event's id (its `webhook-id` is `msg_{id}`), or none when there is no such endpoint.
/// Like every delivery, it goes out only while the endpoint is on.
pub fn ping(conn: &mut DbConn, id: i64, now: chrono::NaiveDateTime) -> QueryResult<Option<i64>> {
    use crate::db::schema::events;
    let url: Option<String> =
        webhook_endpoints::table.find(id).select(webhook_endpoints::url).first(conn).optional()?;
    let Some(url) = url else {
        return Ok(None);
    };
    // The envelope of every event (Standard Webhooks): type, timestamp, data.
    let payload = serde_json::json!({
        "type": PING,
        "timestamp": now.and_utc().to_rfc3339(),
        "data": { "endpoint_id": id, "url": url },
    });
    diesel::insert_into(events::table)
        .values((
            events::kind.eq(PING),
            events::subject_id.eq(id),
            events::payload.eq(payload.to_string()),
            events::created_at.eq(now),
        ))
        .execute(conn)?;
    let event_id = crate::db::dialect::last_insert_id(conn, "events")?;
    super::deliver::DeliverWebhook { endpoint_id: id, event_id }.enqueue(conn)?;
    Ok(Some(event_id))
}

/// [`rotate_secret`] with its audit entry (which names the change, never the secrets).
/// False: no such endpoint.
pub fn rotate_secret_audited(
    conn: &mut DbConn,
    id: i64,
    actor: &crate::models::audit::Actor,
) -> QueryResult<bool> {
    use crate::models::audit::{self, Change};
    let url: Option<String> =
        webhook_endpoints::table.find(id).select(webhook_endpoints::url).first(conn).optional()?;
    let Some(url) = url else {
        return Ok(false);
    };
    rotate_secret(conn, id, crate::db::now())?;
    audit::record(
        conn,
        actor,
        "update",
        "webhooks",
        id,
        &url,
        &[Change::new("secret", None, None)],
    )?;
    Ok(true)
}

/// How long the previous secret keeps signing after a rotation: time for the receiver to
/// take the new one.
pub const ROTATION_OVERLAP: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// Gives an endpoint a new secret; the old one goes on signing beside it for
/// [`ROTATION_OVERLAP`], so a receiver that still checks the old one keeps accepting
/// deliveries (Standard Webhooks: several signatures, space-separated). False: no such
/// endpoint.
pub fn rotate_secret(conn: &mut DbConn, id: i64, now: chrono::NaiveDateTime) -> QueryResult<bool> {
    let current: Option<String> = webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::secret)
        .first(conn)
        .optional()?;
    let Some(current) = current else {
        return Ok(false);
    };
    diesel::update(webhook_endpoints::table.find(id))
        .set((
            webhook_endpoints::previous_secret.eq(Some(current)),
            webhook_endpoints::previous_secret_expires_at.eq(Some(now + ROTATION_OVERLAP)),
            webhook_endpoints::secret.eq(super::signature::new_secret()),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// The secrets that sign a delivery at `now`: the current one, and the previous one while its
/// overlap lasts.
pub fn signing_secrets(
    current: String,
    previous: Option<String>,
    previous_until: Option<chrono::NaiveDateTime>,
    now: chrono::NaiveDateTime,
) -> Vec<String> {
    let mut secrets = vec![current];
    if let (Some(previous), Some(until)) = (previous, previous_until)
        && until > now
    {
        secrets.push(previous);
    }
    secrets
}
