//! The Origin check of state-changing requests.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;

/// A second layer behind the CSRF token, as Rails has it: a state-changing request whose
/// `Origin` (or, without one, `Referer`) names another site is refused with 403 before any
/// handler runs. A request with neither header passes on to the token check (some clients
/// send none). The one-click unsubscribe is exempt: mail providers send it from their own
/// servers, and its signed token is its whole authority (RFC 8058). So is the API: it reads no
/// cookie, only a bearer token a browser never adds by itself, so a foreign page cannot make
/// a request in anyone's name.
pub async fn check_origin(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if req.method().is_safe()
        || is_one_click_unsubscribe(req.path())
        || crate::api::is_api(req.path())
    {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let base_url = req
        .app_data::<actix_web::web::Data<crate::AppState>>()
        .map(|s| s.config.base_url.clone())
        .unwrap_or_default();
    let headers = req.headers();
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .map(|v| v.to_str().unwrap_or("null"));
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match claimed {
        Some(claimed) if !same_origin(claimed, &base_url, host) => {
            super::events::record(
                req.request(),
                super::events::Severity::Warning,
                "csrf-refused",
                &[("reason", "foreign-origin"), ("origin", claimed)],
            );
            let mut res = actix_web::HttpResponse::Forbidden().finish();
            res.extensions_mut().insert(crate::error::ErrorCode("error-forbidden"));
            Ok(req.into_response(res).map_into_right_body())
        }
        _ => Ok(next.call(req).await?.map_into_left_body()),
    }
}

/// Whether `claimed` (an Origin, or a Referer URL) is this site: the origin of `BASE_URL`, or
/// the host the request was sent to (the same site reached by another name, as in
/// development). `null` and anything unparsable are foreign.
pub fn same_origin(claimed: &str, base_url: &str, host: Option<&str>) -> bool {
    let Ok(claimed) = url::Url::parse(claimed) else {
        return false;
    };
    if !matches!(claimed.scheme(), "http" | "https") {
        return false;
    }
    let origin = claimed.origin();
    if url::Url::parse(base_url).is_ok_and(|base| base.origin() == origin) {
        return true;
    }
    let authority = match (claimed.host_str(), claimed.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => return false,
    };
    host.is_some_and(|host| host.eq_ignore_ascii_case(&authority))
}

/// `POST /{locale}/alerts/{id}/unsubscribe`.
fn is_one_click_unsubscribe(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    matches!(segments.as_slice(), [locale, "alerts", _, "unsubscribe"]
        if crate::i18n::Locale::parse(locale).is_some())
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    const BASE: &str = "https://jobs.example.test";

    #[test]
    fn this_site_is_the_base_url_or_the_host_asked() {
        assert!(same_origin("https://jobs.example.test", BASE, None));
        assert!(same_origin("https://jobs.example.test/admin/jobs?x=1", BASE, None));
        assert!(same_origin("http://127.0.0.1:8080", BASE, Some("127.0.0.1:8080")));
        assert!(same_origin("http://localhost", BASE, Some("LOCALHOST")));
    }

    #[test]
    fn other_sites_are_foreign() {
        assert!(!same_origin("https://evil.example", BASE, Some("jobs.example.test")));
        assert!(!same_origin("http://jobs.example.test", BASE, None), "another scheme");
        assert!(!same_origin("https://jobs.example.test:444", BASE, None));
        assert!(!same_origin("https://jobs.example.test.evil.example", BASE, None));
        assert!(!same_origin("null", BASE, Some("jobs.example.test")));
        assert!(!same_origin("", BASE, None));
        assert!(!same_origin("file:///etc/passwd", BASE, None));
        assert!(!same_origin("http://127.0.0.1:8081", BASE, Some("127.0.0.1:8080")));
    }

    #[test]
    fn only_the_one_click_unsubscribe_is_exempt() {
        assert!(super::is_one_click_unsubscribe("/en/alerts/5/unsubscribe"));
        assert!(!super::is_one_click_unsubscribe("/en/alerts/5/confirm"));
        assert!(!super::is_one_click_unsubscribe("/admin/alerts/5/unsubscribe"));
        assert!(!super::is_one_click_unsubscribe("/en/alerts/5/unsubscribe/x"));
    }
}
