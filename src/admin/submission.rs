//! A recruiter's side of moderation (see `models::job::review`): sending a posting for review
//! with its button, or by editing it while it is live.

use diesel::prelude::*;

use super::resource::{ActInput, Done, Editor};
use crate::db::DbConn;
use crate::db::schema::jobs;
use crate::error::AppError;
use crate::models::JobStatus;

/// Sends posting `id` for the staff's review (a trusted company's goes live at once).
pub fn submit(conn: &mut DbConn, id: i64, a: &ActInput) -> Result<Done, AppError> {
    use crate::models::job::review::{self, ReviewError, Submitted};
    let snapshot = crate::admin::review_diff::snapshot(conn, id, &a.tr)?;
    match review::submit(conn, id, &snapshot, a.actor, crate::db::now()) {
        Ok(Submitted::Pending) => Ok(Done::notice(a.tr.t("admin-submitted"))),
        Ok(Submitted::Published) => Ok(Done::notice(a.tr.t("admin-submitted-published"))),
        Err(ReviewError::NotSubmittable(status)) => Ok(Done::alert(a.tr.t1(
            "admin-submit-not-allowed",
            "status",
            &a.tr.t(status.label_key()),
        ))),
        Err(ReviewError::NotFound) => Err(AppError::NotFound),
        Err(ReviewError::Database(e)) => Err(e.into()),
        Err(e) => Err(AppError::Internal(e.to_string())),
    }
}

/// A recruiter's edit of a live posting goes live only after review, as their first version
/// did (a trusted company's at once): the posting waits in the queue meanwhile.
pub fn resubmit_if_live(conn: &mut DbConn, id: i64, editor: &Editor) -> Result<(), AppError> {
    use crate::db::schema::admin_users;
    let status: String = jobs::table.find(id).select(jobs::status).first(conn)?;
    if status != JobStatus::Published.as_str() {
        return Ok(());
    }
    let user = editor.viewer.admin_user_id;
    let (name, email): (String, String) = admin_users::table
        .find(user)
        .select((admin_users::name, admin_users::email))
        .first(conn)?;
    let label = if name.trim().is_empty() { email } else { name };
    let actor = crate::models::audit::Actor { admin_user_id: Some(user), label };
    let snapshot = crate::admin::review_diff::snapshot(conn, id, &editor.tr)?;
    crate::models::job::review::submit(conn, id, &snapshot, &actor, crate::db::now())
        .map_err(|e| AppError::Internal(format!("sending an edited posting for review: {e}")))?;
    Ok(())
}
