//! A handler that panics answers with the localized 500 page (carrying the request id, which
//! the log line has too) instead of dropping the connection, and the worker goes on serving.
//! Every route of the table is wrapped in [`catch`] (`routes.rs`).

use std::panic::AssertUnwindSafe;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use futures_util::FutureExt;

pub async fn catch(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let request = req.request().clone();
    match AssertUnwindSafe(next.call(req)).catch_unwind().await {
        Ok(res) => Ok(res?.map_into_left_body()),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            log::error!(
                "panic while handling {} {} (request id {}): {}",
                request.method(),
                super::access_log::redact_path(request.path()),
                super::events::request_id(&request),
                super::events::escape(&message)
            );
            let mut res = actix_web::HttpResponse::InternalServerError().finish();
            res.extensions_mut().insert(crate::error::ErrorCode("error-internal"));
            Ok(ServiceResponse::new(request, res).map_into_right_body())
        }
    }
}
