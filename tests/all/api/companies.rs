//! The public companies, skills and facet counts: `GET /api/v1/companies[/{id_or_slug}]`,
//! `GET /api/v1/skills` and `GET /api/v1/jobs?facets=true`.

use hireboard::i18n::Locale;
use hireboard::models::Workplace;

use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn slugs(body: &serde_json::Value) -> Vec<String> {
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn companies_are_listed_by_cursor_and_read_in_each_language() {
    for app in backends() {
        let b = app.backend;
        let made: Vec<String> = app.with_conn(|c| {
            let acme = CompanyFactory::new()
                .name("Acme Robotics")
                .original(Locale::EN, "We build robots.")
                .translation(Locale::DE, "Wir bauen Roboter.")
                .create(c);
            JobFactory::new(&acme).create(c);
            JobFactory::new(&acme).create(c);
            JobFactory::new(&acme).status(hireboard::models::JobStatus::Draft).create(c);
            let mut slugs = vec![acme.slug];
            slugs.extend((0..4).map(|_| CompanyFactory::new().create(c).slug));
            slugs
        });
        app.refresh_search();

        // Two at a time, oldest first, each once.
        let mut seen = Vec::new();
        let mut next = Some("/api/v1/companies?limit=2".to_owned());
        while let Some(url) = next {
            let path = url.trim_start_matches(&app.state.config.base_url).to_owned();
            let res = app.get(&path).await;
            assert_eq!(res.status, 200, "{b}: {path}: {}", res.body);
            let body = res.json();
            assert!(body["data"].as_array().unwrap().len() <= 2);
            seen.extend(slugs(&body));
            next = body["next"].as_str().map(str::to_owned);
            assert!(seen.len() <= made.len(), "{b}: the cursor does not move");
        }
        assert_eq!(seen, made, "{b}");

        // One, by slug: every language of its description, its open postings counted.
        let one = app.get(&format!("/api/v1/companies/{}", made[0])).await;
        assert_eq!(one.status, 200, "{b}: {}", one.body);
        assert!(one.header("etag").is_some());
        let body = one.json();
        assert_eq!(body["name"], "Acme Robotics");
        assert_eq!(body["open_jobs"], 2, "{b}: the draft does not count");
        assert_eq!(body["languages"], serde_json::json!(["en", "de"]));
        assert_eq!(body["descriptions"][1]["text"], "Wir bauen Roboter.");
        assert_eq!(body["descriptions"][0]["original"], true);
        let jobs_url =
            body["jobs_url"].as_str().unwrap().trim_start_matches(&app.state.config.base_url);
        assert_eq!(app.get(jobs_url).await.json()["total"], 2, "{b}");
        // By id, in one language: German; Ukrainian falls back to the original.
        let id = body["id"].as_i64().unwrap();
        let german = app.get(&format!("/api/v1/companies/{id}?locale=de")).await.json();
        assert_eq!(german["descriptions"].as_array().unwrap().len(), 1);
        assert_eq!(german["descriptions"][0]["language"], "de");
        let ukrainian = app
            .get_with(&format!("/api/v1/companies/{id}"), &[("accept-language", "uk")])
            .await
            .json();
        assert_eq!(ukrainian["descriptions"][0]["language"], "en", "{b}");
        assert_eq!(ukrainian["descriptions"][0]["text"], "We build robots.");

        for (path, status) in [
            ("/api/v1/companies/no-such-company", 404),
            ("/api/v1/companies/999999", 404),
            ("/api/v1/companies?limit=0", 422),
            ("/api/v1/companies?cursor=bm9wZQ", 422),
            ("/api/v1/companies?colour=red", 422),
            ("/api/v1/companies/acme-robotics?locale=xx", 422),
        ] {
            let res = app.get(path).await;
            assert_eq!(res.status, status, "{b}: {path}");
            assert_eq!(res.header("content-type"), Some("application/problem+json"), "{path}");
        }
    }
}

#[actix_web::test]
async fn skills_and_facet_counts_follow_the_open_postings() {
    for app in backends() {
        let b = app.backend;
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).workplace(Workplace::Remote).skills(&["Rust", "SQL"]).create(c);
            JobFactory::new(&co).workplace(Workplace::Remote).skills(&["Rust"]).create(c);
            JobFactory::new(&co).workplace(Workplace::Onsite).skills(&["SQL"]).create(c);
            JobFactory::new(&co)
                .skills(&["Cobol"])
                .status(hireboard::models::JobStatus::Draft)
                .create(c);
        });
        app.refresh_search();

        let skills = app.get("/api/v1/skills").await;
        assert_eq!(skills.status, 200, "{b}: {}", skills.body);
        let counted: Vec<(String, u64)> = skills.json()["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["name"].as_str().unwrap().to_owned(), s["open_jobs"].as_u64().unwrap()))
            .collect();
        let expected: Vec<(String, u64)> =
            [("Rust", 2), ("SQL", 2), ("Cobol", 0)].map(|(n, c)| (n.to_owned(), c)).to_vec();
        assert_eq!(counted, expected, "{b}");
        assert_eq!(app.get("/api/v1/skills?locale=de").await.status, 422);

        // Facets count each filter's values with the other filters applied.
        let res = app.get("/api/v1/jobs?workplace=remote&facets=true&limit=1").await;
        assert_eq!(res.status, 200, "{b}: {}", res.body);
        let body = res.json();
        assert_eq!(body["total"], 2);
        let count = |facet: &str, value: &str| {
            body["facets"][facet]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["value"] == value)
                .map(|c| c["count"].as_u64().unwrap())
        };
        // The workplace facet ignores the workplace filter; the skills honour it.
        assert_eq!(count("workplace", "remote"), Some(2), "{b}");
        assert_eq!(count("workplace", "onsite"), Some(1), "{b}");
        assert_eq!(count("skill", "rust"), Some(2), "{b}");
        assert_eq!(count("skill", "sql"), Some(1), "{b}");
        let rust =
            body["facets"]["skill"].as_array().unwrap().iter().find(|c| c["value"] == "rust");
        assert_eq!(rust.unwrap()["name"], "Rust");
        // Only when asked.
        assert!(app.get("/api/v1/jobs").await.json().get("facets").is_none());
        assert_eq!(app.get("/api/v1/jobs?facets=yes").await.status, 422);
    }
}

#[actix_web::test]
async fn a_company_without_postings_has_none_open() {
    let app = TestApp::sqlite();
    let slug = app.with_conn(|c| CompanyFactory::new().create(c).slug);
    let body = app.get(&format!("/api/v1/companies/{slug}")).await.json();
    assert_eq!(body["open_jobs"], 0);
    assert_eq!(body["logo_url"], serde_json::Value::Null);
}
