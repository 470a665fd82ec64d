//! `POST /api/v1/jobs/{id_or_slug}/applications`: an applicant-tracking system or a partner
//! site applies on a candidate's behalf (`applications:write`), with the candidate's CV as a
//! `multipart/form-data` file part. The application is checked and kept like one sent with
//! the posting's own form (the same rules, the same mails, events and webhooks); with an
//! `Idempotency-Key` a retried request returns the first response and makes one row.

use actix_web::{HttpRequest, HttpResponse, web};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::applications::{ApplicationView, one, view};
use super::auth::{ApiRefusal, Caller};
use super::job_write::{id_or_slug, writable};
use super::problem::Problem;
use crate::error::{AppError, InvalidField};
use crate::i18n::Locale;
use crate::models::api_token::Scope;
use crate::models::application::ApplicationForm;
use crate::models::job::JobPage;
use crate::state::AppState;
use crate::uploads::multipart::{FormData, Limits};
use crate::web::with_conn;

/// An application sent for a candidate, as `multipart/form-data` (or urlencoded, without a
/// CV).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ApplyInput {
    /// The candidate's name (at most 200 characters).
    name: String,
    /// Where the receipt goes and the hiring team answers.
    email: String,
    phone: Option<String>,
    /// At most 10,000 characters; required when the posting's `cover_letter` is `required`.
    cover_letter: Option<String>,
    /// The candidate's language, for the receipt; the posting's own when left out.
    #[schema(example = "en")]
    language: Option<String>,
    /// `true`: the candidate agreed to the board's privacy notice.
    consent: bool,
    /// The CV: PDF, DOCX or ODT, up to 10 MB, recognized by its content.
    #[schema(value_type = Option<String>, format = Binary)]
    cv: Option<Vec<u8>>,
}

/// The text fields the body may have.
const FIELDS: [&str; 6] = ["name", "email", "phone", "cover_letter", "language", "consent"];

/// The body: the text fields, and a CV up to its limit.
const LIMITS: Limits = Limits {
    body_bytes: crate::uploads::cv::MAX_BYTES + 64 * 1024,
    file_bytes: crate::uploads::cv::MAX_BYTES,
    files: 1,
    text_bytes: 32 * 1024,
    parts: 16,
};

/// Applies to a published posting for a candidate.
#[utoipa::path(
    post,
    path = "/api/v1/jobs/{id_or_slug}/applications",
    tag = "applications",
    security(("token" = ["applications:write"])),
    params(
        ("id_or_slug" = String, Path, description = "The posting's id or slug"),
        super::idempotency::KeyHeader,
    ),
    request_body(content = ApplyInput, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "The application, as stored", body = ApplicationView,
            headers(("Location" = String, description = "The application's address in the API"))),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks applications:write", body = Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No posting this token may apply to has this id or slug", body = Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The posting is closed, this address applied to it already, or a request \
            with this Idempotency-Key is still being answered", body = Problem,
            content_type = "application/problem+json"),
        (status = 413, description = "The body or the CV is too large", body = Problem,
            content_type = "application/problem+json"),
        (status = 415, description = "The body is not a form", body = Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Fields were refused, each named with the reason", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiRefusal> {
    caller.require(Scope::ApplicationsWrite)?;
    // A posting this token may not apply to is not found, whatever the body.
    let (key, bound) = (path.into_inner(), caller.company());
    let job = with_conn(&state, move |conn| {
        let id = id_or_slug(conn, &key)?;
        writable(conn, id, bound)?;
        Ok(id)
    })
    .await?;
    if !is_form(&req) {
        return Err(AppError::UnsupportedMediaType.into());
    }
    let mut body = super::body::form(&req, payload, &LIMITS).await?;
    unknown_fields(&body)?;
    let cv = match body.files.remove("cv") {
        Some(file) => {
            let (name, truncated) = (file.file_name.clone(), file.truncated);
            let bytes = file
                .into_bytes()
                .map_err(|e| AppError::Internal(format!("reading an uploaded CV: {e}")))?;
            Some((name, bytes, truncated))
        }
        None => None,
    };
    let digest = super::idempotency::digest(&req, &content(&body, cv.as_ref()));
    super::idempotency::once(&state, &caller, &req, digest, || {
        apply(&state, &caller, job, body, cv)
    })
    .await
}

/// Whether the body is a form: multipart, or urlencoded.
fn is_form(req: &HttpRequest) -> bool {
    use actix_web::HttpMessage;
    req.mime_type().ok().flatten().is_some_and(|m| {
        (m.type_() == "multipart" && m.subtype() == "form-data")
            || (m.type_() == "application" && m.subtype() == "x-www-form-urlencoded")
    })
}

/// Refuses the fields the endpoint does not take, each by name.
fn unknown_fields(body: &FormData) -> Result<(), AppError> {
    let mut refused: Vec<InvalidField> = body
        .text
        .iter()
        .filter(|(name, _)| !FIELDS.contains(&name.as_str()))
        .map(|(name, _)| match name.as_str() {
            "cv" => InvalidField::new(name, "api-invalid-not-a-file", ""),
            _ => InvalidField::new(name, "api-invalid-unknown-field", ""),
        })
        .collect();
    refused.extend(
        body.files
            .keys()
            .filter(|name| name.as_str() != "cv")
            .map(|name| InvalidField::new(name, "api-invalid-unknown-field", "")),
    );
    if refused.is_empty() { Ok(()) } else { Err(AppError::Invalid(refused)) }
}

/// The request's content for its idempotency digest: the text fields in order of name, and
/// the file by name and digest (a multipart body's boundary changes from one send to the next).
fn content(body: &FormData, cv: Option<&(String, Vec<u8>, bool)>) -> Vec<u8> {
    let mut fields = body.text.clone();
    fields.sort();
    let mut content = serde_urlencoded::to_string(&fields).unwrap_or_default().into_bytes();
    if let Some((name, bytes, _)) = cv {
        content.extend(b"\ncv=");
        content.extend(
            url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>().bytes(),
        );
        content.push(b'/');
        content.extend(super::hex(&Sha256::digest(bytes)).bytes());
    }
    content
}

/// Checks and keeps the application: 201 with it, or why not.
async fn apply(
    state: &AppState,
    caller: &Caller,
    job: i64,
    body: FormData,
    cv: Option<(String, Vec<u8>, bool)>,
) -> Result<HttpResponse, ApiRefusal> {
    let bound = caller.company();
    let language = body.field("language").map(str::to_owned);
    let chosen = match language.as_deref() {
        None | Some("") => None,
        Some(code) => match Locale::parse(code) {
            Some(locale) => Some(locale),
            None => {
                let field = InvalidField::new("language", "api-invalid-value", code);
                return Err(AppError::Invalid(vec![field]).into());
            }
        },
    };
    let page = with_conn(state, move |conn| {
        let original: String = {
            use crate::db::schema::jobs;
            use diesel::prelude::*;
            jobs::table.find(job).select(jobs::original_locale).first(conn)?
        };
        let locale = chosen.or(Locale::parse(&original)).unwrap_or_default();
        JobPage::load_preview(conn, job, locale)?.ok_or(AppError::NotFound)
    })
    .await?;
    if !page.job.is_open(crate::db::now()) {
        return Err(AppError::Conflict("error-job-closed").into());
    }
    let mut form: ApplicationForm = serde_urlencoded::from_str(&body.urlencoded())
        .map_err(|_| AppError::BadRequest("error-bad-request"))?;
    // The API says `true`; a box ticked on a page says anything.
    if form.consent.as_deref() != Some("true") {
        form.consent = None;
    }
    let locale = page.content.lang;
    let checked =
        cv.map(|(name, bytes, truncated)| crate::uploads::cv::check(&name, bytes, truncated));
    let mut refused: Vec<InvalidField> = Vec::new();
    let application =
        match form.validate(page.job.id, chosen.unwrap_or(locale), page.job.cover_letter) {
            Ok(application) => Some(application),
            Err(errors) => {
                refused.extend(errors.iter().map(|e| match &e.arg {
                    Some((arg, value)) => InvalidField::with_arg(&e.field, e.message, arg, value),
                    None => InvalidField::new(&e.field, e.message, ""),
                }));
                None
            }
        };
    let cv = match checked {
        Some(Ok(cv)) => Some(cv),
        Some(Err(e)) => {
            refused.push(InvalidField::new("cv", e.cv_message(), ""));
            None
        }
        None => None,
    };
    let Some(application) = application.filter(|_| refused.is_empty()) else {
        return Err(AppError::Invalid(refused).into());
    };
    let applicant_locale = application.locale;
    let posting = crate::web::apply_store::Posting {
        title: page.content.value.title.clone(),
        original_title: page.job.title.clone(),
        company: page.company.name.clone(),
        company_id: page.company.id,
        path: format!("/{}/jobs/{}", applicant_locale, page.job.slug),
    };
    let Some(id) = crate::web::apply_store::store(state, application, cv, posting).await? else {
        return Err(AppError::Conflict("error-application-duplicate").into());
    };
    let row = with_conn(state, move |conn| one(conn, id, bound)).await?;
    let location = format!("/api/v1/applications/{id}");
    Ok(super::created(location, &view(row, &state.config.base_url))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &[(&str, &str)]) -> FormData {
        FormData {
            text: text.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
            ..FormData::default()
        }
    }

    #[test]
    fn the_content_digest_ignores_field_order_but_not_the_file() {
        let a = form(&[("name", "Ada"), ("email", "ada@example.org")]);
        let b = form(&[("email", "ada@example.org"), ("name", "Ada")]);
        let cv = ("cv.pdf".to_owned(), b"%PDF-1".to_vec(), false);
        let other = ("cv.pdf".to_owned(), b"%PDF-2".to_vec(), false);
        assert_eq!(content(&a, Some(&cv)), content(&b, Some(&cv)));
        assert_ne!(content(&a, Some(&cv)), content(&a, Some(&other)));
        assert_ne!(content(&a, Some(&cv)), content(&a, None));
        assert_ne!(content(&a, None), content(&form(&[("name", "Ada")]), None));
    }

    #[test]
    fn unknown_fields_are_named() {
        let body = form(&[("name", "Ada"), ("salary", "1"), ("cv", "not a file")]);
        let Err(AppError::Invalid(fields)) = unknown_fields(&body) else { panic!() };
        let named: Vec<_> = fields.iter().map(|f| (f.name.as_str(), f.reason)).collect();
        assert_eq!(
            named,
            [("salary", "api-invalid-unknown-field"), ("cv", "api-invalid-not-a-file")]
        );
        assert!(unknown_fields(&form(&[("name", "Ada"), ("consent", "true")])).is_ok());
    }
}
