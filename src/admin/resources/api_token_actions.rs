//! What an admin does to an API token besides renaming it: revoking it.

use super::prelude::*;
use crate::db::schema::api_tokens;

/// Ends token `id` at once: its next request is a 401. Audited.
pub(super) fn revoke(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    use crate::models::audit::{self, Change};
    let name: String = api_tokens::table
        .find(id)
        .select(api_tokens::name)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    if !crate::models::api_token::revoke(conn, id, crate::db::now())? {
        return Ok(Done::alert(a.tr.t("admin-token-already-revoked")));
    }
    let change = Change::new("status", Some("active"), Some("revoked"));
    audit::record(conn, a.actor, "update", "api_tokens", id, &name, &[change])?;
    Ok(Done::notice(a.tr.t("admin-token-revoked-notice")))
}
