//! Inviting back-office users: an admin enters an address and a role, and gets a one-time
//! link (valid 72 hours) on which the new user sets a password. Until issue 4 brings mail,
//! the link is shown to the inviting admin, never logged.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::layout::{crumb, here};
use super::{AdminForm, AdminLayout, CurrentAdmin, Flash};
use crate::admin::fields::FieldError;
use crate::auth::password::{MAX_CHARS, MIN_CHARS, Weakness, check_strength};
use crate::auth::policy::{Action, Area};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::AdminRole;
use crate::models::admin_user::{self, CreateAdminError};
use crate::models::audit::{self, Change};
use crate::state::AppState;
use crate::web::with_conn;

pub struct RoleOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/invite.html")]
pub struct InvitePage {
    pub l: AdminLayout,
    pub email: String,
    pub name: String,
    pub roles: Vec<RoleOption>,
    pub email_error: Option<String>,
    /// A recruiter's companies, as typed.
    pub companies: String,
    pub companies_error: Option<String>,
}

/// What the form was sent with, and what is wrong with it.
#[derive(Default)]
struct Typed {
    email: String,
    name: String,
    companies: String,
    email_error: Option<String>,
    companies_error: Option<String>,
}

fn invite_page(admin: &CurrentAdmin, typed: Typed, role: AdminRole) -> InvitePage {
    let Typed { email, name, companies, email_error, companies_error } = typed;
    let tr = admin.tr.clone();
    let title = tr.t("admin-invite-title");
    InvitePage {
        l: AdminLayout::new(
            admin,
            "admin_users",
            title.clone(),
            vec![crumb(tr.t("admin-nav-admin-users"), "/admin/admin_users"), here(title)],
        ),
        email,
        name,
        roles: AdminRole::ALL
            .iter()
            .map(|r| RoleOption {
                value: r.as_str(),
                label: tr.t(&r.label_id()),
                selected: *r == role,
            })
            .collect(),
        email_error,
        companies,
        companies_error,
    }
}

pub async fn new(admin: CurrentAdmin) -> Result<InvitePage, AppError> {
    admin.require(Area::AdminUsers, Action::Create)?;
    Ok(invite_page(&admin, Typed::default(), AdminRole::Editor))
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    /// A recruiter's companies: names or `#id`s, separated by commas.
    #[serde(default)]
    companies: String,
}

/// Why an invitation was not made.
enum Refusal {
    Account(CreateAdminError),
    Companies(crate::admin::fields::FieldError),
}

pub async fn create(
    state: web::Data<AppState>,
    admin: CurrentAdmin,
    form: AdminForm<InviteForm>,
) -> Result<HttpResponse, AppError> {
    admin.require(Area::AdminUsers, Action::Create)?;
    let tr = admin.tr.clone();
    let InviteForm { email, name, role, companies } = form.data;
    let role = AdminRole::parse(&role).ok_or(AppError::BadRequest("error-bad-request"))?;
    if name.chars().count() > 200 || companies.chars().count() > 2000 {
        return Err(AppError::BadRequest("error-bad-request"));
    }
    let actor = admin.actor();
    let editor = admin.editor();
    let (e, n) = (email.clone(), name.clone());
    let names: Vec<String> = companies.split(',').map(|c| c.trim().to_owned()).collect();
    let outcome = with_conn(&state, move |conn| {
        use crate::admin::resources::admin_user_form::resolve_companies;
        let company_ids = match resolve_companies(conn, &names, &editor)? {
            Ok(ids) if role == AdminRole::Recruiter && ids.is_empty() => {
                let error = FieldError::new("companies", "admin-error-recruiter-company");
                return Ok(Err(Refusal::Companies(error)));
            }
            Ok(ids) if role != AdminRole::Recruiter && !ids.is_empty() => {
                let error = FieldError::new("companies", "admin-error-companies-for-recruiters");
                return Ok(Err(Refusal::Companies(error)));
            }
            Ok(ids) => ids,
            Err(error) => return Ok(Err(Refusal::Companies(error))),
        };
        crate::db::write_transaction(conn, |conn| {
            let (id, token) = match admin_user::invite(conn, &e, &n, role, crate::db::now()) {
                Ok(invited) => invited,
                Err(CreateAdminError::Database(e)) => return Err(e.into()),
                Err(refused) => return Ok(Err(Refusal::Account(refused))),
            };
            crate::models::company_member::set_companies(conn, id, &company_ids)?;
            audit::record(
                conn,
                &actor,
                "create",
                "admin_users",
                id,
                &e.trim().to_lowercase(),
                &[Change::new("role", None, Some(role.as_str()))],
            )?;
            Ok(Ok((id, token)))
        })
    })
    .await?;
    match outcome {
        Ok((id, token)) => {
            let link = format!("{}/admin/password/{token}", state.config.base_url);
            Flash::notice(&admin.session, tr.t1("admin-invite-done", "link", &link));
            Ok(crate::web::see_other(&format!("/admin/admin_users/{id}")))
        }
        Err(refusal) => {
            let mut typed = Typed { email, name, companies, ..Typed::default() };
            match refusal {
                Refusal::Account(CreateAdminError::InvalidEmail(_)) => {
                    typed.email_error = Some(tr.t("admin-invite-email-invalid"));
                }
                Refusal::Account(CreateAdminError::Exists(_)) => {
                    typed.email_error = Some(tr.t("admin-invite-email-taken"));
                }
                Refusal::Account(other) => return Err(AppError::Internal(other.to_string())),
                Refusal::Companies(error) => {
                    typed.companies_error = Some(match error.arg {
                        Some((name, value)) => tr.t1(error.message, name, &value),
                        None => tr.t(error.message),
                    });
                }
            }
            let page = invite_page(&admin, typed, role);
            let html = page
                .render()
                .map_err(|e| AppError::Internal(format!("rendering the invitation form: {e}")))?;
            Ok(HttpResponse::UnprocessableEntity()
                .content_type("text/html; charset=utf-8")
                .body(html))
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/set_password.html")]
pub struct SetPasswordPage {
    pub tr: Tr,
    pub csrf: String,
    pub email: Option<String>,
    pub action: String,
    pub error: Option<String>,
}

pub async fn password_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = path.into_inner();
    let found = invitation(&state, &token).await?;
    let tr = super::login::visitor_tr(&req, &state);
    let page = SetPasswordPage {
        tr: tr.clone(),
        csrf: crate::auth::csrf::token(&session),
        error: found.is_none().then(|| tr.t("admin-password-link-invalid")),
        email: found.map(|(_, email)| email),
        action: format!("/admin/password/{token}"),
    };
    let status = if page.email.is_some() { 200 } else { 404 };
    respond(page, status)
}

fn respond(page: SetPasswordPage, status: u16) -> Result<HttpResponse, AppError> {
    let html = page
        .render()
        .map_err(|e| AppError::Internal(format!("rendering the password page: {e}")))?;
    Ok(HttpResponse::build(
        actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::OK),
    )
    .content_type("text/html; charset=utf-8")
    .body(html))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirmation: String,
}

pub async fn set_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    path: web::Path<String>,
    form: AdminForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let token = path.into_inner();
    let tr = super::login::visitor_tr(&req, &state);
    let PasswordForm { password, confirmation } = form.data;
    // The address the link belongs to: a password made of it is easy to guess.
    let found = invitation(&state, &token).await?;
    let email = found.as_ref().map(|(_, email)| email.clone()).unwrap_or_default();
    let local = email.split('@').next().unwrap_or_default();
    let problem = if found.is_none() {
        // An unknown, spent or expired link sets nothing.
        return invalid_link(tr, &session, &token);
    } else if let Err(weakness) = check_strength(&password, &[&email, local]) {
        Some(weakness_message(&tr, weakness))
    } else if password != confirmation {
        Some(tr.t("admin-password-mismatch"))
    } else {
        None
    };
    if let Some(error) = problem {
        let page = SetPasswordPage {
            tr,
            csrf: crate::auth::csrf::token(&session),
            error: Some(error),
            email: found.map(|(_, email)| email),
            action: format!("/admin/password/{token}"),
        };
        return respond(page, 422);
    }
    let lookup = token.clone();
    let set = with_conn(&state, move |conn| {
        admin_user::set_password_with_token(conn, &lookup, &password, crate::db::now())
            .map_err(|e| AppError::Internal(e.to_string()))
    })
    .await?;
    if !set {
        return invalid_link(tr, &session, &token);
    }
    Flash::notice(&session, tr.t("admin-password-set"));
    Ok(crate::web::see_other("/admin/login"))
}

/// The user (id, address) an invitation link belongs to, while it is valid.
async fn invitation(state: &AppState, token: &str) -> Result<Option<(i64, String)>, AppError> {
    let token = token.to_owned();
    with_conn(state, move |conn| {
        Ok(admin_user::find_by_password_token(conn, &token, crate::db::now())?)
    })
    .await
}

/// The answer to a link that is unknown, spent or expired.
fn invalid_link(tr: Tr, session: &Session, token: &str) -> Result<HttpResponse, AppError> {
    let page = SetPasswordPage {
        tr: tr.clone(),
        csrf: crate::auth::csrf::token(session),
        error: Some(tr.t("admin-password-link-invalid")),
        email: None,
        action: format!("/admin/password/{token}"),
    };
    respond(page, 404)
}

/// Why a password was refused, in the person's language.
pub fn weakness_message(tr: &Tr, weakness: Weakness) -> String {
    match weakness {
        Weakness::TooShort => tr.t1(weakness.message_id(), "min", &tr.number(MIN_CHARS as i64)),
        Weakness::TooLong => tr.t1(weakness.message_id(), "max", &tr.number(MAX_CHARS as i64)),
        other => tr.t(other.message_id()),
    }
}
