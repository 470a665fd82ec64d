//! An applicant's copy of their data (GDPR Art. 15 and 20). The receipt's "copy of my data"
//! link (`applicant_links`, action `export`) asks for one press, then [`request`] records the
//! request in the register and mails a download link; [`download`] serves the copy
//! (`privacy::export`) while the link lasts, built from what is kept at that moment, so an
//! erasure in between leaves nothing to download.

use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::Deserialize;

use super::notice::NoticePage;
use super::{path_locale, with_conn};
use crate::auth::rate_limit::Limit;
use crate::db::schema::{applications, data_requests};
use crate::error::AppError;
use crate::i18n::{Locale, Tr};
use crate::privacy::export::Export;
use crate::privacy::register::{self, AccessRequest, Kind};
use crate::state::AppState;

/// How long a download link works.
pub const LINK_DAYS: i64 = 7;

/// Copies one person may ask for a day: each is mailed, and each costs a ZIP to build.
pub const PER_SUBJECT: Limit =
    Limit { bucket: "data-export", max: 3, window: Duration::from_secs(24 * 3600) };

/// How a request from application `id`'s receipt went: the status and the message to show.
pub async fn request(
    state: &AppState,
    tr: &Tr,
    locale: Locale,
    id: i64,
) -> Result<(StatusCode, String), AppError> {
    let config = state.config.clone();
    let messages = state.messages.clone();
    let outcome = with_conn(state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let now = crate::db::now();
            let found: Option<(String, String)> = applications::table
                .filter(applications::id.eq(id))
                .select((applications::email, applications::name))
                .first(conn)
                .optional()?;
            let Some((email, name)) = found else { return Ok(Requested::Gone) };
            let subject = register::subject(&config.secret_key, &email);
            if !PER_SUBJECT.allow_key(conn, &subject, now)? {
                return Ok(Requested::Limited);
            }
            let count: i64 = applications::table
                .filter(applications::email.eq(&email))
                .count()
                .get_result(conn)?;
            let expires_at = now + chrono::TimeDelta::days(LINK_DAYS);
            let request_id = register::record_access(
                conn,
                &AccessRequest {
                    secret: &config.secret_key,
                    email: &email,
                    application_id: id,
                    application_count: i32::try_from(count).unwrap_or(i32::MAX),
                    locale: locale.as_str(),
                    now,
                    expires_at,
                },
            )?;
            let tr = messages.tr(locale);
            let url = crate::mail::data_export::download_url(
                &config.base_url,
                &config.secret_key,
                locale.as_str(),
                request_id,
            );
            let mail = crate::mail::data_export::delivery(
                tr.clone(),
                &crate::mail::data_export::Delivery {
                    to: &email,
                    applicant: &name,
                    url: &url,
                    until: &tr.date_time(&expires_at),
                    applications: count,
                },
            )
            .map_err(|e| AppError::Internal(format!("rendering the data export mail: {e}")))?;
            crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email: mail }, conn)?;
            Ok::<_, AppError>(Requested::Sent)
        })
    })
    .await?;
    Ok(match outcome {
        Requested::Sent => (StatusCode::OK, tr.tn("applicant-export-done", LINK_DAYS)),
        Requested::Limited => (StatusCode::TOO_MANY_REQUESTS, tr.t("applicant-export-limited")),
        Requested::Gone => (StatusCode::OK, tr.t("applicant-gone")),
    })
}

enum Requested {
    Sent,
    Limited,
    Gone,
}

#[derive(Deserialize)]
pub struct DownloadQuery {
    #[serde(default)]
    token: String,
}

/// `/{locale}/data-exports/{id}`: the copy, as a ZIP. A forged link is a 404 like a missing
/// one; an expired link, or one whose applications are all gone, says so on a page (410).
pub async fn download(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<DownloadQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (locale, id) = path.into_inner();
    let locale = path_locale(&locale)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let secret = &state.config.secret_key;
    if !crate::mail::signed::verify(secret, crate::mail::data_export::DOWNLOAD, id, &query.token) {
        return Err(AppError::NotFound);
    }
    let now = crate::db::now();
    let found = with_conn(&state, move |conn| {
        let Some((application, expires_at)) = data_requests::table
            .filter(data_requests::id.eq(id))
            .filter(data_requests::kind.eq(Kind::Access.as_str()))
            .select((data_requests::application_id, data_requests::expires_at))
            .first::<(Option<i64>, Option<chrono::NaiveDateTime>)>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        if expires_at.is_none_or(|at| at <= now) {
            return Ok(Some(Err("data-export-expired")));
        }
        let email: Option<String> = applications::table
            .filter(applications::id.eq(application.unwrap_or(0)))
            .select(applications::email)
            .first(conn)
            .optional()?;
        let Some(email) = email else { return Ok(Some(Err("data-export-gone"))) };
        let export = Export::load(conn, &email, now)?;
        diesel::update(data_requests::table.filter(data_requests::id.eq(id)))
            .filter(data_requests::downloaded_at.is_null())
            .set(data_requests::downloaded_at.eq(now))
            .execute(conn)?;
        Ok(Some(Ok(export)))
    })
    .await?;
    let tr = state.tr(locale);
    let export = match found {
        None => return Err(AppError::NotFound),
        Some(Err(why)) => {
            let here = format!("/data-exports/{id}");
            let heading = tr.t("data-export-title");
            let message = tr.t(why);
            return NoticePage::new(&state, tr, &here, heading, message).respond(StatusCode::GONE);
        }
        Some(Ok(export)) => export,
    };
    let html =
        export.html(tr).map_err(|e| AppError::Internal(format!("rendering a data export: {e}")))?;
    // On disk rather than in memory: a copy holds every CV the person ever sent.
    let file = tempfile::tempfile()
        .map_err(|e| AppError::Internal(format!("a file for a data export: {e}")))?;
    let storage = &state.storage;
    let file = crate::privacy::export::write_zip(file, &export, &html, |key| async move {
        storage.get(&key).await
    })
    .await
    .and_then(|mut f| {
        use std::io::Seek;
        f.rewind().map(|()| f).map_err(|e| e.to_string())
    })
    .map_err(|e| AppError::Internal(format!("writing data export {id}: {e}")))?;
    let name = format!("data-{}.zip", now.format("%Y-%m-%d"));
    let file = actix_files::NamedFile::from_file(file, &name)
        .map_err(|e| AppError::Internal(format!("serving data export {id}: {e}")))?
        .set_content_type("application/zip".parse().expect("a MIME type"))
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(name)],
        })
        .use_etag(false)
        .use_last_modified(false);
    let mut res = file.into_response(&req);
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}
