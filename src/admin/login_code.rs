//! `/admin/login/code`: the sign-in's second step, for users with a second factor. The
//! password step left a pending sign-in in the session; a current code from the authenticator
//! app, or a recovery code, turns it into a back-office session.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::login::{
    PENDING_KEY, PendingSignIn, over_limit, sign_in_answer, start_session, visitor_tr,
};
use super::{AdminForm, Flash};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::admin_user::{self, AdminUser, AttemptError, LoginError};
use crate::models::second_factor::{self, Checked};
use crate::security::events::{Severity, record};
use crate::state::AppState;
use crate::web::with_conn;

pub const PAGE: &str = "/admin/login/code";

/// The longest code worth checking: six digits, or a recovery code typed with spaces.
const MAX_CODE_LEN: usize = 64;

#[derive(Template, WebTemplate)]
#[template(path = "admin/login_code.html")]
pub struct CodePage {
    pub tr: Tr,
    pub csrf: String,
    pub error: Option<String>,
}

/// The sign-in waiting for a code, unless there is none or its time ran out.
fn pending(session: &Session) -> Option<PendingSignIn> {
    let pending: PendingSignIn = session.get(PENDING_KEY).ok().flatten()?;
    (pending.until > crate::db::now().and_utc().timestamp()).then_some(pending)
}

fn render(
    tr: Tr,
    session: &Session,
    error: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let html = CodePage {
        tr: tr.clone(),
        csrf: crate::auth::csrf::token(session),
        error: error.map(|id| tr.t(id)),
    }
    .render()
    .map_err(|e| AppError::Internal(format!("rendering the code page: {e}")))?;
    Ok(sign_in_answer(status, html))
}

/// Back to the password, with why.
fn start_over(session: &Session, tr: Tr, message_id: &str) -> HttpResponse {
    session.remove(PENDING_KEY);
    Flash::alert(session, tr.t(message_id));
    crate::web::see_other("/admin/login")
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
) -> Result<HttpResponse, AppError> {
    if pending(&session).is_none() {
        return Ok(crate::web::see_other("/admin/login"));
    }
    render(visitor_tr(&req, &state), &session, None, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    body: AdminForm<CodeForm, super::form::SignIn>,
) -> Result<HttpResponse, AppError> {
    let tr = visitor_tr(&req, &state);
    let Some(pending) = pending(&session) else {
        return Ok(start_over(&session, tr, "admin-login-code-expired"));
    };
    let user_field = pending.user.to_string();
    if over_limit(&state, &req).await? {
        record(&req, Severity::Warning, "sign-in-rate-limited", &[("user", &user_field)]);
        return render(
            tr,
            &session,
            Some("admin-login-rate-limited"),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let code = body.data.code;
    if code.trim().is_empty() || code.len() > MAX_CODE_LEN {
        return render(
            tr,
            &session,
            Some("admin-login-code-invalid"),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let user_id = pending.user;
    let outcome = with_conn(&state, move |conn| {
        let now = crate::db::now();
        match second_factor::attempt(conn, user_id, &code, now) {
            Ok(proved) => {
                admin_user::signed_in(conn, user_id, now)?;
                Ok(Ok((proved, AdminUser::find(conn, user_id)?)))
            }
            Err(AttemptError::Refused(why)) => Ok(Err(why)),
            Err(AttemptError::Database(e)) => Err(e.into()),
        }
    })
    .await?;
    match outcome {
        Ok((proved, Some(user))) => {
            let factor = match proved {
                Checked::RecoveryCode { .. } => "recovery-code",
                _ => "code",
            };
            let res = start_session(&state, &req, &session, &user, &pending.next, factor).await?;
            if let Checked::RecoveryCode { left } = proved {
                Flash::alert(
                    &session,
                    state.tr(user.locale()).tn("admin-recovery-code-used", left),
                );
            }
            Ok(res)
        }
        // Deleted between the two steps.
        Ok((_, None)) => Ok(start_over(&session, tr, "admin-login-code-expired")),
        Err(LoginError::Locked) => {
            record(&req, Severity::Warning, "sign-in-locked", &[("user", &user_field)]);
            Ok(start_over(&session, tr, "admin-login-locked"))
        }
        // The code step comes after the password step, which refuses unconfirmed addresses.
        Err(LoginError::Invalid | LoginError::Unverified) => {
            record(&req, Severity::Warning, "sign-in-code-failed", &[("user", &user_field)]);
            render(tr, &session, Some("admin-login-code-invalid"), StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
