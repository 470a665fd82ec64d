//! `/admin/login` and `/admin/logout`.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::{Deserialize, Serialize};

use super::{AdminForm, Flash};
use crate::auth::current::SESSION_KEY;
use crate::auth::session;
use crate::error::AppError;
use crate::i18n::{Tr, negotiate};
use crate::models::admin_user::{AdminUser, AttemptError, LoginError, attempt_login};
use crate::security::events::{Severity, record};
use crate::state::AppState;
use crate::web::with_conn;

#[derive(Template, WebTemplate)]
#[template(path = "admin/login.html")]
pub struct LoginPage {
    pub tr: Tr,
    pub csrf: String,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    pub flash: Vec<Flash>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// The sign-in page speaks the visitor's language: the language cookie, else the browser's.
pub(super) fn visitor_tr(req: &HttpRequest, state: &AppState) -> Tr {
    let cookie = req.cookie(crate::web::locale::COOKIE);
    let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    state.tr(negotiate(cookie.as_ref().map(|c| c.value()), accept, state.config.default_locale))
}

/// Only a path inside the back office is a place to return to: anything else (another site,
/// `//host`, a public page) would make the sign-in form an open redirect.
pub fn safe_next(next: &str) -> String {
    let ok = (next == "/admin" || next.starts_with("/admin/") || next.starts_with("/admin?"))
        && !next.contains("//")
        && !next.contains('\\')
        && !next.contains("..")
        // A CR/LF would split the Location header.
        && !next.chars().any(char::is_control)
        && !next.starts_with("/admin/login")
        && !next.starts_with("/admin/logout");
    if ok { next.to_owned() } else { "/admin".into() }
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    query: web::Query<NextQuery>,
) -> LoginPage {
    LoginPage {
        tr: visitor_tr(&req, &state),
        csrf: crate::auth::csrf::token(&session),
        email: String::new(),
        next: safe_next(&query.next),
        error: None,
        flash: Flash::take(&session),
    }
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    body: AdminForm<LoginForm, super::form::SignIn>,
) -> Result<HttpResponse, AppError> {
    let tr = visitor_tr(&req, &state);
    let LoginForm { email, password, next } = body.data;
    let next = safe_next(&next);
    let page = |message_id: &str, email: String, status: u16| -> Result<HttpResponse, AppError> {
        let login_page = LoginPage {
            tr: tr.clone(),
            csrf: crate::auth::csrf::token(&session),
            email,
            next: next.clone(),
            error: Some(tr.t(message_id)),
            flash: Vec::new(),
        };
        let html = login_page
            .render()
            .map_err(|e| AppError::Internal(format!("rendering the sign-in page: {e}")))?;
        Ok(sign_in_answer(actix_web::http::StatusCode::from_u16(status).unwrap_or_default(), html))
    };
    let refuse = |message_id: &str, email: String| page(message_id, email, 422);
    if over_limit(&state, &req).await? {
        record(&req, Severity::Warning, "sign-in-rate-limited", &[("email", &email)]);
        return page("admin-login-rate-limited", email, 429);
    }
    if email.len() > 320 || password.len() > 1024 {
        return refuse("admin-login-invalid", String::new());
    }
    let attempt_email = email.clone();
    let outcome = with_conn(&state, move |conn| {
        match attempt_login(conn, &attempt_email, &password, crate::db::now()) {
            Ok(user) => Ok(Ok(user)),
            Err(AttemptError::Refused(why)) => Ok(Err(why)),
            Err(AttemptError::Database(e)) => Err(e.into()),
        }
    })
    .await?;
    match outcome {
        Ok(user) if user.totp_enabled_at.is_some() => {
            // Half a sign-in: a fresh session that only knows whose code to ask for.
            session.renew();
            session.clear();
            let pending = PendingSignIn {
                user: user.id,
                next,
                until: crate::db::now().and_utc().timestamp() + PENDING_SECONDS,
            };
            session
                .insert(PENDING_KEY, pending)
                .map_err(|e| AppError::Internal(format!("writing the session: {e}")))?;
            record(
                &req,
                Severity::Info,
                "sign-in-password-accepted",
                &[("user", &user.id.to_string()), ("email", &user.email)],
            );
            Ok(crate::web::see_other(super::login_code::PAGE))
        }
        Ok(user) => start_session(&state, &req, &session, &user, &next, "password").await,
        Err(LoginError::Locked) => {
            record(&req, Severity::Warning, "sign-in-locked", &[("email", &email)]);
            refuse("admin-login-locked", email)
        }
        Err(LoginError::Invalid) => {
            record(&req, Severity::Warning, "sign-in-failed", &[("email", &email)]);
            refuse("admin-login-invalid", email)
        }
        Err(LoginError::Unverified) => {
            record(&req, Severity::Info, "sign-in-unverified", &[("email", &email)]);
            refuse("admin-login-unverified", email)
        }
    }
}

/// A sign-in step's page as the answer; past the attempt limit (429) it says when to come
/// back: after the limit's window, when it has room again.
pub(super) fn sign_in_answer(status: actix_web::http::StatusCode, html: String) -> HttpResponse {
    let mut res = HttpResponse::build(status);
    if status == actix_web::http::StatusCode::TOO_MANY_REQUESTS {
        res.insert_header((header::RETRY_AFTER, crate::state::LOGIN_WINDOW.as_secs().to_string()));
    }
    res.content_type("text/html; charset=utf-8").body(html)
}

/// Whether this client has used up its sign-in attempts (passwords and codes alike).
pub(super) async fn over_limit(state: &AppState, req: &HttpRequest) -> Result<bool, AppError> {
    let Some(ip) = crate::client_ip::of(req) else {
        return Ok(false);
    };
    Ok(!with_conn(state, move |conn| {
        Ok(crate::state::LOGIN_LIMIT.allow(conn, ip, crate::db::now())?)
    })
    .await?)
}

/// Where the session keeps a sign-in whose password was right, waiting for the second factor.
pub(super) const PENDING_KEY: &str = "admin_pending_sign_in";
/// How long the code may take after the password.
const PENDING_SECONDS: i64 = 5 * 60;

/// A sign-in waiting for its code: whose, where to go after, and until when (Unix seconds).
/// The session cookie is encrypted, so none of it can be read or forged by the browser.
#[derive(Serialize, Deserialize)]
pub(super) struct PendingSignIn {
    pub user: i64,
    pub next: String,
    pub until: i64,
}

/// Ends a sign-in: a new back-office session, under a new session id (a cookie planted before
/// it is worth nothing after), and the way to `next`. `factor` says what the last step was,
/// for the security log.
pub(super) async fn start_session(
    state: &AppState,
    req: &HttpRequest,
    session: &Session,
    user: &AdminUser,
    next: &str,
    factor: &str,
) -> Result<HttpResponse, AppError> {
    let limits = state.config.admin_session_limits();
    let user_agent =
        req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let ip_text = crate::client_ip::of(req).map(|ip| ip.to_string());
    let id = user.id;
    let token = with_conn(state, move |conn| {
        Ok(session::create(
            conn,
            id,
            crate::db::now(),
            limits,
            ip_text.as_deref(),
            user_agent.as_deref(),
        )?)
    })
    .await?;
    session.renew();
    session.clear();
    session
        .insert(SESSION_KEY, token)
        .map_err(|e| AppError::Internal(format!("writing the session: {e}")))?;
    record(
        req,
        Severity::Info,
        "sign-in-succeeded",
        &[("user", &user.id.to_string()), ("email", &user.email), ("factor", factor)],
    );
    Ok(crate::web::see_other(next))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    _form: AdminForm<Empty, super::form::SignIn>,
) -> Result<HttpResponse, AppError> {
    if let Some(token) = session.get::<String>(SESSION_KEY).ok().flatten() {
        with_conn(&state, move |conn| Ok(session::revoke(conn, &token)?)).await?;
    }
    session.purge();
    let tr = visitor_tr(&req, &state);
    Flash::notice(&session, tr.t("admin-logged-out"));
    Ok(crate::web::see_other("/admin/login"))
}
