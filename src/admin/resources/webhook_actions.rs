//! What an admin does to a webhook endpoint besides editing it: rotating its secret and
//! sending it a test event.

use super::prelude::*;

/// A new signing secret for endpoint `id`; the old one signs beside it for a day, so the
/// receiver can switch without losing deliveries. Audited (without the secrets).
pub(super) fn rotate_secret(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    if !crate::webhooks::endpoint::rotate_secret_audited(conn, id, a.actor)? {
        return Err(AppError::NotFound);
    }
    Ok(Done::notice(a.tr.t("admin-webhook-secret-rotated")))
}

/// A `webhook.ping` event to this endpoint alone: the receiver's set-up checked without
/// waiting for a real event. Its delivery shows in the endpoint's log.
pub(super) fn ping(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    crate::webhooks::endpoint::ping(conn, id, crate::db::now())?.ok_or(AppError::NotFound)?;
    Ok(Done::notice(a.tr.t("admin-webhook-pinged")))
}
