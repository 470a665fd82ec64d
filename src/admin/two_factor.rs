//! `/admin/account/two-factor`: a user turns the second factor on (a QR code drawn on the
//! server, the secret as text, confirmed by a first code), keeps the recovery codes shown once,
//! makes new ones, and turns it off with a code.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use base64::Engine;
use serde::Deserialize;

use super::layout::{FlashKind, here};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::auth::totp;
use crate::error::AppError;
use crate::models::admin_user::{AttemptError, LoginError};
use crate::models::audit::{Actor, Change};
use crate::models::second_factor;
use crate::security::events::{Severity, record};
use crate::state::AppState;
use crate::web::with_conn;

pub const PAGE: &str = "/admin/account/two-factor";
/// Where the session keeps the secret being enrolled, so a reload shows the same QR code.
const ENROLMENT_KEY: &str = "totp_enrolment";
const MAX_CODE_LEN: usize = 64;

/// Pages a user who must enrol can still use: this one and the rest of their own account
/// (language, signing out everywhere). Signing out needs no signed-in user at all.
pub fn reachable_before_enrolment(path: &str) -> bool {
    path == PAGE || path.starts_with("/admin/account/")
}

/// What the page shows: one of the three is set.
pub struct Enrol {
    /// The QR code as a `data:` address: an SVG drawn here, without inline markup.
    pub qr: String,
    pub secret: String,
}

pub struct On {
    pub since: String,
    pub codes_left: String,
    pub few_left: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/two_factor.html")]
pub struct TwoFactorPage {
    pub l: AdminLayout,
    pub enrol: Option<Enrol>,
    pub on: Option<On>,
    /// New recovery codes, shown this once.
    pub codes: Vec<String>,
    pub required: bool,
    pub error: Option<String>,
}

fn layout(admin: &CurrentAdmin) -> AdminLayout {
    let title = admin.tr.t("admin-two-factor-title");
    let mut l = AdminLayout::new(admin, "", title.clone(), vec![here(title)]);
    l.here = PAGE.into();
    l
}

/// The secret being enrolled: the one in the session, else a new one kept there.
fn enrolment_secret(admin: &CurrentAdmin) -> Result<Vec<u8>, AppError> {
    let alphabet = base32::Alphabet::Rfc4648 { padding: false };
    if let Some(kept) = admin.session.get::<String>(ENROLMENT_KEY).ok().flatten()
        && let Some(secret) = base32::decode(alphabet, &kept)
    {
        return Ok(secret);
    }
    let secret = totp::new_secret();
    admin
        .session
        .insert(ENROLMENT_KEY, base32::encode(alphabet, &secret))
        .map_err(|e| AppError::Internal(format!("writing the session: {e}")))?;
    Ok(secret)
}

/// The page as it stands: enrolment, or the factor that is on.
async fn page(
    state: &AppState,
    admin: &CurrentAdmin,
    error: Option<&str>,
) -> Result<TwoFactorPage, AppError> {
    let tr = admin.tr.clone();
    let (enrol, on) = match admin.user.totp_enabled_at {
        None => {
            let secret = enrolment_secret(admin)?;
            let svg = totp::qr_svg(&secret, &admin.user.email).map_err(AppError::Internal)?;
            let qr = format!(
                "data:image/svg+xml;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(svg)
            );
            let secret = totp::secret_text(&secret);
            (Some(Enrol { qr, secret }), None)
        }
        Some(since) => {
            let id = admin.user.id;
            let left =
                with_conn(state, move |conn| Ok(second_factor::recovery_codes_left(conn, id)?))
                    .await?;
            let on = On {
                since: tr.date_time(&since),
                codes_left: tr.tn("admin-two-factor-codes-left", left),
                few_left: left <= 2,
            };
            (None, Some(on))
        }
    };
    Ok(TwoFactorPage {
        l: layout(admin),
        enrol,
        on,
        codes: Vec::new(),
        required: state.config.mfa_required_roles.contains(&admin.user.role()),
        error: error.map(|id| tr.t(id)),
    })
}

fn respond(page: TwoFactorPage, status: StatusCode) -> Result<HttpResponse, AppError> {
    let html = page
        .render()
        .map_err(|e| AppError::Internal(format!("rendering the two-factor page: {e}")))?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(html))
}

pub async fn show(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
) -> Result<HttpResponse, AppError> {
    respond(page(&state, &admin, None).await?, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// Turning it on: the first code proves the app holds the secret; the recovery codes are shown
/// once, on the answer to this request.
pub async fn enable(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    form: AdminForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    if admin.user.totp_enabled_at.is_some() {
        return Ok(crate::web::see_other(PAGE));
    }
    let code = form.data.code;
    if code.trim().is_empty() || code.len() > MAX_CODE_LEN {
        let page = page(&state, &admin, Some("admin-two-factor-code-wrong")).await?;
        return respond(page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let secret = enrolment_secret(&admin)?;
    let (id, email, who) = (admin.user.id, admin.user.email.clone(), admin.actor());
    let codes = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let codes = second_factor::enable(conn, id, &secret, &code, crate::db::now())?;
            if codes.is_some() {
                audit(conn, &who, id, &email, "off", "on")?;
            }
            Ok(codes)
        })
    })
    .await?;
    let Some(codes) = codes else {
        let page = page(&state, &admin, Some("admin-two-factor-code-wrong")).await?;
        return respond(page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    admin.session.remove(ENROLMENT_KEY);
    show_codes(&admin, codes, "two-factor-enabled", "admin-two-factor-enabled")
}

/// A code from the user before a change to the factor itself: counted like sign-in attempts.
async fn prove(
    state: &AppState,
    admin: &CurrentAdmin,
    code: String,
) -> Result<Result<(), &'static str>, AppError> {
    if code.trim().is_empty() || code.len() > MAX_CODE_LEN {
        return Ok(Err("admin-two-factor-code-wrong"));
    }
    let id = admin.user.id;
    let outcome = with_conn(state, move |conn| {
        match second_factor::attempt(conn, id, &code, crate::db::now()) {
            Ok(_) => Ok(Ok(())),
            Err(AttemptError::Refused(why)) => Ok(Err(why)),
            Err(AttemptError::Database(e)) => Err(e.into()),
        }
    })
    .await?;
    Ok(outcome.map_err(|why| {
        record(
            &admin.request,
            Severity::Warning,
            "two-factor-code-failed",
            &[("user", &admin.user.id.to_string())],
        );
        match why {
            LoginError::Locked => "admin-two-factor-locked",
            LoginError::Invalid | LoginError::Unverified => "admin-two-factor-code-wrong",
        }
    }))
}

/// A change to a second factor that is on needs a right code: None to go on, else the answer
/// that stops it (no factor to change, or the page again with why the code was refused).
async fn unless_proved(
    state: &AppState,
    admin: &CurrentAdmin,
    code: String,
) -> Result<Option<HttpResponse>, AppError> {
    if admin.user.totp_enabled_at.is_none() {
        return Ok(Some(crate::web::see_other(PAGE)));
    }
    match prove(state, admin, code).await? {
        Ok(()) => Ok(None),
        Err(message) => {
            let page = page(state, admin, Some(message)).await?;
            respond(page, StatusCode::UNPROCESSABLE_ENTITY).map(Some)
        }
    }
}

/// Turning it off takes a current code (or a recovery code): a session left open on a shared
/// computer is not enough.
pub async fn disable(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    form: AdminForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    if let Some(refused) = unless_proved(&state, &admin, form.data.code).await? {
        return Ok(refused);
    }
    let (id, email, who) = (admin.user.id, admin.user.email.clone(), admin.actor());
    with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            if second_factor::disable(conn, id)? {
                audit(conn, &who, id, &email, "on", "off")?;
            }
            Ok(())
        })
    })
    .await?;
    record(
        &admin.request,
        Severity::Warning,
        "two-factor-disabled",
        &[("user", &admin.user.id.to_string())],
    );
    Flash::notice(&admin.session, admin.tr.t("admin-two-factor-disabled"));
    Ok(crate::web::see_other(PAGE))
}

/// New recovery codes for old ones used up or lost: the old ones stop working.
pub async fn new_recovery_codes(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    form: AdminForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    if let Some(refused) = unless_proved(&state, &admin, form.data.code).await? {
        return Ok(refused);
    }
    let id = admin.user.id;
    let codes = with_conn(&state, move |conn| {
        Ok(second_factor::replace_recovery_codes(conn, id, crate::db::now())?)
    })
    .await?;
    show_codes(
        &admin,
        codes,
        "two-factor-recovery-codes-replaced",
        "admin-two-factor-codes-replaced",
    )
}

/// The answer that shows new recovery codes, this once, after `event` (for the security log),
/// with `notice` on top.
fn show_codes(
    admin: &CurrentAdmin,
    codes: Vec<String>,
    event: &str,
    notice: &str,
) -> Result<HttpResponse, AppError> {
    record(&admin.request, Severity::Info, event, &[("user", &admin.user.id.to_string())]);
    let mut page = TwoFactorPage {
        l: layout(admin),
        enrol: None,
        on: None,
        codes,
        required: false,
        error: None,
    };
    page.l.flash.push(Flash { kind: FlashKind::Notice, text: admin.tr.t(notice), secret: None });
    respond(page, StatusCode::OK)
}

/// The audit entry of a change to a user's second factor (never the secret or the codes).
pub fn audit(
    conn: &mut crate::db::DbConn,
    actor: &Actor,
    user_id: i64,
    email: &str,
    from: &str,
    to: &str,
) -> diesel::QueryResult<()> {
    crate::models::audit::record(
        conn,
        actor,
        "update",
        "admin_users",
        user_id,
        email,
        &[Change::new("two_factor", Some(from), Some(to))],
    )
    .map(drop)
}
