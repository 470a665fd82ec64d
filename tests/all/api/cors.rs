//! CORS: pages of the origins in `CORS_ORIGINS` may read the API's public data from the
//! browser, without credentials; nothing else gets CORS headers, and a preflight for anything
//! but a read is the router's 405.

use actix_web::http::Method;

use crate::support::{CompanyFactory, JobFactory, TestApp};

const PARTNER: &str = "https://partner.example";

#[actix_web::test]
async fn listed_origins_may_read_public_data_and_nothing_more() {
    let app =
        TestApp::sqlite_with(&[("CORS_ORIGINS", "https://partner.example, https://b.example")]);
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).create(c);
    });
    let from = |origin: &'static str| [("origin", origin)];

    // A read from a listed origin: its origin back, the ETag readable, caches told.
    let res = app.get_with("/api/v1/jobs", &from(PARTNER)).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("access-control-allow-origin"), Some(PARTNER));
    assert!(res.header("access-control-expose-headers").unwrap().contains("ETag"));
    let vary: Vec<_> = res.headers.get_all("vary").filter_map(|v| v.to_str().ok()).collect();
    assert!(vary.iter().any(|v| v.contains("Origin")), "{vary:?}");
    assert_eq!(res.header("access-control-allow-credentials"), None);
    // Errors are readable too, so the page can show them.
    let res = app.get_with("/api/v1/jobs?limit=0", &from(PARTNER)).await;
    assert_eq!(res.status, 422);
    assert_eq!(res.header("access-control-allow-origin"), Some(PARTNER));
    // Another origin, the pages and the back office: no CORS.
    for (path, origin) in
        [("/api/v1/jobs", "https://evil.example"), ("/en/jobs", PARTNER), ("/api/docs", PARTNER)]
    {
        let res = app.get_with(path, &from(origin)).await;
        assert_eq!(res.header("access-control-allow-origin"), None, "{path} from {origin}");
    }

    // The preflight of a read with the headers a read carries.
    let preflight = async |origin: &str, method: &str, headers: &str| {
        let mut sent = vec![("origin", origin), ("access-control-request-method", method)];
        if !headers.is_empty() {
            sent.push(("access-control-request-headers", headers));
        }
        app.request(Method::OPTIONS, "/api/v1/jobs", &sent, None).await
    };
    let res = preflight(PARTNER, "GET", "accept-language, if-none-match").await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(res.header("access-control-allow-origin"), Some(PARTNER));
    assert_eq!(res.header("access-control-allow-methods"), Some("GET, HEAD"));
    assert!(!res.header("access-control-allow-headers").unwrap().contains("authorization"));
    // A token, a write or a stranger: refused, as the router refuses OPTIONS.
    for (origin, method, headers) in [
        (PARTNER, "GET", "authorization"),
        (PARTNER, "POST", "content-type"),
        ("https://evil.example", "GET", ""),
    ] {
        let res = preflight(origin, method, headers).await;
        assert_eq!(res.status, 405, "{origin} {method} {headers}");
        assert_eq!(res.header("access-control-allow-origin"), None);
    }
    // A write from a listed origin gets no CORS headers: its page cannot read the answer.
    let res = app
        .request(
            Method::POST,
            "/api/v1/jobs",
            &[("origin", PARTNER), ("content-type", "application/json")],
            Some("{}".into()),
        )
        .await;
    assert_eq!(res.status, 401);
    assert_eq!(res.header("access-control-allow-origin"), None);
}

#[actix_web::test]
async fn a_star_lets_any_page_read_and_none_is_the_default() {
    let open = TestApp::sqlite_with(&[("CORS_ORIGINS", "*")]);
    let res = open.get_with("/api/v1/jobs", &[("origin", "https://anyone.example")]).await;
    assert_eq!(res.header("access-control-allow-origin"), Some("*"));
    let closed = TestApp::sqlite();
    let res = closed.get_with("/api/v1/jobs", &[("origin", PARTNER)]).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("access-control-allow-origin"), None);
}
