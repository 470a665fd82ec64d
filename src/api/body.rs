//! Reading a request's JSON body: `application/json` only (else 415), within the app's body
//! limit (else 413), every field known (else 422 naming it), each value of its type (else 422
//! naming the field by its path, like `salary.min`).

use actix_web::HttpRequest;
use serde::de::DeserializeOwned;

use crate::error::{AppError, InvalidField};
use crate::uploads::multipart::{BodyError, FormData, Limits, read_request};

/// The body as a `T`.
pub fn json<T: DeserializeOwned>(req: &HttpRequest, body: &[u8]) -> Result<T, AppError> {
    use actix_web::HttpMessage;
    let is_json = req
        .mime_type()
        .ok()
        .flatten()
        .is_some_and(|m| m.type_() == "application" && m.subtype() == "json");
    if !is_json {
        return Err(AppError::UnsupportedMediaType);
    }
    let mut reader = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut reader).map_err(refusal)?;
    reader.end().map_err(|e| AppError::Invalid(vec![syntax(&e)]))?;
    Ok(value)
}

/// A value that may be sent as null to clear it: absent is `None`, null `Some(None)` (with
/// `#[serde(default, deserialize_with = "nullable")]`).
pub fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}

/// The 422 of a back-office form's refusals, each field under its API name.
pub fn refused(errors: Vec<crate::admin::fields::FieldError>) -> AppError {
    AppError::Invalid(
        errors
            .into_iter()
            .map(|e| match e.arg {
                Some((arg, value)) => {
                    InvalidField::with_arg(&api_name(&e.field), e.message, arg, &value)
                }
                None => InvalidField::new(&api_name(&e.field), e.message, ""),
            })
            .collect(),
    )
}

/// The API's name of a back-office form field: the bodies' names where the forms' differ
/// (`t.de.title` is `translations.de.title`, `salary_min` is `salary.min`).
pub fn api_name(key: &str) -> String {
    if let Some((locale, field)) =
        key.strip_prefix(crate::admin::fields::TRANSLATION_PREFIX).and_then(|r| r.split_once('.'))
    {
        return format!("translations.{locale}.{field}");
    }
    match key {
        "original_locale" => "original_language",
        "country_code" => "country",
        "salary_min" => "salary.min",
        "salary_max" => "salary.max",
        "salary_currency" => "salary.currency",
        "salary_period" => "salary.period",
        other => other,
    }
    .to_owned()
}

/// Whether the body is `multipart/form-data`.
pub fn is_multipart(req: &HttpRequest) -> bool {
    use actix_web::HttpMessage;
    req.mime_type()
        .ok()
        .flatten()
        .is_some_and(|m| m.type_() == "multipart" && m.subtype() == "form-data")
}

/// A form body (multipart or urlencoded) read within `limits`: 413 past them, 400 when it is
/// not the form it says. The token was checked before: every file part may be read.
pub async fn form(
    req: &HttpRequest,
    payload: actix_web::web::Payload,
    limits: &Limits,
) -> Result<FormData, AppError> {
    match read_request(req, payload, limits, &|_| true).await {
        Ok(body) if body.cut_short => Err(AppError::PayloadTooLarge),
        Ok(body) => Ok(body),
        Err(BodyError::TooLarge) => Err(AppError::PayloadTooLarge),
        Err(BodyError::Unauthorized(_)) => Err(AppError::Forbidden),
        Err(BodyError::Malformed(why)) => {
            log::info!("API form body refused: {why}");
            Err(AppError::BadRequest("error-bad-request"))
        }
    }
}

/// The 422 of a body that is not the document expected: a field unknown, of the wrong type,
/// missing, or no JSON at all.
fn refusal(e: serde_path_to_error::Error<serde_json::Error>) -> AppError {
    let path = e.path().to_string();
    let inner = e.inner();
    if inner.is_syntax() || inner.is_eof() {
        return AppError::Invalid(vec![syntax(inner)]);
    }
    let message = inner.to_string();
    // serde names an unknown field "unknown field `colour`, expected one of …".
    // The path ends with the unknown field's name.
    if message.starts_with("unknown field `") {
        return AppError::Invalid(vec![InvalidField::new(&path, "api-invalid-unknown-field", "")]);
    }
    let name = if path == "." { "body".to_owned() } else { path };
    // The message (English, from serde) says which type was expected; it ends with where.
    let detail = message.split(" at line ").next().unwrap_or(&message).to_owned();
    AppError::Invalid(vec![InvalidField::new(&name, "api-invalid-type", &detail)])
}

fn syntax(e: &serde_json::Error) -> InvalidField {
    InvalidField::new("body", "api-invalid-json", &format!("{}:{}", e.line(), e.column()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: Option<String>,
        inner: Option<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        min: Option<i64>,
    }

    fn read(content_type: &str, body: &str) -> Result<Doc, AppError> {
        let req = actix_web::test::TestRequest::default()
            .insert_header((header::CONTENT_TYPE, content_type))
            .to_http_request();
        json(&req, body.as_bytes())
    }

    fn refused(body: &str) -> Vec<(String, &'static str)> {
        match read("application/json", body) {
            Err(AppError::Invalid(fields)) => {
                fields.into_iter().map(|f| (f.name, f.reason)).collect()
            }
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn only_json_is_read() {
        assert!(read("application/json; charset=utf-8", "{}").is_ok());
        assert!(matches!(read("text/plain", "{}"), Err(AppError::UnsupportedMediaType)));
        assert!(matches!(
            read("application/x-www-form-urlencoded", "name=x"),
            Err(AppError::UnsupportedMediaType)
        ));
    }

    #[test]
    fn refusals_name_the_field_by_its_path() {
        assert_eq!(refused(r#"{"colour": 1}"#), [("colour".into(), "api-invalid-unknown-field")]);
        assert_eq!(
            refused(r#"{"inner": {"max": 1}}"#),
            [("inner.max".into(), "api-invalid-unknown-field")]
        );
        assert_eq!(
            refused(r#"{"inner": {"min": "x"}}"#),
            [("inner.min".into(), "api-invalid-type")]
        );
        assert_eq!(refused(r#"{"name": "#), [("body".into(), "api-invalid-json")]);
        assert_eq!(refused(r#"{} {}"#), [("body".into(), "api-invalid-json")]);
        assert_eq!(refused(r#""x""#), [("body".into(), "api-invalid-type")]);
    }

    #[test]
    fn form_fields_take_the_api_names() {
        assert_eq!(api_name("salary_min"), "salary.min");
        assert_eq!(api_name("t.de.title"), "translations.de.title");
        assert_eq!(api_name("original_locale"), "original_language");
        assert_eq!(api_name("country_code"), "country");
        assert_eq!(api_name("title"), "title");
    }
}
