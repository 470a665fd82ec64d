//! `GET /api/v1/jobs/{id_or_slug}`: one posting, its texts in every language or one.

use hireboard::i18n::Locale;
use hireboard::models::JobStatus;

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, backends};

fn languages(body: &serde_json::Value) -> Vec<&str> {
    body["texts"].as_array().unwrap().iter().map(|t| t["language"].as_str().unwrap()).collect()
}

#[actix_web::test]
async fn a_posting_by_id_or_slug_with_every_language_or_one() {
    for app in backends() {
        let b = app.backend;
        let (job, draft) = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Beet Farm").create(c);
            let job = JobFactory::new(&co)
                .title("Gardener")
                .street("Invalidenstraße 116")
                .at(Some((52.5311, 13.3849)))
                .skills(&["Pruning"])
                .translation(Locale::DE, text("Gärtnerin"))
                .create(c);
            let draft = JobFactory::new(&co).status(JobStatus::Draft).create(c);
            (job, draft)
        });
        app.refresh_search();

        let by_slug = app.get(&format!("/api/v1/jobs/{}", job.slug)).await;
        assert_eq!(by_slug.status, 200, "{b}: {}", by_slug.body);
        let body = by_slug.json();
        assert_eq!(body["id"], job.id);
        assert_eq!(body["status"], "published");
        assert_eq!(body["company"]["name"], "Beet Farm");
        assert_eq!(body["skills"], serde_json::json!(["Pruning"]));
        assert_eq!(
            body["location"],
            serde_json::json!({
                "street_address": "Invalidenstraße 116", "latitude": 52.5311, "longitude": 13.3849
            }),
            "{b}"
        );
        assert_eq!(body["languages"], serde_json::json!(["en", "de"]), "{b}");
        assert_eq!(languages(&body), ["en", "de"], "{b}: every language without one asked");
        assert_eq!(body["texts"][0]["original"], true);
        assert_eq!(body["texts"][1]["title"], "Gärtnerin");
        assert_eq!(body["texts"][1]["original"], false);

        let by_id = app.get(&format!("/api/v1/jobs/{}", job.id)).await;
        assert_eq!(by_id.json(), body, "{b}: the id names the same posting");

        let german = app.get(&format!("/api/v1/jobs/{}?locale=de", job.id)).await.json();
        assert_eq!(languages(&german), ["de"], "{b}");
        assert_eq!(german["texts"][0]["title"], "Gärtnerin");
        let header = app
            .get_with(&format!("/api/v1/jobs/{}", job.slug), &[("accept-language", "uk, en;q=0.5")])
            .await
            .json();
        assert_eq!(languages(&header), ["en"], "{b}: no Ukrainian text, so the original");

        for missing in [draft.id.to_string(), draft.slug.clone(), "999999".into(), "no-such".into()]
        {
            let res = app.get(&format!("/api/v1/jobs/{missing}")).await;
            assert_eq!(res.status, 404, "{b}: {missing}");
            assert_eq!(res.header("content-type"), Some("application/problem+json"));
        }
    }
}

#[actix_web::test]
async fn a_posting_seen_again_needs_no_query_and_answers_its_etag() {
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).create(c).slug
        });
        app.refresh_search();
        let path = format!("/api/v1/jobs/{slug}");
        let first = app.get(&path).await;
        let before = app.queries();
        let again = app.get(&path).await;
        assert_eq!(app.queries() - before, 0, "{}", app.backend);
        assert_eq!(again.body, first.body);
        let tag = first.header("etag").unwrap();
        let cached = app.get_with(&path, &[("if-none-match", tag)]).await;
        assert_eq!(cached.status, 304);
        // The date of its latest change too, to the second.
        let modified = first.header("last-modified").expect("Last-Modified").to_owned();
        let since = app.get_with(&path, &[("if-modified-since", &modified)]).await;
        assert_eq!(since.status, 304, "{}", app.backend);
        assert_eq!(since.header("etag"), Some(tag));
        let earlier = chrono::DateTime::parse_from_rfc2822(&modified).unwrap()
            - chrono::TimeDelta::seconds(1);
        let earlier = earlier.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
        assert_eq!(app.get_with(&path, &[("if-modified-since", &earlier)]).await.status, 200);
        // A tag sent is the one that counts.
        let both = [("if-none-match", "W/\"other\""), ("if-modified-since", modified.as_str())];
        assert_eq!(app.get_with(&path, &both).await.status, 200, "{}", app.backend);
    }
}

#[actix_web::test]
async fn refused_parameters_of_a_posting_are_named() {
    let app = crate::support::TestApp::sqlite();
    let slug = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).create(c).slug
    });
    let res = app.get(&format!("/api/v1/jobs/{slug}?locale=xx&expand=all")).await;
    assert_eq!(res.status, 422);
    let names: Vec<String> = res.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["locale", "expand"]);
}
