//! Form bodies for state-changing back-office requests, checked for the CSRF token first.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// The field every back-office form carries.
pub const CSRF_FIELD: &str = "_csrf";

/// A urlencoded form whose `_csrf` field matched the session's token. A request without one
/// is refused with 403 before the handler runs, so it cannot write anything.
pub struct AdminForm<T> {
    pub data: T,
    /// Every field as sent, for forms whose fields are declared at run time.
    pub pairs: Vec<(String, String)>,
    /// Files sent with a `multipart/form-data` form, by field name.
    pub files: std::collections::HashMap<String, crate::uploads::multipart::UploadedFile>,
    /// Whether the reading stopped at a too-large file, losing the fields after it.
    pub cut_short: bool,
}

/// Back-office bodies: text fields, and files up to the largest upload a form takes.
const LIMITS: crate::uploads::multipart::Limits = crate::uploads::multipart::Limits {
    file_bytes: crate::uploads::logo::MAX_BYTES,
    text_bytes: 1024 * 1024,
    parts: 400,
};

impl<T: DeserializeOwned + 'static> FromRequest for AdminForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<AdminForm<T>, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let payload = actix_web::web::Payload::from_request(&req, payload);
        Box::pin(async move {
            let payload = payload
                .await
                .map_err(|_| AppError::BadRequest("error-bad-request"))?;
            let form = crate::uploads::multipart::read_request(&req, payload, &LIMITS)
                .await
                .map_err(|e| {
                    log::info!("refused {} {}: {e}", req.method(), req.path());
                    AppError::BadRequest("error-bad-request")
                })?;
            let body = form.urlencoded();
            let pairs = form.text;
            let submitted = pairs
                .iter()
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !crate::auth::csrf::verify(&req, submitted) {
                return Err(AppError::Forbidden);
            }
            let data = serde_urlencoded::from_str(&body)
                .map_err(|_| AppError::BadRequest("error-bad-request"))?;
            Ok(AdminForm {
                data,
                pairs,
                files: form.files,
                cut_short: form.cut_short,
            })
        })
    }
}
