//! Cross-origin reads of the API's public data (`CORS_ORIGINS`): a partner's page may fetch
//! postings and the document from the browser. Only `GET` and `HEAD` without credentials: no
//! preflight allows `Authorization` or a cookie, so a page elsewhere can never act with a
//! token or a session. Anything else gets no CORS headers, and a preflight not allowed here
//! falls through to the router's 405.
//!
//! By hand rather than with `actix-cors`: that middleware answers every preflight on every
//! path (a 400 where the back office should say 405) and refuses requests from origins it does
//! not list, same-origin form posts included, unless told otherwise (actix-extras#286); what
//! the API needs is these few headers on one prefix.

use actix_web::Error;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;

/// The headers a page may send with its reads (besides the ones CORS always allows).
const ALLOWED_HEADERS: [&str; 4] =
    ["accept", "accept-language", "if-none-match", "if-modified-since"];
/// Response headers a page may read besides the basic ones.
const EXPOSED: &str = "ETag, Retry-After, RateLimit, RateLimit-Policy";
/// How long a browser may remember a preflight's answer.
const MAX_AGE: &str = "86400";

pub async fn cors(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let allowed = allowed_origin(&req);
    let Some(origin) = allowed else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    if req.method() == Method::OPTIONS {
        if !preflight_allowed(&req) {
            return Ok(next.call(req).await?.map_into_left_body());
        }
        let response = actix_web::HttpResponse::build(StatusCode::NO_CONTENT)
            .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, origin))
            .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS.join(", ")))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, MAX_AGE))
            .insert_header((header::VARY, "Origin"))
            .finish();
        return Ok(req.into_response(response).map_into_right_body());
    }
    let read = matches!(*req.method(), Method::GET | Method::HEAD)
        && !req.headers().contains_key(header::AUTHORIZATION);
    let mut res = next.call(req).await?;
    if read {
        let headers = res.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(EXPOSED));
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    Ok(res.map_into_left_body())
}

/// The value of `Access-Control-Allow-Origin` for a request to the API from a listed origin.
fn allowed_origin(req: &ServiceRequest) -> Option<HeaderValue> {
    if !req.path().starts_with("/api/v1/") {
        return None;
    }
    let origin = req.headers().get(header::ORIGIN)?;
    let state = req.app_data::<actix_web::web::Data<crate::AppState>>()?;
    let origins = &state.config.cors_origins;
    if origins.iter().any(|o| o == "*") {
        return Some(HeaderValue::from_static("*"));
    }
    let sent = origin.to_str().ok()?;
    origins.iter().any(|o| o == sent).then(|| origin.clone())
}

/// Whether a preflight asks for a read with headers a read may carry.
fn preflight_allowed(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    let method = headers.get(header::ACCESS_CONTROL_REQUEST_METHOD).and_then(|v| v.to_str().ok());
    if !matches!(method, Some("GET" | "HEAD")) {
        return false;
    }
    let asked = headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    asked
        .split(',')
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .all(|h| ALLOWED_HEADERS.contains(&h.as_str()))
}
