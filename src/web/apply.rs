//! `POST /{locale}/jobs/{slug}/apply` and the thank-you page. A bad submission re-renders the
//! posting with the visitor's input and each error beside its field; nothing is written.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, Responder, web};
use askama::Template;
use askama_web::WebTemplate;

use super::job::{ApplyForm, JobView, load};
use super::{Layout, path_locale, with_conn};

use super::apply_guard;
use crate::error::AppError;
use crate::models::application::ApplicationForm;
use crate::models::job::JobPage;
use crate::search::{Near, SearchParams};
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
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let (locale, slug) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let page = load(&state, slug, tr.locale).await?;
    let secret = state.config.secret_key.clone();
    let purpose = super::job::apply_form_purpose(page.job.id);
    let token_valid = |token: &str| crate::auth::form_token::verify(&req, &secret, &purpose, token);
    // A CV is read only after the form's token, which the page puts first.
    let authorize = |fields: &[(String, String)]| {
        fields.iter().find(|(k, _)| k == "csrf_token").is_some_and(|(_, token)| token_valid(token))
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
    let cover_letter = page.job.cover_letter;
    let slug = page.job.slug.clone();
    let now = crate::db::now();
    // The time the form was first shown stays with it through corrections.
    let started = body
        .field(apply_guard::STARTED_FIELD)
        .filter(|v| v.len() <= 128)
        .map_or_else(|| apply_guard::stamp(&secret, now), str::to_owned);
    let mut form = ApplyForm {
        action: format!("/{}/jobs/{}/apply", tr.locale, slug),
        csrf_token: crate::auth::form_token::issue(&secret, &purpose, now),
        started,
        values: values.clone(),
        ..Default::default()
    };
    let render = |form: ApplyForm, status: StatusCode| -> HttpResponse {
        let view = JobView::new(&state, tr.clone(), &page, Some(form));
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
    if !token_valid(&csrf.csrf_token) {
        form.banner = Some(tr.t("apply-error-expired-form"));
        return Ok(render(form, StatusCode::FORBIDDEN));
    }
    // Someone pressed Apply on the posting's own form (a corrected form counts again).
    state.analytics.add([job_id], crate::analytics::Metric::ApplyClick);
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
    let (application, cv) = match (values.validate(job_id, tr.locale, cover_letter), cv) {
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
    let posting = super::apply_store::Posting {
        title: page.content.value.title.clone(),
        original_title: page.job.title.clone(),
        company: page.company.name.clone(),
        company_id: page.company.id,
        path: format!("/{}/jobs/{}", tr.locale, slug),
    };
    let stored = super::apply_store::store(&state, application, cv, posting).await?.is_some();
    if !stored {
        form.banner = Some(tr.t("apply-error-duplicate"));
        form.errors.insert("email".into(), tr.t("apply-error-duplicate"));
        return Ok(render(form, StatusCode::CONFLICT));
    }
    Ok(super::see_other(&format!("/{}/jobs/{}/applied", tr.locale, slug)))
}

#[derive(Template, WebTemplate)]
#[template(path = "public/applied.html")]
pub struct AppliedPage {
    pub l: Layout,
    pub job_title: String,
    pub job_url: String,
    pub company_name: String,
    /// Jobs like this one: the search, in words and as links to it and to an alert for it.
    pub similar: Option<String>,
    pub similar_url: String,
    pub alert_url: String,
}

/// A search for jobs like `page`'s: any of its first three skills, and where it is (remote
/// ones remote, others within a commute of their city when the index can place it, else in
/// their country).
pub fn similar_search(page: &JobPage, index: &crate::search::SearchIndex) -> SearchParams {
    let job = &page.job;
    let mut params = SearchParams {
        skills: page.skills.iter().take(3).map(|s| s.slug.clone()).collect(),
        page: 1,
        ..Default::default()
    };
    let city = job.city.as_deref().map(|c| Near::Place(c.to_owned()));
    if job.workplace == crate::models::Workplace::Remote {
        params.workplace = Some(crate::models::Workplace::Remote);
    } else if let Some(near) = city.filter(|near| index.locate(near).is_some()) {
        params.near = Some(near);
    } else {
        params.country = job.country_code.clone();
    }
    params
}

pub async fn thanks(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<impl Responder, AppError> {
    let (locale, slug) = path.into_inner();
    let tr = state.tr(path_locale(&locale)?);
    let page = super::job::load_cached(&state, slug, tr.locale).await?;
    let mut l = Layout::new(
        tr.clone(),
        &state.config.base_url,
        &format!("/jobs/{}/applied", page.job.slug),
        "",
        tr.t("applied-title"),
    );
    l.noindex = true;
    let index = state.search.get();
    let similar = similar_search(&page, &index);
    let query = similar.to_query();
    Ok(AppliedPage {
        similar: super::search_links::describe(&tr, &similar, Some(&index)),
        similar_url: format!("/{}/jobs?{query}", tr.locale),
        alert_url: format!("/{}/alerts/new?{query}", tr.locale),
        l,
        job_title: page.content.value.title.clone(),
        job_url: format!("/{}/jobs/{}", tr.locale, page.job.slug),
        company_name: page.company.name.clone(),
    })
}
