//! The links in an applicant's receipt mail: withdraw the application, get a copy of the
//! applicant's data (`data_export`), or delete the application with their data. A signed token stands for the applicant (no account needed); each link
//! asks first on a page of its own, then acts on a POST with the session's CSRF token.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::Deserialize;

use super::notice::{ButtonForm, NoticePage};
use super::{path_locale, with_conn};
use crate::db::schema::{applications, jobs};
use crate::error::AppError;
use crate::mail::application::{EXPORT, FORGET, WITHDRAW};
use crate::models::ApplicationStatus;
use crate::models::application::delete_with_notes;
use crate::models::audit::Actor;
use crate::models::pipeline::{StageError, move_to};
use crate::privacy::register::Origin;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Deserialize)]
pub struct LinkFormData {
    #[serde(default)]
    token: String,
    #[serde(default)]
    csrf_token: String,
}

/// (purpose of the token, Fluent id prefix) of an action in the path.
fn action(name: &str) -> Result<(&'static str, &'static str), AppError> {
    match name {
        "withdraw" => Ok((WITHDRAW, "applicant-withdraw")),
        "export" => Ok((EXPORT, "applicant-export")),
        "forget" => Ok((FORGET, "applicant-forget")),
        _ => Err(AppError::NotFound),
    }
}

/// The application's posting title, when the token is right; a wrong token is a 404, like an
/// application that does not exist, so links cannot be used to probe ids.
async fn checked(
    state: &AppState,
    id: &str,
    purpose: &'static str,
    token: &str,
) -> Result<(i64, Option<String>), AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !crate::mail::signed::verify(&state.config.secret_key, purpose, id, token) {
        return Err(AppError::NotFound);
    }
    let title = with_conn(state, move |conn| {
        Ok(applications::table
            .inner_join(jobs::table)
            .filter(applications::id.eq(id))
            .select(jobs::title)
            .first::<String>(conn)
            .optional()?)
    })
    .await?;
    Ok((id, title))
}

/// The purpose of the form token of `purpose`'s button on application `id`.
fn form_purpose(purpose: &str, id: i64) -> String {
    format!("{purpose}:{id}")
}

pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let (locale, id, name) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let (purpose, ids) = action(&name)?;
    let (id, title) = checked(&state, &id, purpose, &query.token).await?;
    let here = format!("/applications/{id}/{name}");
    let heading = tr.t(&format!("{ids}-title"));
    let Some(title) = title else {
        // Deleted already (this link, or the board): nothing left to do.
        let message = tr.t("applicant-gone");
        return NoticePage::new(&state, tr, &here, heading, message).respond(StatusCode::OK);
    };
    let message = if purpose == EXPORT {
        tr.tn_with("applicant-export-question", super::data_export::LINK_DAYS, "job", &title)
    } else {
        tr.t1(&format!("{ids}-question"), "job", &title)
    };
    let button = ButtonForm {
        action: format!("/{locale}/applications/{id}/{name}"),
        fields: vec![
            (
                "csrf_token",
                crate::auth::form_token::issue(
                    &state.config.secret_key,
                    &form_purpose(purpose, id),
                    crate::db::now(),
                ),
            ),
            ("token", query.token.clone()),
        ],
        label: tr.t(&format!("{ids}-button")),
    };
    NoticePage::new(&state, tr, &here, heading, message).button(button).respond(StatusCode::OK)
}

pub async fn act(
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    form: web::Form<LinkFormData>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (locale, id, name) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let (purpose, ids) = action(&name)?;
    let (id, title) = checked(&state, &id, purpose, &form.token).await?;
    let form_purpose = form_purpose(purpose, id);
    if !crate::auth::form_token::verify(
        &req,
        &state.config.secret_key,
        &form_purpose,
        &form.csrf_token,
    ) {
        return Err(AppError::Forbidden);
    }
    let here = format!("/applications/{id}/{name}");
    let mut status = StatusCode::OK;
    let message = match (title, purpose) {
        (None, _) => tr.t("applicant-gone"),
        (Some(_), EXPORT) => {
            let locale = path_locale(&locale)?;
            let (answer, message) = super::data_export::request(&state, &tr, locale, id).await?;
            status = answer;
            message
        }
        (Some(_), FORGET) => {
            let secret = state.config.secret_key.clone();
            let cv_keys = with_conn(&state, move |conn| {
                crate::db::write_transaction(conn, |conn| {
                    let applicant = Actor { admin_user_id: None, label: "applicant".into() };
                    let register = (secret.as_slice(), Origin::Applicant);
                    Ok::<_, AppError>(delete_with_notes(conn, &[id], &applicant, register)?)
                })
            })
            .await?;
            // The file goes once the row is gone; if this fails, the daily upload purge
            // removes it as an orphan.
            for key in cv_keys {
                if let Err(e) = state.storage.delete(&key).await {
                    log::warn!("application {id} deleted, its CV not yet: {e}");
                }
            }
            tr.t("applicant-forget-done")
        }
        (Some(_), _) => {
            let outcome = with_conn(&state, move |conn| {
                let applicant = Actor { admin_user_id: None, label: "applicant".into() };
                Ok(move_to(
                    conn,
                    id,
                    ApplicationStatus::Withdrawn,
                    "",
                    &applicant,
                    crate::db::now(),
                ))
            })
            .await?;
            match outcome {
                Ok(()) => tr.t("applicant-withdraw-done"),
                Err(StageError::NotAllowed { .. }) => tr.t("applicant-withdraw-closed"),
                Err(StageError::NotFound) => tr.t("applicant-gone"),
                Err(e) => {
                    return Err(AppError::Internal(format!("withdrawing application {id}: {e}")));
                }
            }
        }
    };
    let heading = tr.t(&format!("{ids}-title"));
    NoticePage::new(&state, tr, &here, heading, message).respond(status)
}
