//! `GET /api/v1/jobs`: the search page's filters, cursors, languages, ETags.

use std::collections::HashSet;

use hireboard::i18n::Locale;
use hireboard::models::{SalaryPeriod, Seniority, Workplace};

use crate::support::factories::text;
use crate::support::{CompanyFactory, JobFactory, TestApp, backends};

fn ids(body: &serde_json::Value) -> Vec<i64> {
    body["data"].as_array().unwrap().iter().map(|j| j["id"].as_i64().unwrap()).collect()
}

/// Follows `next` from `path` to the end, returning every page's ids.
async fn walk(app: &TestApp, path: &str) -> Vec<Vec<i64>> {
    let mut pages = Vec::new();
    let mut next = Some(path.to_owned());
    while let Some(url) = next {
        let path = url.trim_start_matches(&app.state.config.base_url).to_owned();
        let res = app.get(&path).await;
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        let body = res.json();
        pages.push(ids(&body));
        next = body["next"].as_str().map(str::to_owned);
        assert!(pages.len() < 50, "the cursor does not move");
    }
    pages
}

#[actix_web::test]
async fn lists_published_postings_with_the_search_filters() {
    for app in backends() {
        let b = app.backend;
        let (remote, senior_remote) = app.with_conn(|c| {
            let co = CompanyFactory::new().name("Acme Robotics").create(c);
            let remote = JobFactory::new(&co)
                .title("Remote welder")
                .workplace(Workplace::Remote)
                .seniority(Seniority::Mid)
                .skills(&["Welding"])
                .create(c);
            let senior = JobFactory::new(&co)
                .title("Senior welder")
                .workplace(Workplace::Remote)
                .seniority(Seniority::Senior)
                .create(c);
            JobFactory::new(&co).title("Office welder").workplace(Workplace::Onsite).create(c);
            JobFactory::new(&co)
                .title("Draft welder")
                .status(hireboard::models::JobStatus::Draft)
                .create(c);
            (remote, senior)
        });
        app.refresh_search();

        let all = app.get("/api/v1/jobs").await;
        assert_eq!(all.status, 200, "{b}: {}", all.body);
        assert!(all.header("content-type").unwrap().starts_with("application/json"), "{b}");
        let body = all.json();
        assert_eq!(body["total"], 3, "{b}: drafts are not listed");
        let job = body["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|j| j["id"] == remote.id)
            .unwrap_or_else(|| panic!("{b}: {body}"));
        assert_eq!(job["title"], "Remote welder");
        assert_eq!(job["workplace"], "remote");
        assert_eq!(job["company"]["name"], "Acme Robotics");
        assert_eq!(job["skills"], serde_json::json!(["Welding"]));
        assert_eq!(job["language"], "en");
        assert!(job["url"].as_str().unwrap().ends_with(&format!("/en/jobs/{}", remote.slug)));
        assert!(job["published_at"].as_str().unwrap().ends_with('Z'), "{b}: RFC 3339 in UTC");

        // The postings are read once per index version and language: a list of postings read
        // before runs no query, whatever the count; a text query not seen before runs one.
        let before = app.queries();
        app.get("/api/v1/jobs?limit=100").await;
        assert_eq!(app.queries() - before, 0, "{b}");
        let before = app.queries();
        app.get("/api/v1/jobs?q=office").await;
        assert_eq!(app.queries() - before, 1, "{b}");
        let before = app.queries();
        app.get("/api/v1/jobs?locale=de").await;
        assert_eq!(app.queries() - before, 1, "{b}: another language reads them once");
        // A change to a posting is listed as soon as the index has it.
        app.with_conn(|c| {
            use diesel::prelude::*;
            use hireboard::db::schema::jobs;
            diesel::update(jobs::table.find(remote.id))
                .set(jobs::title.eq("Remote welder (night shift)"))
                .execute(c)
                .unwrap()
        });
        app.refresh_search();
        let before = app.queries();
        let changed = app.get("/api/v1/jobs?limit=100").await.json();
        assert_eq!(app.queries() - before, 1, "{b}: read again after the change");
        let job =
            changed["data"].as_array().unwrap().iter().find(|j| j["id"] == remote.id).unwrap();
        assert_eq!(job["title"], "Remote welder (night shift)", "{b}");

        let filtered = app.get("/api/v1/jobs?workplace=remote&seniority=senior").await.json();
        assert_eq!(ids(&filtered), [senior_remote.id], "{b}");
        let text = app.get("/api/v1/jobs?q=welder&workplace=remote&sort=relevance").await.json();
        assert_eq!(text["total"], 2, "{b}: {text}");
        let none = app.get("/api/v1/jobs?company=nobody-here").await.json();
        assert_eq!(none["total"], 0, "{b}");
        assert!(none["data"].as_array().unwrap().is_empty());
        assert!(none.get("next").is_none(), "{b}: no next page");
    }
}

#[actix_web::test]
async fn cursors_walk_every_posting_once_in_each_sort() {
    for app in backends() {
        let b = app.backend;
        let all: HashSet<i64> = app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            (0..7)
                .map(|i| {
                    // Some share a publication second and a salary: ties must not repeat or
                    // skip postings between pages.
                    JobFactory::new(&co)
                        .title(&format!("Baker {i}"))
                        .published_days_ago(i / 3)
                        .salary(
                            Some(40_000 + 1000 * (i % 2)),
                            Some(50_000 + 1000 * (i % 2)),
                            "EUR",
                            SalaryPeriod::Year,
                        )
                        .create(c)
                        .id
                })
                .collect()
        });
        app.refresh_search();
        for sort in ["newest", "salary", "relevance"] {
            let pages = walk(&app, &format!("/api/v1/jobs?q=baker&sort={sort}&limit=3")).await;
            assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 1], "{b} {sort}");
            let seen: Vec<i64> = pages.concat();
            assert_eq!(seen.iter().copied().collect::<HashSet<_>>(), all, "{b} {sort}: {seen:?}");
            assert_eq!(seen.len(), all.len(), "{b} {sort}: a posting came twice");
            // The same order as one big page.
            let one = app.get(&format!("/api/v1/jobs?q=baker&sort={sort}&limit=100")).await;
            assert_eq!(ids(&one.json()), seen, "{b} {sort}");
        }

        // A posting published while a client pages does not shift the pages after it.
        let first = app.get("/api/v1/jobs?limit=3").await.json();
        let next = first["next"].as_str().unwrap().trim_start_matches(&app.state.config.base_url);
        let before = ids(&app.get(next).await.json());
        app.with_conn(|c| {
            let co = CompanyFactory::new().create(c);
            JobFactory::new(&co).title("Newcomer").published_minutes_ago(0).create(c);
        });
        app.refresh_search();
        assert_eq!(ids(&app.get(next).await.json()), before, "{b}");
    }
}

#[actix_web::test]
async fn titles_come_in_the_language_asked_for_or_the_original() {
    let app = TestApp::sqlite();
    let (translated, untranslated) = app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        let translated = JobFactory::new(&co)
            .title("Gardener")
            .translation(Locale::DE, text("Gärtnerin"))
            .create(c);
        let untranslated = JobFactory::new(&co).title("Roofer").create(c);
        (translated.id, untranslated.id)
    });
    app.refresh_search();
    let title_of = |body: &serde_json::Value, id: i64| -> (String, String) {
        let job = body["data"].as_array().unwrap().iter().find(|j| j["id"] == id).unwrap();
        (job["title"].as_str().unwrap().to_owned(), job["language"].as_str().unwrap().to_owned())
    };
    let by_param = app.get("/api/v1/jobs?locale=de").await.json();
    assert_eq!(title_of(&by_param, translated), ("Gärtnerin".into(), "de".into()));
    assert_eq!(title_of(&by_param, untranslated), ("Roofer".into(), "en".into()));
    let by_header = app.get_with("/api/v1/jobs", &[("accept-language", "de-AT, en;q=0.5")]).await;
    assert_eq!(title_of(&by_header.json(), translated), ("Gärtnerin".into(), "de".into()));
    let english = app.get("/api/v1/jobs").await.json();
    assert_eq!(title_of(&english, translated), ("Gardener".into(), "en".into()));
}

#[actix_web::test]
async fn an_unchanged_list_answers_304_to_its_etag() {
    let app = TestApp::sqlite();
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).create(c);
    });
    app.refresh_search();
    let first = app.get("/api/v1/jobs").await;
    let tag = first.header("etag").unwrap().to_owned();
    assert!(tag.starts_with("W/\""), "{tag}");
    let again = app.get_with("/api/v1/jobs", &[("if-none-match", &tag)]).await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(tag.as_str()));
    // The body depends on the language asked for.
    assert_eq!(again.header("vary"), Some("Accept-Language, Accept-Encoding"));
    // A change to the postings changes the tag.
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        JobFactory::new(&co).create(c);
    });
    app.refresh_search();
    let changed = app.get_with("/api/v1/jobs", &[("if-none-match", &tag)]).await;
    assert_eq!(changed.status, 200);
    assert_ne!(changed.header("etag"), Some(tag.as_str()));
}

#[actix_web::test]
async fn list_parameters_and_the_document_agree() {
    let app = TestApp::sqlite();
    let doc = app.get("/api/v1/openapi.json").await.json();
    let documented: HashSet<String> = doc["paths"]["/api/v1/jobs"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    // Each documented parameter is accepted, and an undocumented one is refused.
    for name in &documented {
        let value = match name.as_str() {
            "limit" | "salary_min" | "posted_within" => "5",
            "workplace" => "remote",
            "type" => "full_time",
            "seniority" => "senior",
            "country" => "DE",
            "sort" => "newest",
            "locale" => "de",
            "facets" => "true",
            "near" => "52.52,13.405",
            "radius" => "50",
            "remote" => "include",
            "bbox" => "5.9,47.3,15.0,55.1",
            "cursor" => continue,
            _ => "word",
        };
        let res = app.get(&format!("/api/v1/jobs?{name}={value}")).await;
        assert_eq!(res.status, 200, "{name}: {}", res.body);
    }
    assert_eq!(documented.len(), 19, "{documented:?}");
    assert_eq!(app.get("/api/v1/jobs?page=2").await.status, 422, "pages are the site's");
}

#[actix_web::test]
async fn a_list_asked_for_gzipped_comes_gzipped_and_reads_the_same() {
    use std::io::Read;
    let app = TestApp::sqlite();
    app.with_conn(|c| {
        let co = CompanyFactory::new().create(c);
        for _ in 0..5 {
            JobFactory::new(&co).create(c);
        }
    });
    app.refresh_search();
    let plain = app.get("/api/v1/jobs").await;
    assert_eq!(plain.header("content-encoding"), None);
    for _ in 0..2 {
        // Twice: the second answer comes from the compressed copy.
        let bytes = app.get_with("/api/v1/jobs", &[("accept-encoding", "br;q=0, gzip")]).await;
        assert_eq!(bytes.header("content-encoding"), Some("gzip"));
        assert_eq!(bytes.header("etag"), plain.header("etag"), "one tag for both");
        assert!(bytes.header("vary").unwrap().contains("Accept-Encoding"));
        let raw = bytes.raw.clone();
        let mut text = String::new();
        flate2::read::GzDecoder::new(raw.as_slice()).read_to_string(&mut text).unwrap();
        assert_eq!(text, plain.body);
    }
    let refused = app.get_with("/api/v1/jobs", &[("accept-encoding", "gzip;q=0, identity")]).await;
    assert_eq!(refused.header("content-encoding"), None);
}
