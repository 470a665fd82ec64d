//! `POST /{locale}/jobs/{slug}/apply` and the thank-you page. A bad submission re-renders the
//! posting with the visitor's input and each error beside its field; nothing is written.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, Responder, web};
use askama::Template;
use askama_web::WebTemplate;

use super::job::{ApplyForm, JobView, load};
use super::{Layout, path_locale, with_conn};
use diesel::prelude::*;

use super::apply_guard;
use crate::db::schema::companies;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::models::application::{ApplicationForm, ApplyError};
use crate::security::events::{Severity, record};
use crate::state::AppState;
use crate::uploads::multipart::{BodyError, Limits, read_request};
use actix_web::http::header;

#[derive(serde::Deserialize, Default)]
struct CsrfField {
    #[serde(default)]
    csrf_token: String,
}

/// The apply form's body: its text fields, and a CV up to 10 MB (the form puts the file
/// after the text fields, so a file past the limit still leaves what was typed).
const BODY_LIMITS: Limits = Limits {
    body_bytes: crate::uploads::cv::MAX_BYTES + 64 * 1024,
    file_bytes: crate::uploads::cv::MAX_BYTES,
    files: 1,
    text_bytes: 32 * 1024,
    parts: 16,
};

pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    session: Session,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let (locale, slug) = path.into_inner();
    let tr = Tr::new(path_locale(&locale)?);
    let page = load(&state, slug, tr.locale).await?;
    // A CV is read only after the form's token, which the page puts first.
    let authorize = |fields: &[(String, String)]| {
        fields
            .iter()
            .find(|(k, _)| k == "csrf_token")
            .is_some_and(|(_, token)| crate::auth::csrf::verify(&req, token))
    };
    // A body that is not a form at all is treated as an empty form: the visitor sees which
    // fields are missing rather than a bare 400.
    let mut body = match read_request(&req, payload, &BODY_LIMITS, &authorize).await {
        Ok(body) => body,
        Err(BodyError::TooLarge) => return Err(AppError::PayloadTooLarge),
        // The token check below refuses it, showing what was typed before the file.
        Err(BodyError::Unauthorized(typed)) => *typed,
        Err(e @ BodyError::Malformed(_)) => {
            log::info!("apply form body refused: {e}");
            Default::default()
        }
    };
    let text = body.urlencoded();
    let values: ApplicationForm = serde_urlencoded::from_str(&text).unwrap_or_default();
    let csrf: CsrfField = serde_urlencoded::from_str(&text).unwrap_or_default();
    let cv = body.files.remove("cv");
    let job_id = page.job.id;
    let slug = page.job.slug.clone();
    let now = crate::db::now();
    let secret = state.config.secret_key.clone();
    // The time the form was first shown stays with it through corrections.
    let started = body
        .field(apply_guard::STARTED_FIELD)
        .filter(|v| v.len() <= 128)
        .map_or_else(|| apply_guard::stamp(&secret, now), str::to_owned);
    let mut form = ApplyForm {
        action: format!("/{}/jobs/{}/apply", tr.locale, slug),
        csrf_token: crate::auth::csrf::token(&session),
        started,
        values: values.clone(),
        ..Default::default()
    };
    let render = |form: ApplyForm, status: StatusCode| -> HttpResponse {
        let view = JobView::new(&state, tr, &page, Some(form));
        match view.render() {
            Ok(html) => {
                HttpResponse::build(status).content_type("text/html; charset=utf-8").body(html)
            }
            Err(e) => actix_web::ResponseError::error_response(&AppError::Internal(format!(
                "rendering the posting page: {e}"
            ))),
        }
    };
    if !page.job.is_open(crate::db::now()) {
        return Ok(render(form, StatusCode::CONFLICT));
    }
    if !crate::auth::csrf::verify(&req, &csrf.csrf_token) {
        form.banner = Some(tr.t("apply-error-expired-form"));
        return Ok(render(form, StatusCode::FORBIDDEN));
    }
    // Too many, too soon: 429 with the form as typed and how long to wait.
    let too_many = |mut form: ApplyForm, message: &str, wait: u64| -> HttpResponse {
        form.banner = Some(tr.t(message));
        let mut res = render(form, StatusCode::TOO_MANY_REQUESTS);
        res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(wait.max(1)));
        res
    };
    let min_fill = state.config.apply_min_fill_seconds;
    if let Err(suspicion) = apply_guard::inspect(&body.text, &secret, now, min_fill) {
        record(&req, Severity::Warning, "apply-refused", &[("reason", &format!("{suspicion:?}"))]);
        return Ok(match suspicion {
            apply_guard::Suspicion::TooFast(wait) => too_many(form, "apply-error-too-fast", wait),
            _ => too_many(form, "apply-error-not-sent", 60),
        });
    }
    let cv = match cv {
        Some(file) => {
            let (name, truncated) = (file.file_name.clone(), file.truncated);
            let bytes = file
                .into_bytes()
                .map_err(|e| AppError::Internal(format!("reading an uploaded CV: {e}")))?;
            Some(crate::uploads::cv::check(&name, bytes, truncated))
        }
        None => None,
    };
    let (mut application, cv) = match (values.validate(job_id, tr.locale), cv) {
        (Ok(a), None) => (a, None),
        (Ok(a), Some(Ok(cv))) => (a, Some(cv)),
        (result, cv) => {
            let mut form = form.with_errors(&tr, result.as_ref().err().map_or(&[], |e| e));
            if let Some(Err(e)) = cv {
                form.add_error("cv", tr.t(e.cv_message()));
            }
            if body.cut_short {
                // Fields after the file were not read: say so rather than call them missing.
                form.banner = Some(tr.t("upload-error-cut-short"));
            }
            let status = if body.cut_short {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return Ok(render(form, status));
        }
    };
    let client = crate::client_ip::of(&req);
    let applicant = application.email.clone();
    let admitted =
        with_conn(&state, move |conn| Ok(apply_guard::admit(conn, client, &applicant, now)?))
            .await?;
    if let Err(wait) = admitted {
        record(&req, Severity::Warning, "apply-rate-limited", &[]);
        return Ok(too_many(form, "apply-error-rate-limited", wait));
    }
    // The file goes to the storage first; the application refers to it. If the application
    // is not stored after all, the file is removed again (and a crash in between leaves an
    // orphan that the daily upload purge removes).
    if let Some(cv) = cv {
        let stored = crate::models::application::StoredCv {
            key: cv.new_key(),
            name: cv.name,
            content_type: cv.kind.content_type().to_owned(),
            size: cv.bytes.len() as i64,
        };
        state.storage.put(&stored.key, cv.bytes).await.map_err(AppError::Internal)?;
        application.cv = Some(stored);
    }
    let cv_key = application.cv.as_ref().map(|c| c.key.clone());
    // The receipt is enqueued in the application's own transaction: no application without
    // its mail, and no mail about an application that was not stored.
    let job_title = page.content.value.title.clone();
    let company = page.company.name.clone();
    let company_id = page.company.id;
    let original_title = page.job.title.clone();
    let job_path = format!("/{}/jobs/{}", tr.locale, slug);
    let base_url = state.config.base_url.clone();
    let stored = with_conn(&state, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            let id = match application.insert(conn) {
                Ok(id) => id,
                Err(ApplyError::Duplicate) => return Ok(false),
                Err(ApplyError::Database(e)) => return Err(AppError::from(e)),
            };
            let receipt = crate::mail::application::Receipt {
                application_id: id,
                applicant: &application.name,
                email: &application.email,
                locale: application.locale,
                job_title: &job_title,
                company: &company,
                job_path: &job_path,
            };
            // A receipt goes to an address the sender chose: a few an hour at most.
            if apply_guard::receipt_allowed(conn, &application.email, now)? {
                let email = crate::mail::application::received(&receipt, &base_url, &secret)
                    .map_err(|e| AppError::Internal(format!("rendering the receipt mail: {e}")))?;
                crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
            }
            // And the hiring team hears of it, in the company's language.
            let contact: Option<(Option<String>, String)> = companies::table
                .filter(companies::id.eq(company_id))
                .select((companies::contact_email, companies::original_locale))
                .first(conn)
                .optional()?;
            if let Some((Some(to), locale)) = contact {
                let notice = crate::mail::application::Notice {
                    application_id: id,
                    applicant: &application.name,
                    applicant_email: &application.email,
                    cover_letter: &application.cover_letter,
                    job_title: &original_title,
                    to: &to,
                    locale: crate::i18n::Locale::parse(&locale).unwrap_or_default(),
                };
                let email = crate::mail::application::new_application(&notice, &base_url)
                    .map_err(|e| AppError::Internal(format!("rendering the notice mail: {e}")))?;
                crate::tasks::Task::enqueue(&crate::tasks::send_mail::SendMail { email }, conn)?;
            }
            Ok(true)
        })
    })
    .await;
    let stored = match stored {
        Ok(stored) => stored,
        Err(e) => {
            discard_cv(&state, cv_key).await;
            return Err(e);
        }
    };
    if !stored {
        discard_cv(&state, cv_key).await;
        form.banner = Some(tr.t("apply-error-duplicate"));
        form.errors.insert("email".into(), tr.t("apply-error-duplicate"));
        return Ok(render(form, StatusCode::CONFLICT));
    }
    Ok(super::see_other(&format!("/{}/jobs/{}/applied", tr.locale, slug)))
}

/// Removes a CV stored for an application that was not kept.
async fn discard_cv(state: &AppState, key: Option<String>) {
    if let Some(key) = key
        && let Err(e) = state.storage.delete(&key).await
    {
        log::warn!("could not remove the unused CV {key}: {e}");
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "public/applied.html")]
pub struct AppliedPage {
    pub l: Layout,
    pub job_title: String,
    pub job_url: String,
    pub company_name: String,
    pub search_url: String,
}

pub async fn thanks(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<impl Responder, AppError> {
    let (locale, slug) = path.into_inner();
    let tr = Tr::new(path_locale(&locale)?);
    let page = super::job::load_cached(&state, slug, tr.locale).await?;
    let mut l = Layout::new(
        tr,
        &state.config.base_url,
        &format!("/jobs/{}/applied", page.job.slug),
        "",
        tr.t("applied-title"),
    );
    l.noindex = true;
    Ok(AppliedPage {
        l,
        job_title: page.content.value.title.clone(),
        job_url: format!("/{}/jobs/{}", tr.locale, page.job.slug),
        company_name: page.company.name.clone(),
        search_url: format!("/{}/jobs", tr.locale),
    })
}
