//! The partner API under `/api/v1`: JSON in and out, errors as RFC 9457 problem details
//! (`problem`), and an OpenAPI 3.1 document generated from the handlers' annotations
//! (`openapi`), so that the document cannot drift from the code.

pub mod applications;
pub mod apply;
pub mod auth;
pub mod body;
pub mod companies;
pub mod company_write;
pub mod cors;
pub mod docs;
pub mod idempotency;
pub mod job;
pub mod job_write;
pub mod jobs;
pub mod openapi;
pub mod problem;
pub mod skills;
pub mod token;
pub mod webhooks;

use actix_web::http::header::{self, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// The record id a path segment names; anything else is a record that does not exist.
fn path_id(segment: &str) -> Result<i64, AppError> {
    segment.parse().map_err(|_| AppError::NotFound)
}

/// A 201 with `value` as its JSON body and its address in `Location` (`/api/v1/…`).
pub fn created<T: Serialize>(location: String, value: &T) -> Result<HttpResponse, AppError> {
    let body = serde_json::to_string(value)
        .map_err(|e| AppError::Internal(format!("serializing {location}: {e}")))?;
    Ok(HttpResponse::Created()
        .content_type("application/json")
        .insert_header((header::LOCATION, location))
        .body(body))
}

/// Whether a path is the API's: its errors are problem documents, not pages.
pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// `value` as a JSON response with an `ETag`, or 304 when the client's copy is that one.
/// The tag is the body's digest: equal bodies share it whatever produced them.
pub fn json<T: Serialize>(req: &HttpRequest, value: &T) -> HttpResponse {
    match serde_json::to_vec(value) {
        Ok(body) => json_body(req, body),
        Err(e) => {
            log::error!("serializing an API response: {e}");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// [`json`] of a body already serialized.
pub fn json_body(req: &HttpRequest, body: Vec<u8>) -> HttpResponse {
    let digest = Sha256::digest(&body);
    // Weak: the same JSON may be sent compressed or not.
    let tag = EntityTag::new_weak(hex(&digest[..16]));
    let fresh = match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|t| t.weak_eq(&tag)),
        None => false,
    };
    let key = tag.tag().to_owned();
    let mut response = if fresh {
        HttpResponse::NotModified().finish()
    } else if body.len() >= GZIP_FROM && accepts_gzip(req) {
        // The compression middleware leaves a response that has its encoding alone.
        HttpResponse::Ok()
            .content_type("application/json")
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(gzipped(key, &body))
    } else {
        HttpResponse::Ok().content_type("application/json").body(body)
    };
    let headers = response.headers_mut();
    if let Ok(value) = header::HeaderValue::from_str(&tag.to_string()) {
        headers.insert(header::ETAG, value);
    }
    headers
        .insert(header::VARY, header::HeaderValue::from_static("Accept-Language, Accept-Encoding"));
    response
}

/// [`json`] for a response made of records whose latest change was at `modified`: with
/// `Last-Modified`, and 304 to an `If-Modified-Since` at or after it. `If-None-Match` takes
/// precedence when sent (RFC 9110, 13.2.2): the tag is exact, the date to the second.
pub fn json_modified<T: Serialize>(
    req: &HttpRequest,
    value: &T,
    modified: chrono::NaiveDateTime,
) -> HttpResponse {
    let modified = modified.and_utc().timestamp();
    let mut response = json(req, value);
    let since = req
        .get_header::<header::IfModifiedSince>()
        .filter(|_| !req.headers().contains_key(header::IF_NONE_MATCH))
        .and_then(|header::IfModifiedSince(date)| {
            let at = std::time::SystemTime::from(date);
            at.duration_since(std::time::UNIX_EPOCH).ok()
        });
    if response.status() == actix_web::http::StatusCode::OK
        && since.is_some_and(|since| modified <= since.as_secs() as i64)
    {
        let mut not_modified = HttpResponse::NotModified().finish();
        for name in [header::ETAG, header::VARY] {
            if let Some(value) = response.headers().get(&name).cloned() {
                not_modified.headers_mut().insert(name, value);
            }
        }
        response = not_modified;
    }
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(modified.max(0) as u64);
    if let Ok(value) = header::HeaderValue::from_str(&header::HttpDate::from(at).to_string()) {
        response.headers_mut().insert(header::LAST_MODIFIED, value);
    }
    response
}

/// Bodies this long or longer are sent gzipped to clients that take it.
const GZIP_FROM: usize = 1024;

/// Gzipped bodies by their tag: a body asked for again is compressed once, not per request
/// (compressing each response was a quarter of `GET /api/v1/jobs`' time).
static GZIPPED: std::sync::LazyLock<std::sync::Mutex<lru::LruCache<String, web::Bytes>>> =
    std::sync::LazyLock::new(|| {
        std::sync::Mutex::new(lru::LruCache::new(
            std::num::NonZeroUsize::new(256).expect("not zero"),
        ))
    });

fn gzipped(tag: String, body: &[u8]) -> web::Bytes {
    if let Some(hit) = GZIPPED.lock().ok().and_then(|mut c| c.get(&tag).cloned()) {
        return hit;
    }
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let compressed = encoder.write_all(body).and_then(|()| encoder.finish());
    let bytes = web::Bytes::from(compressed.unwrap_or_default());
    if let Ok(mut cache) = GZIPPED.lock() {
        cache.put(tag, bytes.clone());
    }
    bytes
}

/// Whether `Accept-Encoding` takes gzip (at a weight above 0).
fn accepts_gzip(req: &HttpRequest) -> bool {
    let Some(accept) = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    accept.split(',').any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused =
            parts.any(|p| p.strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()) == Some(0.0));
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
