//! The back-office users' member action that is not a form: resetting a user's second factor
//! (a lost phone), so they sign in with their password and enrol again.

use super::prelude::*;
use crate::models::admin_user::AdminUser;
use crate::security::events::{Severity, record};

#[derive(serde::Deserialize)]
pub struct Empty {}

/// `POST /admin/admin_users/{id}/reset-two-factor`: turns the user's second factor off and
/// drops their recovery codes. Audited, and in the security log.
pub async fn reset_two_factor(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: crate::admin::CurrentAdmin,
    path: actix_web::web::Path<String>,
    _form: crate::admin::AdminForm<Empty>,
) -> Result<actix_web::HttpResponse, AppError> {
    admin.require(Area::AdminUsers, Action::Update)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let actor = admin.actor();
    let reset = crate::web::with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let user = AdminUser::find(conn, id)?.ok_or(AppError::NotFound)?;
            let reset = crate::models::second_factor::disable(conn, id)?;
            if reset {
                crate::admin::two_factor::audit(conn, &actor, id, &user.email, "on", "off")?;
            }
            Ok(reset)
        })
    })
    .await?;
    if reset {
        record(
            &admin.request,
            Severity::Warning,
            "two-factor-reset",
            &[("user", &id.to_string()), ("by", &admin.user.id.to_string())],
        );
    }
    let message = if reset { "admin-two-factor-reset-done" } else { "admin-two-factor-reset-none" };
    crate::admin::Flash::notice(&admin.session, admin.tr.t(message));
    Ok(crate::web::see_other(&format!("/admin/admin_users/{id}")))
}
