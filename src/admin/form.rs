//! Form bodies for state-changing back-office requests, checked for the CSRF token first.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::uploads::multipart::{BodyError, Limits, UploadedFile};

/// The field every back-office form carries.
pub const CSRF_FIELD: &str = "_csrf";

/// What a form's body may hold: the limits of its kind.
pub trait BodyKind: 'static {
    const LIMITS: Limits;
}

/// Text fields only, posting descriptions in every language included.
pub struct Text;
impl BodyKind for Text {
    const LIMITS: Limits = Limits {
        body_bytes: 256 * 1024,
        file_bytes: 0,
        files: 0,
        text_bytes: 128 * 1024,
        parts: 400,
    };
}

/// The sign-in form: an address, a password and a return path.
pub struct SignIn;
impl BodyKind for SignIn {
    const LIMITS: Limits =
        Limits { body_bytes: 4 * 1024, file_bytes: 0, files: 0, text_bytes: 2 * 1024, parts: 8 };
}

/// A resource form, which may carry one image (a company's logo).
pub struct WithImage;
impl BodyKind for WithImage {
    const LIMITS: Limits = Limits {
        body_bytes: crate::uploads::logo::MAX_BYTES + 256 * 1024,
        file_bytes: crate::uploads::logo::MAX_BYTES,
        files: 1,
        text_bytes: 128 * 1024,
        parts: 400,
    };
}

/// A form whose `_csrf` field matched the session's token. A request without one is refused
/// with 403 before the handler runs, so it cannot write anything; a body past its kind's
/// limits gets 413, unread past the limit.
pub struct AdminForm<T, K: BodyKind = Text> {
    pub data: T,
    /// Every field as sent, for forms whose fields are declared at run time.
    pub pairs: Vec<(String, String)>,
    /// Files sent with a `multipart/form-data` form, by field name.
    pub files: std::collections::HashMap<String, UploadedFile>,
    /// Whether the reading stopped at a too-large file, losing the fields after it.
    pub cut_short: bool,
    kind: PhantomData<K>,
}

/// A resource form with an image field.
pub type AdminUpload<T> = AdminForm<T, WithImage>;

impl<T: DeserializeOwned + 'static, K: BodyKind> FromRequest for AdminForm<T, K> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<AdminForm<T, K>, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let payload = actix_web::web::Payload::from_request(&req, payload);
        Box::pin(async move {
            let payload = payload.await.map_err(|_| AppError::BadRequest("error-bad-request"))?;
            // A file is read only for a signed-in session whose token came before it.
            let authorize = |fields: &[(String, String)]| {
                let token = fields.iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.as_str());
                let signed_in = req
                    .get_session()
                    .get::<String>(crate::auth::current::SESSION_KEY)
                    .ok()
                    .flatten()
                    .is_some();
                signed_in && token.is_some_and(|t| crate::auth::csrf::verify(&req, t))
            };
            let form =
                crate::uploads::multipart::read_request(&req, payload, &K::LIMITS, &authorize)
                    .await
                    .map_err(|e| {
                        log::info!(
                            "refused {} {}: {e}",
                            req.method(),
                            crate::security::access_log::redact_path(req.path())
                        );
                        match e {
                            BodyError::TooLarge => AppError::PayloadTooLarge,
                            BodyError::Unauthorized(_) => AppError::Forbidden,
                            BodyError::Malformed(_) => AppError::BadRequest("error-bad-request"),
                        }
                    })?;
            let submitted = form.field(CSRF_FIELD).unwrap_or_default();
            if !crate::auth::csrf::verify(&req, submitted) {
                return Err(AppError::Forbidden);
            }
            let data = serde_urlencoded::from_str(&form.urlencoded())
                .map_err(|_| AppError::BadRequest("error-bad-request"))?;
            Ok(AdminForm {
                data,
                pairs: form.text,
                files: form.files,
                cut_short: form.cut_short,
                kind: PhantomData,
            })
        })
    }
}
