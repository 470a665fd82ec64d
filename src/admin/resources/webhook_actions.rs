//! What an admin does to a webhook endpoint besides editing it: rotating its secret.

use super::prelude::*;
use crate::db::schema::webhook_endpoints;

/// A new signing secret for endpoint `id`; the old one signs beside it for a day, so the
/// receiver can switch without losing deliveries. Audited (without the secrets).
pub(super) fn rotate_secret(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    use crate::models::audit::{self, Change};
    let url: String = webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::url)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    crate::webhooks::endpoint::rotate_secret(conn, id, crate::db::now())?;
    audit::record(
        conn,
        a.actor,
        "update",
        "webhooks",
        id,
        &url,
        &[Change::new("secret", None, None)],
    )?;
    Ok(Done::notice(a.tr.t("admin-webhook-secret-rotated")))
}
