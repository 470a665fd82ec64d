//! One error type for every handler. Its `code` is also the Fluent id of the message a visitor
//! sees; `web::errors` renders the localized page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// The back office needs a signed-in user; carries the page to return to.
    #[error("sign-in required")]
    LoginRequired(String),
    /// The user's role must sign in with a second factor, and this user has none yet.
    #[error("second factor required")]
    EnrolmentRequired,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A body past its route's limit.
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("not acceptable")]
    NotAcceptable,
    /// The request conflicts with the record's state (`code`: the kind of conflict).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Parameters or fields refused (422), each with the reason.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<InvalidField>),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("no database connection: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("background task failed: {0}")]
    Blocking(#[from] actix_web::error::BlockingError),
    #[error("{0}")]
    Internal(String),
}

impl From<crate::db::Unavailable> for AppError {
    fn from(e: crate::db::Unavailable) -> AppError {
        match e {
            // Every connection stayed busy: 503, and the client may try again soon.
            crate::db::Unavailable::Pool(e) => AppError::Pool(e),
            crate::db::Unavailable::Thread(e) => {
                AppError::Internal(format!("database thread: {e}"))
            }
        }
    }
}

/// A parameter or field refused, with the Fluent id of the reason (which may show `$value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidField {
    pub name: String,
    pub reason: &'static str,
    /// The reason's variable (`value` unless told) and its value.
    pub arg: &'static str,
    pub value: String,
}

impl InvalidField {
    pub fn new(name: &str, reason: &'static str, value: &str) -> InvalidField {
        InvalidField::with_arg(name, reason, "value", value)
    }

    /// A field refused for a reason whose message takes the variable `arg`.
    pub fn with_arg(
        name: &str,
        reason: &'static str,
        arg: &'static str,
        value: &str,
    ) -> InvalidField {
        // A name or value from the request is echoed back: bounded.
        let bounded = |text: &str| text.chars().take(100).collect();
        InvalidField { name: bounded(name), reason, arg, value: bounded(value) }
    }
}

/// What an `AppError::Invalid` refused, carried on its response for the renderer.
#[derive(Debug, Clone)]
pub struct InvalidFields(pub Vec<InvalidField>);

/// Marks a response as a bare error for `web::errors` to render as a page.
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode(pub &'static str);

impl AppError {
    /// Stable code, also the Fluent id of the visitor's message.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::LoginRequired(_) => "error-login-required",
            AppError::EnrolmentRequired => "error-two-factor-required",
            AppError::BadRequest(code) => code,
            AppError::PayloadTooLarge => "error-too-large",
            AppError::UnsupportedMediaType => "error-unsupported-media-type",
            AppError::NotAcceptable => "error-not-acceptable",
            AppError::Conflict(code) => code,
            AppError::Invalid(_) => "error-invalid",
            AppError::Pool(_) => "error-unavailable",
            AppError::Database(_) | AppError::Blocking(_) | AppError::Internal(_) => {
                "error-internal"
            }
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::LoginRequired(_) | AppError::EnrolmentRequired => StatusCode::SEE_OTHER,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Pool(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(diesel::result::Error::NotFound) => StatusCode::NOT_FOUND,
            AppError::Database(_) | AppError::Blocking(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if let AppError::LoginRequired(next) = self {
            let login = format!(
                "/admin/login?{}",
                url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("next", next)
                    .finish()
            );
            return crate::web::see_other(&login);
        }
        if let AppError::EnrolmentRequired = self {
            return crate::web::see_other(crate::admin::two_factor::PAGE);
        }
        if status.is_server_error() {
            log::error!("{self}");
        }
        let mut response = HttpResponse::build(status).finish();
        if let AppError::Pool(_) = self {
            // Every connection stayed busy: a moment later one will likely be free.
            response.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from_static("5"),
            );
        }
        response.extensions_mut().insert(ErrorCode(self.code()));
        if let AppError::Invalid(fields) = self {
            response.extensions_mut().insert(InvalidFields(fields.clone()));
        }
        response
    }
}
