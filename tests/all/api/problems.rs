//! Every error under `/api/` is an RFC 9457 problem document in the client's language.

use crate::support::TestApp;

#[actix_web::test]
async fn refused_parameters_are_a_422_naming_each() {
    let app = TestApp::sqlite();
    let res = app.get("/api/v1/jobs?workplace=moon&limit=0&colour=red&cursor=xyz").await;
    assert_eq!(res.status, 422);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    let problem = res.json();
    assert_eq!(problem["status"], 422);
    assert!(problem["type"].as_str().unwrap().ends_with("/api/docs#problem-invalid"));
    assert_eq!(problem["title"], "Invalid parameters");
    let names: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["workplace", "limit", "colour", "cursor"], "{problem}");
    assert!(problem["errors"][0]["reason"].as_str().unwrap().contains("moon"), "{problem}");
}

#[actix_web::test]
async fn problems_speak_the_language_of_accept_language() {
    let app = TestApp::sqlite();
    let res = app.get_with("/api/v1/jobs?limit=500", &[("accept-language", "uk")]).await;
    assert_eq!(res.status, 422);
    let problem = res.json();
    assert_eq!(problem["title"], "Некоректні параметри");
    assert!(problem["errors"][0]["reason"].as_str().unwrap().contains("500"), "{problem}");
    // The type is the same in every language.
    assert!(problem["type"].as_str().unwrap().ends_with("#problem-invalid"));
}

#[actix_web::test]
async fn unknown_addresses_and_methods_are_problems_too() {
    let app = TestApp::sqlite();
    let missing = app.get("/api/v1/nothing-here").await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-type"), Some("application/problem+json"));
    assert_eq!(missing.json()["title"], "Not found");

    let wrong = app.request(actix_web::http::Method::DELETE, "/api/v1/jobs", &[], None).await;
    assert_eq!(wrong.status, 405);
    assert_eq!(wrong.header("allow"), Some("GET, HEAD, POST"));
    assert!(wrong.json()["type"].as_str().unwrap().ends_with("#problem-method-not-allowed"));

    let head = app.request(actix_web::http::Method::HEAD, "/api/v1/jobs", &[], None).await;
    assert_eq!(head.status, 200);
}

#[actix_web::test]
async fn the_document_is_openapi_3_1_and_lists_every_api_route() {
    let app = TestApp::sqlite();
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status, 200);
    let doc = res.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    for route in hireboard::routes::table() {
        // The document and the page made of it are not in it.
        let documents_itself = ["/api/v1/openapi.json", "/api/docs"].contains(&route.path);
        if hireboard::api::is_api(route.path) && !documents_itself && route.method != "HEAD" {
            let method = route.method.as_str().to_lowercase();
            assert!(
                doc["paths"][route.path][&method].is_object(),
                "{} {} is not in the document",
                route.method,
                route.path
            );
        }
    }
}
