//! Localized error pages and security headers.

use crate::support::backends;

#[actix_web::test]
async fn unknown_pages_get_a_localized_404() {
    for app in backends() {
        let res = app.get("/de/jobs/does-not-exist").await;
        assert_eq!(res.status, 404);
        let page = res.html();
        assert_eq!(page.attr("html", "lang"), "de");
        assert_eq!(
            page.text("h1"),
            hireboard::i18n::Messages::builtin()
                .tr(hireboard::i18n::Locale::DE)
                .t("error-not-found-title")
        );
        assert_eq!(page.attr("meta[name=robots]", "content"), "noindex");
        // Outside a locale, the page follows Accept-Language.
        let res = app.get_with("/no/such/page", &[("accept-language", "uk")]).await;
        assert_eq!(res.status, 404);
        assert_eq!(res.html().attr("html", "lang"), "uk");
        assert_eq!(app.get("/fr/jobs").await.status, 404);
    }
}

#[actix_web::test]
async fn every_response_carries_security_headers() {
    for app in backends() {
        for path in ["/en/", "/en/jobs", "/nowhere", "/healthz"] {
            let res = app.get(path).await;
            let csp = res.header("content-security-policy").unwrap_or_default();
            assert!(
                csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
                "{path}: {csp}"
            );
            assert_eq!(res.header("x-frame-options"), Some("DENY"), "{path}");
            assert_eq!(res.header("x-content-type-options"), Some("nosniff"), "{path}");
            assert!(res.header("referrer-policy").is_some(), "{path}");
            // The test app's BASE_URL is https.
            assert!(
                res.header("strict-transport-security").is_some_and(|v| v.contains("max-age")),
                "{path}"
            );
        }
    }
}

#[actix_web::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    let app = crate::support::TestApp::sqlite();
    let res = app.get("/admin/login").await;
    let cookie = res
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(hireboard::SESSION_COOKIE))
        .expect("a session cookie for the sign-in form's CSRF token")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    // The test app's BASE_URL is https, so the cookie is Secure.
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[actix_web::test]
async fn a_server_fault_gets_a_localized_500_page_without_details() {
    use diesel::connection::SimpleConnection;
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = crate::support::CompanyFactory::new().create(c);
            crate::support::JobFactory::new(&co).create(c).slug
        });
        app.with_conn(|c| c.batch_execute("DROP TABLE job_translations").unwrap());
        let res = app.get(&format!("/uk/jobs/{slug}")).await;
        assert_eq!(res.status, 500, "{}", app.backend);
        let page = res.html();
        assert_eq!(page.attr("html", "lang"), "uk");
        let uk = hireboard::i18n::Messages::builtin().tr(hireboard::i18n::Locale::UK);
        assert_eq!(page.text("h1"), uk.t("error-internal-title"));
        assert!(!res.body.contains("job_translations"), "no internals leak");
    }
}
