//! Employers sign up from the public site: `/{locale}/employers/sign-up` takes the company,
//! a name, an address and a password, and mails a link (valid three days) that confirms the
//! address; the page behind the link asks for one press, so mail scanners that open links
//! confirm nothing. The company then awaits the staff's approval before any of its postings
//! goes live (`models::job::review`); its recruiter writes them in the back office meanwhile.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::notice::{self, ButtonForm, NoticePage};
use super::{Layout, path_locale, with_conn};
use crate::auth::password::{MAX_CHARS, MIN_CHARS};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::employer::{self, MAX_NAME_CHARS, Outcome, Refusal, SignUp};
use crate::state::AppState;

/// How long a confirmation link works.
const LINK_DAYS: i64 = 3;
/// The sign-up form's token purpose.
const SIGN_UP: &str = "employer-sign-up";

/// The confirmation link's token purpose: it names the link's end, so the end cannot change.
fn confirm_purpose(until: i64) -> String {
    format!("employer-confirm:{until}")
}

pub struct SignUpForm {
    pub action: String,
    pub csrf_token: String,
    pub company: String,
    pub name: String,
    pub email: String,
    /// Per field: its error, if any.
    pub company_error: Option<String>,
    pub name_error: Option<String>,
    pub email_error: Option<String>,
    pub password_error: Option<String>,
    pub banner: Option<String>,
    pub max_name: usize,
    pub min_password: usize,
    pub max_password: usize,
}

/// The sign-up form's page.
#[derive(Template)]
#[template(path = "public/employer.html")]
pub struct EmployerPage {
    pub l: Layout,
    pub heading: String,
    pub message: String,
    pub f: SignUpForm,
}

fn sign_up_page_with(state: &AppState, tr: Tr, f: SignUpForm) -> EmployerPage {
    let heading = tr.t("employer-sign-up-title");
    let message = tr.t("employer-sign-up-intro");
    EmployerPage {
        l: notice::layout(state, tr, "/employers/sign-up", &heading),
        heading,
        message,
        f,
    }
}

fn form(state: &AppState, tr: &Tr, typed: &SignUpData) -> SignUpForm {
    SignUpForm {
        action: format!("/{}/employers/sign-up", tr.locale),
        csrf_token: crate::auth::form_token::issue(
            &state.config.secret_key,
            SIGN_UP,
            crate::db::now(),
        ),
        company: typed.company.trim().to_owned(),
        name: typed.name.trim().to_owned(),
        email: typed.email.trim().to_owned(),
        company_error: None,
        name_error: None,
        email_error: None,
        password_error: None,
        banner: None,
        max_name: MAX_NAME_CHARS,
        min_password: MIN_CHARS,
        max_password: MAX_CHARS,
    }
}

#[derive(Deserialize, Default)]
pub struct SignUpData {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn sign_up_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let tr = state.tr(path_locale(&path)?);
    let f = form(&state, &tr, &SignUpData::default());
    notice::respond(&sign_up_page_with(&state, tr, f), StatusCode::OK)
}

pub async fn sign_up(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let tr = state.tr(path_locale(&path)?);
    // Not a form at all: treated as an empty one, so the visitor sees what is missing.
    let data: SignUpData = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let mut sign_up = form(&state, &tr, &data);
    let refuse = |f: SignUpForm, status: StatusCode| {
        notice::respond(&sign_up_page_with(&state, tr.clone(), f), status)
    };
    if !crate::auth::form_token::verify(&req, &state.config.secret_key, SIGN_UP, &data.csrf_token) {
        sign_up.banner = Some(tr.t("apply-error-expired-form"));
        return refuse(sign_up, StatusCode::FORBIDDEN);
    }
    if data.password.len() > 4 * MAX_CHARS {
        sign_up.password_error = Some(crate::admin::invitations::weakness_message(
            &tr,
            crate::auth::password::Weakness::TooLong,
        ));
        return refuse(sign_up, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Checked before the limit is counted: a typo costs nothing.
    let (locale, now) = (tr.locale, crate::db::now());
    let check = SignUp {
        company: &data.company,
        name: &data.name,
        email: &data.email,
        password: &data.password,
        locale,
    };
    if let Some(refusals) = employer::check(&check).err() {
        explain(&tr, &mut sign_up, &refusals);
        return refuse(sign_up, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if let Some(ip) = crate::client_ip::of(&req)
        && !with_conn(&state, move |conn| {
            Ok(crate::state::EMPLOYER_SIGN_UP_LIMIT.allow(conn, ip, now)?)
        })
        .await?
    {
        log::warn!("employer sign-up rate limit reached for {ip}");
        sign_up.banner = Some(tr.t("employer-error-rate-limited"));
        return refuse(sign_up, StatusCode::TOO_MANY_REQUESTS);
    }
    let (base_url, secret) = (state.config.base_url.clone(), state.config.secret_key.clone());
    let mail_tr = tr.clone();
    let SignUpData { company, name, email, password, .. } = data;
    let outcome = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let s = SignUp {
                company: &company,
                name: &name,
                email: &email,
                password: &password,
                locale,
            };
            let made = match employer::sign_up(conn, &s, now)? {
                Ok(Outcome::Made(id)) => id,
                Ok(Outcome::Known) => return Ok(Ok(())),
                Err(refusals) => return Ok(Err(refusals)),
            };
            let until = (now + chrono::Duration::days(LINK_DAYS)).and_utc().timestamp();
            let token = crate::mail::signed::token(&secret, &confirm_purpose(until), made);
            let link =
                format!("{base_url}/{locale}/employers/confirm/{made}?until={until}&token={token}");
            let confirmation = crate::mail::employer::Confirmation {
                to: email.trim(),
                name: if name.trim().is_empty() { email.trim() } else { name.trim() },
                company: company.trim(),
                link: &link,
                days: LINK_DAYS,
            };
            let email = crate::mail::employer::confirmation(mail_tr, &confirmation)
                .map_err(|e| AppError::Internal(format!("rendering the sign-up mail: {e}")))?;
            crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
            Ok::<_, AppError>(Ok(()))
        })
    })
    .await?;
    if let Err(refusals) = outcome {
        explain(&tr, &mut sign_up, &refusals);
        return refuse(sign_up, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // The same answer whether the address was new or known: the page does not tell who has
    // an account.
    let heading = tr.t("employer-check-inbox-title");
    let message = tr.t1("employer-check-inbox", "email", sign_up.email.as_str());
    NoticePage::new(&state, tr, "/employers/sign-up", heading, message).respond(StatusCode::OK)
}

/// Each refused field's message, in the visitor's language.
fn explain(tr: &Tr, form: &mut SignUpForm, refusals: &[Refusal]) {
    for refusal in refusals {
        match refusal {
            Refusal::Company => form.company_error = Some(tr.t("employer-error-company")),
            Refusal::Name => form.name_error = Some(tr.t("employer-error-name")),
            Refusal::Email => form.email_error = Some(tr.t("apply-error-email-invalid")),
            Refusal::Password(weak) => {
                form.password_error = Some(crate::admin::invitations::weakness_message(tr, *weak))
            }
        }
    }
}

#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    until: i64,
    #[serde(default)]
    token: String,
}

#[derive(Deserialize, Default)]
pub struct LinkForm {
    #[serde(default)]
    until: i64,
    #[serde(default)]
    token: String,
    #[serde(default)]
    csrf_token: String,
}

/// The recruiter's id when the link's token is right and its time has not run out; a wrong or
/// old link is a 404, like a missing account, so links cannot probe ids.
fn linked(state: &AppState, id: &str, until: i64, token: &str) -> Result<i64, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let fresh = crate::db::now().and_utc().timestamp() < until;
    if !fresh
        || !crate::mail::signed::verify(
            &state.config.secret_key,
            &confirm_purpose(until),
            id,
            token,
        )
    {
        return Err(AppError::NotFound);
    }
    Ok(id)
}

fn confirm_form(id: i64) -> String {
    format!("employer-confirm-form:{id}")
}

pub async fn confirm_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let id = linked(&state, &id, query.until, &query.token)?;
    let email = with_conn(&state, move |conn| Ok(employer::unconfirmed(conn, id)?)).await?;
    // Confirmed already (or gone): the link has done its work.
    let Some(email) = email else { return Err(AppError::NotFound) };
    let here = format!("/employers/confirm/{id}");
    let heading = tr.t("employer-confirm-title");
    let secret = &state.config.secret_key;
    let message = tr.t1("employer-confirm-question", "email", &email);
    NoticePage::new(&state, tr.clone(), &here, heading, message)
        .button(ButtonForm {
            action: format!("/{locale}/employers/confirm/{id}"),
            fields: vec![
                (
                    "csrf_token",
                    crate::auth::form_token::issue(secret, &confirm_form(id), crate::db::now()),
                ),
                ("until", query.until.to_string()),
                ("token", query.token.clone()),
            ],
            label: tr.t("employer-confirm-button"),
        })
        .respond(StatusCode::OK)
}

pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<LinkForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let id = linked(&state, &id, form.until, &form.token)?;
    if !crate::auth::form_token::verify(
        &req,
        &state.config.secret_key,
        &confirm_form(id),
        &form.csrf_token,
    ) {
        return Err(AppError::Forbidden);
    }
    if !with_conn(&state, move |conn| Ok(employer::confirm(conn, id)?)).await? {
        return Err(AppError::NotFound);
    }
    let here = format!("/employers/confirm/{id}");
    let heading = tr.t("employer-confirmed-title");
    let (message, sign_in) = (tr.t("employer-confirmed"), tr.t("employer-sign-in"));
    NoticePage::new(&state, tr, &here, heading, message)
        .next(sign_in, "/admin/login".to_owned())
        .respond(StatusCode::OK)
}
