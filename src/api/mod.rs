//! The partner API under `/api/v1`: JSON in and out, errors as RFC 9457 problem details
//! (`problem`), and an OpenAPI 3.1 document generated from the handlers' annotations
//! (`openapi`), so that the document cannot drift from the code.

pub mod applications;
pub mod auth;
pub mod body;
pub mod docs;
pub mod job;
pub mod job_write;
pub mod jobs;
pub mod openapi;
pub mod problem;
pub mod token;

use actix_web::http::header::{self, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Whether a path is the API's: its errors are problem documents, not pages.
pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// `value` as a JSON response with an `ETag`, or 304 when the client's copy is that one.
/// The tag is the body's digest: equal bodies share it whatever produced them.
pub fn json<T: Serialize>(req: &HttpRequest, value: &T) -> HttpResponse {
    let body = match serde_json::to_vec(value) {
        Ok(body) => body,
        Err(e) => {
            log::error!("serializing an API response: {e}");
            return HttpResponse::InternalServerError().finish();
        }
    };
    let digest = Sha256::digest(&body);
    // Weak: the same JSON may be sent compressed or not.
    let tag = EntityTag::new_weak(hex(&digest[..16]));
    let fresh = match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|t| t.weak_eq(&tag)),
        None => false,
    };
    let mut response = if fresh {
        HttpResponse::NotModified().finish()
    } else {
        HttpResponse::Ok().content_type("application/json").body(body)
    };
    let headers = response.headers_mut();
    if let Ok(value) = header::HeaderValue::from_str(&tag.to_string()) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::VARY, header::HeaderValue::from_static("Accept-Language"));
    response
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
