//! Protections that every request passes through: security headers and private caching
//! (here), the Origin check ([`origin`]), the security event log ([`events`]) and the access
//! log without secrets ([`access_log`]), and the 500 page for a handler that panics
//! ([`panics`]).

pub mod access_log;
pub mod events;
pub mod origin;
pub mod panics;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<actix_web::web::Data<crate::AppState>>().cloned();
    let https = state.as_ref().is_some_and(|s| s.config.is_https());
    let private = is_private(req.path());
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    if private {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // A handler may set a stricter policy of its own (the Outbox's sandboxed mail preview).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = state.as_ref().map_or_else(
            || crate::config::content_security_policy(""),
            |s| s.config.content_security_policy.clone(),
        );
        // Checked when the configuration was read: the tiles' origin is a plain origin.
        if let Ok(value) = HeaderValue::try_from(policy) {
            h.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    Ok(res)
}

/// Pages no cache may keep: the back office (pages, exports, CV downloads, invitation links)
/// and the pages of the signed links mailed to applicants and alert subscribers.
pub fn is_private(path: &str) -> bool {
    if path == "/admin" || path.starts_with("/admin/") {
        return true;
    }
    let mut segments = path.split('/').skip(1);
    let locale = segments.next().and_then(crate::i18n::Locale::parse);
    locale.is_some() && matches!(segments.next(), Some("applications" | "alerts"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn private_pages_are_the_back_office_and_signed_links() {
        for path in [
            "/admin",
            "/admin/login",
            "/admin/jobs/export.csv",
            "/admin/applications/3/cv",
            "/admin/password/abc",
            "/en/applications/3/withdraw",
            "/de/alerts/4/unsubscribe",
            "/uk/alerts/new",
        ] {
            assert!(super::is_private(path), "{path}");
        }
        for path in ["/", "/en/", "/en/jobs", "/en/jobs/x", "/administrator", "/static/css/app.css"]
        {
            assert!(!super::is_private(path), "{path}");
        }
    }
}
