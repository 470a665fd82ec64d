//! Every GET route answers HEAD alike; other methods get 405 with the path's `Allow`.

use actix_web::http::Method;
use diesel::prelude::*;
use hireboard::db::schema::jobs;
use hireboard::routes::{Route, table};

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};
use hireboard::models::AdminRole;

/// A concrete path for a route pattern, with real records where the pattern names one.
fn sample(path: &str, slug: &str, company: &str, id: i64) -> String {
    let company_page = path.contains("/companies/");
    path.replace("{locale}", "en")
        .replace("{slug}", if company_page { company } else { slug })
        .replace("{id_or_slug}", slug)
        .replace("{id}", &id.to_string())
        .replace("{id:[0-9]+}", &id.to_string())
        .replace("{resource}", "jobs")
        .replace("{format}", "csv")
        .replace("{token}", "not-a-token")
        .replace("{name}", "expire_postings")
        .replace("{n}", "1")
        .replace("{file}", "missing.png")
        .replace("{action}", "withdraw")
}

async fn signed_in_app(app: &TestApp) -> (String, String, i64) {
    let (slug, company) = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        (JobFactory::new(&co).create(c).slug, co.slug)
    });
    let id = app.with_conn(|c| {
        jobs::table.filter(jobs::slug.eq(&slug)).select(jobs::id).first::<i64>(c).unwrap()
    });
    app.refresh_search();
    let _admin = app.signed_in(AdminRole::Admin).await;
    (slug, company, id)
}

/// Headers that differ between any two responses, whatever the method.
fn comparable(headers: &actix_web::http::header::HeaderMap) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = headers
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "set-cookie" | "date" | "x-request-id"))
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    list.sort();
    list
}

#[actix_web::test]
async fn every_get_route_answers_head_with_the_same_status_and_headers() {
    for app in backends() {
        let (slug, company, id) = signed_in_app(&app).await;
        let gets: Vec<Route> = table().into_iter().filter(|r| r.method == Method::GET).collect();
        assert!(gets.len() > 30, "the table lists the pages");
        for route in gets {
            let path = sample(route.path, &slug, &company, id);
            let get = app.get(&path).await;
            let head = app.request(Method::HEAD, &path, &[], None).await;
            assert_eq!(head.status, get.status, "HEAD {path} ({})", app.backend);
            assert_ne!(head.status, 405, "HEAD {path}");
            assert_eq!(comparable(&head.headers), comparable(&get.headers), "HEAD {path}");
        }
        // The health check is what monitors probe with HEAD.
        let head = app.request(Method::HEAD, "/healthz", &[], None).await;
        assert_eq!(head.status, 200);
    }
}

#[actix_web::test]
async fn other_methods_get_405_with_the_methods_the_path_takes() {
    let app = TestApp::sqlite();
    let (slug, company, id) = signed_in_app(&app).await;
    let mut paths: Vec<&str> = table().iter().map(|r| r.path).collect();
    paths.dedup();
    for pattern in paths {
        // `/admin/admin_users` takes POST itself and leaves the rest to `/admin/{resource}`.
        let owner = if pattern == "/admin/admin_users" { "/admin/{resource}" } else { pattern };
        let allowed: Vec<Method> =
            table().into_iter().filter(|r| r.path == owner).map(|r| r.method).collect();
        let path = sample(pattern, &slug, &company, id);
        for method in ["PUT", "DELETE", "PATCH", "OPTIONS", "GET", "POST"] {
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            if allowed.contains(&method) {
                continue;
            }
            let res = app.request(method.clone(), &path, &[], None).await;
            assert_eq!(res.status, 405, "{method} {path}");
            let allow: Vec<&str> = res
                .header("allow")
                .unwrap_or_else(|| panic!("{method} {path}: no Allow header"))
                .split(", ")
                .collect();
            let expected: Vec<&str> = allowed.iter().map(Method::as_str).collect();
            assert_eq!(allow, expected, "{method} {path}");
            if hireboard::api::is_api(&path) {
                assert_eq!(res.header("content-type"), Some("application/problem+json"));
            } else {
                assert!(res.body.contains("<html"), "{method} {path}: the localized error page");
            }
        }
    }
    // An unknown path stays a 404, whatever the method.
    assert_eq!(app.request(Method::PUT, "/en/jobs/a/b/c/d", &[], None).await.status, 404);
}

#[actix_web::test]
async fn static_files_refuse_other_methods_with_their_allow_header() {
    let app = TestApp::sqlite();
    for method in [Method::POST, Method::PUT, Method::DELETE] {
        let res = app.request(method.clone(), "/static/favicon.svg", &[], None).await;
        assert_eq!(res.status, actix_web::http::StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(res.header("allow"), Some("GET, HEAD"), "{method}");
    }
    assert_eq!(app.get("/static/favicon.svg").await.status, actix_web::http::StatusCode::OK);
}
