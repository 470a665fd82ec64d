//! What an admin does to seekers' alerts: unsubscribing and deleting them.

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::job_alerts;
use crate::models::audit;

/// Stops alert `id`, unless it already stopped.
pub(super) fn unsubscribe(conn: &mut DbConn, id: i64, b: &Batch) -> Result<bool, AppError> {
    let row = job_alerts::table.find(id);
    let found: Option<(String, Option<NaiveDateTime>)> =
        row.select((job_alerts::email, job_alerts::unsubscribed_at)).first(conn).optional()?;
    let Some((email, None)) = found else { return Ok(false) };
    let now = crate::db::now();
    let stop = (job_alerts::unsubscribed_at.eq(now), job_alerts::updated_at.eq(now));
    diesel::update(row).set(stop).execute(conn)?;
    audit::record(conn, b.actor, "unsubscribe", "job_alerts", id, &email, &[])?;
    Ok(true)
}

/// Deletes alert `id`, audited.
pub(super) fn delete(conn: &mut DbConn, id: i64, b: &Batch) -> Result<bool, AppError> {
    let row = job_alerts::table.find(id);
    let Some(email) = row.select(job_alerts::email).first::<String>(conn).optional()? else {
        return Ok(false);
    };
    diesel::delete(row).execute(conn)?;
    audit::record(conn, b.actor, "delete", "job_alerts", id, &email, &[])?;
    Ok(true)
}
