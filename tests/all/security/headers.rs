//! The security headers are on every kind of response: pages, redirects, every error status,
//! static files, uploads, CV downloads, exports and feeds.

use actix_web::dev::Service;
use actix_web::http::Method;
use actix_web::http::header::HeaderMap;
use actix_web::{test as actix_test, web};
use diesel::prelude::*;
use hireboard::db::schema::{applications, companies};

use crate::support::app::Part;
use crate::support::{AdminFactory, ApplicationFactory, CompanyFactory, JobFactory, TestApp};

fn assert_secure(headers: &HeaderMap, what: &str) {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let csp = get("content-security-policy");
    assert!(csp.contains("default-src") && !csp.contains("unsafe-eval"), "{what}: CSP {csp:?}");
    assert!(csp.contains("frame-ancestors 'none'") || csp.contains("sandbox"), "{what}: {csp}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("x-frame-options"), "DENY", "{what}");
    assert!(!get("referrer-policy").is_empty(), "{what}");
    assert!(get("strict-transport-security").contains("max-age"), "{what}");
    assert!(!get("x-request-id").is_empty(), "{what}");
}

#[actix_web::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = TestApp::sqlite();
    let (slug, job_id, company_id) = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let job = JobFactory::new(&co).create(c);
        (job.slug, job.id, co.id)
    });
    app.refresh_search();
    // A logo and a CV in the storage.
    let logo = "logos/0123456789abcdef0123456789abcdef.png";
    app.state.storage.put(logo, b"\x89PNG\r\n\x1a\n".to_vec()).await.unwrap();
    let cv = "cvs/0123456789abcdef0123456789abcdef.pdf";
    app.state.storage.put(cv, b"%PDF-1.4\n%%EOF\n".to_vec()).await.unwrap();
    let application = app.with_conn(|c| {
        diesel::update(companies::table.find(company_id))
            .set(companies::logo_key.eq(logo))
            .execute(c)
            .unwrap();
        let id = ApplicationFactory::new(job_id).create(c).id;
        diesel::update(applications::table.find(id))
            .set((
                applications::cv_key.eq(cv),
                applications::cv_name.eq("cv.pdf"),
                applications::cv_type.eq("application/pdf"),
            ))
            .execute(c)
            .unwrap();
        id
    });
    let mut seen = Vec::new();
    let mut check = |res: crate::support::app::Response, what: &str| {
        assert_secure(&res.headers, what);
        seen.push(res.status.as_u16());
    };
    check(app.get("/en/").await, "200 page");
    check(app.get(&format!("/en/jobs/{slug}")).await, "posting");
    check(app.get("/").await, "302 redirect");
    check(app.get("/nowhere/at/all").await, "404");
    check(app.request(Method::PUT, "/en/jobs", &[], None).await, "405");
    check(app.get("/static/css/app.css").await, "static file");
    check(app.get(&format!("/uploads/{logo}")).await, "upload");
    check(app.get("/en/jobs/feed.atom").await, "feed");
    check(app.get("/en/jobs/feed.rss").await, "RSS feed");
    check(app.get("/feeds/indeed.xml").await, "streamed feed");
    check(app.get("/sitemap.xml").await, "sitemap");
    check(app.get("/healthz").await, "health");
    // The sign-in form: 413 for a body too large, 422 for a wrong password, 429 past the limit.
    let csrf = app.csrf("/admin/login").await;
    let long = "a".repeat(8 * 1024);
    check(app.post_form("/admin/login", &[("_csrf", &csrf), ("email", &long)]).await, "413");
    check(app.sign_in("nobody@example.test", "not it at all").await, "422");
    app.set_client_ip("203.0.113.50");
    for _ in 0..hireboard::state::LOGIN_ATTEMPTS_PER_IP {
        app.sign_in("nobody@example.test", "not it at all").await;
    }
    let limited = app
        .post_parts(
            "/admin/login",
            &[Part::Text("_csrf", &csrf), Part::Text("email", "x@example.test")],
        )
        .await;
    check(limited, "429 (the sign-in limit)");
    // Signed in: 303, exports, a CV download, a 403.
    let admin = app.with_conn(|c| AdminFactory::new().create(c));
    app.set_client_ip("203.0.113.51");
    let res = app.sign_in(&admin.email, &admin.password).await;
    check(res, "303 after signing in");
    check(app.get("/admin/jobs/export.csv").await, "CSV export");
    check(app.get("/admin/jobs/export.xlsx").await, "XLSX export");
    check(app.get(&format!("/admin/applications/{application}/cv")).await, "CV download");
    // 500 and 503.
    let broken = web::resource("/test/panic")
        .wrap(actix_web::middleware::from_fn(hireboard::security::panics::catch))
        .route(web::get().to(|| async {
            if true {
                panic!("broken on purpose");
            }
            ""
        }));
    let service =
        actix_test::init_service(hireboard::build_app(app.state.clone()).service(broken)).await;
    let res =
        service.call(actix_test::TestRequest::get().uri("/test/panic").to_request()).await.unwrap();
    assert_secure(res.headers(), "500");
    seen.push(res.status().as_u16());
    let starved = TestApp::sqlite_with(&[("DB_POOL_SIZE", "1"), ("DB_POOL_WAIT_MS", "200")]);
    let held = starved.conn();
    let res = starved.get("/healthz").await;
    assert_secure(&res.headers, "503");
    seen.push(res.status.as_u16());
    drop(held);
    seen.sort_unstable();
    seen.dedup();
    for status in [200, 302, 303, 404, 405, 413, 422, 429, 500, 503] {
        assert!(seen.contains(&status), "no {status} was checked: {seen:?}");
    }
}
