//! Job alerts for seekers: the sign-up form for the current search (`/{locale}/alerts/new?…`,
//! linked from the search page, which stays free of sessions and cookies), the confirmation
//! link of the double opt-in, and the unsubscribe link (one click from the mail program,
//! RFC 8058, or a button on its page).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::notice::{self, ButtonForm};
use super::{Layout, path_locale, with_conn};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::mail::alert::{UNSUBSCRIBE, confirm_purpose};
use crate::models::alert::{self, Frequency, SignUp};
use crate::search::SearchParams;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "public/alert.html")]
pub struct AlertPage {
    pub l: Layout,
    pub heading: String,
    pub message: String,
    /// The search the alert is for, in words, with its link.
    pub search: Option<(String, String)>,
    pub sign_up: Option<SignUpForm>,
    pub button: Option<ButtonForm>,
}

pub struct SignUpForm {
    pub action: String,
    pub csrf_token: String,
    pub query: String,
    pub email: String,
    pub frequencies: Vec<(&'static str, String, bool)>,
    pub email_error: Option<String>,
    pub banner: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct SignUpData {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    query: String,
}

#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    frequency: String,
}

#[derive(Deserialize, Default)]
pub struct LinkForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    csrf_token: String,
}

/// An alert page's frame: the layout and heading, nothing else; callers add the rest.
fn frame(state: &AppState, tr: Tr, here: &str, heading: String) -> AlertPage {
    AlertPage {
        l: notice::layout(state, tr, here, &heading),
        heading,
        message: String::new(),
        search: None,
        sign_up: None,
        button: None,
    }
}

fn respond(page: AlertPage, status: StatusCode) -> Result<HttpResponse, AppError> {
    notice::respond(&page, status)
}

/// The search in words and its URL.
fn search_of(state: &AppState, tr: &Tr, params: &SearchParams) -> (String, String) {
    let described = super::search_links::describe(tr, params, Some(&state.search.get()))
        .unwrap_or_else(|| tr.t("alert-all-jobs"));
    let query = params.to_query();
    let url = if query.is_empty() {
        format!("/{}/jobs", tr.locale)
    } else {
        format!("/{}/jobs?{query}", tr.locale)
    };
    (described, url)
}

/// The sign-up form's token purpose: one form for every search.
const SIGN_UP: &str = "alert-sign-up";

/// The confirmation button's token purpose.
fn confirm_form(id: i64) -> String {
    format!("alert-confirm:{id}")
}

fn sign_up_form(
    state: &AppState,
    tr: &Tr,
    params: &SearchParams,
    email: &str,
    frequency: Option<Frequency>,
) -> SignUpForm {
    let chosen = frequency.unwrap_or(Frequency::Daily);
    SignUpForm {
        action: format!("/{}/alerts", tr.locale),
        csrf_token: crate::auth::form_token::issue(
            &state.config.secret_key,
            SIGN_UP,
            crate::db::now(),
        ),
        query: params.to_query(),
        email: email.to_owned(),
        frequencies: Frequency::ALL
            .into_iter()
            .map(|f| (f.as_str(), tr.t(f.label_id()), f == chosen))
            .collect(),
        email_error: None,
        banner: None,
    }
}

pub async fn new(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let tr = state.tr(path_locale(&path)?);
    let params = alert::alert_params(&SearchParams::parse(req.query_string()).0);
    let heading = tr.t("alert-new-title");
    respond(
        AlertPage {
            message: tr.t("alert-new-intro"),
            search: Some(search_of(&state, &tr, &params)),
            sign_up: Some(sign_up_form(&state, &tr, &params, "", None)),
            ..frame(&state, tr, "/alerts/new", heading)
        },
        StatusCode::OK,
    )
}

pub async fn create(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let tr = state.tr(path_locale(&path)?);
    // Not a form at all: treated as an empty one, so the visitor sees what is missing.
    let data: SignUpData = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let params = alert::alert_params(&SearchParams::parse(&data.query).0);
    let email = data.email.trim().to_lowercase();
    let frequency = Frequency::parse(&data.frequency);
    let heading = tr.t("alert-new-title");
    let mut form = sign_up_form(&state, &tr, &params, data.email.trim(), frequency);
    let refuse = |form: SignUpForm, status: StatusCode| {
        respond(
            AlertPage {
                message: tr.t("alert-new-intro"),
                search: Some(search_of(&state, &tr, &params)),
                sign_up: Some(form),
                ..frame(&state, tr.clone(), "/alerts/new", heading.clone())
            },
            status,
        )
    };
    if !crate::auth::form_token::verify(&req, &state.config.secret_key, SIGN_UP, &data.csrf_token) {
        form.banner = Some(tr.t("apply-error-expired-form"));
        return refuse(form, StatusCode::FORBIDDEN);
    }
    let Some(frequency) = frequency else {
        form.banner = Some(tr.t("alert-error-frequency"));
        return refuse(form, StatusCode::UNPROCESSABLE_ENTITY);
    };
    if email.is_empty() || !crate::models::application::is_plausible_email(&email) {
        form.email_error = Some(tr.t(if email.is_empty() {
            "apply-error-email-required"
        } else {
            "apply-error-email-invalid"
        }));
        return refuse(form, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if let Some(ip) = crate::client_ip::of(&req)
        && !with_conn(&state, move |conn| {
            Ok(crate::state::ALERT_SIGN_UP_LIMIT.allow(conn, ip, crate::db::now())?)
        })
        .await?
    {
        log::warn!("alert sign-up rate limit reached for {ip}");
        form.banner = Some(tr.t("alert-error-rate-limited"));
        return refuse(form, StatusCode::TOO_MANY_REQUESTS);
    }
    let (described, search_url) = search_of(&state, &tr, &params);
    let (base_url, secret) = (state.config.base_url.clone(), state.config.secret_key.clone());
    let messages = state.messages.clone();
    let locale = tr.locale;
    let mail_search = described.clone();
    let mail_search_url = format!("{base_url}{search_url}");
    with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let id =
                match alert::sign_up(conn, &email, &params, frequency, locale, crate::db::now())? {
                    SignUp::Confirm(id) => id,
                    SignUp::RecentlySent => return Ok(()),
                };
            let confirmation = crate::mail::alert::Confirmation {
                id,
                email: &email,
                locale,
                frequency,
                search: &mail_search,
                search_url: &mail_search_url,
            };
            let email =
                crate::mail::alert::confirmation(&messages, &confirmation, &base_url, &secret)
                    .map_err(|e| {
                        AppError::Internal(format!("rendering the alert confirmation: {e}"))
                    })?;
            crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    // The same answer whether the address was new, known or mailed minutes ago: the page
    // does not tell who has alerts.
    let heading = tr.t("alert-check-inbox-title");
    respond(
        AlertPage {
            message: tr.t1("alert-check-inbox", "email", data.email.trim()),
            search: Some((described, search_url)),
            ..frame(&state, tr, "/alerts/new", heading)
        },
        StatusCode::OK,
    )
}

/// The alert's id when the confirmation link's token is right for its frequency and this
/// language; a wrong token is a 404, like a missing alert, so links cannot probe ids.
fn confirmed_link(
    state: &AppState,
    locale: Locale,
    id: &str,
    frequency: &str,
    token: &str,
) -> Result<(i64, Frequency), AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let frequency = Frequency::parse(frequency).ok_or(AppError::NotFound)?;
    let purpose = confirm_purpose(frequency, locale);
    if !crate::mail::signed::verify(&state.config.secret_key, &purpose, id, token) {
        return Err(AppError::NotFound);
    }
    Ok((id, frequency))
}

fn unsubscribe_link(state: &AppState, id: &str, token: &str) -> Result<i64, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !crate::mail::signed::verify(&state.config.secret_key, UNSUBSCRIBE, id, token) {
        return Err(AppError::NotFound);
    }
    Ok(id)
}

/// The alert's search in words, or `None` when the alert is gone.
async fn alert_search(
    state: &web::Data<AppState>,
    tr: &Tr,
    id: i64,
) -> Result<Option<(String, String)>, AppError> {
    let found = with_conn(state, move |conn| Ok(alert::Alert::find(conn, id)?)).await?;
    Ok(found.map(|a| search_of(state, tr, &a.params())))
}

fn gone(state: &AppState, tr: Tr, here: &str, heading: String) -> Result<HttpResponse, AppError> {
    respond(
        AlertPage { message: tr.t("alert-gone"), ..frame(state, tr, here, heading) },
        StatusCode::OK,
    )
}

pub async fn confirm_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let (id, frequency) = confirmed_link(&state, tr.locale, &id, &query.frequency, &query.token)?;
    let here = format!("/alerts/{id}/confirm");
    let heading = tr.t("alert-confirm-title");
    let Some(search) = alert_search(&state, &tr, id).await? else {
        return gone(&state, tr, &here, heading);
    };
    // Following the link only shows this page: mail scanners that open links do not confirm.
    respond(
        AlertPage {
            message: tr.t1("alert-confirm-question", "frequency", &tr.t(frequency.label_id())),
            search: Some(search),
            button: Some(ButtonForm {
                action: format!("/{locale}/alerts/{id}/confirm"),
                fields: vec![
                    (
                        "csrf_token",
                        crate::auth::form_token::issue(
                            &state.config.secret_key,
                            &confirm_form(id),
                            crate::db::now(),
                        ),
                    ),
                    ("frequency", frequency.as_str().to_owned()),
                    ("token", query.token.clone()),
                ],
                label: tr.t("alert-confirm-button"),
            }),
            ..frame(&state, tr, &here, heading)
        },
        StatusCode::OK,
    )
}

pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<LinkForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let (id, frequency) = confirmed_link(&state, tr.locale, &id, &form.frequency, &form.token)?;
    let secret = &state.config.secret_key;
    if !crate::auth::form_token::verify(&req, secret, &confirm_form(id), &form.csrf_token) {
        return Err(AppError::Forbidden);
    }
    let here = format!("/alerts/{id}/confirm");
    let heading = tr.t("alert-confirm-title");
    let locale = tr.locale;
    let exists = with_conn(&state, move |conn| {
        Ok(alert::confirm(conn, id, frequency, locale, crate::db::now())?)
    })
    .await?;
    if !exists {
        return gone(&state, tr, &here, heading);
    }
    respond(
        AlertPage {
            message: tr.t1("alert-confirm-done", "frequency", &tr.t(frequency.label_id())),
            search: alert_search(&state, &tr, id).await?,
            ..frame(&state, tr, &here, heading)
        },
        StatusCode::OK,
    )
}

pub async fn unsubscribe_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let id = unsubscribe_link(&state, &id, &query.token)?;
    let here = format!("/alerts/{id}/unsubscribe");
    let heading = tr.t("alert-unsubscribe-title");
    let Some(search) = alert_search(&state, &tr, id).await? else {
        return gone(&state, tr, &here, heading);
    };
    respond(
        AlertPage {
            message: tr.t("alert-unsubscribe-question"),
            search: Some(search),
            button: Some(ButtonForm {
                action: format!("/{locale}/alerts/{id}/unsubscribe"),
                fields: vec![("token", query.token.clone())],
                label: tr.t("alert-unsubscribe-button"),
            }),
            ..frame(&state, tr, &here, heading)
        },
        StatusCode::OK,
    )
}

/// Unsubscribes: from the page's button, or straight from the mail program (RFC 8058 posts
/// `List-Unsubscribe=One-Click` to the link, token in the query). The signed token is the
/// only authority here, not a session cookie, so there is no cross-site request to forge
/// and no CSRF token to ask for: a mail program has none.
pub async fn unsubscribe(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let form: LinkForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let token = if form.token.is_empty() { &query.token } else { &form.token };
    let id = unsubscribe_link(&state, &id, token)?;
    let here = format!("/alerts/{id}/unsubscribe");
    let heading = tr.t("alert-unsubscribe-title");
    let exists =
        with_conn(&state, move |conn| Ok(alert::unsubscribe(conn, id, crate::db::now())?)).await?;
    if !exists {
        return gone(&state, tr, &here, heading);
    }
    respond(
        AlertPage {
            message: tr.t("alert-unsubscribe-done"),
            search: alert_search(&state, &tr, id).await?,
            ..frame(&state, tr, &here, heading)
        },
        StatusCode::OK,
    )
}
