//! Keeping an application: its CV in the storage, then in one transaction the row with its
//! event, the applicant's receipt and the hiring team's notice. The public apply form and the
//! API's apply on behalf of a candidate both come here, so both mail and notify alike.

use diesel::prelude::*;

use super::apply_guard;
use super::with_conn;
use crate::db::schema::companies;
use crate::error::AppError;
use crate::models::application::{ApplyError, NewApplication, StoredCv};
use crate::state::AppState;
use crate::uploads::cv::CheckedCv;

/// The posting applied to, as the mails name it.
pub struct Posting {
    /// Its title in the applicant's language.
    pub title: String,
    /// Its title in its original language, for the hiring team.
    pub original_title: String,
    pub company: String,
    pub company_id: i64,
    /// Its page in the applicant's language (`/en/jobs/slug`).
    pub path: String,
}

/// Keeps `application` with `cv`: its id, or `None` when this address already applied to
/// the posting (nothing is kept then).
pub async fn store(
    state: &AppState,
    mut application: NewApplication,
    cv: Option<CheckedCv>,
    posting: Posting,
) -> Result<Option<i64>, AppError> {
    // The file goes to the storage first; the application refers to it. If the application
    // is not stored after all, the file is removed again (and a crash in between leaves an
    // orphan that the daily upload purge removes).
    if let Some(cv) = cv {
        let stored = StoredCv {
            key: cv.new_key(),
            name: cv.name,
            content_type: cv.kind.content_type().to_owned(),
            size: cv.bytes.len() as i64,
        };
        state.storage.put(&stored.key, cv.bytes).await.map_err(AppError::Internal)?;
        application.cv = Some(stored);
    }
    let cv_key = application.cv.as_ref().map(|c| c.key.clone());
    let base_url = state.config.base_url.clone();
    let secret = state.config.secret_key.clone();
    let messages = state.messages.clone();
    let now = crate::db::now();
    // The receipt is enqueued in the application's own transaction: no application without
    // its mail, and no mail about an application that was not stored.
    let stored = with_conn(state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let id = match application.insert(conn) {
                Ok(id) => id,
                Err(ApplyError::Duplicate) => return Ok(None),
                Err(ApplyError::Database(e)) => return Err(AppError::from(e)),
            };
            let receipt = crate::mail::application::Receipt {
                application_id: id,
                applicant: &application.name,
                email: &application.email,
                locale: application.locale,
                job_title: &posting.title,
                company: &posting.company,
                job_path: &posting.path,
            };
            // A receipt goes to an address the sender chose: a few an hour at most.
            if apply_guard::receipt_allowed(conn, &application.email, now)? {
                let email =
                    crate::mail::application::received(&messages, &receipt, &base_url, &secret)
                        .map_err(|e| {
                            AppError::Internal(format!("rendering the receipt mail: {e}"))
                        })?;
                crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
            }
            // And the hiring team hears of it, in the company's language.
            let contact: Option<(Option<String>, String)> = companies::table
                .filter(companies::id.eq(posting.company_id))
                .select((companies::contact_email, companies::original_locale))
                .first(conn)
                .optional()?;
            if let Some((Some(to), locale)) = contact {
                let notice = crate::mail::application::Notice {
                    application_id: id,
                    applicant: &application.name,
                    applicant_email: &application.email,
                    cover_letter: &application.cover_letter,
                    job_title: &posting.original_title,
                    to: &to,
                    locale: crate::i18n::Locale::parse(&locale).unwrap_or_default(),
                };
                let email =
                    crate::mail::application::new_application(&messages, &notice, &base_url)
                        .map_err(|e| {
                            AppError::Internal(format!("rendering the notice mail: {e}"))
                        })?;
                crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
            }
            Ok(Some(id))
        })
    })
    .await;
    match stored {
        Ok(Some(id)) => Ok(Some(id)),
        other => {
            discard_cv(state, cv_key).await;
            other
        }
    }
}

/// Removes a CV stored for an application that was not kept.
async fn discard_cv(state: &AppState, key: Option<String>) {
    if let Some(key) = key
        && let Err(e) = state.storage.delete(&key).await
    {
        log::warn!("could not remove the unused CV {key}: {e}");
    }
}
