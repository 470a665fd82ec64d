//! The API's errors as RFC 9457 problem details: `application/problem+json` with a stable
//! `type` for each kind of error (its section in the API reference), `title` and `detail` in
//! the language of `Accept-Language`, and for a 422 each refused parameter or field with the
//! reason. Every error response under `/api/` becomes one, whoever produced it: a handler's
//! `AppError`, the router's 404 or 405, a body over its limit.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::InvalidField;
use crate::i18n::{Locale, Tr, negotiate};

pub const CONTENT_TYPE: &str = "application/problem+json";

/// An error, as the API answers it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// The kind of error, stable across releases and languages: an address in the API
    /// reference that explains it.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of error, in the client's language.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened, in the client's language.
    pub detail: String,
    /// For 422: each parameter or field that was refused, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One refused parameter or field.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldError {
    /// The parameter's or field's name, as sent.
    pub name: String,
    /// Why it was refused, in the client's language.
    pub reason: String,
}

/// The kind of error behind an `AppError` code: `error-not-found` is `not-found`.
pub fn kind_of(code: &str) -> &str {
    code.strip_prefix("error-").unwrap_or(code)
}

/// The API's language for a request: `?locale=` when it names one, else `Accept-Language`.
pub fn locale_of(req: &HttpRequest, default: Locale) -> Locale {
    let asked = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(key, _)| key == "locale")
        .and_then(|(_, value)| Locale::parse(&value));
    if let Some(locale) = asked {
        return locale;
    }
    let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    negotiate(None, accept, default)
}

/// The problem document for an error response with `code`.
pub fn problem(
    tr: Tr,
    base_url: &str,
    status: StatusCode,
    code: &str,
    invalid: &[InvalidField],
    arg: Option<&super::auth::ProblemArg>,
) -> Problem {
    let kind = kind_of(code);
    Problem {
        kind: format!("{base_url}/api/docs#problem-{kind}"),
        title: tr.t(&format!("api-problem-{kind}-title")),
        status: status.as_u16(),
        detail: match arg {
            Some(super::auth::ProblemArg(name, value)) => {
                tr.t1(&format!("api-problem-{kind}"), name, value)
            }
            None => tr.t(&format!("api-problem-{kind}")),
        },
        errors: invalid
            .iter()
            .map(|field| FieldError {
                name: field.name.clone(),
                reason: tr.t1(field.reason, field.arg, &field.value),
            })
            .collect(),
    }
}

/// The response for a problem, keeping `keep`'s headers (`Allow` of a 405, `Retry-After`).
pub fn respond(problem: &Problem, keep: &actix_web::http::header::HeaderMap) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::build(status)
        .content_type(CONTENT_TYPE)
        .body(serde_json::to_string(problem).unwrap_or_default());
    for (name, value) in keep {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    response
}
