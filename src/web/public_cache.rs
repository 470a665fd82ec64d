//! What browsers, proxies and CDNs may keep of the public site.
//!
//! A public page (search, postings, companies, the map's data, feeds, sitemaps) is the same for
//! every visitor: it reads no cookie and sets none, its forms carry signed tokens rather than a
//! session's ([`crate::auth::form_token`]). So it is sent `Cache-Control: public` for
//! `PUBLIC_CACHE_SECONDS`, with an `ETag` (a digest of the body, unless the handler gave one),
//! and a request whose `If-None-Match` names that tag gets `304 Not Modified` without the body,
//! as Rack's `ETag` and `ConditionalGet` middlewares do for a Rails app. Anything else on the
//! public paths (a form's answer, an error) is `no-store`; the back office and the pages of
//! mailed links are `no-store` already ([`crate::security::is_private`]).

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, EntityTag, HeaderValue, IfNoneMatch};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse};

/// Bodies up to this size are read to compute their tag; longer ones (a big sitemap) are sent
/// as they are, with a lifetime but no tag.
const DIGEST_LIMIT: u64 = 4 * 1024 * 1024;

pub async fn revalidate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if !is_public(req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let reading = matches!(*req.method(), Method::GET | Method::HEAD);
    let max_age = req
        .app_data::<actix_web::web::Data<crate::AppState>>()
        .map_or(0, |s| s.config.public_cache_seconds);
    let mut res = next.call(req).await?;
    let shareable = reading
        && res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE);
    if !shareable {
        // An answer to a form, an error page, or (never on purpose) a page setting a cookie.
        if !res.headers().contains_key(header::CACHE_CONTROL) {
            res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        return Ok(res.map_into_boxed_body());
    }
    if res.headers().contains_key(header::CACHE_CONTROL) {
        // The handler knows better (logos are immutable).
        return Ok(res.map_into_boxed_body());
    }
    let lifetime = if max_age == 0 {
        HeaderValue::from_static("public, no-cache")
    } else {
        HeaderValue::from_str(&format!("public, max-age={max_age}"))
            .unwrap_or(HeaderValue::from_static("public, no-cache"))
    };
    res.headers_mut().insert(header::CACHE_CONTROL, lifetime);
    let given = res.headers().get(header::ETAG).and_then(|v| v.to_str().ok()?.parse().ok());
    let (tag, res) = match given {
        Some(tag) => (tag, res.map_into_boxed_body()),
        None => match res.response().body().size() {
            BodySize::Sized(n) if n <= DIGEST_LIMIT => digested(res).await?,
            _ => return Ok(res.map_into_boxed_body()),
        },
    };
    let fresh = match res.request().get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|t| t.weak_eq(&tag)),
        None => false,
    };
    if !fresh {
        return Ok(res);
    }
    let (req, full) = res.into_parts();
    let mut not_modified = HttpResponse::NotModified().finish();
    // What a 304 must repeat of the 200 (RFC 9110, 15.4.5).
    for name in [header::CACHE_CONTROL, header::ETAG, header::VARY, header::CONTENT_LOCATION] {
        if let Some(value) = full.headers().get(&name) {
            not_modified.headers_mut().insert(name, value.clone());
        }
    }
    Ok(ServiceResponse::new(req, not_modified))
}

/// Reads the body and tags the response with its digest.
async fn digested(
    res: ServiceResponse<impl MessageBody + 'static>,
) -> Result<(EntityTag, ServiceResponse<BoxBody>), actix_web::Error> {
    let (req, res) = res.into_parts();
    let (mut res, body) = res.into_parts();
    let bytes = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into().to_string()))?;
    let tag = tag_of(&bytes);
    if let Ok(value) = HeaderValue::from_str(&tag.to_string()) {
        res.headers_mut().insert(header::ETAG, value);
    }
    Ok((tag, ServiceResponse::new(req, res.set_body(bytes).map_into_boxed_body())))
}

/// The tag of a body: a 128-bit digest, weak because the compression middleware may send the
/// same page in another encoding.
pub fn tag_of(body: &[u8]) -> EntityTag {
    EntityTag::new_weak(format!("{:032x}", xxhash_rust::xxh3::xxh3_128(body)))
}

/// The paths whose pages are the same for everyone: under a language, and the site's feeds,
/// sitemaps and logos. Not the back office, the API (its own `ETag`s, per token), the pages of
/// mailed links, static files (actix-files tags them), `/` (it follows the visitor's language)
/// or the health check.
pub fn is_public(path: &str) -> bool {
    if crate::security::is_private(path) || crate::api::is_api(path) {
        return false;
    }
    let first = path.split('/').nth(1).unwrap_or_default();
    crate::i18n::Locale::parse(first).is_some()
        || matches!(first, "sitemap.xml" | "sitemaps" | "robots.txt" | "uploads")
}

#[cfg(test)]
mod tests {
    #[test]
    fn public_paths_are_the_localized_pages_and_the_site_files() {
        for path in [
            "/en/",
            "/de/jobs",
            "/uk/jobs/rust-dev-1",
            "/en/jobs/map.json",
            "/en/jobs/feed.atom",
            "/en/companies/acme",
            "/sitemap.xml",
            "/sitemaps/jobs-1.xml",
            "/robots.txt",
            "/uploads/logos/x.png",
        ] {
            assert!(super::is_public(path), "{path}");
        }
        for path in [
            "/",
            "/admin",
            "/admin/jobs",
            "/api/v1/jobs",
            "/static/css/app.css",
            "/healthz",
            "/en/applications/1/withdraw",
            "/de/alerts/new",
            "/language/de",
            "/xx/jobs",
        ] {
            assert!(!super::is_public(path), "{path}");
        }
    }

    #[test]
    fn equal_bodies_share_a_tag_and_different_ones_do_not() {
        assert_eq!(super::tag_of(b"<p>Jobs</p>"), super::tag_of(b"<p>Jobs</p>"));
        assert_ne!(super::tag_of(b"<p>Jobs</p>"), super::tag_of(b"<p>Jobs.</p>"));
        assert!(super::tag_of(b"").weak);
    }
}
