//! The signed-in user's own settings: language, and ending every session.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{AdminForm, CurrentAdmin, Flash};
use crate::auth::session;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::admin_user::AdminUser;
use crate::state::AppState;
use crate::web::with_conn;

#[derive(Deserialize)]
pub struct Empty {}

/// Ends every session of this user, this one included ("log out everywhere").
pub async fn logout_everywhere(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    _form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let id = admin.user.id;
    let ended = with_conn(&state, move |conn| Ok(session::revoke_all(conn, id)?)).await?;
    log::info!("admin user {id} ended all {ended} sessions");
    admin.session.purge();
    Flash::notice(&admin.session, admin.tr.tn("admin-logged-out-everywhere", ended as i64));
    Ok(crate::web::see_other("/admin/login"))
}

#[derive(Deserialize)]
pub struct LocaleForm {
    locale: String,
    #[serde(default)]
    back: String,
}

/// The back office's language for this user, whatever the content's language.
pub async fn set_locale(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    form: AdminForm<LocaleForm>,
) -> Result<HttpResponse, AppError> {
    let locale =
        Locale::parse(&form.data.locale).ok_or(AppError::BadRequest("error-bad-request"))?;
    let id = admin.user.id;
    with_conn(&state, move |conn| Ok(AdminUser::set_locale(conn, id, locale)?)).await?;
    Flash::notice(&admin.session, state.tr(locale).t("admin-locale-saved"));
    let back = super::login::safe_next(&form.data.back);
    Ok(crate::web::see_other(&back))
}
