//! The webhook endpoints' member action that is not a form: rotating the signing secret.

use diesel::prelude::*;

use crate::auth::policy::Area;
use crate::db::schema::webhook_endpoints;
use crate::error::AppError;

#[derive(serde::Deserialize)]
pub struct Empty {}

/// `POST /admin/webhooks/{id}/rotate-secret`: a new signing secret; the old one signs beside
/// it for a day, so the receiver can switch without losing deliveries. Audited (without the
/// secrets).
pub async fn rotate_secret(
    state: actix_web::web::Data<crate::state::AppState>,
    admin: crate::admin::CurrentAdmin,
    path: actix_web::web::Path<String>,
    _form: crate::admin::AdminForm<Empty>,
) -> Result<actix_web::HttpResponse, AppError> {
    admin.require(Area::Tasks, crate::auth::policy::Action::Update)?;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let actor = admin.actor();
    crate::web::with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let url: String = webhook_endpoints::table
                .find(id)
                .select(webhook_endpoints::url)
                .first(conn)
                .optional()?
                .ok_or(AppError::NotFound)?;
            crate::webhooks::endpoint::rotate_secret(conn, id, crate::db::now())?;
            crate::models::audit::record(
                conn,
                &actor,
                "update",
                "webhooks",
                id,
                &url,
                &[crate::models::audit::Change::new("secret", None, None)],
            )?;
            Ok(())
        })
    })
    .await?;
    crate::admin::Flash::notice(&admin.session, admin.tr.t("admin-webhook-secret-rotated"));
    Ok(crate::web::see_other(&format!("/admin/webhooks/{id}")))
}
