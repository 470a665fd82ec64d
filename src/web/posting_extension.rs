//! `/{locale}/postings/{id}/extend`: the link of an expiry reminder (`tasks::expiry_reminders`).
//! It is signed for one recruiter, one posting and the closing date it warned of; following it
//! shows the new date and asks for one press (mail scanners open links), which extends the
//! posting (`models::job::extension`). A forged link is a 404 like a missing posting; an old,
//! used or pointless one says why in the recruiter's language and changes nothing.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use super::notice::{ButtonForm, NoticePage};
use super::{path_locale, with_conn};
use crate::db::schema::{admin_users, company_members};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::mail::expiry::extend_purpose;
use crate::models::AdminRole;
use crate::models::audit::Actor;
use crate::models::job::extension::{self, Extendable, Standing};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    by: i64,
    #[serde(default)]
    until: i64,
    #[serde(default)]
    token: String,
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    by: i64,
    #[serde(default)]
    until: i64,
    #[serde(default)]
    token: String,
    #[serde(default)]
    csrf_token: String,
}

/// What a checked link stands for.
struct Link {
    job: Extendable,
    until: NaiveDateTime,
    /// The recruiter it was sent to, as the audit log names them.
    actor: Actor,
}

/// The link's posting and recruiter when its token is right and the recruiter still works for
/// the posting's company; a 404 otherwise, so links cannot probe ids.
async fn checked(
    state: &AppState,
    id: &str,
    by: i64,
    until: i64,
    token: &str,
) -> Result<Link, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let secret = &state.config.secret_key;
    if !crate::mail::signed::verify(secret, &extend_purpose(id, until), by, token) {
        return Err(AppError::NotFound);
    }
    let until = chrono::DateTime::from_timestamp(until, 0).ok_or(AppError::NotFound)?.naive_utc();
    let found = with_conn(state, move |conn| {
        let Some(job) = Extendable::find(conn, id)? else { return Ok(None) };
        let member: Option<(String, String)> = company_members::table
            .inner_join(admin_users::table)
            .filter(company_members::company_id.eq(job.company_id))
            .filter(company_members::admin_user_id.eq(by))
            .filter(admin_users::role.eq(AdminRole::Recruiter.as_str()))
            .select((admin_users::name, admin_users::email))
            .first(conn)
            .optional()?;
        Ok(member.map(|m| (job, m)))
    })
    .await?;
    let (job, (name, email)) = found.ok_or(AppError::NotFound)?;
    let label = if name.trim().is_empty() { email } else { name };
    Ok(Link { job, until, actor: Actor { admin_user_id: Some(by), label } })
}

fn form_purpose(id: i64, until: i64) -> String {
    format!("posting-extend-form:{id}:{until}")
}

/// The page for a link that cannot extend anything (any more), and its status.
fn refusal(tr: &Tr, title: &str, standing: Standing) -> (String, StatusCode) {
    match standing {
        Standing::Expired => (tr.t1("extend-expired", "job", title), StatusCode::GONE),
        Standing::Moved(to) => {
            (tr.t2("extend-moved", "job", title, "date", &tr.date_time(&to)), StatusCode::OK)
        }
        Standing::AtLimit => (tr.t1("extend-at-limit", "job", title), StatusCode::OK),
        Standing::Open(_) => (String::new(), StatusCode::OK),
    }
}

pub async fn confirm_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let link = checked(&state, &id, query.by, query.until, &query.token).await?;
    let (id, title) = (link.job.id, link.job.title.clone());
    let here = format!("/postings/{id}/extend");
    let heading = tr.t("extend-title");
    let max_days = state.config.max_posting_days;
    let to = match link.job.standing(link.until, max_days, crate::db::now()) {
        Standing::Open(to) => to,
        refused => {
            let (message, status) = refusal(&tr, &title, refused);
            return NoticePage::new(&state, tr, &here, heading, message).respond(status);
        }
    };
    let message = tr.t2("extend-question", "job", &title, "date", &tr.date_time(&to));
    let csrf = crate::auth::form_token::issue(
        &state.config.secret_key,
        &form_purpose(id, query.until),
        crate::db::now(),
    );
    let button = ButtonForm {
        action: format!("/{locale}/postings/{id}/extend"),
        fields: vec![
            ("csrf_token", csrf),
            ("by", query.by.to_string()),
            ("until", query.until.to_string()),
            ("token", query.token.clone()),
        ],
        label: tr.t("extend-button"),
    };
    NoticePage::new(&state, tr, &here, heading, message).button(button).respond(StatusCode::OK)
}

pub async fn extend(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<LinkForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let link = checked(&state, &id, form.by, form.until, &form.token).await?;
    let id = link.job.id;
    let secret = &state.config.secret_key;
    if !crate::auth::form_token::verify(
        &req,
        secret,
        &form_purpose(id, form.until),
        &form.csrf_token,
    ) {
        return Err(AppError::Forbidden);
    }
    let max_days = state.config.max_posting_days;
    let (until, actor) = (link.until, link.actor);
    let standing = with_conn(&state, move |conn| {
        Ok(extension::extend(conn, id, until, &actor, max_days, crate::db::now())?)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let here = format!("/postings/{id}/extend");
    let heading = tr.t("extend-title");
    let title = link.job.title;
    let (message, status) = match standing {
        Standing::Open(to) => {
            (tr.t2("extend-done", "job", &title, "date", &tr.date_time(&to)), StatusCode::OK)
        }
        refused => refusal(&tr, &title, refused),
    };
    NoticePage::new(&state, tr, &here, heading, message).respond(status)
}
