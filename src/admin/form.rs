//! Form bodies for state-changing back-office requests, checked for the CSRF token first.

use std::future::Future;
use std::pin::Pin;

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::web::Bytes;
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
}

impl<T: DeserializeOwned + 'static> FromRequest for AdminForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<AdminForm<T>, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body = body
                .await
                .map_err(|_| AppError::BadRequest("error-bad-request"))?;
            let pairs: Vec<(String, String)> = url::form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            let submitted = pairs
                .iter()
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !crate::auth::csrf::verify(&req.get_session(), submitted) {
                log::warn!(
                    "refused {} {}: missing or wrong CSRF token",
                    req.method(),
                    req.path()
                );
                return Err(AppError::Forbidden);
            }
            let data = serde_urlencoded::from_bytes(&body)
                .map_err(|_| AppError::BadRequest("error-bad-request"))?;
            Ok(AdminForm { data, pairs })
        })
    }
}
