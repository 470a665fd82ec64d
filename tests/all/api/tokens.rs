//! API tokens: only `Authorization: Bearer`, refused when unknown, revoked, expired or sent in
//! the address; rate-limited per token; their last use recorded.

use diesel::prelude::*;
use hireboard::db::schema::api_tokens;
use hireboard::models::api_token::Scope;

use crate::support::{ApiTokenFactory, CompanyFactory, TestApp, backends};

/// Asserts `res` is a 401 problem of `kind` with a Bearer challenge.
fn assert_refused(res: &crate::support::app::Response, kind: &str, challenge: &str) {
    assert_eq!(res.status, 401, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    let problem = res.json();
    assert!(problem["type"].as_str().unwrap().ends_with(&format!("#problem-{kind}")), "{problem}");
    assert_eq!(res.header("www-authenticate"), Some(challenge));
}

const REALM: &str = "Bearer realm=\"hireboard\"";
const INVALID: &str = "Bearer realm=\"hireboard\", error=\"invalid_token\"";

#[actix_web::test]
async fn a_token_shows_itself_and_its_last_use_is_recorded() {
    for app in backends() {
        let b = app.backend;
        let (company, token) = app.with_conn(|c| {
            let company = CompanyFactory::new().name("Acme Robotics").create(c);
            let token = ApiTokenFactory::new()
                .scopes(&[Scope::JobsWrite, Scope::JobsRead])
                .company(&company)
                .create(c);
            (company, token)
        });
        app.set_client_ip("203.0.113.9");
        let res = app.get_with("/api/v1/token", &[("authorization", &token.bearer())]).await;
        assert_eq!(res.status, 200, "{b:?}: {}", res.body);
        let body = res.json();
        assert_eq!(body["id"], token.id);
        assert_eq!(body["scopes"], serde_json::json!(["jobs:read", "jobs:write"]), "{b:?}");
        assert_eq!(body["company"]["slug"], company.slug);
        assert!(body["expires_at"].is_null());
        assert_eq!(body["reviewed"], false, "a staff token publishes");
        assert!(!res.body.contains(&token.token), "the token is never sent back");
        assert_eq!(res.header("cache-control"), Some("private, no-store"));
        assert!(res.header("vary").unwrap_or_default().contains("Authorization"), "{b:?}");
        assert_eq!(res.header("ratelimit-policy"), Some("\"token\";q=600;w=60"));
        assert_eq!(res.header("ratelimit"), Some("\"token\";r=599;t=0"));

        let (used_at, used_from): (Option<chrono::NaiveDateTime>, Option<String>) =
            app.with_conn(|c| {
                api_tokens::table
                    .find(token.id)
                    .select((api_tokens::last_used_at, api_tokens::last_used_from))
                    .first(c)
                    .unwrap()
            });
        assert!(used_at.is_some(), "{b:?}");
        assert_eq!(used_from.as_deref(), Some("203.0.113.9"), "{b:?}");
    }
}

#[actix_web::test]
async fn requests_without_a_valid_token_are_401_with_a_challenge() {
    for app in backends() {
        let (revoked, expired) = app.with_conn(|c| {
            let revoked = ApiTokenFactory::new().revoked().create(c);
            let past = hireboard::db::now() - chrono::TimeDelta::minutes(1);
            (revoked, ApiTokenFactory::new().expires_at(past).create(c))
        });
        assert_refused(&app.get("/api/v1/token").await, "unauthorized", REALM);
        let basic = app.get_with("/api/v1/token", &[("authorization", "Basic aGI6eA==")]).await;
        assert_refused(&basic, "unauthorized", REALM);
        let unknown = hireboard::models::api_token::generate();
        for presented in [unknown.as_str(), "hb_short", &revoked.token, "not a token at all"] {
            let res = app
                .get_with("/api/v1/token", &[("authorization", &format!("Bearer {presented}"))])
                .await;
            assert_refused(&res, "invalid-token", INVALID);
        }
        let res = app.get_with("/api/v1/token", &[("authorization", &expired.bearer())]).await;
        assert_refused(&res, "token-expired", INVALID);
        assert_eq!(res.json()["title"], "Token expired");
    }
}

#[actix_web::test]
async fn a_token_in_the_address_is_refused_even_on_public_routes() {
    let app = TestApp::sqlite();
    let token = app.with_conn(|c| ApiTokenFactory::new().create(c));
    for path in [
        format!("/api/v1/token?access_token={}", token.token),
        format!("/api/v1/jobs?q={}", token.token),
        format!("/api/v1/jobs?api_key={}", token.token),
    ] {
        let res = app.get_with(&path, &[("authorization", &token.bearer())]).await;
        assert_refused(&res, "token-in-query", REALM);
        assert!(res.json()["detail"].as_str().unwrap().contains("revoke"), "{}", res.body);
    }
    let untouched: Option<chrono::NaiveDateTime> = app.with_conn(|c| {
        api_tokens::table.find(token.id).select(api_tokens::last_used_at).first(c).unwrap()
    });
    assert_eq!(untouched, None, "nothing ran");
}

#[actix_web::test]
async fn a_token_over_its_rate_limit_gets_429_until_the_window_has_room() {
    let app = TestApp::sqlite_with(&[("API_RATE_LIMIT", "3")]);
    let (busy, other) =
        app.with_conn(|c| (ApiTokenFactory::new().create(c), ApiTokenFactory::new().create(c)));
    for left in (0..3).rev() {
        let res = app.get_with("/api/v1/token", &[("authorization", &busy.bearer())]).await;
        assert_eq!(res.status, 200);
        assert_eq!(res.header("ratelimit"), Some(format!("\"token\";r={left};t=0").as_str()));
    }
    let res = app
        .get_with("/api/v1/token", &[("authorization", &busy.bearer()), ("accept-language", "de")])
        .await;
    assert_eq!(res.status, 429, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    assert_eq!(res.json()["title"], "Zu viele Anfragen");
    let wait: u64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=120).contains(&wait), "{wait}");
    assert_eq!(res.header("ratelimit"), Some(format!("\"token\";r=0;t={wait}").as_str()));
    assert_eq!(res.header("ratelimit-policy"), Some("\"token\";q=3;w=60"));
    // Each token has its own count.
    let res = app.get_with("/api/v1/token", &[("authorization", &other.bearer())]).await;
    assert_eq!(res.status, 200);
}

#[actix_web::test]
async fn the_document_declares_the_bearer_scheme_on_protected_routes() {
    let app = TestApp::sqlite();
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert_eq!(doc["components"]["securitySchemes"]["token"]["scheme"], "bearer");
    assert_eq!(doc["paths"]["/api/v1/token"]["get"]["security"][0]["token"], serde_json::json!([]));
    assert!(doc["paths"]["/api/v1/jobs"]["get"]["security"].is_null(), "public");
}

#[actix_web::test]
async fn a_back_office_session_is_no_token() {
    let app = TestApp::sqlite();
    app.signed_in(hireboard::models::AdminRole::Admin).await;
    let res = app
        .request(
            actix_web::http::Method::POST,
            "/api/v1/jobs",
            &[("content-type", "application/json")],
            Some("{}".into()),
        )
        .await;
    assert_refused(&res, "unauthorized", REALM);
    assert_refused(&app.get("/api/v1/token").await, "unauthorized", REALM);
}
