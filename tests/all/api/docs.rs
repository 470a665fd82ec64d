//! `/api/docs`: the reference people read, served by the app, in their language, with an
//! anchor for every endpoint and every problem `type`.

use crate::support::TestApp;

#[actix_web::test]
async fn the_reference_lists_every_endpoint_and_explains_every_problem() {
    let app = TestApp::sqlite();
    let res = app.get_with("/api/docs", &[("accept", "text/html")]).await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(res.header("content-type").unwrap().starts_with("text/html"));
    let html = res.html();
    let listed = html.texts("section.api-endpoint h2");
    for route in hireboard::routes::table() {
        let documented = route.path.starts_with("/api/v1/") && route.path != "/api/v1/openapi.json";
        if documented && route.method != "HEAD" {
            let heading = format!("{} {}", route.method, route.path);
            assert!(listed.contains(&heading), "{heading} is not on the page: {listed:?}");
        }
    }
    for kind in hireboard::api::docs::PROBLEM_KINDS {
        assert_eq!(html.count(&format!("#problem-{kind}")), 1, "{kind}");
    }
    // A problem's type leads to its entry on this page.
    let problem = app.get("/api/v1/jobs?limit=0").await.json();
    let anchor = problem["type"].as_str().unwrap().rsplit_once('#').unwrap().1.to_owned();
    assert_eq!(html.count(&format!("#{anchor}")), 1);
    let examples = html.texts("pre code");
    assert!(examples.iter().all(|c| c.starts_with("curl -s")));
    // A form with a file is sent as one: each field a part, the CV from a file.
    let apply =
        examples.iter().find(|c| c.ends_with("/applications'") && c.contains(" -F ")).unwrap();
    assert!(apply.contains("-F 'cv=@cv.pdf'") && apply.contains("-F 'email=…'"), "{apply}");
    assert!(!apply.contains("application/json"), "{apply}");

    let german = app.get("/api/docs?locale=de").await.html();
    assert_eq!(german.text("h1"), "API-Referenz");
    assert_eq!(german.attr("html", "lang"), "de");
}
